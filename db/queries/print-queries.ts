/**
 * What the printed lists add to the worklists' stays (core/print/print-service.ts): each stay's
 * category, room floor, nights, price, contact and notes, by the stays' ids (primary-key reads).
 */
import type { Db } from '../database';
import type { guestRooms, stays } from '../schema';
import type { RowPick } from './row-types';

export type StayPaperRow = RowPick<typeof stays, 'id' | 'category' | 'nights' | 'price' | 'guestEmail' | 'guestPhone' | 'notes'> &
  RowPick<typeof guestRooms, 'floor'>;

/** The paper's details of the stays `ids` (in no order; an empty list reads nothing). */
export async function stayPaperDetails(db: Db, ids: readonly number[]): Promise<StayPaperRow[]> {
  if (ids.length === 0) return [];
  return db.all<StayPaperRow>(
    `SELECT s.id, s.category, s.nights, s.price, s.guest_email AS "guestEmail", s.guest_phone AS "guestPhone", s.notes, r.floor
     FROM stays s JOIN guest_rooms r ON r.id = s.room_id
     WHERE s.id IN (${ids.map(() => '?').join(', ')})`,
    ...ids,
  );
}
