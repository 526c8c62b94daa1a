/**
 * Service rooms and their timeslots (seed 003). Connection first, prepared once, no rules: the
 * services decide. A slot's booked seats count the `LIVE` bookings (appointment-live.ts).
 */
import type { ServiceRoomType } from '../../shared/contract/appointments';
import type { Db } from '../database';
import type { serviceRooms, timeslots } from '../schema';
import { LIVE, MAX_SLOT_MS } from './appointment-live';
import { columnList, type RowPick } from './row-types';
import { valuesRows } from './sql-list';

// ---- service rooms ------------------------------------------------------------------------------

const ROOM_PROPS = ['id', 'name', 'description', 'capacity', 'roomType', 'hourlyRate', 'active', 'metadata'] as const;

/**
 * A service room as read (`active` 1/0). Its instants are renamed `createdMs`/`updatedMs` (the
 * schema's `createdAt`/`updatedAt`), the names the appointment views use, so they are added by hand.
 */
export type ServiceRoomRow = RowPick<typeof serviceRooms, (typeof ROOM_PROPS)[number]> & { createdMs: number; updatedMs: number };
const ROOM_COLUMNS = `${columnList<typeof serviceRooms>(ROOM_PROPS)}, created_at AS "createdMs", updated_at AS "updatedMs"`;

export interface ServiceRoomWrite {
  name: string;
  description: string | null;
  capacity: number;
  roomType: ServiceRoomType;
  hourlyRate: number;
  active: boolean;
  metadata: string | null;
}

