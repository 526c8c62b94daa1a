/**
 * Stays: the availability check, writes and reads. **The occupancy predicate
 * `status IN ('booked', 'checked_in', 'checked_out')` is written exactly as in the WHERE of the
 * partial index `stays_occupancy_idx`** (and OCCUPYING_STATUSES): SQLite only uses a partial index
 * when the query's terms imply its WHERE.
 */
import type { Stay } from '../../shared/contract/stays';
import type { StayStatus } from '../../shared/rules/stay-rules';
import { formatInstant } from '../../shared/time';
import type { Db } from '../database';
import type { stayStatusChanges, stays } from '../schema';
import { likePattern } from './like-pattern';
import { columnList, type RowOf } from './row-types';

/** Every stay column but the id, as written. Instants are UTC ms; `checkin`/`checkout` ISO text. */
export type StayRow = Omit<RowOf<typeof stays>, 'id'>;

/** A stay as read: the API shape with raw ms timestamps, plus its instants for rule checks. */
export interface StayRecord extends Omit<Stay, 'createdAt' | 'updatedAt'> {
  createdAt: number;
  updatedAt: number;
  checkinMs: number;
  checkoutMs: number;
}

export interface OccupancyConflict {
  kind: 'stay' | 'block';
  id: number;
}

/** What is in the way, for the refusal: the stay's guest and status, or the block's reason and kind. */
export interface OccupancyConflictDetail extends OccupancyConflict {
  label: string;
  detail: string;
}

/**
 * The availability check: the first occupying stay or block overlapping `[startMs, endMs)` in a room.
 * Overlap is `checkin < end AND checkout > start`; the extra `checkin > start - maxStayMs` (no stay is
 * longer than maxStayMs) turns "every earlier stay of the room" into a short range scan of the index.
 * Worked example, same-day turnover: a stay ending 2026-05-03T12:00 does not conflict with one
 * starting 2026-05-03T14:00, because 12:00 > 14:00 is false.
 */
export async function findOccupancyConflict(
  db: Db,
  roomId: number,
  startMs: number,
  endMs: number,
  maxStayMs: number,
  excludeStayId = 0,
  excludeBlockId = 0,
): Promise<OccupancyConflict | undefined> {
  return await db.get<OccupancyConflict>(OCCUPANCY_CONFLICT_SQL, roomId, endMs, startMs - maxStayMs, startMs, excludeStayId, roomId, endMs, startMs, excludeBlockId);
}

/**
 * Another stay in the room that holds it at `nowMs` or is still checked in (an overdue guest
 * occupies the room until checked out): what stops a check-in. Reads the occupancy index.
 */
export async function findRoomOccupant(db: Db, roomId: number, nowMs: number, untilMs: number, maxStayMs: number, excludeStayId: number): Promise<OccupancyConflictDetail | undefined> {
  return await db.get<OccupancyConflictDetail>(`SELECT 'stay' AS kind, id, guest_name AS label, status AS detail FROM stays
     WHERE room_id = ? AND status IN ('booked', 'checked_in', 'checked_out') AND id <> ?
       AND checkin_ms > ?
       AND (status = 'checked_in' OR (status = 'booked' AND checkin_ms < ? AND checkout_ms > ?))
     ORDER BY status = 'checked_in' DESC LIMIT 1`, roomId, excludeStayId, nowMs - 2 * maxStayMs, untilMs, nowMs);
}

/** The stays a room still has to honour (booked or in house, ending after `nowMs`), by arrival. */
export async function listFutureStaysOfRoom(db: Db, roomId: number, nowMs: number): Promise<{ id: number; guestName: string; checkinDate: string; checkoutDate: string }[]> {
  return await db.all<{ id: number; guestName: string; checkinDate: string; checkoutDate: string }>(`SELECT id, guest_name AS "guestName", substr(checkin, 1, 10) AS "checkinDate", substr(checkout, 1, 10) AS "checkoutDate"
     FROM stays WHERE room_id = ? AND status IN ('booked', 'checked_in') AND (checkout_ms > ? OR status = 'checked_in')
     ORDER BY checkin_ms, id`, roomId, nowMs);
}

