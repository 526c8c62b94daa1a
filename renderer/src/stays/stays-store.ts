/**
 * Stays: the one open in the details panel, and every stay command. Each action throws the
 * refusal so the dialog that asked can show it; on success the board reloads.
 */
// Views this store reloads by name (their names are declared with their stores).
import type {} from '../board/board-store';
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { PricingChoice, Room, Stay } from '../../../shared/contract/schemas';
import { transport } from '../transport/current-transport';
import { changeAndRefresh } from '../stores/refresh-after-change';
import { registerSessionReset } from '../stores/session-data';

export type StayCommand = 'stays:checkIn' | 'stays:checkOut' | 'stays:cancel' | 'stays:noShow';

interface StaysState {
  /** The stay shown in the details dialog. */
  detail: Stay | null;
  detailError: unknown;
  open(id: number): Promise<void>;
  closeDetail(): void;
  /** A stay.changed event: keep the open details current when another desk changes that stay. */
  received(stay: Stay): void;
  create(input: CommandInput<'stays:create'>): Promise<Stay>;
  apply(command: StayCommand, id: number): Promise<Stay>;
  move(id: number, roomId: number, pricing?: PricingChoice): Promise<Stay>;
  changeDates(input: CommandInput<'stays:changeDates'>): Promise<Stay>;
  updateGuest(input: CommandInput<'stays:updateGuest'>): Promise<Stay>;
  /** Rooms free for the whole range, sleeping at least `guests` when given. */
  freeRooms(checkin: string, checkout: string, guests?: number): Promise<Room[]>;
}

export const useStaysStore = create<StaysState>((set, get) => {
  const changed = async (call: () => Promise<Stay>): Promise<Stay> => {
    const stay = await changeAndRefresh(call, ['board']);
    if (get().detail?.id === stay.id) set({ detail: stay });
    return stay;
  };
  return {
    detail: null,
    detailError: null,
    async open(id) {
      set({ detail: null, detailError: null });
      try {
        set({ detail: await transport().invoke('stays:get', { id }) });
      } catch (e) {
        set({ detailError: e });
      }
    },
    closeDetail() {
      set({ detail: null, detailError: null });
    },
    received(stay) {
      if (get().detail?.id === stay.id) set({ detail: stay });
    },
    create(input) {
      return changed(() => transport().invoke('stays:create', input));
    },
    apply(command, id) {
      return changed(() => transport().invoke(command, { id }));
    },
    move(id, roomId, pricing) {
      return changed(() => transport().invoke('stays:move', { id, roomId, ...(pricing ? { pricing } : {}) }));
    },
    updateGuest(input) {
      return changed(() => transport().invoke('stays:updateGuest', input));
    },
    changeDates(input) {
      return changed(() => transport().invoke('stays:changeDates', input));
    },
    async freeRooms(checkin, checkout, guests) {
      const rooms = await transport().invoke('rooms:free', guests === undefined ? { checkin, checkout } : { checkin, checkout, guests });
      return rooms.sort((a, b) => a.number - b.number);
    },
  };
});

registerSessionReset(() => useStaysStore.getState().closeDetail());
