/**
 * A guest's details on a stay, and a returning guest's profile: the stays joined by e-mail address
 * (case-insensitive) or phone number (spaces, dashes, dots and brackets ignored), followed through
 * shared addresses and numbers a few steps (a guest who booked once by phone and once by e-mail
 * with the same phone is one profile).
 */
import type { Db } from '../database';
import type { stays } from '../schema';
import type { RowPick } from './row-types';
import { placeholders } from './sql-list';
import { STAY_SELECT, type StayRecord } from './stay-queries';

/** A stay's guest details, as a change rewrites them. */
export type StayGuestRow = RowPick<typeof stays, 'guestName' | 'guestEmail' | 'guestPhone' | 'guests' | 'notes'>;

export async function updateStayGuest(db: Db, id: number, g: StayGuestRow, nowMs: number): Promise<void> {
  await db.run('UPDATE stays SET guest_name = ?, guest_email = ?, guest_phone = ?, guests = ?, notes = ?, updated_at = ? WHERE id = ?', g.guestName, g.guestEmail, g.guestPhone, g.guests, g.notes, nowMs, id);
}

/** `+45 20-12 (34) 56` → `+4520123456`: how two phone numbers are compared. */
export function normalPhone(phone: string): string {
  return phone.replace(/[\s\-().]/g, '');
}

const PHONE_SQL = "replace(replace(replace(replace(replace(s.guest_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')";
/** How far a profile follows shared addresses and numbers, and how many it collects. */
const MAX_ROUNDS = 3;
const MAX_KEYS = 20;

/** The ids of every stay the profile joins, from its e-mail addresses and phone numbers. */
export async function guestProfileStayIds(db: Db, email: string | undefined, phone: string | undefined): Promise<number[]> {
  const emails = new Set<string>(email ? [email.trim().toLowerCase()] : []);
  const phones = new Set<string>(phone && normalPhone(phone) !== '' ? [normalPhone(phone)] : []);
  const ids = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS && (emails.size > 0 || phones.size > 0); round++) {
    const e = [...emails].slice(0, MAX_KEYS);
    const p = [...phones].slice(0, MAX_KEYS);
    const where = [e.length ? `lower(s.guest_email) IN (${placeholders(e.length)})` : '', p.length ? `${PHONE_SQL} IN (${placeholders(p.length)})` : '']
      .filter(Boolean)
      .join(' OR ');
    const rows = await db.all<{ id: number; email: string | null; phone: string | null }>(`SELECT s.id, lower(s.guest_email) AS email, ${PHONE_SQL} AS phone FROM stays s WHERE ${where}`, ...e, ...p);
    const before = emails.size + phones.size;
    for (const r of rows) {
      ids.add(r.id);
      if (r.email) emails.add(r.email);
      if (r.phone) phones.add(r.phone);
    }
    if (emails.size + phones.size === before) break;
  }
  return [...ids];
}

/**
 * Those stays, newest arrival first, at most `limit`. The ids go in as `IN (?, ?, …)` (both engines),
 * their count rounded up to a power of two by repeating the last id, so a few statements serve any
 * profile instead of one prepared statement per length.
 */
export async function stayRecordsByIds(db: Db, ids: readonly number[], limit: number): Promise<StayRecord[]> {
  if (ids.length === 0) return [];
  const padded = [...ids];
  while ((padded.length & (padded.length - 1)) !== 0) padded.push(ids[ids.length - 1]!);
  return await db.all<StayRecord>(`${STAY_SELECT} WHERE s.id IN (${placeholders(padded.length)}) ORDER BY s.checkin_ms DESC, s.id DESC LIMIT ?`, ...padded, limit);
}