export interface StayPeriodWrite {
  status: StayStatus;
  checkin: string;
  checkinMs: number;
  checkout: string;
  checkoutMs: number;
  nights: number;
  price: number;
}

/** A stay's status, period, nights and price: what a shortened departure rewrites and an undo puts back. */
export async function updateStayPeriod(db: Db, id: number, p: StayPeriodWrite, nowMs: number): Promise<void> {
  await db.run('UPDATE stays SET status = ?, checkin = ?, checkin_ms = ?, checkout = ?, checkout_ms = ?, nights = ?, price = ?, updated_at = ? WHERE id = ?', p.status, p.checkin, p.checkinMs, p.checkout, p.checkoutMs, p.nights, p.price, nowMs, id);
}

/** A status change as read: every column but `undoneAtMs` (only changes not yet undone are read). */
export type StatusChangeRow = Omit<RowOf<typeof stayStatusChanges>, 'undoneAtMs'>;

const STATUS_CHANGE_COLUMNS = columnList<typeof stayStatusChanges>([
  'id', 'stayId', 'fromStatus', 'toStatus', 'atMs', 'actor', 'prevCheckin', 'prevCheckinMs', 'prevCheckout', 'prevCheckoutMs', 'prevNights', 'prevPrice',
]);

export async function insertStatusChange(db: Db, row: Omit<StatusChangeRow, 'id'>): Promise<void> {
  await db.run(`INSERT INTO stay_status_changes (stay_id, from_status, to_status, at_ms, actor, prev_checkin, prev_checkin_ms, prev_checkout, prev_checkout_ms,
                                      prev_nights, prev_price)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.stayId, row.fromStatus, row.toStatus, row.atMs, row.actor, row.prevCheckin, row.prevCheckinMs, row.prevCheckout, row.prevCheckoutMs, row.prevNights, row.prevPrice);
}

/** The stay's latest status change not yet undone. */
export async function latestStatusChange(db: Db, stayId: number): Promise<StatusChangeRow | undefined> {
  return await db.get<StatusChangeRow>(`SELECT ${STATUS_CHANGE_COLUMNS}
     FROM stay_status_changes WHERE stay_id = ? AND undone_at_ms IS NULL ORDER BY id DESC LIMIT 1`, stayId);
}

export async function markStatusChangeUndone(db: Db, id: number, nowMs: number): Promise<void> {
  await db.run('UPDATE stay_status_changes SET undone_at_ms = ? WHERE id = ?', nowMs, id);
}

/**
 * Parameters: room id, end, start − maxStayMs, start, stay id to leave out. `INDEXED BY` makes a
 * change to the index that would stop it serving this query fail loudly at prepare time.
 */
export const STAY_CONFLICT_SQL = `
  SELECT 'stay' AS kind, id FROM stays INDEXED BY stays_occupancy_idx
  WHERE room_id = ? AND status IN ('booked', 'checked_in', 'checked_out')
    AND checkin_ms < ? AND checkin_ms > ? AND checkout_ms > ? AND id <> ?
  LIMIT 1`;

/** Parameters: room id, end, start, a block id to leave out (0: none). A room has few blocks, so no length bound is needed. */
export const BLOCK_CONFLICT_SQL = `
  SELECT 'block' AS kind, id FROM room_blocks
  WHERE room_id = ? AND starts_ms < ? AND ends_ms > ? AND id <> ?
  LIMIT 1`;

/**
 * The availability check as one statement on both engines: the stay query, then the block query only
 * if no stay answered (their parameters one after the other). PostgreSQL's Append and SQLite's
 * compound SELECT both stop at the first row, so a taken night never reads the blocks. One statement
 * is one round trip on PostgreSQL and, on SQLite, one call through the engine instead of two
 * (benchmark 2's free night p99 43 → 21 µs: docs/benchmarks.md, nineteenth pass). Each arm is a
 * subquery with its own LIMIT, named as PostgreSQL 15 requires of a subquery in FROM.
 */
export const OCCUPANCY_CONFLICT_SQL = `SELECT kind, id FROM (${STAY_CONFLICT_SQL}) AS stay_in_the_way
  UNION ALL SELECT kind, id FROM (${BLOCK_CONFLICT_SQL}) AS block_in_the_way
  LIMIT 1`;

/**
 * PostgreSQL's booking write: the stay inserted only if no occupying stay or block is in the way, in
 * one statement (the same predicates as STAY_CONFLICT_SQL and BLOCK_CONFLICT_SQL). The values are cast
 * because an INSERT … SELECT does not type its parameters from the columns as VALUES does.
 */
export const INSERT_STAY_IF_FREE_SQL = `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                        nights, status, price, notes, created_by, owner_id, created_at, updated_at)
  SELECT @roomId::bigint, @category::text, @guestName::text, @guestEmail::text, @guestPhone::text, @guests::bigint, @checkin::text, @checkout::text,
         @checkinMs::bigint, @checkoutMs::bigint, @nights::bigint, @status::text, @price::bigint, @notes::text, @createdBy::text, @ownerId::bigint,
         @createdAt::bigint, @updatedAt::bigint
  WHERE NOT EXISTS (SELECT 1 FROM stays WHERE room_id = @roomId AND status IN ('booked', 'checked_in', 'checked_out')
                      AND checkin_ms < @checkoutMs AND checkin_ms > @earliestMs AND checkout_ms > @checkinMs)
    AND NOT EXISTS (SELECT 1 FROM room_blocks WHERE room_id = @roomId AND starts_ms < @checkoutMs AND ends_ms > @checkinMs)
  RETURNING id`;

/**
 * A new stay, written only if nothing occupies its room for its period (findOccupancyConflict's
 * check): its id, or undefined when something is in the way (the caller asks findOccupancyConflict
 * what, in the same unit, for its refusal). On PostgreSQL the check is inside the INSERT: one
 * statement and one round trip where a booking took two (docs/postgresql.md, "Speed"); on SQLite the
 * check and then the insert, as before (no round trip to save; the writer's lock holds them together).
 * Either way the database's own guards (PostgreSQL's exclusion constraints) still hold.
 */
export async function insertStayIfFree(db: Db, row: StayRow, maxStayMs: number): Promise<number | undefined> {
  if (db.dialect === 'postgres') {
    const inserted = await db.get<{ id: number }>(INSERT_STAY_IF_FREE_SQL, { ...row, earliestMs: row.checkinMs - maxStayMs });
    return inserted?.id;
  }
  if (await findOccupancyConflict(db, row.roomId, row.checkinMs, row.checkoutMs, maxStayMs)) return undefined;
  return await insertStay(db, row);
}

export async function insertStay(db: Db, row: StayRow): Promise<number> {
  return db.insert(`INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                        nights, status, price, notes, created_by, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.roomId, row.category, row.guestName, row.guestEmail, row.guestPhone, row.guests, row.checkin, row.checkout, row.checkinMs, row.checkoutMs, row.nights, row.status, row.price, row.notes, row.createdBy, row.ownerId, row.createdAt, row.updatedAt);
}

