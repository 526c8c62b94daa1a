/** Guest rooms for the admin screen (including inactive ones) and the desk's housekeeping badges. */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { Housekeeping, Room } from '../../../shared/contract/rooms';
import { transport } from '../transport/current-transport';
import { loadInto } from '../stores/load-into';
import { change } from '../stores/change';
import { refreshWhenLoaded } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';

interface RoomsState {
  rooms: Room[];
  loaded: boolean;
  error: unknown;
  load(): Promise<void>;
  create(input: CommandInput<'rooms:create'>): Promise<Room>;
  update(input: CommandInput<'rooms:update'>): Promise<Room>;
  deactivate(id: number): Promise<Room>;
  reactivate(id: number): Promise<Room>;
  setHousekeeping(id: number, housekeeping: Housekeeping): Promise<Room>;
}

export const useRoomsStore = create<RoomsState>((set) => ({
  rooms: [],
  loaded: false,
  error: null,
  load: () => loadInto(set, async () => ({ rooms: (await transport().invoke('rooms:list', { includeInactive: true })).sort((a, b) => a.number - b.number) })),
  create(input) {
    return change('rooms:create', input);
  },
  update(input) {
    return change('rooms:update', input);
  },
  deactivate(id) {
    return change('rooms:deactivate', { id });
  },
  reactivate(id) {
    return change('rooms:update', { id, active: true });
  },
  setHousekeeping(id, housekeeping) {
    return change('rooms:setHousekeeping', { id, housekeeping });
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    rooms: true;
  }
}

refreshWhenLoaded('rooms', useRoomsStore);
registerSessionReset(() => useRoomsStore.setState({ rooms: [], loaded: false, error: null }));
