/**
 * Appointments, service rooms, timeslots and providers. Connection first, prepared once, no rules:
 * the services decide. The occupancy predicate (a booking holds its slot or its provider's time) is
 * written once here, `LIVE`: a live status, and no hold that has run out at `@now`.
 */
import type {
  AppointmentKind, AppointmentStatus, PaymentMethod, PaymentStatus, ServiceRoomType, WeekHours,
} from '../../shared/contract/appointments';
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

/** Statuses that hold a seat or a provider's time (a completed or no-show booking took it). */
export const LIVE_STATUSES = `('pending', 'confirmed', 'completed', 'no_show')`;
/** A booking that occupies its place at `@now`. Alias `a`. */
export const LIVE = `a.status IN ${LIVE_STATUSES} AND (a.hold_until_ms IS NULL OR a.hold_until_ms > @now)`;
/** The longest a provider's appointment plus buffer may be (480 + 240 minutes), for index ranges. */
export const MAX_PROVIDER_SPAN_MS = (480 + 240) * 60_000;
/** The longest a timeslot may be (480 minutes). */
export const MAX_SLOT_MS = 480 * 60_000;

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
    `SELECT start_ms AS startMs, end_ms AS endMs FROM timeslots WHERE room_id = ? AND start_ms > ? AND start_ms < ? ORDER BY start_ms`,
  ).all(roomId, fromMs - MAX_SLOT_MS, toMs);
}

export function getTimeslotRow(db: Sqlite, id: number, nowMs: number): TimeslotRow | undefined {
  return prepared<TimeslotRow>(db, `SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t WHERE t.id = @id`).get({ id, now: nowMs });
}

