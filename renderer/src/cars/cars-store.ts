/**
 * The Cars screen's data: the fleet (filtered here, in memory: a hotel has tens of cars, and the
 * search answers per keystroke) and the rentals timeline (cars × days from the server), with every
 * change through the contract and a reload of both views.
 */
import { create } from 'zustand';
import type { Car, CarState } from '../../../shared/contract/cars';
import type { Rental, RentalTimeline } from '../../../shared/contract/rentals';
import type { CommandInput } from '../../../shared/contract/commands';
import { addDays } from '../../../shared/time';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { registerRefresher, refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import type { ExportOutcome } from '../transport/transport';

export interface CarFilter {
  fuel: string;
  state: CarState | '';
  q: string;
}

export const TIMELINE_DAYS = 30;

interface CarsState {
  cars: Car[];
  loaded: boolean;
  error: unknown;
  filter: CarFilter;
  timeline: RentalTimeline | null;
  timelineFrom: string | null;
  timelineError: unknown;
  exporting: boolean;
  exportOutcome: ExportOutcome | null;
  exportError: unknown;
  load(): Promise<void>;
  setFilter(patch: Partial<CarFilter>): void;
  loadTimeline(from?: string): Promise<void>;
  shiftTimeline(days: number): Promise<void>;
  create(input: CommandInput<'cars:create'>): Promise<Car>;
  update(input: CommandInput<'cars:update'>): Promise<Car>;
  remove(id: number): Promise<{ message: string }>;
  reportDamage(id: number, note: string): Promise<Car>;
  repair(id: number): Promise<Car>;
  reserve(input: CommandInput<'rentals:reserve'>): Promise<Rental>;
  handOut(input: CommandInput<'rentals:handOut'>): Promise<Rental>;
  giveBack(input: CommandInput<'rentals:return'>): Promise<Rental>;
  cancel(id: number): Promise<Rental>;
  /** Takes a hand-out or a return back (staff: today's; admins: any). */
  undo(id: number): Promise<Rental>;
  getRental(id: number): Promise<Rental>;
  exportCsv(what: 'cars' | 'rentals', options: { delimiter: ',' | ';'; bom: boolean }): Promise<void>;
}

const initial = {
  cars: [] as Car[],
  loaded: false,
  error: null as unknown,
  filter: { fuel: '', state: '', q: '' } as CarFilter,
  timeline: null as RentalTimeline | null,
  timelineFrom: null as string | null,
  timelineError: null as unknown,
  exporting: false,
  exportOutcome: null as ExportOutcome | null,
  exportError: null as unknown,
};


export const useCarsStore = create<CarsState>((set, get) => ({
  ...initial,
  load: () => loadInto(set, async () => ({ cars: await transport().invoke('cars:list', {}) })),
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
  async loadTimeline(from) {
    const start = from ?? get().timelineFrom;
    if (!start) return;
    try {
      const timeline = await transport().invoke('rentals:timeline', { from: start, days: TIMELINE_DAYS });
      set({ timeline, timelineFrom: start, timelineError: null });
    } catch (e) {
      set({ timelineError: e, timelineFrom: start });
      throw e;
    }
  },
  shiftTimeline(days) {
    const from = get().timelineFrom;
    return from ? get().loadTimeline(addDays(from, days)) : Promise.resolve();
  },
  create: (input) => change('cars:create', input),
  update: (input) => change('cars:update', input),
  remove: (id) => change('cars:seedDelete', { car_id: id }),
  reportDamage: (id, note) => change('cars:reportDamage', { id, note }),
  repair: (id) => change('cars:repair', { id }),
  reserve: (input) => change('rentals:reserve', input),
  handOut: (input) => change('rentals:handOut', input),
  giveBack: (input) => change('rentals:return', input),
  cancel: (id) => change('rentals:cancel', { id }),
  undo: (id) => change('rentals:undo', { id }),
  getRental: (id) => transport().invoke('rentals:get', { id }),
  async exportCsv(what, { delimiter, bom }) {
    set({ exporting: true, exportOutcome: null, exportError: null });
    try {
      const { fuel, state } = get().filter;
      const outcome =
        what === 'cars'
          ? await transport().exportCsv('cars:export', { delimiter, bom, ...(fuel ? { fuel } : {}), ...(state ? { state } : {}) })
          : await transport().exportCsv('rentals:export', { delimiter, bom });
      set({ exporting: false, exportOutcome: outcome });
    } catch (e) {
      set({ exporting: false, exportError: e });
    }
  },
}));

/** The cars the filter lets through (fuel, state, and a search in brand, model, plate, notes). Pure. */
export function filterCars(cars: readonly Car[], f: CarFilter): Car[] {
  const q = f.q.trim().toLowerCase();
  return cars.filter((c) => {
    if (f.fuel && c.fuelType.toLowerCase() !== f.fuel.toLowerCase()) return false;
    if (f.state === 'available' && (c.isRented || c.hasDamage)) return false;
    if (f.state === 'rented' && !c.isRented) return false;
    if (f.state === 'damaged' && !c.hasDamage) return false;
    if (q && ![c.brand, c.model, `${c.brand} ${c.model}`, c.plate ?? '', c.notes].some((s) => s.toLowerCase().includes(q))) return false;
    return true;
  });
}

declare module '../stores/refreshers' {
  interface RefreshTargets {
    cars: true;
    carTimeline: true;
  }
}

refreshWhenLoaded('cars', useCarsStore);
registerRefresher('carTimeline', async () => {
  if (useCarsStore.getState().timelineFrom) await useCarsStore.getState().loadTimeline();
});
registerSessionReset(() => useCarsStore.setState(initial));
