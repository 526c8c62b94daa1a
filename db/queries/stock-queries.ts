/**
 * Stock: resources, their bookings and movements. **The available quantity changes only through
 * `takeStock` / `giveBackStock` / `setStockTotal`**, each one guarded UPDATE: the check is in its
 * WHERE, so it holds even against a writer that did not read first, and the table's CHECKs
 * (0 ≤ available ≤ total) refuse whatever would slip past.
 */
import type { SeedStockBooking, StockBookingStatus } from '../../shared/contract/stock';
import type { Sqlite } from '../open-database';
import { likePattern, prepared } from './prepared';

export interface StockResourceRow {
  id: number;
  name: string;
  description: string;
  totalQuantity: number;
  availableQuantity: number;
  active: number;
  createdAt: number;
  updatedAt: number;
}

const RESOURCE_COLUMNS = `id, name, description, total_quantity AS totalQuantity, available_quantity AS availableQuantity,
  active, created_at AS createdAt, updated_at AS updatedAt`;

export function getStockResource(db: Sqlite, id: number): StockResourceRow | undefined {
  return prepared<StockResourceRow>(db, `SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE id = ?`).get(id);
}

/** By name, in any case (names are unique regardless of case). */
export function getStockResourceByName(db: Sqlite, name: string): StockResourceRow | undefined {
  return prepared<StockResourceRow>(db, `SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE lower(name) = lower(?)`).get(name);
}

export function listStockResources(db: Sqlite, includeInactive: boolean): StockResourceRow[] {
  return prepared<StockResourceRow>(
    db,
    `SELECT ${RESOURCE_COLUMNS} FROM stock_resources WHERE active = 1 OR ? = 1 ORDER BY lower(name), id`,
  ).all(includeInactive ? 1 : 0);
}

export interface StockResourceWrite {
  name: string;
  description: string;
  totalQuantity: number;
  availableQuantity: number;
}

