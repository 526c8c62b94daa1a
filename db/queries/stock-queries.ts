/**
 * Stock: resources, their bookings and movements. **The available quantity changes only through
 * `takeStock` / `giveBackStock` / `setStockTotal`**, each one guarded UPDATE: the check is in its
 * WHERE, so it holds even against a writer that did not read first, and the table's CHECKs
 * (0 ≤ available ≤ total) refuse whatever would slip past.
 */
import type { StockBookingStatus } from '../../shared/contract/stock';
import type { SeedStockBooking } from '../../shared/contract/stock-seed';
import type { Db } from '../database';
import type { stockBookings, stockMovements, stockResources } from '../schema';
import { likePattern } from './like-pattern';
import { columnList, type RowOf, type RowPick } from './row-types';
import { addFilter, emptyFilter, whereClause, type SqlFilter } from './sql-filter';

/** A resource's whole row as read (`active` 1/0). */
export type StockResourceRow = RowOf<typeof stockResources>;

const RESOURCE_COLUMNS = columnList<typeof stockResources>(['id', 'name', 'description', 'totalQuantity', 'availableQuantity', 'active', 'createdAt', 'updatedAt']);

export async function getStockResource(db: Db, id: number): Promise<StockResourceRow | undefined> {
  return await db.get<StockResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE id = ?`, id);
}

/** By name, in any case (names are unique regardless of case). */
export async function getStockResourceByName(db: Db, name: string): Promise<StockResourceRow | undefined> {
  return await db.get<StockResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE lower(name) = lower(?)`, name);
}

export async function listStockResources(db: Db, includeInactive: boolean): Promise<StockResourceRow[]> {
  return await db.all<StockResourceRow>(`SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE active = 1 OR ? = 1 ORDER BY lower(name), id`, includeInactive ? 1 : 0);
}

export interface StockResourceWrite {
  name: string;
  description: string;
  totalQuantity: number;
  availableQuantity: number;
}

export async function insertStockResource(db: Db, r: StockResourceWrite, nowMs: number): Promise<number> {
  return db.insert(`INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`, r.name, r.description, r.totalQuantity, r.availableQuantity, nowMs, nowMs);
}

export async function updateStockResourceFields(db: Db, id: number, f: { name: string; description: string; active: boolean }, nowMs: number): Promise<void> {
  await db.run('UPDATE stock_resources SET name = ?, description = ?, active = ?, updated_at = ? WHERE id = ?', f.name, f.description, f.active ? 1 : 0, nowMs, id);
}

/** Takes `quantity` if at least that many are available: true when taken. One statement, atomic. */
export async function takeStock(db: Db, id: number, quantity: number, nowMs: number): Promise<boolean> {
  return (
    (await db.run('UPDATE stock_resources SET available_quantity = available_quantity - @q, updated_at = @now WHERE id = @id AND available_quantity >= @q', { id, q: quantity, now: nowMs })).changes === 1
  );
}

/** Gives `quantity` back (a return or a cancellation); the CHECK refuses more than the total. */
export async function giveBackStock(db: Db, id: number, quantity: number, nowMs: number): Promise<void> {
  await db.run('UPDATE stock_resources SET available_quantity = available_quantity + @q, updated_at = @now WHERE id = @id', {
        id, q: quantity, now: nowMs,
      });
}

/**
 * Sets the total; the available quantity moves by the same amount, so what is lent out stays lent
 * out. False (nothing changed) when the new total is below what is out.
 */
export async function setStockTotal(db: Db, id: number, total: number, nowMs: number): Promise<boolean> {
  return (
    (await db.run(`UPDATE stock_resources SET available_quantity = available_quantity + (@total - total_quantity), total_quantity = @total, updated_at = @now
       WHERE id = @id AND @total >= total_quantity - available_quantity`, { id, total, now: nowMs })).changes === 1
  );
}

// ---- bookings -----------------------------------------------------------------------------------

export interface StockBookingWrite {
  resourceId: number;
  quantity: number;
  guestName: string | null;
  stayId: number | null;
  ownerId: number | null;
  createdBy: string;
  bookedAt: string;
  bookedMs: number;
  returnBy: string | null;
  returnByMs: number | null;
  notes: string;
}

export async function insertStockBooking(db: Db, b: StockBookingWrite): Promise<number> {
  return db.insert(`INSERT INTO stock_bookings (resource_id, quantity, status, guest_name, stay_id, owner_id, created_by, booked_at, booked_ms, return_by, return_by_ms, notes)
       VALUES (@resourceId, @quantity, 'out', @guestName, @stayId, @ownerId, @createdBy, @bookedAt, @bookedMs, @returnBy, @returnByMs, @notes)`, b);
}

/** A booking as read, with two joined columns: its resource's name and its stay's room number. */
export type StockBookingRow = RowPick<
  typeof stockBookings,
  'id' | 'resourceId' | 'quantity' | 'status' | 'guestName' | 'stayId' | 'ownerId' | 'createdBy' | 'bookedAt' | 'returnBy' | 'returnByMs' | 'closedAt' | 'closedBy' | 'notes'
> & {
  resourceName: string;
  roomNumber: number | null;
};

/** Kept by hand: it interleaves the joined `resourceName` and `roomNumber` with the booking's columns, in the API's key order. */

