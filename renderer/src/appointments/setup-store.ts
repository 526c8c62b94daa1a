/**
 * The admin's appointment setup: service rooms (all of them, out of use too) and providers, and the
 * timeslot generation with its dry run. Changes reload this screen and the desk's calendar.
 */
import { create } from 'zustand';
import type { Provider, ServiceRoom } from '../../../shared/contract/appointments';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import { loadInto } from '../stores/load-into';
import { changeAndRefresh, refreshWhenLoaded } from '../stores/refresh-after-change';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import type {} from './appointments-store';

interface SetupState {
  rooms: ServiceRoom[];
  providers: Provider[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  createRoom(input: CommandInput<'serviceRooms:create'>): Promise<ServiceRoom>;
  updateRoom(input: CommandInput<'serviceRooms:update'>): Promise<ServiceRoom>;
  deactivateRoom(id: number): Promise<void>;
  createProvider(input: CommandInput<'providers:create'>): Promise<Provider>;
  updateProvider(input: CommandInput<'providers:update'>): Promise<Provider>;
  preview(input: CommandInput<'timeslots:preview'>): Promise<CommandOutput<'timeslots:preview'>>;
  generate(input: CommandInput<'timeslots:generate'>): Promise<CommandOutput<'timeslots:generate'>>;
}

/** Every service room, page by page (seed 003 pages at most 100). */
export async function allServiceRooms(active: boolean): Promise<ServiceRoom[]> {
  const rooms: ServiceRoom[] = [];
  for (let page = 1; ; page++) {
    const answer = await transport().invoke('serviceRooms:list', { active, page, limit: 100 });
    rooms.push(...answer.items);
    if (answer.items.length === 0 || rooms.length >= answer.total) return rooms;
  }
}

const initial = { rooms: [] as ServiceRoom[], providers: [] as Provider[], loaded: false, error: null as unknown };
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export const useSetupStore = create<SetupState>((set) => ({
  ...initial,
  load: () =>
    loadInto(set, async () => {
      const [rooms, providers] = await Promise.all([allServiceRooms(false), transport().invoke('providers:list', { includeInactive: true })]);
      return { rooms: rooms.sort(byName), providers: [...providers].sort(byName) };
    }),
  createRoom(input) {
    return changeAndRefresh(() => transport().invoke('serviceRooms:create', input), ['appointmentSetup', 'appointments']);
  },
  updateRoom(input) {
    return changeAndRefresh(() => transport().invoke('serviceRooms:update', input), ['appointmentSetup', 'appointments']);
  },
  async deactivateRoom(id) {
    await changeAndRefresh(() => transport().invoke('serviceRooms:deactivate', { id }), ['appointmentSetup', 'appointments']);
  },
  createProvider(input) {
    return changeAndRefresh(() => transport().invoke('providers:create', input), ['appointmentSetup', 'appointments']);
  },
  updateProvider(input) {
    return changeAndRefresh(() => transport().invoke('providers:update', input), ['appointmentSetup', 'appointments']);
  },
  preview(input) {
    return transport().invoke('timeslots:preview', input);
  },
  generate(input) {
    return changeAndRefresh(() => transport().invoke('timeslots:generate', input), ['appointmentSetup', 'appointments']);
  },
}));

declare module '../stores/refresh-after-change' {
  interface RefreshTargets {
    appointmentSetup: true;
  }
}

refreshWhenLoaded('appointmentSetup', useSetupStore);
registerSessionReset(() => useSetupStore.setState(initial));
