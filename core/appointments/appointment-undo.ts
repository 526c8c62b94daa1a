/**
 * The stays' guards for an appointment's status (issue 18 item 6): it is marked completed or a
 * no-show only once it has started, and that mark can be undone, as a stay's status change can
 * (docs/stays-rules.md "Undo"): staff a mark made today (hotel-local date), an admin any. Run inside
 * the service's transaction (`commit()`); the dispatcher audits the command.
 *
 * Undo puts back the status the mark replaced, which the rules leave no doubt about: `completed`
 * came only from `confirmed`; `no_show` from `confirmed` (a provider's appointment, or a paid one:
 * payment confirms) or else `pending`. The seat or the provider's time was held all along (a
 * completed or no-show booking keeps it, `LIVE`), so nothing else needs re-checking. A cancellation
 * is not undone: its refund and e-mail have gone out; the guest books again.
 */
import { setAppointmentStatus, type AppointmentRow } from '../../db/queries/appointment-queries';
import type { AppointmentStatus } from '../../shared/contract/appointments';
import { AppError } from '../../shared/errors';
import { localDate } from '../../shared/time';
import type { CallContext } from '../context';
import type { Db } from '../../db/database';

/** Completed or no-show only from the appointment's start on (400, as seed 003's status route answers its refusals). */
export function assertStarted(row: AppointmentRow, status: string, nowMs: number, zone: string): void {
  if (nowMs >= row.startMs) return;
  const date = localDate(row.startMs, zone);
  const time = row.startTime.slice(11, 16);
  throw new AppError('VALIDATION', `Booking ${row.id} has not started yet: it can be marked ${status.replace('_', '-')} from ${date} ${time}`, {
    reason: 'appointments.notStartedYet', params: { id: row.id, status, date, time },
  });
}

/** The status a completed or no-show mark replaced. */
function statusBefore(row: AppointmentRow): AppointmentStatus {
  if (row.status === 'completed') return 'confirmed';
  return row.kind === 'provider' || row.paymentStatus === 'paid' ? 'confirmed' : 'pending';
}

export async function undoAppointmentStatus(db: Db, row: AppointmentRow, nowMs: number, zone: string, ctx: CallContext): Promise<void> {
  if (row.status === 'cancelled') {
    throw new AppError('ILLEGAL_TRANSITION', `Booking ${row.id} is cancelled: a cancellation is not undone (its refund and e-mail have gone out); book again`, {
      reason: 'appointments.cancelNotUndone', params: { id: row.id },
    });
  }
  if (row.status !== 'completed' && row.status !== 'no_show') {
    throw new AppError('ILLEGAL_TRANSITION', `Booking ${row.id} is ${row.status}: there is no status change to undo`, {
      reason: 'appointments.nothingToUndo', params: { id: row.id, status: row.status },
    });
  }
  const day = localDate(row.updatedMs, zone);
  if (ctx.actor.role !== 'admin' && day !== localDate(nowMs, zone)) {
    throw new AppError('FORBIDDEN', `Only an admin can undo a change made before today (booking ${row.id} changed on ${day})`, {
      reason: 'appointments.undoAdminOnly', params: { id: row.id, date: day },
    });
  }
  await setAppointmentStatus(db, row.id, statusBefore(row), nowMs);
}
