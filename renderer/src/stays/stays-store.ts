/**
 * Stays: the one open in the details panel, and every stay command. Each action throws the
 * refusal so the dialog that asked can show it; on success the views its events reload do (stores/change.ts).
 */
import { create } from 'zustand';
import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import type { Room } from '../../../shared/contract/rooms';
import type { StayQuote } from '../../../shared/contract/stay-desk';
import type { DepartureQuote, PricingChoice, Stay, StayWarning } from '../../../shared/contract/stays';
import { transport } from '../transport/current-transport';
import { change } from '../stores/change';
import { registerSessionReset } from '../stores/session-data';

export type StayCommand = 'stays:checkIn' | 'stays:checkOut' | 'stays:cancel' | 'stays:noShow' | 'stays:undo';

interface StaysState {
  /** The stay shown in the details dialog. */
  detail: Stay | null;
  detailError: unknown;
  open(id: number): Promise<void>;
  closeDetail(): void;
  /** A stay.changed event: keep the open details current when another desk changes that stay. */
  received(stay: Stay): void;
  create(input: CommandInput<'stays:create'>): Promise<Stay>;
  /** The stay after the command, with any warning the host gave (a check-in into a room not yet clean). */
  apply(command: StayCommand, id: number): Promise<Stay & { warnings?: StayWarning[] }>;
  /** What a check-out or no-show would do now: nights freed and the price under the hotel's rule. */
  quote(id: number, action: 'check_out' | 'no_show'): Promise<DepartureQuote>;
  move(id: number, roomId: number, pricing?: PricingChoice): Promise<Stay>;
  changeDates(input: CommandInput<'stays:changeDates'>): Promise<Stay>;
  updateGuest(input: CommandInput<'stays:updateGuest'>): Promise<Stay>;
  /** Rooms free for the whole range, sleeping at least `guests` when given. */
  freeRooms(checkin: string, checkout: string, guests?: number): Promise<Room[]>;
  /** One stay as it is now (a dialog of its own reads it, not the open details). */
  fetchStay(id: number): Promise<Stay>;
  /** The price now and at nights × rate for a proposed room or dates. */
  priceQuote(request: CommandInput<'stays:quote'>): Promise<StayQuote>;
  /** A returning guest's earlier stays, by e-mail or phone. */
  guestProfile(query: CommandInput<'guests:profile'>): Promise<CommandOutput<'guests:profile'>>;
  /** Whether the hotel has any stay (its time zone is then fixed); false when it cannot tell. */
  hasStays(): Promise<boolean>;
}

export const useStaysStore = create<StaysState>((set, get) => {
  /** The stay after a change, shown in the details if they are open on it. */
  const changed = <S extends Stay>(stay: S): S => {
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
    async create(input) {
      return changed(await change('stays:create', input));
    },
    async apply(command, id) {
      return changed<Stay & { warnings?: StayWarning[] }>(await change(command, { id }));
    },
    quote(id, action) {
      return transport().invoke('stays:departureQuote', { id, action });
    },
    async move(id, roomId, pricing) {
      return changed(await change('stays:move', { id, roomId, ...(pricing ? { pricing } : {}) }));
    },
    async updateGuest(input) {
      return changed(await change('stays:updateGuest', input));
    },
    async changeDates(input) {
      return changed(await change('stays:changeDates', input));
    },
    async freeRooms(checkin, checkout, guests) {
      const rooms = await transport().invoke('rooms:free', guests === undefined ? { checkin, checkout } : { checkin, checkout, guests });
      return rooms.sort((a, b) => a.number - b.number);
    },
    fetchStay(id) {
      return transport().invoke('stays:get', { id });
    },
    priceQuote(request) {
      return transport().invoke('stays:quote', request);
    },
    guestProfile(query) {
      return transport().invoke('guests:profile', query);
    },
    async hasStays() {
      try {
        return (await transport().invoke('stays:list', { limit: 1, offset: 0 })).total > 0;
      } catch {
        return false;
      }
    },
  };
});

registerSessionReset(() => useStaysStore.getState().closeDetail());
