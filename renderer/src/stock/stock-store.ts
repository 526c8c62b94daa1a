/**
 * Stock for the desk: the resources (in stock, out of stock, out of use), the loans still out, the
 * overdue ones, and a stay's extras (loaded per stay, for the stay's dialog). Every change goes
 * through `change` (stores/change.ts), which reloads what its live events reload.
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { StockBooking, StockMovement, StockResource } from '../../../shared/contract/stock';
import { transport } from '../transport/current-transport';
import type { ExportOutcome, ExportQuery } from '../transport/transport';
import { change } from '../stores/change';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface StockState {
  resources: StockResource[];
  loans: StockBooking[];
  overdue: StockBooking[];
  loaded: boolean;
  error: unknown;
  /** The open stay dialog's extras (one stay at a time). */
  extrasStayId: number | null;
  extras: StockBooking[];
  movements: { resourceId: number; items: StockMovement[] } | null;
  exporting: boolean;
  exportOutcome: ExportOutcome | null;
  exportError: unknown;
  load(): Promise<void>;
  loadExtras(stayId: number | null): Promise<void>;
  loadMovements(resourceId: number | null): Promise<void>;
  create(input: CommandInput<'stock:create'>): Promise<StockResource>;
  restock(input: CommandInput<'stock:restock'>): Promise<StockResource>;
  setActive(id: number, active: boolean): Promise<StockResource>;
  book(input: CommandInput<'stock:book'>): Promise<StockBooking>;
  giveBack(id: number): Promise<StockBooking>;
  cancel(id: number): Promise<StockBooking>;
  exportCsv(query: ExportQuery<'stock:export'>): Promise<void>;
  resetExport(): void;
}

const initial = {
  resources: [],
  loans: [],
  overdue: [],
  loaded: false,
  error: null,
  extrasStayId: null,
  extras: [],
  movements: null,
  exporting: false,
  exportOutcome: null,
  exportError: null,
};

export const useStockStore = create<StockState>((set, get) => ({
  ...initial,
  async load() {
    try {
      const [resources, loans, overdue] = await Promise.all([
        transport().invoke('stock:list', { includeInactive: true }),
        transport().invoke('stock:bookings', { status: 'out', limit: 500 }),
        transport().invoke('stock:bookings', { overdue: true, limit: 500 }),
      ]);
      set({ resources, loans: loans.items, overdue: overdue.items, loaded: true, error: null });
      const open = get().movements;
      if (open) await get().loadMovements(open.resourceId);
    } catch (e) {
      set({ error: e });
      throw e;
    }
  },
  async loadExtras(stayId) {
    if (stayId === null) return set({ extrasStayId: null, extras: [] });
    set({ extrasStayId: stayId, ...(get().extrasStayId === stayId ? {} : { extras: [] }) });
    const page = await transport().invoke('stock:bookings', { stayId, limit: 100 });
    if (get().extrasStayId === stayId) set({ extras: page.items });
  },
  async loadMovements(resourceId) {
    if (resourceId === null) return set({ movements: null });
    const items = await transport().invoke('stock:movements', { id: resourceId, limit: 100 });
    set({ movements: { resourceId, items } });
  },
  create(input) {
    return change('stock:create', input);
  },
  restock(input) {
    return change('stock:restock', input);
  },
  setActive(id, active) {
    return active ? change('stock:update', { id, active: true }) : change('stock:deactivate', { id });
  },
  book(input) {
    return change('stock:book', input);
  },
  giveBack(id) {
    return change('stock:return', { id });
  },
  cancel(id) {
    return change('stock:cancel', { id });
  },
  async exportCsv(query) {
    set({ exporting: true, exportOutcome: null, exportError: null });
    try {
      set({ exporting: false, exportOutcome: await transport().exportCsv('stock:export', query) });
    } catch (e) {
      set({ exporting: false, exportError: e });
    }
  },
  resetExport() {
    set({ exporting: false, exportOutcome: null, exportError: null });
  },
}));

declare module '../stores/refreshers' {
  interface RefreshTargets {
    stock: true;
    stockExtras: true;
  }
}

registerRefresher('stock', async () => {
  if (useStockStore.getState().loaded) await useStockStore.getState().load();
});
registerRefresher('stockExtras', async () => {
  const stayId = useStockStore.getState().extrasStayId;
  if (stayId !== null) await useStockStore.getState().loadExtras(stayId);
});
registerSessionReset(() => useStockStore.setState(initial));