/** How many bookings hold slot `id` now (the capacity check, inside the booking's transaction). */
export function countSlotBookings(db: Sqlite, timeslotId: number, nowMs: number, exceptAppointmentId = 0): number {
  return (
    prepared<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM appointments a WHERE a.timeslot_id = @slot AND ${LIVE} AND a.id <> @except`,
    ).get({ slot: timeslotId, now: nowMs, except: exceptAppointmentId })?.n ?? 0
  );
}

/** A room's slots on a hotel-local date that start after `now`, at least `minMs` long, with a free seat. */
export function freeTimeslotRows(db: Sqlite, roomId: number, date: string, nowMs: number, minMs: number): TimeslotRow[] {
  return prepared<TimeslotRow>(
    db,
    `SELECT * FROM (
       SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t
       WHERE t.room_id = @room AND t.local_date = @date AND t.start_ms > @now AND t.end_ms - t.start_ms >= @min
     ) WHERE booked < capacity ORDER BY startMs`,
  ).all({ room: roomId, date, now: nowMs, min: minMs });
}

/** Every slot of every room starting in [fromMs, toMs), with its bookings (the calendar). */
export function timeslotRowsBetween(db: Sqlite, fromMs: number, toMs: number, nowMs: number): TimeslotRow[] {
  return prepared<TimeslotRow>(
    db,
    `SELECT ${SLOT_COLUMNS}, ${BOOKED} AS booked FROM timeslots t
     JOIN service_rooms r ON r.id = t.room_id AND r.active = 1
     WHERE t.start_ms >= @from AND t.start_ms < @to ORDER BY t.room_id, t.start_ms`,
  ).all({ from: fromMs, to: toMs, now: nowMs });
}

export function slotHasBookings(db: Sqlite, timeslotId: number): boolean {
  return prepared(db, 'SELECT 1 FROM appointments WHERE timeslot_id = ? LIMIT 1').get(timeslotId) !== undefined;
}

export function deleteTimeslot(db: Sqlite, id: number): void {
  prepared(db, 'DELETE FROM timeslots WHERE id = ?').run(id);
}

// ---- providers ----------------------------------------------------------------------------------

export interface ProviderRow {
  id: number;
  name: string;
  email: string;
  appointmentMinutes: number;
  bufferMinutes: number;
  price: number;
  workingHours: string;
  daysOff: string;
  active: number;
  createdMs: number;
  updatedMs: number;
}
const PROVIDER_COLUMNS = `id, name, email, appointment_minutes AS appointmentMinutes, buffer_minutes AS bufferMinutes, price,
  working_hours AS workingHours, days_off AS daysOff, active, created_at AS createdMs, updated_at AS updatedMs`;

export interface ProviderWrite {
  name: string;
  email: string;
  appointmentMinutes: number;
  bufferMinutes: number;
  price: number;
  workingHours: WeekHours;
  daysOff: string[];
  active: boolean;
}

export function insertProvider(db: Sqlite, p: ProviderWrite, nowMs: number): number {
  const res = prepared(
    db,
    `INSERT INTO providers (name, email, appointment_minutes, buffer_minutes, price, working_hours, days_off, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, nowMs);
  return Number(res.lastInsertRowid);
}

export function updateProvider(db: Sqlite, id: number, p: ProviderWrite, nowMs: number): void {
  prepared(
    db,
    `UPDATE providers SET name = ?, email = ?, appointment_minutes = ?, buffer_minutes = ?, price = ?, working_hours = ?, days_off = ?, active = ?,
       updated_at = ? WHERE id = ?`,
  ).run(p.name, p.email, p.appointmentMinutes, p.bufferMinutes, p.price, JSON.stringify(p.workingHours), JSON.stringify(p.daysOff), p.active ? 1 : 0, nowMs, id);
}

export function getProviderRow(db: Sqlite, id: number): ProviderRow | undefined {
  return prepared<ProviderRow>(db, `SELECT ${PROVIDER_COLUMNS} FROM providers WHERE id = ?`).get(id);
}

export function listProviderRows(db: Sqlite, includeInactive: boolean): ProviderRow[] {
  return prepared<ProviderRow>(db, `SELECT ${PROVIDER_COLUMNS} FROM providers ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name, id`).all();
}

export function providerEmailTaken(db: Sqlite, email: string, exceptId = 0): boolean {
  return prepared(db, 'SELECT 1 FROM providers WHERE lower(email) = lower(?) AND id <> ?').get(email, exceptId) !== undefined;
}

/** A live booking of the provider whose [start, end + buffer) overlaps [startMs, untilMs). */
export function findProviderConflict(db: Sqlite, providerId: number, startMs: number, untilMs: number, nowMs: number, exceptId = 0): number | undefined {
  return prepared<{ id: number }>(
    db,
    `SELECT a.id FROM appointments a
     WHERE a.provider_id = @provider AND a.start_ms > @lower AND a.start_ms < @until AND a.occupied_until_ms > @start
       AND ${LIVE} AND a.id <> @except LIMIT 1`,
  ).get({ provider: providerId, lower: startMs - MAX_PROVIDER_SPAN_MS, until: untilMs, start: startMs, now: nowMs, except: exceptId })?.id;
}

/** The provider's live bookings that may touch [fromMs, toMs), as occupied intervals in start order. */
export function providerBusy(db: Sqlite, providerId: number, fromMs: number, toMs: number, nowMs: number): { startMs: number; untilMs: number }[] {
  return prepared<{ startMs: number; untilMs: number }>(
    db,
    `SELECT a.start_ms AS startMs, a.occupied_until_ms AS untilMs FROM appointments a
     WHERE a.provider_id = @provider AND a.start_ms > @lower AND a.start_ms < @to AND ${LIVE} ORDER BY a.start_ms`,
  ).all({ provider: providerId, lower: fromMs - MAX_PROVIDER_SPAN_MS, to: toMs, now: nowMs });
}

// ---- appointments -------------------------------------------------------------------------------

export interface AppointmentRow {
  id: number;
  kind: AppointmentKind;
  status: AppointmentStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod | null;
  price: number;
  refundAmount: number;
  userId: number | null;
  guestName: string;
  guestEmail: string | null;
  roomId: number | null;
  timeslotId: number | null;
  providerId: number | null;
  roomName: string | null;
  roomType: ServiceRoomType | null;
  providerName: string | null;
  startMs: number;
  endMs: number;
  startTime: string;
  endTime: string;
  date: string;
  time: string;
  notes: string;
  bookingType: string | null;
  holdUntilMs: number | null;
  reminderSentMs: number | null;
  cancelledMs: number | null;
  createdBy: string;
  createdMs: number;
  updatedMs: number;
}

const APPT_COLUMNS = `a.id, a.kind, a.status, a.payment_status AS paymentStatus, a.payment_method AS paymentMethod, a.price,
  a.refund_amount AS refundAmount, a.user_id AS userId, a.guest_name AS guestName, a.guest_email AS guestEmail, a.room_id AS roomId,
  a.timeslot_id AS timeslotId, a.provider_id AS providerId, r.name AS roomName, r.room_type AS roomType, p.name AS providerName,
  a.start_ms AS startMs, a.end_ms AS endMs, a.start_at AS startTime, a.end_at AS endTime, a.local_date AS date, a.local_time AS time,
  a.notes, a.booking_type AS bookingType, a.hold_until_ms AS holdUntilMs, a.reminder_sent_ms AS reminderSentMs,
  a.cancelled_ms AS cancelledMs, a.created_by AS createdBy, a.created_at AS createdMs, a.updated_at AS updatedMs`;
const APPT_FROM = `appointments a LEFT JOIN service_rooms r ON r.id = a.room_id LEFT JOIN providers p ON p.id = a.provider_id`;

export interface AppointmentWrite {
  kind: AppointmentKind;
  userId: number | null;
  guestName: string;
  guestEmail: string | null;
  roomId: number | null;
  timeslotId: number | null;
  providerId: number | null;
  startMs: number;
  endMs: number;
  occupiedUntilMs: number;
  startAt: string;
  endAt: string;
  localDate: string;
  localTime: string;
  status: AppointmentStatus;
  price: number;
  notes: string;
  bookingType: string | null;
  holdUntilMs: number | null;
  createdBy: string;
}

export function insertAppointment(db: Sqlite, a: AppointmentWrite, nowMs: number): number {
  const res = prepared(
    db,
    `INSERT INTO appointments (kind, user_id, guest_name, guest_email, room_id, timeslot_id, provider_id, start_ms, end_ms, occupied_until_ms,
       start_at, end_at, local_date, local_time, status, price, notes, booking_type, hold_until_ms, created_by, created_at, updated_at)
     VALUES (@kind, @userId, @guestName, @guestEmail, @roomId, @timeslotId, @providerId, @startMs, @endMs, @occupiedUntilMs,
       @startAt, @endAt, @localDate, @localTime, @status, @price, @notes, @bookingType, @holdUntilMs, @createdBy, @now, @now)`,
  ).run({ ...a, now: nowMs });
  return Number(res.lastInsertRowid);
}

export function getAppointmentRow(db: Sqlite, id: number): AppointmentRow | undefined {
  return prepared<AppointmentRow>(db, `SELECT ${APPT_COLUMNS} FROM ${APPT_FROM} WHERE a.id = ?`).get(id);
}

export interface AppointmentFilter {
  userId?: number;
  status?: AppointmentStatus;
  roomId?: number;
  providerId?: number;
  kind?: AppointmentKind;
  startFromMs?: number;
  startToMs?: number;
  createdFromMs?: number;
  createdToMs?: number;
}

function whereOf(f: AppointmentFilter): { clause: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (sql: string, key: string, v: string | number | undefined) => {
    if (v === undefined) return;
    where.push(sql);
    params[key] = v;
  };
  add('a.user_id = @userId', 'userId', f.userId);
  add('a.status = @status', 'status', f.status);
  add('a.room_id = @roomId', 'roomId', f.roomId);
  add('a.provider_id = @providerId', 'providerId', f.providerId);
  add('a.kind = @kind', 'kind', f.kind);
  add('a.start_ms >= @startFrom', 'startFrom', f.startFromMs);
  add('a.start_ms <= @startTo', 'startTo', f.startToMs);
  add('a.created_at >= @createdFrom', 'createdFrom', f.createdFromMs);
  add('a.created_at <= @createdTo', 'createdTo', f.createdToMs);
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page, newest booking first. */
export function listAppointmentRows(db: Sqlite, f: AppointmentFilter, limit: number, offset: number): { rows: AppointmentRow[]; total: number } {
  const { clause, params } = whereOf(f);
  const total = prepared<{ n: number }>(db, `SELECT count(*) AS n FROM appointments a ${clause}`).get(params)?.n ?? 0;
  const rows = prepared<AppointmentRow>(db, `SELECT ${APPT_COLUMNS} FROM ${APPT_FROM} ${clause} ORDER BY a.created_at DESC, a.id DESC LIMIT @limit OFFSET @offset`).all({
    ...params, limit, offset,
  });
  return { rows, total };
}

/** Appointments starting in [fromMs, toMs), in start order (the calendar). */
export function appointmentRowsStarting(db: Sqlite, fromMs: number, toMs: number): AppointmentRow[] {
  return prepared<AppointmentRow>(db, `SELECT ${APPT_COLUMNS} FROM ${APPT_FROM} WHERE a.start_ms >= ? AND a.start_ms < ? ORDER BY a.start_ms, a.id`).all(fromMs, toMs);
}

export function appointmentStats(db: Sqlite, fromMs: number, toMs: number): { status: AppointmentStatus; n: number; revenue: number }[] {
  return prepared<{ status: AppointmentStatus; n: number; revenue: number }>(
    db,
    `SELECT status, count(*) AS n, coalesce(sum(CASE WHEN payment_status = 'paid' THEN price ELSE 0 END), 0) AS revenue
     FROM appointments WHERE created_at >= ? AND created_at <= ? GROUP BY status`,
  ).all(fromMs, toMs);
}

export function setAppointmentStatus(db: Sqlite, id: number, status: AppointmentStatus, nowMs: number): void {
  prepared(db, 'UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?').run(status, nowMs, id);
}

export function markAppointmentCancelled(db: Sqlite, id: number, refundAmount: number, paymentStatus: PaymentStatus, nowMs: number): void {
  prepared(
    db,
    `UPDATE appointments SET status = 'cancelled', refund_amount = ?, payment_status = ?, hold_until_ms = NULL, cancelled_ms = ?, updated_at = ? WHERE id = ?`,
  ).run(refundAmount, paymentStatus, nowMs, nowMs, id);
}

export function markAppointmentPaid(db: Sqlite, id: number, method: PaymentMethod, nowMs: number): void {
  prepared(
    db,
    `UPDATE appointments SET payment_status = 'paid', payment_method = ?, status = 'confirmed', hold_until_ms = NULL, updated_at = ? WHERE id = ?`,
  ).run(method, nowMs, id);
}

export interface AppointmentMove {
  roomId: number | null;
  timeslotId: number | null;
  startMs: number;
  endMs: number;
  occupiedUntilMs: number;
  startAt: string;
  endAt: string;
  localDate: string;
  localTime: string;
}

/** A new place and time; the reminder is due again for the new start. */
export function moveAppointment(db: Sqlite, id: number, m: AppointmentMove, nowMs: number): void {
  prepared(
    db,
    `UPDATE appointments SET room_id = @roomId, timeslot_id = @timeslotId, start_ms = @startMs, end_ms = @endMs, occupied_until_ms = @occupiedUntilMs,
       start_at = @startAt, end_at = @endAt, local_date = @localDate, local_time = @localTime, reminder_sent_ms = NULL, updated_at = @now
     WHERE id = @id`,
  ).run({ ...m, id, now: nowMs });
}

/** Unpaid pending bookings whose hold ran out by `now`. */
export function lapsedHoldIds(db: Sqlite, nowMs: number, limit: number): number[] {
  return prepared<{ id: number }>(
    db,
    `SELECT id FROM appointments WHERE hold_until_ms IS NOT NULL AND hold_until_ms <= ? AND status = 'pending' ORDER BY hold_until_ms LIMIT ?`,
  ).all(nowMs, limit).map((r) => r.id);
}

export function markAppointmentLapsed(db: Sqlite, id: number, nowMs: number): void {
  prepared(db, `UPDATE appointments SET status = 'cancelled', cancelled_ms = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(nowMs, nowMs, id);
}

/**
 * Appointments whose reminder is due: live, not reminded, starting after `now` and no later than
 * `now + lead` (a host that was down at the due time still sends it, until the start).
 */
export function dueReminderIds(db: Sqlite, nowMs: number, leadMs: number, limit: number): number[] {
  return prepared<{ id: number }>(
    db,
    `SELECT id FROM appointments
     WHERE reminder_sent_ms IS NULL AND status IN ('pending', 'confirmed') AND start_ms > ? AND start_ms <= ?
       AND (hold_until_ms IS NULL OR hold_until_ms > ?)
     ORDER BY start_ms LIMIT ?`,
  ).all(nowMs, nowMs + leadMs, nowMs, limit).map((r) => r.id);
}

/** Claims the reminder: true only for the one caller that set it. */
export function claimReminder(db: Sqlite, id: number, nowMs: number): boolean {
  return prepared(db, 'UPDATE appointments SET reminder_sent_ms = ? WHERE id = ? AND reminder_sent_ms IS NULL').run(nowMs, id).changes === 1;
}

/** The earliest instant something is due: a hold running out or a reminder (for the scheduler's timer). */
export function nextDueMs(db: Sqlite, nowMs: number, leadMs: number): number | undefined {
  const hold = prepared<{ t: number | null }>(db, `SELECT min(hold_until_ms) AS t FROM appointments WHERE hold_until_ms IS NOT NULL AND status = 'pending'`).get()?.t;
  const rem = prepared<{ t: number | null }>(
    db,
    `SELECT min(start_ms) AS t FROM appointments WHERE reminder_sent_ms IS NULL AND status IN ('pending', 'confirmed') AND start_ms > ?`,
  ).get(nowMs)?.t;
  const candidates = [hold ?? undefined, rem === null || rem === undefined ? undefined : rem - leadMs].filter((v): v is number => v !== undefined);
  return candidates.length ? Math.min(...candidates) : undefined;
}

export function userContact(db: Sqlite, userId: number): { username: string; email: string } | undefined {
  return prepared<{ username: string; email: string }>(db, 'SELECT username, email FROM users WHERE id = ?').get(userId);
}