/** Where a stay is and when: what a move or a change of dates rewrites. */
export interface StayPlacement {
  roomId: number;
  category: string;
  checkin: string;
  checkout: string;
  checkinMs: number;
  checkoutMs: number;
  nights: number;
  price: number;
}

export async function updateStayPlacement(db: Db, id: number, p: StayPlacement, nowMs: number): Promise<void> {
  await db.run(`UPDATE stays SET room_id = ?, category = ?, checkin = ?, checkout = ?, checkin_ms = ?, checkout_ms = ?, nights = ?, price = ?, updated_at = ?
     WHERE id = ?`, p.roomId, p.category, p.checkin, p.checkout, p.checkinMs, p.checkoutMs, p.nights, p.price, nowMs, id);
}

export async function updateStayStatus(db: Db, id: number, status: StayStatus, nowMs: number): Promise<void> {
  await db.run('UPDATE stays SET status = ?, updated_at = ? WHERE id = ?', status, nowMs, id);
}

export const STAY_SELECT = `
  SELECT s.id, s.room_id AS "roomId", r.number AS "roomNumber", s.category, s.guest_name AS "guestName", s.guest_email AS "guestEmail",
         s.guest_phone AS "guestPhone", s.guests, s.checkin, s.checkout, substr(s.checkin, 1, 10) AS "checkinDate",
         substr(s.checkout, 1, 10) AS "checkoutDate", s.nights, s.status, s.price, s.notes, s.created_by AS "createdBy",
         s.owner_id AS "ownerId", s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.checkin_ms AS "checkinMs", s.checkout_ms AS "checkoutMs"
  FROM stays s JOIN guest_rooms r ON r.id = s.room_id`;

