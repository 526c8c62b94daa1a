/**
 * What falls due on appointments: unpaid holds that lapse and reminders to send (the scheduler).
 * Connection first, prepared once, no rules: the services decide.
 */
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

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
