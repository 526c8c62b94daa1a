/**
 * Service rooms and their timeslots (seed 003). Connection first, prepared once, no rules: the
 * services decide. A slot's booked seats count the `LIVE` bookings (appointment-live.ts).
 */
import type { ServiceRoomType } from '../../shared/contract/appointments';
import type { Sqlite } from '../open-database';
import { LIVE, MAX_SLOT_MS } from './appointment-live';
import { prepared } from './prepared';

// ---- service rooms ------------------------------------------------------------------------------

export interface ServiceRoomRow {
  id: number;
  name: string;
  description: string | null;
  capacity: number;
  roomType: ServiceRoomType;
  hourlyRate: number;
  active: number;
  metadata: string | null;
  createdMs: number;
  updatedMs: number;
}
const ROOM_COLUMNS = `id, name, description, capacity, room_type AS roomType, hourly_rate AS hourlyRate, active, metadata,
  created_at AS createdMs, updated_at AS updatedMs`;

export interface ServiceRoomWrite {
  name: string;
  description: string | null;
  capacity: number;
  roomType: ServiceRoomType;
  hourlyRate: number;
  active: boolean;
  metadata: string | null;
}

export function insertServiceRoom(db: Sqlite, r: ServiceRoomWrite, nowMs: number): number {
  const res = prepared(
    db,
    `INSERT INTO service_rooms (name, description, capacity, room_type, hourly_rate, active, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.name, r.description, r.capacity, r.roomType, r.hourlyRate, r.active ? 1 : 0, r.metadata, nowMs, nowMs);
  return Number(res.lastInsertRowid);
}

export function updateServiceRoom(db: Sqlite, id: number, r: ServiceRoomWrite, nowMs: number): void {
  prepared(
    db,
    `UPDATE service_rooms SET name = ?, description = ?, capacity = ?, room_type = ?, hourly_rate = ?, active = ?, metadata = ?, updated_at = ?
     WHERE id = ?`,
  ).run(r.name, r.description, r.capacity, r.roomType, r.hourlyRate, r.active ? 1 : 0, r.metadata, nowMs, id);
}

export function getServiceRoomRow(db: Sqlite, id: number): ServiceRoomRow | undefined {
  return prepared<ServiceRoomRow>(db, `SELECT ${ROOM_COLUMNS} FROM service_rooms WHERE id = ?`).get(id);
}

export function listServiceRoomRows(db: Sqlite, q: { type?: string; activeOnly: boolean; limit: number; offset: number }): { rows: ServiceRoomRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.activeOnly) where.push('active = 1');
  if (q.type !== undefined) {
    where.push('room_type = @type');
    params.type = q.type;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (prepared<{ n: number }>(db, `SELECT count(*) AS n FROM service_rooms ${clause}`).get(params)?.n ?? 0);
  const rows = prepared<ServiceRoomRow>(db, `SELECT ${ROOM_COLUMNS} FROM service_rooms ${clause} ORDER BY name, id LIMIT @limit OFFSET @offset`).all({
    ...params, limit: q.limit, offset: q.offset,
  });
  return { rows, total };
}

// ---- timeslots ----------------------------------------------------------------------------------

export interface TimeslotRow {
  id: number;
  roomId: number;
  startMs: number;
  endMs: number;
  startTime: string;
  endTime: string;
  date: string;
  capacity: number;
  booked: number;
}
const SLOT_COLUMNS = `t.id, t.room_id AS roomId, t.start_ms AS startMs, t.end_ms AS endMs, t.start_at AS startTime, t.end_at AS endTime,
  t.local_date AS date, t.capacity`;
const BOOKED = `(SELECT count(*) FROM appointments a WHERE a.timeslot_id = t.id AND ${LIVE})`;

export interface TimeslotWrite {
  roomId: number;
  startMs: number;
  endMs: number;
  startAt: string;
  endAt: string;
  localDate: string;
  capacity: number;
}

export function insertTimeslot(db: Sqlite, s: TimeslotWrite, nowMs: number): void {
  prepared(
    db,
    `INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.roomId, s.startMs, s.endMs, s.startAt, s.endAt, s.localDate, s.capacity, nowMs);
}

/** The room's slots that may overlap [fromMs, toMs), as `[start, end]` pairs in start order. */
export function slotIntervals(db: Sqlite, roomId: number, fromMs: number, toMs: number): { startMs: number; endMs: number }[] {
  return prepared<{ startMs: number; endMs: number }>(
    db,
    `SELECT start_ms AS startMs, end_ms AS endMs FROM timeslots WHERE room_id = +? AND start_ms > +? AND start_ms < +? ORDER BY start_ms`,
  ).all(roomId, fromMs - MAX_SLOT_MS, toMs);
}

export function getTimeslotRow(db: Sqlite, id: number, nowMs: number): TimeslotRow | undefined {
  return prepared<TimeslotRow>(db, `SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t WHERE t.id = +@id`).get({ id, now: nowMs });
}

/** How many bookings hold slot `id` now (the capacity check, inside the booking's transaction). */
export function countSlotBookings(db: Sqlite, timeslotId: number, nowMs: number, exceptAppointmentId = 0): number {
  return (
    prepared<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM appointments a WHERE a.timeslot_id = +@slot AND ${LIVE} AND a.id <> +@except`,
    ).get({ slot: timeslotId, now: nowMs, except: exceptAppointmentId })?.n ?? 0
  );
}

/** A room's slots on a hotel-local date that start after `now`, at least `minMs` long, with a free seat. */
export function freeTimeslotRows(db: Sqlite, roomId: number, date: string, nowMs: number, minMs: number): TimeslotRow[] {
  return prepared<TimeslotRow>(
    db,
    `SELECT * FROM (
       SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t
       WHERE t.room_id = +@room AND t.local_date = +@date AND t.start_ms > +@now AND t.end_ms - t.start_ms >= @min
     ) WHERE booked < capacity ORDER BY startMs`,
  ).all({ room: roomId, date, now: nowMs, min: minMs });
}

/** Every slot of every room starting in [fromMs, toMs), with its bookings (the calendar). */
export function timeslotRowsBetween(db: Sqlite, fromMs: number, toMs: number, nowMs: number): TimeslotRow[] {
  return prepared<TimeslotRow>(
    db,
    // Room by room, each an index range (room_id, start_ms): never a scan of every room's slots.
    `SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM service_rooms r
     CROSS JOIN timeslots t ON t.room_id = r.id AND t.start_ms >= +@from AND t.start_ms < +@to
     WHERE r.active = 1 ORDER BY r.id, t.start_ms`,
  ).all({ from: fromMs, to: toMs, now: nowMs });
}

export function slotHasBookings(db: Sqlite, timeslotId: number): boolean {
  return prepared(db, 'SELECT 1 FROM appointments WHERE timeslot_id = ? LIMIT 1').get(timeslotId) !== undefined;
}

export function deleteTimeslot(db: Sqlite, id: number): void {
  prepared(db, 'DELETE FROM timeslots WHERE id = ?').run(id);
}
