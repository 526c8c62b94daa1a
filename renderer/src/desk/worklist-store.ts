/**
 * Today's worklists (arrivals, departures, in house), loaded when a counter is opened and kept live
 * while it is: every stay or room change reloads them (desk-live.ts), so a list gets shorter as guests
 * are checked in and out here or at another desk.
 */
import { create } from 'zustand';
import type { SearchResult, WorkItem, Worklists } from '../../../shared/contract/desk';
import { useBoardStore } from '../board/board-store';
import { change } from '../stores/change';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { useUiStore } from '../stores/ui-store';
import type {} from '../stays/stay-dialog-kinds';
import { transport } from '../transport/current-transport';
import { addDays } from '../../../shared/time';

export type WorklistName = 'arrivals' | 'departures' | 'inHouse';

interface WorklistState {
  open: WorklistName | null;
  lists: Worklists | null;
  loading: boolean;
  error: unknown;
  /** The stay whose one-click action is running (its button shows busy). */
  busy: number | null;
  show(list: WorklistName): void;
  hide(): void;
  load(): Promise<void>;
  /** Checks the guest in (an arrival) or out (a departure); the lists and the board reload. A refusal is kept in `error` and thrown. */
  act(item: WorkItem): Promise<void>;
  /** The header's search across stays, guests and rooms (the search keeps its own answer). */
  search(q: string): Promise<SearchResult>;
}

const initial = { open: null, lists: null, loading: false, error: null, busy: null };
let loadSeq = 0;

export const useWorklistStore = create<WorklistState>((set, get) => ({
  ...initial,
  show(list) {
    set({ open: list });
    get().load().catch(() => undefined);
  },
  hide() {
    set({ open: null });
  },
  async load() {
    const seq = ++loadSeq;
    set({ loading: true });
    try {
      const lists = await transport().invoke('desk:worklists', {});
      if (seq === loadSeq) set({ lists, loading: false, error: null });
    } catch (e) {
      if (seq === loadSeq) set({ loading: false, error: e });
      throw e;
    }
  },
  search(q) {
    return transport().invoke('desk:search', { q: q.trim(), limit: 20 });
  },
  async act(item) {
    set({ busy: item.stayId, error: null });
    try {
      const command = item.status === 'booked' ? 'stays:checkIn' : 'stays:checkOut';
      await change(command, { id: item.stayId });
    } catch (e) {
      set({ error: e });
      throw e;
    } finally {
      set({ busy: null });
    }
  },
}));

/** Opens a stay on the board: the board scrolls to its arrival, and its details open (in place of a worklist). */
export function showStayOnBoard(stayId: number, checkinDate: string): void {
  useWorklistStore.getState().hide();
  const ui = useUiStore.getState();
  ui.go('board');
  useBoardStore.getState().setFrom(addDays(checkinDate, -1));
  ui.open({ kind: 'stay', id: stayId });
}

declare module '../stores/refreshers' {
  interface RefreshTargets {
    worklists: true;
  }
}

registerRefresher('worklists', async () => {
  if (useWorklistStore.getState().open) await useWorklistStore.getState().load();
});
registerSessionReset(() => {
  loadSeq++;
  useWorklistStore.setState(initial);
});
