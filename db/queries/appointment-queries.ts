/**
 * Appointments of both kinds: the booking's writes, its reads in the API's row shape, the lists and
 * the calendar. Connection first, prepared once, no rules: the services decide. Service rooms and
 * timeslots are in service-room-queries.ts, providers in provider-queries.ts, holds and reminders in
 * appointment-due-queries.ts; the occupancy predicate `LIVE` in appointment-live.ts.
 */
import type { AppointmentKind, AppointmentStatus, PaymentMethod, PaymentStatus, ServiceRoomType } from '../../shared/contract/appointments';
import type { Db } from '../database';
import type { appointments } from '../schema';
import type { RowPick } from './row-types';
import { addFilter, emptyFilter, whereClause, type SqlFilter } from './sql-filter';

// ---- appointments -------------------------------------------------------------------------------

/**
 * A booking as read, with its room's and provider's names joined in (null when it has none).
 * `startTime`/`endTime`/`date`/`time`/`createdMs`/`updatedMs` are the schema's
 * `startAt`/`endAt`/`localDate`/`localTime`/`createdAt`/`updatedAt` renamed to the API's names.
 */
export type AppointmentRow = RowPick<
  typeof appointments,
  | 'id' | 'kind' | 'status' | 'paymentStatus' | 'paymentMethod' | 'price' | 'refundAmount' | 'userId' | 'guestName' | 'guestEmail'
  | 'roomId' | 'timeslotId' | 'providerId' | 'startMs' | 'endMs' | 'notes' | 'bookingType' | 'holdUntilMs' | 'reminderSentMs'
  | 'cancelledMs' | 'createdBy'
> & {
  roomName: string | null;
  roomType: ServiceRoomType | null;
  providerName: string | null;
  startTime: string;
  endTime: string;
  date: string;
  time: string;
  createdMs: number;
  updatedMs: number;
};

/** Kept by hand: joined and renamed columns sit between the table's own, in the API's key order. */
const APPT_COLUMNS = `a.id, a.kind, a.status, a.payment_status AS "paymentStatus", a.payment_method AS "paymentMethod", a.price,
  a.refund_amount AS "refundAmount", a.user_id AS "userId", a.guest_name AS "guestName", a.guest_email AS "guestEmail", a.room_id AS "roomId",
  a.timeslot_id AS "timeslotId", a.provider_id AS "providerId", r.name AS "roomName", r.room_type AS "roomType", p.name AS "providerName",
  a.start_ms AS "startMs", a.end_ms AS "endMs", a.start_at AS "startTime", a.end_at AS "endTime", a.local_date AS date, a.local_time AS time,
  a.notes, a.booking_type AS "bookingType", a.hold_until_ms AS "holdUntilMs", a.reminder_sent_ms AS "reminderSentMs",
  a.cancelled_ms AS "cancelledMs", a.created_by AS "createdBy", a.created_at AS "createdMs", a.updated_at AS "updatedMs"`;
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

export async function insertAppointment(db: Db, a: AppointmentWrite, nowMs: number): Promise<number> {
  return db.insert(`INSERT INTO appointments (kind, user_id, guest_name, guest_email, room_id, timeslot_id, provider_id, start_ms, end_ms, occupied_until_ms,
       start_at, end_at, local_date, local_time, status, price, notes, booking_type, hold_until_ms, created_by, created_at, updated_at)
     VALUES (@kind, @userId, @guestName, @guestEmail, @roomId, @timeslotId, @providerId, @startMs, @endMs, @occupiedUntilMs,
       @startAt, @endAt, @localDate, @localTime, @status, @price, @notes, @bookingType, @holdUntilMs, @createdBy, @now, @now)`, { ...a, now: nowMs });
}

export async function getAppointmentRow(db: Db, id: number): Promise<AppointmentRow | undefined> {
  return await db.get<AppointmentRow>(`SELECT ${APPT_COLUMNS} FROM ${APPT_FROM} WHERE a.id = +?`, id);
}

export interface AppointmentFilter {
  userId?: number | undefined;
  status?: AppointmentStatus | undefined;
  roomId?: number | undefined;
  providerId?: number | undefined;
  kind?: AppointmentKind | undefined;
  startFromMs?: number | undefined;
  startToMs?: number | undefined;
  createdFromMs?: number | undefined;
  createdToMs?: number | undefined;
  /** The hotel-local date of the start, both inclusive (`2026-05-04`). */
  localDateFrom?: string | undefined;
  localDateTo?: string | undefined;
}

