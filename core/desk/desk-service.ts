/**
 * The desk's search, worklists and the kiosk's view of what is free (issue 10, items 9, 10, 16;
 * docs/desk-worklists.md). Reads only: nothing here writes.
 */
import type { z } from 'zod';
import { arrivalsOn, inHouseStays, stayHitById, stayHitsByRoom, stayHitsByText } from '../../db/queries/desk-queries';
import type { Availability, AvailabilityQuerySchema, SearchHit, SearchResult, Worklists } from '../../shared/contract/desk';
import { AppError } from '../../shared/errors';
import { stayPrice } from '../../shared/rules/stay-rules';
import { addDays, localDate, startOfLocalDate } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { RoomsService } from '../rooms/rooms-service';
import type { SettingsService } from '../settings/settings-service';
import { resolveStayWindow } from '../stays/stay-window';

export type AvailabilityQuery = z.output<typeof AvailabilityQuerySchema>;

export interface DeskService {
  search(q: string, limit: number): Promise<SearchResult>;
  worklists(): Promise<Worklists>;
  available(query: AvailabilityQuery): Promise<Availability>;
}

/** The shortest piece of text the trigram index can find (3 characters); shorter words are left out. */
export const MIN_SEARCH_CHARS = 3;

/** Characters a phone number is written with besides its digits (the index keeps the digits only). */
const PHONE_PUNCTUATION = /[\s+\-().]/g;
const PHONE_LIKE = /^[\d\s+\-().]+$/;

/** Lower case without accents, as the trigram index (remove_diacritics) compares. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of a query as the index holds them: a run of words written like a phone number (digits
 * with spaces, `+`, `-`, `(`, `)`, `.`) becomes one word of its digits; words shorter than 3
 * characters are dropped (a trigram index cannot find them). "Mette +45 20-12 ab" → ["Mette", "452012"].
 * All of them must match (db/queries/desk-queries.ts).
 */
export function searchTerms(q: string): string[] {
  const terms: string[] = [];
  let digits = '';
  for (const w of q.split(/\s+/)) {
    if (PHONE_LIKE.test(w) && /\d/.test(w)) {
      digits += w.replace(PHONE_PUNCTUATION, '');
      continue;
    }
    if (digits) terms.push(digits);
    digits = '';
    terms.push(w);
  }
  if (digits) terms.push(digits);
  return terms.filter((w) => [...w].length >= MIN_SEARCH_CHARS);
}

/** Which field of the hit holds every term: the name first, then the e-mail, then the phone. */
function matchedField(hit: Omit<SearchHit, 'matched'>, terms: string[]): SearchHit['matched'] {
  const folded = terms.map(fold);
  const all = (text: string | null) => text !== null && folded.every((t) => fold(text).includes(t));
  if (all(hit.guestName)) return 'name';
  if (all(hit.guestEmail)) return 'email';
  if (all(hit.guestPhone?.replace(PHONE_PUNCTUATION, '') ?? null)) return 'phone';
  return 'name';
}

export function createDeskService(core: CoreDeps, settings: SettingsService, rooms: RoomsService): DeskService {
  const db = core.db;
  return {
    async search(q, limit) {
      const text = q.trim().replace(/^#/, '');
      const now = core.clock();
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const add = (row: Omit<SearchHit, 'matched'>, matched: SearchHit['matched']) => {
        if (seen.has(row.stayId)) return;
        seen.add(row.stayId);
        hits.push({ ...row, matched });
      };
      // One more than asked, to tell the desk that the list was cut.
      const want = limit + 1;
      if (/^\d{1,15}$/.test(text)) {
        const n = Number(text);
        const byId = await stayHitById(db, n);
        if (byId) add(byId, 'id');
        if (n <= 99_999) for (const row of await stayHitsByRoom(db, n, now, want)) add(row, 'room');
      }
      const terms = searchTerms(text);
      if (terms.length > 0 && hits.length < want) {
        for (const row of await stayHitsByText(db, terms, now, want)) add(row, matchedField(row, terms));
      }
      return { items: hits.slice(0, limit), more: hits.length > limit };
    },

    async worklists() {
      const zone = settings.get().timeZone;
      const today = localDate(core.clock(), zone);
      const dayStart = startOfLocalDate(today, zone);
      const dayEnd = startOfLocalDate(addDays(today, 1), zone);
      return { today, arrivals: await arrivalsOn(db, dayStart, dayEnd), ...(await inHouseStays(db, dayStart, dayEnd)) };
    },

    async available(query) {
      const s = settings.get();
      const w = resolveStayWindow(s, query.checkin, query.checkout);
      if (w.checkout.ms <= core.clock()) throw new AppError('VALIDATION', 'checkout is in the past');
      const byCategory = new Map<string, Availability['categories'][number]>();
      for (const room of await rooms.free({ checkin: query.checkin, checkout: query.checkout, guests: query.guests })) {
        const offer = { number: room.number, category: room.category, capacity: room.capacity, nightlyRate: room.nightlyRate, price: stayPrice(w.nights, room.nightlyRate) };
        const group = byCategory.get(room.category);
        if (!group) byCategory.set(room.category, { category: room.category, fromRate: room.nightlyRate, maxCapacity: room.capacity, rooms: [offer] });
        else {
          group.rooms.push(offer);
          group.fromRate = Math.min(group.fromRate, room.nightlyRate);
          group.maxCapacity = Math.max(group.maxCapacity, room.capacity);
        }
      }
      const categories = [...byCategory.values()]
        .map((c) => ({ ...c, rooms: c.rooms.sort((a, b) => a.nightlyRate - b.nightlyRate || a.number - b.number) }))
        // Code-point order for equal rates: `localeCompare` would bring ICU's collator (~2 MB) into the host for a tie-break.
        .sort((a, b) => a.fromRate - b.fromRate || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
      return { checkin: w.checkin.iso, checkout: w.checkout.iso, nights: w.nights, currency: s.currency, categories };
    },
  };
}
