/**
 * A LAN client's own bookings (seed 000's `GET /bookings`: the host answers a client with its own
 * only) and booking a room for itself (`POST /bookings`).
 */
import { create } from 'zustand';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { transport } from '../transport/current-transport';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface MyBookingsState {
  bookings: SeedBooking[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  /** Throws the refusal (409 taken, 400 bad fields) for the form. */
  create(input: CommandInput<'stays:seedCreate'>): Promise<SeedBooking>;
  /** The categories and rooms free for the dates and guests (the form keeps its own answer). */
  available(query: CommandInput<'rooms:available'>): Promise<CommandOutput<'rooms:available'>>;
}

const initial = { bookings: [] as SeedBooking[], loaded: false, error: null as unknown };

export const useMyBookingsStore = create<MyBookingsState>((set) => ({
  ...initial,
  load: () =>
    loadInto(set, async () => {
      const bookings = await transport().invoke('stays:seedList', {});
      // Soonest arrival first; the newest booking last among equals.
      return { bookings: bookings.sort((a, b) => a.checkin.localeCompare(b.checkin) || a.id - b.id) };
    }),
  create(input) {
    return change('stays:seedCreate', input);
  },
  available(query) {
    return transport().invoke('rooms:available', query);
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    myBookings: true;
  }
}

refreshWhenLoaded('myBookings', useMyBookingsStore);
registerSessionReset(() => useMyBookingsStore.setState(initial));
