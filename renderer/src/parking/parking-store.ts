/**
 * Parking for the desk: the spaces and their bookings. Every change goes through `change`
 * (stores/change.ts), which reloads what its live events reload (parking-live.ts).
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { ParkingBooking, ParkingSpace } from '../../../shared/contract/parking';
import { change } from '../stores/change';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import type { ExportOutcome } from '../transport/transport';

interface ParkingState {
  spaces: ParkingSpace[];
  bookings: ParkingBooking[];
  loaded: boolean;
  error: unknown;
  exportOutcome: ExportOutcome | null;
  load(): Promise<void>;
  addSpace(label: string): Promise<ParkingSpace>;
  book(input: CommandInput<'parking:book'>): Promise<ParkingBooking>;
  cancel(id: number): Promise<ParkingBooking>;
  exportCsv(): Promise<void>;
}

const initial = { spaces: [], bookings: [], loaded: false, error: null, exportOutcome: null };

export const useParkingStore = create<ParkingState>((set) => ({
  ...initial,
  async load() {
    try {
      const [spaces, bookings] = await Promise.all([transport().invoke('parking:spaces', {}), transport().invoke('parking:bookings', {})]);
      set({ spaces, bookings, loaded: true, error: null });
    } catch (e) {
      set({ error: e });
      throw e;
    }
  },
  addSpace: (label) => change('parking:createSpace', { label }),
  book: (input) => change('parking:book', input),
  cancel: (id) => change('parking:cancel', { id }),
  async exportCsv() {
    set({ exportOutcome: await transport().exportCsv('parking:export', { delimiter: ';', bom: true }) });
  },
}));

declare module '../stores/refreshers' {
  interface RefreshTargets {
    parking: true;
  }
}

registerRefresher('parking', async () => {
  if (useParkingStore.getState().loaded) await useParkingStore.getState().load();
});
registerSessionReset(() => useParkingStore.setState(initial));
