/**
 * The admin's appointment setup: service rooms (all of them, out of use too) and providers, and the
 * timeslot generation with its dry run. Changes reload this screen and the desk's calendar.
 */
import { create } from 'zustand';
import type { Provider, ServiceRoom } from '../../../shared/contract/appointments';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';

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
    return change('serviceRooms:create', input);
  },
  updateRoom(input) {
    return change('serviceRooms:update', input);
  },
  async deactivateRoom(id) {
    await change('serviceRooms:deactivate', { id });
  },
  createProvider(input) {
    return change('providers:create', input);
  },
  updateProvider(input) {
    return change('providers:update', input);
  },
  preview(input) {
    return transport().invoke('timeslots:preview', input);
  },
  generate(input) {
    return change('timeslots:generate', input);
  },
}));

declare module '../stores/refreshers' {
  interface RefreshTargets {
    appointmentSetup: true;
  }
}

refreshWhenLoaded('appointmentSetup', useSetupStore);
registerSessionReset(() => useSetupStore.setState(initial));
