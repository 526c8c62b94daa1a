/** Seed 000's `GET /bookings`: rows already in the seed's shape and field names, by id. */
import type { SeedBooking } from '../../shared/contract/seed-bookings';
import type { Db } from '../database';
import { overlapWhere } from './stay-queries';

const SEED_SELECT = `
  SELECT s.id, r.number AS roomnumber, s.category,
         CASE WHEN s.status IN ('cancelled', 'no_show') THEN 0 ELSE 1 END AS isbooking,
         s.checkin, s.checkout, s.status, s.guest_name, s.guests, s.price
  FROM stays s JOIN guest_rooms r ON r.id = s.room_id`;

export interface SeedBookingFilter {
  /** Keep bookings overlapping `[fromMs, toMs)`. */
  fromMs?: number;
  toMs?: number;
  limit?: number;
  maxStayMs: number;
  /** Only this user's bookings (a `client` sees no one else's). */
  ownerId?: number;
}

export async function listSeedBookings(db: Db, f: SeedBookingFilter): Promise<SeedBooking[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  overlapWhere(f, where, params);
  if (f.ownerId !== undefined) {
    where.push('s.owner_id = ?');
    params.push(f.ownerId);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  if (f.limit === undefined) return await db.all<SeedBooking>(`${SEED_SELECT}${clause} ORDER BY s.id`, ...params);
  return await db.all<SeedBooking>(`${SEED_SELECT}${clause} ORDER BY s.id LIMIT ?`, ...params, f.limit);
}

export async function getSeedBooking(db: Db, id: number): Promise<SeedBooking | undefined> {
  return await db.get<SeedBooking>(`${SEED_SELECT} WHERE s.id = +?`, id);
}
