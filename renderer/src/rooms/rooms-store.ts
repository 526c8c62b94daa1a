/** Guest rooms for the admin screen (including inactive ones) and the desk's housekeeping badges. */
// Views this store reloads by name (their names are declared with their stores).
import type {} from '../board/board-store';
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { Housekeeping, Room } from '../../../shared/contract/schemas';
import { transport } from '../transport/current-transport';
import { loadInto } from '../stores/load-into';
import { changeAndRefresh, refreshWhenLoaded } from '../stores/refresh-after-change';
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
    return changeAndRefresh(() => transport().invoke('rooms:create', input), ['rooms', 'board']);
  },
  update(input) {
    return changeAndRefresh(() => transport().invoke('rooms:update', input), ['rooms', 'board']);
  },
  deactivate(id) {
    return changeAndRefresh(() => transport().invoke('rooms:deactivate', { id }), ['rooms', 'board']);
  },
  reactivate(id) {
    return changeAndRefresh(() => transport().invoke('rooms:update', { id, active: true }), ['rooms', 'board']);
  },
  setHousekeeping(id, housekeeping) {
    return changeAndRefresh(() => transport().invoke('rooms:setHousekeeping', { id, housekeeping }), ['rooms', 'board']);
  },
}));


declare module '../stores/refresh-after-change' {
  interface RefreshTargets {
    rooms: true;
  }
}

refreshWhenLoaded('rooms', useRoomsStore);
registerSessionReset(() => useRoomsStore.setState({ rooms: [], loaded: false, error: null }));
