/**
 * What falls due on appointments: unpaid holds that lapse and reminders to send (the scheduler).
 * Connection first, prepared once, no rules: the services decide.
 */
import type { Db } from '../database';

/** Unpaid pending bookings whose hold ran out by `now`. */
export async function lapsedHoldIds(db: Db, nowMs: number, limit: number): Promise<number[]> {
  return (await db.all<{ id: number }>(`SELECT id FROM appointments WHERE hold_until_ms IS NOT NULL AND hold_until_ms <= ? AND status = 'pending' ORDER BY hold_until_ms LIMIT ?`, nowMs, limit)).map((r) => r.id);
}

/** Lapses a pending booking: true only for the one caller that changed it (another server may have). */
export async function markAppointmentLapsed(db: Db, id: number, nowMs: number): Promise<boolean> {
  return (await db.run(`UPDATE appointments SET status = 'cancelled', cancelled_ms = ?, updated_at = ? WHERE id = ? AND status = 'pending'`, nowMs, nowMs, id)).changes === 1;
}

/**
 * Appointments whose reminder is due: live, not reminded, starting after `now` and no later than
 * `now + lead` (a host that was down at the due time still sends it, until the start).
 */
export async function dueReminderIds(db: Db, nowMs: number, leadMs: number, limit: number): Promise<number[]> {
  return (await db.all<{ id: number }>(`SELECT id FROM appointments
     WHERE reminder_sent_ms IS NULL AND status IN ('pending', 'confirmed') AND start_ms > ? AND start_ms <= ?
       AND (hold_until_ms IS NULL OR hold_until_ms > ?)
     ORDER BY start_ms LIMIT ?`, nowMs, nowMs + leadMs, nowMs, limit)).map((r) => r.id);
}

/** Claims the reminder: true only for the one caller that set it. */
export async function claimReminder(db: Db, id: number, nowMs: number): Promise<boolean> {
  return (await db.run('UPDATE appointments SET reminder_sent_ms = ? WHERE id = ? AND reminder_sent_ms IS NULL', nowMs, id)).changes === 1;
}

/** The earliest instant something is due: a hold running out or a reminder (for the scheduler's timer). */
export async function nextDueMs(db: Db, nowMs: number, leadMs: number): Promise<number | undefined> {
  const hold = (await db.get<{ t: number | null }>(`SELECT min(hold_until_ms) AS t FROM appointments WHERE hold_until_ms IS NOT NULL AND status = 'pending'`))?.t;
  const rem = (await db.get<{ t: number | null }>(`SELECT min(start_ms) AS t FROM appointments WHERE reminder_sent_ms IS NULL AND status IN ('pending', 'confirmed') AND start_ms > ?`, nowMs))?.t;
  const candidates = [hold ?? undefined, rem === null || rem === undefined ? undefined : rem - leadMs].filter((v): v is number => v !== undefined);
  return candidates.length ? Math.min(...candidates) : undefined;
}
