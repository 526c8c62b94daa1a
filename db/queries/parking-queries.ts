/**
 * Parking spaces and their bookings. Column aliases give the API's shape on both engines. The holding
 * predicate `status = 'booked'` is written exactly as in the partial index `parking_bookings_holding_idx`.
 */
import type { ParkingBooking, ParkingSpace } from '../../shared/contract/parking';
import type { Db } from '../database';
import { addFilter, emptyFilter, whereClause, type SqlFilter } from './sql-filter';

const SPACE_COLUMNS = 'id, label, created_at AS "createdAt"';

export async function listParkingSpaces(db: Db): Promise<ParkingSpace[]> {
  return await db.all<ParkingSpace>(`SELECT ${SPACE_COLUMNS} FROM parking_spaces ORDER BY label, id`);
}

export async function getParkingSpace(db: Db, id: number): Promise<ParkingSpace | undefined> {
  return await db.get<ParkingSpace>(`SELECT ${SPACE_COLUMNS} FROM parking_spaces WHERE id = ?`, id);
}

export async function getParkingSpaceByLabel(db: Db, label: string): Promise<ParkingSpace | undefined> {
  return await db.get<ParkingSpace>(`SELECT ${SPACE_COLUMNS} FROM parking_spaces WHERE lower(label) = lower(?)`, label);
}

export async function insertParkingSpace(db: Db, label: string, createdAt: string): Promise<number> {
  return await db.insert('INSERT INTO parking_spaces (label, created_at) VALUES (?, ?)', label, createdAt);
}

const BOOKING_COLUMNS = `b.id, b.space_id AS "spaceId", s.label AS "spaceLabel", b.plate, b.guest_name AS "guestName",
  b.from_date AS "from", b.to_date AS "to", b.status, b.created_at AS "createdAt"`;

export async function getParkingBooking(db: Db, id: number): Promise<ParkingBooking | undefined> {
  return await db.get<ParkingBooking>(`SELECT ${BOOKING_COLUMNS} FROM parking_bookings b JOIN parking_spaces s ON s.id = b.space_id WHERE b.id = ?`, id);
}

export interface ParkingBookingRow {
  spaceId: number;
  plate: string;
  guestName: string;
  from: string;
  to: string;
  createdBy: string;
  createdAt: string;
}

export async function insertParkingBooking(db: Db, b: ParkingBookingRow): Promise<number> {
  return await db.insert(`INSERT INTO parking_bookings (space_id, plate, guest_name, from_date, to_date, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, 'booked', ?, ?)`, b.spaceId, b.plate, b.guestName, b.from, b.to, b.createdBy, b.createdAt);
}

/** The first booking holding the space on any day of [from, to), if any. */
export async function findParkingOverlap(db: Db, spaceId: number, from: string, to: string): Promise<{ id: number; from: string; to: string } | undefined> {
  return await db.get<{ id: number; from: string; to: string }>(`SELECT id, from_date AS "from", to_date AS "to" FROM parking_bookings
     WHERE space_id = ? AND status = 'booked' AND from_date < ? AND to_date > ?
     ORDER BY from_date LIMIT 1`, spaceId, to, from);
}

export async function cancelParkingBooking(db: Db, id: number): Promise<void> {
  await db.run(`UPDATE parking_bookings SET status = 'cancelled' WHERE id = ?`, id);
}

/** One space, overlapping [from, to) (alias `b`): the list's and the CSV export's filter. */
export function parkingWhere(f: { spaceId?: number | undefined; from?: string | undefined; to?: string | undefined }): SqlFilter {
  const w = emptyFilter();
  addFilter(w, 'b.space_id = @spaceId', 'spaceId', f.spaceId);
  addFilter(w, 'b.to_date > @from', 'from', f.from);
  addFilter(w, 'b.from_date < @to', 'to', f.to);
  return w;
}

export async function listParkingBookings(db: Db, f: { spaceId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<ParkingBooking[]> {
  const w = parkingWhere(f);
  return await db.all<ParkingBooking>(`SELECT ${BOOKING_COLUMNS} FROM parking_bookings b JOIN parking_spaces s ON s.id = b.space_id${whereClause(w)} ORDER BY b.from_date, b.id`, w.params);
}
