import type { stockCommands } from '../../shared/contract/stock';
import type { stockSeedCommands } from '../../shared/contract/stock-seed';
import type { HandlersFor } from '../handler-types';
import type { StockService } from './stock-service';

/** `stock:export` streams from the export registry and has no handler here. */
export function stockHandlers({ stock }: { stock: StockService }): HandlersFor<typeof stockSeedCommands & typeof stockCommands> {
  return {
    'stock:seedList': () => stock.seedList(),
    'stock:seedCreate': (input, ctx) => stock.seedCreate(input, ctx),
    'stock:seedBookings': (_input, ctx) => stock.seedBookings(ctx),
    'stock:seedBook': (input, ctx) => stock.seedBook(input, ctx),
    'stock:list': (input) => stock.list(input.includeInactive ?? false),
    'stock:create': (input, ctx) => stock.create(input, ctx),
    'stock:update': (input, ctx) => stock.update(input, ctx),
    'stock:restock': (input, ctx) => stock.restock(input, ctx),
    'stock:deactivate': (input, ctx) => stock.deactivate(input.id, ctx),
    'stock:movements': (input) => stock.movements(input.id, input.limit),
    'stock:bookings': (input) => stock.bookings(input),
    'stock:book': (input, ctx) => stock.book(input, ctx),
    'stock:return': (input, ctx) => stock.giveBack(input.id, ctx),
    'stock:cancel': (input, ctx) => stock.cancel(input.id, ctx),
  };
}
