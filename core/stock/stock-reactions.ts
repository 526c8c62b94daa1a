/**
 * Stock's reactions to other domains' changes (core/reactions/reactions.ts), registered by stock so
 * the other domains never import it: a stay's extras (an extra bed for room 204) go back to stock
 * when the stay ends — checked out, cancelled or a no-show — inside the unit of work that ends it, so
 * the stay's new status and the returned quantities commit together.
 */
import { getStockBooking, openStockBookingsOfStay } from '../../db/queries/stock-queries';
import type { DomainChanges, Reactions } from '../reactions/reactions';
import type { Commit } from '../commit';
import { stockWriter, type StockDeps } from './stock-writer';

const NOTE: Record<DomainChanges['stay.ended']['status'], string> = { checked_out: 'checked out', cancelled: 'cancelled', no_show: 'a no-show' };

/** Returns every booking of the stay still out. */
async function returnStayExtras(d: StockDeps, { stayId, status }: DomainChanges['stay.ended'], c: Commit): Promise<void> {
  const open = await openStockBookingsOfStay(d.core.db, stayId);
  if (open.length === 0) return;
  const w = stockWriter(d, c);
  for (const id of open) await w.close((await getStockBooking(d.core.db, id))!, 'returned', `stay ${stayId}`, `Stay ${stayId} ${NOTE[status]}`);
}

export function registerStockReactions(reactions: Reactions, d: StockDeps): void {
  reactions.on('stay.ended', async (change, c) => await returnStayExtras(d, change, c));
}
