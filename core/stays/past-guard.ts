/**
 * No booking entirely in the past (docs/stays-rules.md): a stay whose departure has already passed
 * is refused (400) on every path that books or re-dates one, unless an admin enters it as a late
 * entry on purpose (`lateEntry`, kept in the audit row's detail). A stay that began earlier and
 * ends later (a walk-in booked after 14:00, a guest in house extended) is not in the past.
 */
import { AppError } from '../../shared/errors';
import type { CallContext } from '../context';

export function assertNotInPast(
  checkout: { ms: number; date: string; iso: string },
  nowMs: number,
  ctx: CallContext,
  lateEntry = false,
): void {
  if (checkout.ms > nowMs) return;
  if (lateEntry && ctx.actor.role === 'admin') return;
  if (lateEntry) {
    throw new AppError('FORBIDDEN', 'Only an admin may enter a stay that has already ended (a late entry)', {
      reason: 'stays.lateEntryAdminOnly',
      params: { checkout: checkout.date },
    });
  }
  throw new AppError('VALIDATION', `The stay would end in the past (${checkout.iso}); only an admin can enter it, as a late entry`, {
    reason: 'stays.inThePast',
    params: { checkout: checkout.date },
  });
}