export async function insertServiceRoom(db: Db, r: ServiceRoomWrite, nowMs: number): Promise<number> {
  return db.insert(`INSERT INTO service_rooms (name, description, capacity, room_type, hourly_rate, active, metadata, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.name, r.description, r.capacity, r.roomType, r.hourlyRate, r.active ? 1 : 0, r.metadata, nowMs, nowMs);
}

export async function updateServiceRoom(db: Db, id: number, r: ServiceRoomWrite, nowMs: number): Promise<void> {
  await db.run(`UPDATE service_rooms SET name = ?, description = ?, capacity = ?, room_type = ?, hourly_rate = ?, active = ?, metadata = ?, updated_at = ?
     WHERE id = ?`, r.name, r.description, r.capacity, r.roomType, r.hourlyRate, r.active ? 1 : 0, r.metadata, nowMs, id);
}

export async function getServiceRoomRow(db: Db, id: number): Promise<ServiceRoomRow | undefined> {
  return await db.get<ServiceRoomRow>(`SELECT ${ROOM_COLUMNS} FROM service_rooms WHERE id = ?`, id);
}

export async function listServiceRoomRows(db: Db, q: { type?: string; activeOnly: boolean; limit: number; offset: number }): Promise<{ rows: ServiceRoomRow[]; total: number }> {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.activeOnly) where.push('active = 1');
  if (q.type !== undefined) {
    where.push('room_type = @type');
    params.type = q.type;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = ((await db.get<{ n: number }>(`SELECT count(*) AS n FROM service_rooms ${clause}`, params))?.n ?? 0);
  const rows = await db.all<ServiceRoomRow>(`SELECT ${ROOM_COLUMNS} FROM service_rooms ${clause} ORDER BY name, id LIMIT @limit OFFSET @offset`, {
      ...params, limit: q.limit, offset: q.offset,
    });
  return { rows, total };
}

// ---- timeslots ----------------------------------------------------------------------------------

/**
 * A slot as read, in the API's names: `startTime`/`endTime`/`date` are the schema's
 * `startAt`/`endAt`/`localDate` renamed, and `booked` is computed (the `LIVE` bookings holding a seat).
 */
export type TimeslotRow = RowPick<typeof timeslots, 'id' | 'roomId' | 'startMs' | 'endMs' | 'capacity'> & {
  startTime: string;
  endTime: string;
  date: string;
  booked: number;
};
/** Kept by hand: renamed columns sit between the table's own, in the API's key order. */
const SLOT_COLUMNS = `t.id, t.room_id AS "roomId", t.start_ms AS "startMs", t.end_ms AS "endMs", t.start_at AS "startTime", t.end_at AS "endTime",
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

/**
 * Rows per INSERT, largest first: a generation's slots go in as many 64-row statements as fit, the
 * rest in 16s, 4s and single rows (at most 9 statements for the rest; 4 statement texts in all, each
 * prepared once). A year of half-hour slots for one room is 5 840 rows: one statement a row held the
 * host's event loop ~50 ms a room (docs/benchmarks.md, benchmark 8). 64 rows are 512 parameters,
 * far under SQLite's and PostgreSQL's limits.
 */
const SLOT_INSERT_ROWS = [64, 16, 4, 1] as const;
const slotInsertSql = new Map<number, string>(
  SLOT_INSERT_ROWS.map((n) => [n, `INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, capacity, created_at) ${valuesRows(n, 8)}`]),
);

/** Writes the slots in their order (inside the caller's unit: all or none). */
export async function insertTimeslots(db: Db, slots: readonly TimeslotWrite[], nowMs: number): Promise<void> {
  let i = 0;
  for (const rows of SLOT_INSERT_ROWS) {
    const sql = slotInsertSql.get(rows)!;
    for (; slots.length - i >= rows; i += rows) {
      const params: (string | number)[] = [];
      for (let k = i; k < i + rows; k++) {
        const s = slots[k]!;
        params.push(s.roomId, s.startMs, s.endMs, s.startAt, s.endAt, s.localDate, s.capacity, nowMs);
      }
      await db.run(sql, ...params);
    }
  }
}

/** The room's slots that may overlap [fromMs, toMs), as `[start, end]` pairs in start order. */
export async function slotIntervals(db: Db, roomId: number, fromMs: number, toMs: number): Promise<{ startMs: number; endMs: number }[]> {
  return await db.all<{ startMs: number; endMs: number }>(`SELECT start_ms AS "startMs", end_ms AS "endMs" FROM timeslots WHERE room_id = +? AND start_ms > +? AND start_ms < +? ORDER BY start_ms`, roomId, fromMs - MAX_SLOT_MS, toMs);
}

export async function getTimeslotRow(db: Db, id: number, nowMs: number): Promise<TimeslotRow | undefined> {
  return await db.get<TimeslotRow>(`SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t WHERE t.id = +@id`, { id, now: nowMs });
}

/** How many bookings hold slot `id` now (the capacity check, inside the booking's transaction). */
export async function countSlotBookings(db: Db, timeslotId: number, nowMs: number, exceptAppointmentId = 0): Promise<number> {
  return (
    (await db.get<{ n: number }>(`SELECT count(*) AS n FROM appointments a WHERE a.timeslot_id = +@slot AND ${LIVE} AND a.id <> +@except`, { slot: timeslotId, now: nowMs, except: exceptAppointmentId }))?.n ?? 0
  );
}

/** A room's slots on a hotel-local date that start after `now`, at least `minMs` long, with a free seat. */
export async function freeTimeslotRows(db: Db, roomId: number, date: string, nowMs: number, minMs: number): Promise<TimeslotRow[]> {
  return await db.all<TimeslotRow>(`SELECT * FROM (
       SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t
       WHERE t.room_id = +@room AND t.local_date = +@date AND t.start_ms > +@now AND t.end_ms - t.start_ms >= @min
     ) AS slot WHERE booked < capacity ORDER BY "startMs"`, { room: roomId, date, now: nowMs, min: minMs });
}

/** Every slot of every room starting in [fromMs, toMs), with its bookings (the calendar). */
export async function timeslotRowsBetween(db: Db, fromMs: number, toMs: number, nowMs: number): Promise<TimeslotRow[]> {
  return await db.all<TimeslotRow>(`SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM service_rooms r
     CROSS JOIN timeslots t
     WHERE t.room_id = r.id AND t.start_ms >= +@from AND t.start_ms < +@to AND r.active = 1 ORDER BY r.id, t.start_ms`, { from: fromMs, to: toMs, now: nowMs });
}

export async function slotHasBookings(db: Db, timeslotId: number): Promise<boolean> {
  return await db.get('SELECT 1 FROM appointments WHERE timeslot_id = ? LIMIT 1', timeslotId) !== undefined;
}

export async function deleteTimeslot(db: Db, id: number): Promise<void> {
  await db.run('DELETE FROM timeslots WHERE id = ?', id);
}