/**
 * The record `getStayRecord` would read back for a stay just inserted as `row` (its key order too,
 * which the live events' JSON keeps), so a new stay is not read again (tests/db/queries/stay-queries.test.ts
 * holds the two equal on both engines).
 */
export function stayRecordOf(id: number, row: StayRow, roomNumber: number): StayRecord {
  return {
    id, roomId: row.roomId, roomNumber, category: row.category, guestName: row.guestName, guestEmail: row.guestEmail,
    guestPhone: row.guestPhone, guests: row.guests, checkin: row.checkin, checkout: row.checkout, checkinDate: row.checkin.slice(0, 10),
    checkoutDate: row.checkout.slice(0, 10), nights: row.nights, status: row.status, price: row.price, notes: row.notes, createdBy: row.createdBy,
    ownerId: row.ownerId, createdAt: row.createdAt, updatedAt: row.updatedAt, checkinMs: row.checkinMs, checkoutMs: row.checkoutMs,
  };
}

export async function getStayRecord(db: Db, id: number): Promise<StayRecord | undefined> {
  return await db.get<StayRecord>(`${STAY_SELECT} WHERE s.id = +?`, id);
}

/** The API shape: timestamps as ISO in the hotel's zone. */
export function toStay(r: StayRecord, zone: string): Stay {
  const { checkinMs: _in, checkoutMs: _out, ...rest } = r;
  return { ...rest, createdAt: formatInstant(r.createdAt, zone), updatedAt: formatInstant(r.updatedAt, zone) };
}

export interface StayFilter {
  roomId?: number;
  status?: StayStatus;
  /** Keep stays overlapping `[fromMs, toMs)`. */
  fromMs?: number;
  toMs?: number;
  /** Part of the guest's name (LIKE: ASCII letters match in any case). */
  guest?: string;
  limit: number;
  offset: number;
  maxStayMs: number;
}

/**
 * Adds "overlaps [fromMs, toMs)" to a WHERE list. The extra `checkin_ms > fromMs - maxStayMs` bounds
 * the scan on `stays_checkin_idx`: no stay is longer than the maximum, so nothing earlier can overlap.
 */
export function overlapWhere(f: { fromMs?: number; toMs?: number; maxStayMs: number }, where: string[], params: unknown[]): void {
  if (f.fromMs !== undefined) {
    where.push('s.checkout_ms > ? AND s.checkin_ms > ?');
    params.push(f.fromMs, f.fromMs - f.maxStayMs);
  }
  if (f.toMs !== undefined) {
    where.push('s.checkin_ms < ?');
    params.push(f.toMs);
  }
}

/** A page of stays (by arrival, then id) and how many match in all. */
export async function listStayRecords(db: Db, f: StayFilter): Promise<{ records: StayRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.roomId !== undefined) {
    where.push('s.room_id = ?');
    params.push(f.roomId);
  }
  if (f.status !== undefined) {
    where.push('s.status = ?');
    params.push(f.status);
  }
  overlapWhere(f, where, params);
  if (f.guest !== undefined && f.guest.trim() !== '') {
    where.push("s.guest_name LIKE ? ESCAPE '\\'");
    params.push(likePattern(f.guest.trim()));
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const records = await db.all<StayRecord>(`${STAY_SELECT}${clause} ORDER BY s.checkin_ms, s.id LIMIT ? OFFSET ?`, ...params, f.limit, f.offset);
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM stays s${clause}`, ...params) as { n: number }).n;
  return { records, total };
}
