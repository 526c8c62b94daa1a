/**
 * A client's own appointments (`GET /api/v1/bookings`: the host answers a client with its own only)
 * and what it may book: the service rooms and providers in use. Booking, cancelling and moving go
 * through the seeds' own routes, as any LAN client's would.
 */
import { create } from 'zustand';
import type { Appointment, Provider, ServiceRoom } from '../../../shared/contract/appointments';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import { allServiceRooms } from './setup-store';

interface MyAppointmentsState {
  appointments: Appointment[];
  total: number;
  rooms: ServiceRoom[];
  providers: Provider[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  book(input: CommandInput<'appointments:create'>): Promise<CommandOutput<'appointments:create'>>;
  cancel(id: number): Promise<{ booking: Appointment; refundAmount: number }>;
  reschedule(input: CommandInput<'appointments:reschedule'>): Promise<Appointment>;
}

const initial = { appointments: [] as Appointment[], total: 0, rooms: [] as ServiceRoom[], providers: [] as Provider[], loaded: false, error: null as unknown };

export const useMyAppointmentsStore = create<MyAppointmentsState>((set) => ({
  ...initial,
  load: () =>
    loadInto(set, async () => {
      const [page, rooms, providers] = await Promise.all([
        transport().invoke('appointments:mine', { page: 1, limit: 100 }),
        allServiceRooms(true),
        transport().invoke('providers:list', {}),
      ]);
      // Soonest first; the newest booking last among equals.
      const appointments = [...page.items].sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id - b.id);
      return {
        appointments,
        total: page.total,
        rooms: rooms.sort((a, b) => a.name.localeCompare(b.name)),
        providers: providers.filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name)),
      };
    }),
  book(input) {
    return change('appointments:create', input);
  },
  cancel(id) {
    return change('appointments:cancel', { id });
  },
  async reschedule(input) {
    return (await change('appointments:reschedule', input)).booking;
  },
}));

declare module '../stores/refreshers' {
  interface RefreshTargets {
    myAppointments: true;
  }
}

refreshWhenLoaded('myAppointments', useMyAppointmentsStore);
registerSessionReset(() => useMyAppointmentsStore.setState(initial));