export function insertStockResource(db: Sqlite, r: StockResourceWrite, nowMs: number): number {
  return Number(
    prepared(
      db,
      `INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    ).run(r.name, r.description, r.totalQuantity, r.availableQuantity, nowMs, nowMs).lastInsertRowid,
  );
}

export function updateStockResourceFields(db: Sqlite, id: number, f: { name: string; description: string; active: boolean }, nowMs: number): void {
  prepared(db, 'UPDATE stock_resources SET name = ?, description = ?, active = ?, updated_at = ? WHERE id = ?').run(
    f.name, f.description, f.active ? 1 : 0, nowMs, id,
  );
}

/** Takes `quantity` if at least that many are available: true when taken. One statement, atomic. */
export function takeStock(db: Sqlite, id: number, quantity: number, nowMs: number): boolean {
  return (
    prepared(
      db,
      'UPDATE stock_resources SET available_quantity = available_quantity - @q, updated_at = @now WHERE id = @id AND available_quantity >= @q',
    ).run({ id, q: quantity, now: nowMs }).changes === 1
  );
}

/** Gives `quantity` back (a return or a cancellation); the CHECK refuses more than the total. */
export function giveBackStock(db: Sqlite, id: number, quantity: number, nowMs: number): void {
  prepared(db, 'UPDATE stock_resources SET available_quantity = available_quantity + @q, updated_at = @now WHERE id = @id').run({
    id, q: quantity, now: nowMs,
  });
}

/**
 * Sets the total; the available quantity moves by the same amount, so what is lent out stays lent
 * out. False (nothing changed) when the new total is below what is out.
 */
export function setStockTotal(db: Sqlite, id: number, total: number, nowMs: number): boolean {
  return (
    prepared(
      db,
      `UPDATE stock_resources SET available_quantity = available_quantity + (@total - total_quantity), total_quantity = @total, updated_at = @now
       WHERE id = @id AND @total >= total_quantity - available_quantity`,
    ).run({ id, total, now: nowMs }).changes === 1
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

export function insertStockBooking(db: Sqlite, b: StockBookingWrite): number {
  return Number(
    prepared(
      db,
      `INSERT INTO stock_bookings (resource_id, quantity, status, guest_name, stay_id, owner_id, created_by, booked_at, booked_ms, return_by, return_by_ms, notes)
       VALUES (@resourceId, @quantity, 'out', @guestName, @stayId, @ownerId, @createdBy, @bookedAt, @bookedMs, @returnBy, @returnByMs, @notes)`,
    ).run(b).lastInsertRowid,
  );
}

export interface StockBookingRow {
  id: number;
  resourceId: number;
  resourceName: string;
  quantity: number;
  status: StockBookingStatus;
  guestName: string | null;
  stayId: number | null;
  roomNumber: number | null;
  ownerId: number | null;
  createdBy: string;
  bookedAt: string;
  returnBy: string | null;
  returnByMs: number | null;
  closedAt: string | null;
  closedBy: string | null;
  notes: string;
}

const BOOKING_SELECT = `SELECT b.id, b.resource_id AS resourceId, r.name AS resourceName, b.quantity, b.status, b.guest_name AS guestName,
    b.stay_id AS stayId, g.number AS roomNumber, b.owner_id AS ownerId, b.created_by AS createdBy, b.booked_at AS bookedAt,
    b.return_by AS returnBy, b.return_by_ms AS returnByMs, b.closed_at AS closedAt, b.closed_by AS closedBy, b.notes
  FROM stock_bookings b
  JOIN stock_resources r ON r.id = b.resource_id
  LEFT JOIN stays s ON s.id = b.stay_id
  LEFT JOIN guest_rooms g ON g.id = s.room_id`;

export function getStockBooking(db: Sqlite, id: number): StockBookingRow | undefined {
  return prepared<StockBookingRow>(db, `${BOOKING_SELECT} WHERE b.id = +?`).get(id);
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

export function listStockBookings(db: Sqlite, f: StockBookingFilter): { rows: StockBookingRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.resourceId !== undefined) {
    where.push('b.resource_id = @resourceId');
    params.resourceId = f.resourceId;
  }
  if (f.stayId !== undefined) {
    where.push('b.stay_id = @stayId');
    params.stayId = f.stayId;
  }
  if (f.status !== undefined) {
    where.push('b.status = @status');
    params.status = f.status;
  }
  if (f.overdueAtMs !== undefined) {
    where.push("b.status = 'out' AND b.return_by_ms IS NOT NULL AND b.return_by_ms < @overdueAt");
    params.overdueAt = f.overdueAtMs;
  }
  if (f.guest !== undefined && f.guest.trim() !== '') {
    where.push("b.guest_name LIKE @guest ESCAPE '\\'");
    params.guest = likePattern(f.guest.trim());
  }
  if (f.fromMs !== undefined) {
    where.push('b.booked_ms >= @fromMs');
    params.fromMs = f.fromMs;
  }
  if (f.toMs !== undefined) {
    where.push('b.booked_ms < @toMs');
    params.toMs = f.toMs;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = prepared<StockBookingRow>(db, `${BOOKING_SELECT} ${clause} ORDER BY b.id DESC LIMIT @limit OFFSET @offset`).all({
    ...params, limit: f.limit, offset: f.offset,
  });
  const total = (prepared<{ n: number }>(db, `SELECT count(*) AS n FROM stock_bookings b ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}

/** Closes a booking that is still out: true when it was. */
export function closeStockBooking(
  db: Sqlite,
  id: number,
  status: Exclude<StockBookingStatus, 'out'>,
  closed: { at: string; ms: number; by: string },
): boolean {
  return (
    prepared(db, `UPDATE stock_bookings SET status = ?, closed_at = ?, closed_ms = ?, closed_by = ? WHERE id = ? AND status = 'out'`).run(
      status, closed.at, closed.ms, closed.by, id,
    ).changes === 1
  );
}

/** The ids of a stay's bookings still out. */
export function openStockBookingsOfStay(db: Sqlite, stayId: number): number[] {
  return prepared<{ id: number }>(db, `SELECT id FROM stock_bookings WHERE stay_id = ? AND status = 'out' ORDER BY id`)
    .all(stayId)
    .map((r) => r.id);
}

/** Seed 002's `GET /bookings/`: oldest first; only `ownerId`'s when given. */
export function listSeedStockBookings(db: Sqlite, ownerId?: number): SeedStockBooking[] {
  const columns = 'SELECT resource_id AS resource, quantity AS purchase_quantity, booked_at AS booking_date FROM stock_bookings';
  return ownerId === undefined
    ? prepared<SeedStockBooking>(db, `${columns} ORDER BY id`).all()
    : prepared<SeedStockBooking>(db, `${columns} WHERE owner_id = ? ORDER BY id`).all(ownerId);
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
export function insertStockMovement(db: Sqlite, m: StockMovementWrite): void {
  prepared(
    db,
    `INSERT INTO stock_movements (resource_id, booking_id, kind, available_change, total_change, available_after, total_after, at, at_ms, actor, note)
     SELECT @resourceId, @bookingId, @kind, @availableChange, @totalChange, available_quantity, total_quantity, @at, @atMs, @actor, @note
     FROM stock_resources WHERE id = @resourceId`,
  ).run(m);
}

export interface StockMovementRow {
  id: number;
  resourceId: number;
  bookingId: number | null;
  kind: string;
  availableChange: number;
  totalChange: number;
  availableAfter: number;
  totalAfter: number;
  at: string;
  actor: string;
  note: string;
}

export function listStockMovements(db: Sqlite, resourceId: number, limit: number): StockMovementRow[] {
  return prepared<StockMovementRow>(
    db,
    `SELECT id, resource_id AS resourceId, booking_id AS bookingId, kind, available_change AS availableChange, total_change AS totalChange,
       available_after AS availableAfter, total_after AS totalAfter, at, actor, note
     FROM stock_movements WHERE resource_id = ? ORDER BY id DESC LIMIT ?`,
  ).all(resourceId, limit);
}
