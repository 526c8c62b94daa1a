/**
 * A stay's extras (an extra bed for room 204) go back to stock when the stay ends: checked out,
 * cancelled or a no-show. Called by the stays' status change inside its own transaction, so the stay's
 * new status and the returned quantities commit together.
 */
import { getStockBooking, openStockBookingsOfStay } from '../../db/queries/stock-queries';
import { getStayRecord } from '../../db/queries/stay-queries';
import type { Commit } from '../commit';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { stockWriter } from './stock-service';

const NOTE: Record<string, string> = { checked_out: 'checked out', cancelled: 'cancelled', no_show: 'a no-show' };

/** Returns every booking of stay `stayId` still out if the stay has just ended; otherwise nothing. */
export async function returnStayExtras(d: { core: CoreDeps; settings: SettingsService }, stayId: number, c: Commit): Promise<void> {
  const stay = await getStayRecord(d.core.db, stayId);
  const ended = stay ? NOTE[stay.status] : undefined;
  if (ended === undefined) return;
  const open = await openStockBookingsOfStay(d.core.db, stayId);
  if (open.length === 0) return;
  const w = stockWriter(d, c);
  for (const id of open) await w.close((await getStockBooking(d.core.db, id))!, 'returned', `stay ${stayId}`, `Stay ${stayId} ${ended}`);
}
