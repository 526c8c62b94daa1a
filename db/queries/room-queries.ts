/** Guest rooms. Column aliases give the API's shape straight from SQLite; only `active` needs mapping. */
import type { Housekeeping, Room } from '../../shared/contract/schemas';
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

interface RoomRow extends Omit<Room, 'active'> {
  active: number;
}

export interface RoomWrite {
  number: number;
  category: string;
  capacity: number;
  nightlyRate: number;
  floor: number;
  housekeeping: Housekeeping;
  active: boolean;
}

export const ROOM_COLUMNS = 'id, number, category, capacity, nightly_rate AS nightlyRate, floor, housekeeping, active';

export function toRoom(row: RoomRow): Room {
  return { ...row, active: row.active === 1 };
}

export function insertRoom(db: Sqlite, room: RoomWrite, nowMs: number): number {
  const r = prepared(
    db,
    `INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, housekeeping, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(room.number, room.category, room.capacity, room.nightlyRate, room.floor, room.housekeeping, room.active ? 1 : 0, nowMs, nowMs);
  return Number(r.lastInsertRowid);
}

export function updateRoom(db: Sqlite, id: number, room: RoomWrite, nowMs: number): void {
  prepared(
    db,
    `UPDATE guest_rooms SET number = ?, category = ?, capacity = ?, nightly_rate = ?, floor = ?, housekeeping = ?, active = ?, updated_at = ?
     WHERE id = ?`,
  ).run(room.number, room.category, room.capacity, room.nightlyRate, room.floor, room.housekeeping, room.active ? 1 : 0, nowMs, id);
}

export function setRoomHousekeeping(db: Sqlite, id: number, housekeeping: Housekeeping, nowMs: number): void {
  prepared(db, 'UPDATE guest_rooms SET housekeeping = ?, updated_at = ? WHERE id = ?').run(housekeeping, nowMs, id);
}

export function getRoom(db: Sqlite, id: number): Room | undefined {
  const row = prepared<RoomRow>(db, `SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE id = ?`).get(id);
  return row && toRoom(row);
}

export function getRoomByNumber(db: Sqlite, number: number): Room | undefined {
  const row = prepared<RoomRow>(db, `SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE number = ?`).get(number);
  return row && toRoom(row);
}

/** Rooms in board order (floor, then number). */
export function listRooms(db: Sqlite, includeInactive: boolean): Room[] {
  const sql = includeInactive
    ? `SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`
    : `SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE active = 1 ORDER BY floor, number`;
  return prepared<RoomRow>(db, sql).all().map(toRoom);
}

export function countRooms(db: Sqlite): number {
  return (prepared<{ n: number }>(db, 'SELECT count(*) AS n FROM guest_rooms').get() as { n: number }).n;
}

/**
 * Active rooms in order (housekeeping not `out_of_order`) with at least `minCapacity` beds that no occupying stay and no block overlaps in
 * `[startMs, endMs)`. The stay test is the availability check's own bounded range scan, per room.
 */
export function listFreeRooms(db: Sqlite, startMs: number, endMs: number, maxStayMs: number, minCapacity: number): Room[] {
  return prepared<RoomRow>(
    db,
    `SELECT ${ROOM_COLUMNS} FROM guest_rooms r
     WHERE r.active = 1 AND r.housekeeping <> 'out_of_order' AND r.capacity >= ?
       AND NOT EXISTS (
         SELECT 1 FROM stays s INDEXED BY stays_occupancy_idx
         WHERE s.room_id = r.id AND s.status IN ('booked', 'checked_in', 'checked_out')
           AND s.checkin_ms < ? AND s.checkin_ms > ? AND s.checkout_ms > ?)
       AND NOT EXISTS (
         SELECT 1 FROM room_blocks b WHERE b.room_id = r.id AND b.starts_ms < ? AND b.ends_ms > ?)
     ORDER BY r.floor, r.number`,
  )
    .all(minCapacity, endMs, startMs - maxStayMs, startMs, endMs, startMs)
    .map(toRoom);
}
