/**
 * The demo hotel's guest rooms and stays: 40 rooms on four floors and about ten weeks of stays
 * around today (two weeks back, eight ahead), with two room blocks. Written through the engine's
 * queries, inside the demo's one transaction (demo-hotel.ts): a stay's history (checked in last
 * week, checked out on Monday) cannot be replayed through the desk's rules, and demo stays send
 * nothing to billing.
 */
import { insertRoom, setRoomHousekeeping } from '../../db/queries/room-queries';
import { insertBlock } from '../../db/queries/block-queries';
import { insertStay } from '../../db/queries/stay-queries';
import type { Housekeeping } from '../../shared/contract/rooms';
import type { BlockKind, StayStatus } from '../../shared/rules/stay-rules';
import { addDays, resolveTime } from '../../shared/time';
import type { Db } from '../../db/database';
import type { Settings } from '../../shared/contract/settings';
import { demoGuest, pick } from './demo-guests';

const CATEGORIES = {
  single: { name: 'Standard single room', capacity: 1, rate: 89_500 },
  double: { name: 'Standard double room', capacity: 2, rate: 119_500 },
  superior: { name: 'Superior double room', capacity: 3, rate: 149_500 },
  suite: { name: 'Junior suite', capacity: 4, rate: 229_500 },
} as const;

/** Room x01–x03 single, x04–x07 double, x08–x09 superior, x10 the floor's suite. */
function categoryOf(index: number) {
  if (index <= 3) return CATEGORIES.single;
  if (index <= 7) return CATEGORIES.double;
  if (index <= 9) return CATEGORIES.superior;
  return CATEGORIES.suite;
}

/** Blocks as day offsets from today: [from, to) in nights. */
const BLOCKS: { room: number; from: number; to: number; reason: string; kind: BlockKind }[] = [
  { room: 305, from: -1, to: 2, reason: 'Water damage in the bathroom', kind: 'out_of_order' },
  { room: 210, from: 10, to: 14, reason: 'Repainting', kind: 'blocked' },
];

const NIGHTS = [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 7, 7];
const GAPS = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 6];
const NOTES = ['Late arrival', 'Allergic to feathers', 'Anniversary: champagne on arrival', 'Needs parking', 'Baby cot in the room', 'Quiet room, please'];
const FIRST_DAY = -14;
const LAST_DAY = 56;
const DAY_MS = 86_400_000;

/** Status from the stay's day offsets [ci, co) relative to today, as the desk would have left it. */
function statusFor(ci: number, co: number, random: () => number): StayStatus {
  if (random() < 0.04) return ci >= 0 ? 'cancelled' : 'no_show';
  if (co < 0) return 'checked_out';
  if (ci > 0) return 'booked';
  if (ci === 0) return random() < 0.3 ? 'checked_in' : 'booked';
  if (co === 0) return random() < 0.5 ? 'checked_out' : 'checked_in';
  return 'checked_in';
}

export interface DemoStaysWorld {
  db: Db;
  settings: Settings;
  today: string;
  nowMs: number;
  random: () => number;
}

/** The rooms and their stays and blocks; the caller has checked that the hotel has no rooms yet. */
export async function seedDemoStays({ db, settings, today, nowMs, random }: DemoStaysWorld): Promise<{ rooms: number; stays: number }> {
  const zone = settings.timeZone;
  const at = (day: number, time: string) => resolveTime(addDays(today, day), zone, time);
  let rooms = 0;
  let stays = 0;
  for (let floor = 1; floor <= 4; floor++) {
    for (let index = 1; index <= 10; index++) {
      const number = floor * 100 + index;
      const category = categoryOf(index);
      const blocks = BLOCKS.filter((b) => b.room === number);
      let housekeeping: Housekeeping = random() < 0.15 ? 'inspected' : 'clean';
      if (blocks.some((b) => b.from <= 0 && b.to > 0)) housekeeping = 'out_of_order';
      const roomId = await insertRoom(
        db,
        { number, category: category.name, capacity: category.capacity, nightlyRate: category.rate, floor, housekeeping: 'clean', active: true },
        nowMs,
      );
      rooms++;
      for (const b of blocks) {
        const from = at(b.from, settings.checkinTime);
        const to = at(b.to, settings.checkoutTime);
        await insertBlock(db, {
          roomId, startsAt: from.iso, endsAt: to.iso, startsMs: from.ms, endsMs: to.ms, reason: b.reason, kind: b.kind, createdBy: 'demo', createdAt: nowMs,
        });
      }

      let day = FIRST_DAY - Math.floor(random() * 4);
      while (day < LAST_DAY) {
        const nights = pick(random, NIGHTS);
        // Fewer bookings the further ahead, as in any hotel's book.
        const gap = pick(random, GAPS) + (day > 28 && random() < 0.3 ? 2 : 0);
        const ci = day;
        const co = day + nights;
        day = co + gap;
        const blocked = blocks.find((b) => ci < b.to && b.from < co);
        if (blocked) {
          day = Math.max(day, blocked.to);
          continue;
        }
        const status = statusFor(ci, co, random);
        if (co === 0 && status === 'checked_out') housekeeping = 'dirty';
        const checkin = at(ci, settings.checkinTime);
        const checkout = at(co, settings.checkoutTime);
        const guest = demoGuest(random);
        const createdAt = Math.min(nowMs, checkin.ms - Math.floor(1 + random() * 60) * DAY_MS);
        await insertStay(db, {
          roomId,
          category: category.name,
          guestName: guest.name,
          guestEmail: guest.email,
          guestPhone: guest.phone,
          guests: 1 + Math.floor(random() * category.capacity),
          checkin: checkin.iso,
          checkout: checkout.iso,
          checkinMs: checkin.ms,
          checkoutMs: checkout.ms,
          nights,
          status,
          price: nights * category.rate,
          notes: random() < 0.1 ? pick(random, NOTES) : '',
          createdBy: 'demo',
          ownerId: null,
          createdAt,
          updatedAt: createdAt,
        });
        stays++;
      }
      if (housekeeping !== 'clean') await setRoomHousekeeping(db, roomId, housekeeping, nowMs);
    }
  }
  return { rooms, stays };
}
