/** Guest rooms. Column aliases give the API's shape straight from SQLite; only `active` needs mapping. */
import type { Housekeeping, Room } from '../../shared/contract/rooms';
import type { Db } from '../database';
import type { guestRooms } from '../schema';
import { columnList, type RowPick } from './row-types';

const ROOM_PROPS = ['id', 'number', 'category', 'capacity', 'nightlyRate', 'floor', 'housekeeping', 'active'] as const;

/** A room as read: the API's `Room` once `active` (1/0) is mapped. */
type RoomRow = RowPick<typeof guestRooms, (typeof ROOM_PROPS)[number]>;

export interface RoomWrite {
  number: number;
  category: string;
  capacity: number;
  nightlyRate: number;
  floor: number;
  housekeeping: Housekeeping;
  active: boolean;
}

export const ROOM_COLUMNS = columnList<typeof guestRooms>(ROOM_PROPS);

export function toRoom(row: RoomRow): Room {
  return { ...row, active: row.active === 1 };
}

export async function insertRoom(db: Db, room: RoomWrite, nowMs: number): Promise<number> {
  return db.insert(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, housekeeping, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, room.number, room.category, room.capacity, room.nightlyRate, room.floor, room.housekeeping, room.active ? 1 : 0, nowMs, nowMs);
}

export async function updateRoom(db: Db, id: number, room: RoomWrite, nowMs: number): Promise<void> {
  await db.run(`UPDATE guest_rooms SET number = ?, category = ?, capacity = ?, nightly_rate = ?, floor = ?, housekeeping = ?, active = ?, updated_at = ?
     WHERE id = ?`, room.number, room.category, room.capacity, room.nightlyRate, room.floor, room.housekeeping, room.active ? 1 : 0, nowMs, id);
}

export async function setRoomHousekeeping(db: Db, id: number, housekeeping: Housekeeping, nowMs: number): Promise<void> {
  await db.run('UPDATE guest_rooms SET housekeeping = ?, updated_at = ? WHERE id = ?', housekeeping, nowMs, id);
}

export async function getRoom(db: Db, id: number): Promise<Room | undefined> {
  const row = await db.get<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE id = ?`, id);
  return row && toRoom(row);
}

export async function getRoomByNumber(db: Db, number: number): Promise<Room | undefined> {
  const row = await db.get<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE number = ?`, number);
  return row && toRoom(row);
}

/** Rooms in board order (floor, then number). */
export async function listRooms(db: Db, includeInactive: boolean): Promise<Room[]> {
  const sql = includeInactive
    ? `SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`
    : `SELECT ${ROOM_COLUMNS} FROM guest_rooms WHERE active = 1 ORDER BY floor, number`;
  return (await db.all<RoomRow>(sql)).map(toRoom);
}

/**
 * Free rooms: active ones (housekeeping not `out_of_order`) with at least `minCapacity` beds, in board
 * order, that no occupying stay and no block overlaps in `[start, end)`. Parameters: minCapacity, end,
 * start, end, start.
 *
 * A room's occupying stays never overlap (the booking's own check, STAY_CONFLICT_SQL, on both engines,
 * and PostgreSQL's `stays_no_overlap` constraint), so in arrival order their departures rise too: the
 * room is taken in the period exactly when **its latest stay arriving before the end leaves after the
 * start**. That is one backward step into `stays_occupancy_idx` per room, however many stays the room
 * had in the longest stay before the period (the availability check's bounded scan reads all of them:
 * ~60 a room on a full hotel with maxStayNights 90, 3.2–3.4 × the time for 300 rooms: bench/ab/free-rooms-ab.ts).
 * The booking itself still asks STAY_CONFLICT_SQL, which assumes nothing of the stays already there.
 */
export const FREE_ROOMS_SQL = `SELECT ${ROOM_COLUMNS} FROM guest_rooms r
     WHERE r.active = 1 AND r.housekeeping <> 'out_of_order' AND r.capacity >= ?
       AND coalesce((
         SELECT s.checkout_ms FROM stays s INDEXED BY stays_occupancy_idx
         WHERE s.room_id = r.id AND s.status IN ('booked', 'checked_in', 'checked_out') AND s.checkin_ms < ?
         ORDER BY s.checkin_ms DESC LIMIT 1), 0) <= ?
       AND NOT EXISTS (
         SELECT 1 FROM room_blocks b WHERE b.room_id = r.id AND b.starts_ms < ? AND b.ends_ms > ?)
     ORDER BY r.floor, r.number`;

export async function listFreeRooms(db: Db, startMs: number, endMs: number, minCapacity: number): Promise<Room[]> {
  return (await db.all<RoomRow>(FREE_ROOMS_SQL, minCapacity, endMs, startMs, endMs, startMs)).map(toRoom);
}