/** The filter of the lists and of the CSV export (alias `a`). */
export function appointmentWhere(f: AppointmentFilter): SqlFilter {
  const w = emptyFilter();
  addFilter(w, 'a.user_id = @userId', 'userId', f.userId);
  addFilter(w, 'a.status = @status', 'status', f.status);
  addFilter(w, 'a.room_id = @roomId', 'roomId', f.roomId);
  addFilter(w, 'a.provider_id = @providerId', 'providerId', f.providerId);
  addFilter(w, 'a.kind = @kind', 'kind', f.kind);
  addFilter(w, 'a.start_ms >= @startFrom', 'startFrom', f.startFromMs);
  addFilter(w, 'a.start_ms <= @startTo', 'startTo', f.startToMs);
  addFilter(w, 'a.created_at >= @createdFrom', 'createdFrom', f.createdFromMs);
  addFilter(w, 'a.created_at <= @createdTo', 'createdTo', f.createdToMs);
  addFilter(w, 'a.local_date >= @localDateFrom', 'localDateFrom', f.localDateFrom);
  addFilter(w, 'a.local_date <= @localDateTo', 'localDateTo', f.localDateTo);
  return w;
}

/** A page, newest booking first. */
export async function listAppointmentRows(db: Db, f: AppointmentFilter, limit: number, offset: number): Promise<{ rows: AppointmentRow[]; total: number }> {
  const w = appointmentWhere(f);
  const clause = whereClause(w);
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM appointments a${clause}`, w.params))?.n ?? 0;
  const rows = await db.all<AppointmentRow>(`SELECT ${APPT_COLUMNS} FROM ${APPT_FROM}${clause} ORDER BY a.created_at DESC, a.id DESC LIMIT @limit OFFSET @offset`, {
    ...w.params, limit, offset,
  });
  return { rows, total };
}

/** Appointments starting in [fromMs, toMs), in start order (the calendar). */
export async function appointmentRowsStarting(db: Db, fromMs: number, toMs: number): Promise<AppointmentRow[]> {
  return await db.all<AppointmentRow>(`SELECT ${APPT_COLUMNS} FROM ${APPT_FROM} WHERE a.start_ms >= ? AND a.start_ms < ? ORDER BY a.start_ms, a.id`, fromMs, toMs);
}

export async function appointmentStats(db: Db, fromMs: number, toMs: number): Promise<{ status: AppointmentStatus; n: number; revenue: number }[]> {
  return await db.all<{ status: AppointmentStatus; n: number; revenue: number }>(`SELECT status, count(*) AS n, coalesce(sum(CASE WHEN payment_status = 'paid' THEN price ELSE 0 END), 0) AS revenue
     FROM appointments WHERE created_at >= ? AND created_at <= ? GROUP BY status`, fromMs, toMs);
}

export async function setAppointmentStatus(db: Db, id: number, status: AppointmentStatus, nowMs: number): Promise<void> {
  await db.run('UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?', status, nowMs, id);
}

export async function markAppointmentCancelled(db: Db, id: number, refundAmount: number, paymentStatus: PaymentStatus, nowMs: number): Promise<void> {
  await db.run(`UPDATE appointments SET status = 'cancelled', refund_amount = ?, payment_status = ?, hold_until_ms = NULL, cancelled_ms = ?, updated_at = ? WHERE id = ?`, refundAmount, paymentStatus, nowMs, nowMs, id);
}

export async function markAppointmentPaid(db: Db, id: number, method: PaymentMethod, nowMs: number): Promise<void> {
  await db.run(`UPDATE appointments SET payment_status = 'paid', payment_method = ?, status = 'confirmed', hold_until_ms = NULL, updated_at = ? WHERE id = ?`, method, nowMs, id);
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
export async function moveAppointment(db: Db, id: number, m: AppointmentMove, nowMs: number): Promise<void> {
  await db.run(`UPDATE appointments SET room_id = @roomId, timeslot_id = @timeslotId, start_ms = @startMs, end_ms = @endMs, occupied_until_ms = @occupiedUntilMs,
       start_at = @startAt, end_at = @endAt, local_date = @localDate, local_time = @localTime, reminder_sent_ms = NULL, updated_at = @now
     WHERE id = @id`, { ...m, id, now: nowMs });
}

export async function userContact(db: Db, userId: number): Promise<{ username: string; email: string } | undefined> {
  return await db.get<{ username: string; email: string }>('SELECT username, email FROM users WHERE id = ?', userId);
}