const BOOKING_SELECT = `SELECT b.id, b.resource_id AS "resourceId", r.name AS "resourceName", b.quantity, b.status, b.guest_name AS "guestName",
    b.stay_id AS "stayId", g.number AS "roomNumber", b.owner_id AS "ownerId", b.created_by AS "createdBy", b.booked_at AS "bookedAt",
    b.return_by AS "returnBy", b.return_by_ms AS "returnByMs", b.closed_at AS "closedAt", b.closed_by AS "closedBy", b.notes
  FROM stock_bookings b
  JOIN stock_resources r ON r.id = b.resource_id
  LEFT JOIN stays s ON s.id = b.stay_id
  LEFT JOIN guest_rooms g ON g.id = s.room_id`;

export async function getStockBooking(db: Db, id: number): Promise<StockBookingRow | undefined> {
  return await db.get<StockBookingRow>(`${BOOKING_SELECT} WHERE b.id = +?`, id);
}

export interface StockBookingFilter {
  resourceId?: number | undefined;
  stayId?: number | undefined;
  status?: StockBookingStatus | undefined;
  /** Out and due before this instant. */
  overdueAtMs?: number | undefined;
  guest?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  limit: number;
  offset: number;
}

/** The filter of the bookings' list and of their CSV export (alias `b`). */
export function stockBookingWhere(f: Omit<StockBookingFilter, 'limit' | 'offset'>): SqlFilter {
  const w = emptyFilter();
  addFilter(w, 'b.resource_id = @resourceId', 'resourceId', f.resourceId);
  addFilter(w, 'b.stay_id = @stayId', 'stayId', f.stayId);
  addFilter(w, 'b.status = @status', 'status', f.status);
  addFilter(w, "b.status = 'out' AND b.return_by_ms IS NOT NULL AND b.return_by_ms < @overdueAt", 'overdueAt', f.overdueAtMs);
  const guest = f.guest?.trim();
  if (guest) addFilter(w, "b.guest_name LIKE @guest ESCAPE '\\'", 'guest', likePattern(guest));
  addFilter(w, 'b.booked_ms >= @fromMs', 'fromMs', f.fromMs);
  addFilter(w, 'b.booked_ms < @toMs', 'toMs', f.toMs);
  return w;
}

export async function listStockBookings(db: Db, f: StockBookingFilter): Promise<{ rows: StockBookingRow[]; total: number }> {
  const w = stockBookingWhere(f);
  const clause = whereClause(w);
  const rows = await db.all<StockBookingRow>(`${BOOKING_SELECT}${clause} ORDER BY b.id DESC LIMIT @limit OFFSET @offset`, {
    ...w.params, limit: f.limit, offset: f.offset,
  });
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM stock_bookings b${clause}`, w.params))!.n;
  return { rows, total };
}

/** Closes a booking that is still out: true when it was. */
export async function closeStockBooking(
  db: Db,
  id: number,
  status: Exclude<StockBookingStatus, 'out'>,
  closed: { at: string; ms: number; by: string },
): Promise<boolean> {
  return (
    (await db.run(`UPDATE stock_bookings SET status = ?, closed_at = ?, closed_ms = ?, closed_by = ? WHERE id = ? AND status = 'out'`, status, closed.at, closed.ms, closed.by, id)).changes === 1
  );
}

/** The ids of a stay's bookings still out. */
export async function openStockBookingsOfStay(db: Db, stayId: number): Promise<number[]> {
  return (await db.all<{ id: number }>(`SELECT id FROM stock_bookings WHERE stay_id = ? AND status = 'out' ORDER BY id`, stayId))
    .map((r) => r.id);
}

/** Seed 002's `GET /bookings/`: oldest first; only `ownerId`'s when given. */
export async function listSeedStockBookings(db: Db, ownerId?: number): Promise<SeedStockBooking[]> {
  const columns = 'SELECT resource_id AS resource, quantity AS purchase_quantity, booked_at AS booking_date FROM stock_bookings';
  return ownerId === undefined
    ? await db.all<SeedStockBooking>(`${columns} ORDER BY id`)
    : await db.all<SeedStockBooking>(`${columns} WHERE owner_id = ? ORDER BY id`, ownerId);
}

// ---- movements ----------------------------------------------------------------------------------

export interface StockMovementWrite {
  resourceId: number;
  bookingId: number | null;
  kind: string;
  availableChange: number;
  totalChange: number;
  at: string;
  atMs: number;
  actor: string;
  note: string;
}

/** Appends a movement, with the resource's quantities after it read in the same transaction. */
export async function insertStockMovement(db: Db, m: StockMovementWrite): Promise<void> {
  await db.run(`INSERT INTO stock_movements (resource_id, booking_id, kind, available_change, total_change, available_after, total_after, at, at_ms, actor, note)
     SELECT @resourceId, @bookingId, @kind, @availableChange, @totalChange, available_quantity, total_quantity, @at, @atMs, @actor, @note
     FROM stock_resources WHERE id = @resourceId`, m);
}

/** A movement as read: every column but `atMs` (the order is by id). */
export type StockMovementRow = Omit<RowOf<typeof stockMovements>, 'atMs'>;

const MOVEMENT_COLUMNS = columnList<typeof stockMovements>([
  'id', 'resourceId', 'bookingId', 'kind', 'availableChange', 'totalChange', 'availableAfter', 'totalAfter', 'at', 'actor', 'note',
]);

export async function listStockMovements(db: Db, resourceId: number, limit: number): Promise<StockMovementRow[]> {
  return await db.all<StockMovementRow>(`SELECT ${MOVEMENT_COLUMNS}
     FROM stock_movements WHERE resource_id = ? ORDER BY id DESC LIMIT ?`, resourceId, limit);
}
