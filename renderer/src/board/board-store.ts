/**
 * The front desk board: which period is shown, how rooms are grouped, and the last `board:get`.
 * Live events from other desks reload it through its refresher (board-live.ts; a burst is one reload).
 * The first load may leave out the start: the host answers with the hotel's today, so the board
 * need not wait for the settings to know the hotel's zone. The URL can name the period to open on
 * (`#/board?from=2026-05-01&days=90`).
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { Block } from '../../../shared/contract/blocks';
import type { Board } from '../../../shared/contract/board';
import { addDays, nightsBetween } from '../../../shared/time';
import { boardLanes } from './board-lanes';
import { boardRows, type BoardRow, type GroupBy, type RoomLane } from './board-layout';
import { boardQuery, periodFromHash } from './board-period';
import { transport } from '../transport/current-transport';
import { change } from '../stores/change';
import { registerRefresher } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { hotelToday } from '../stores/hotel-store';
import { reportBackgroundError } from '../stores/toast-store';

interface BoardState {
  /** First day shown; null until the first board (on the hotel's today) has come. */
  from: string | null;
  days: number;
  groupBy: GroupBy;
  board: Board | null;
  rows: BoardRow[];
  lanes: Map<number, RoomLane>;
  loading: boolean;
  error: unknown;
  load(): Promise<void>;
  setFrom(date: string): void;
  shift(direction: -1 | 1): void;
  goToday(): void;
  setDays(days: number): void;
  setGroupBy(groupBy: GroupBy): void;
  removeBlock(id: number): Promise<void>;
  createBlock(input: CommandInput<'blocks:create'>): Promise<Block>;
  updateBlock(input: CommandInput<'blocks:update'>): Promise<Block>;
}

let loadSeq = 0;

export const useBoardStore = create<BoardState>((set, get) => ({
  // Through globalThis: no DOM types, so the store is tested in Node.
  ...periodFromHash((globalThis as { location?: { hash: string } }).location?.hash ?? ''),
  groupBy: 'floor',
  board: null,
  rows: [],
  lanes: new Map(),
  loading: false,
  error: null,

  async load() {
    const seq = ++loadSeq;
    const { from, days } = get();
    set({ loading: true });
    try {
      const board = await transport().invoke('board:get', boardQuery({ from, days }));
      // A slower, older answer must not replace a newer one (fast clicking on "next").
      if (seq !== loadSeq) return;
      set({
        board,
        from: board.from,
        rows: boardRows(board.rooms, get().groupBy),
        lanes: boardLanes(board),
        loading: false,
        error: null,
      });
    } catch (e) {
      if (seq !== loadSeq) return;
      // Keep the toolbar in step with what is still on screen.
      const shown = get().board;
      set(shown ? { loading: false, error: e, from: shown.from, days: nightsBetween(shown.from, shown.to) } : { loading: false, error: e });
      throw e;
    }
  },

  setFrom(date) {
    set({ from: date });
    get().load().catch(reportBackgroundError);
  },

  shift(direction) {
    const { from, days } = get();
    get().setFrom(addDays(from ?? hotelToday(), direction * days));
  },

  goToday() {
    get().setFrom(hotelToday());
  },

  setDays(days) {
    set({ days });
    get().load().catch(reportBackgroundError);
  },

  setGroupBy(groupBy) {
    const { board } = get();
    set({ groupBy, rows: board ? boardRows(board.rooms, groupBy) : [] });
  },

  async removeBlock(id) {
    await change('blocks:remove', { id });
  },
  createBlock(input) {
    return change('blocks:create', input);
  },
  updateBlock(input) {
    return change('blocks:update', input);
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    board: true;
  }
}

// Only a board on screen reloads (a LAN client hears of its own stays but has no board).
registerRefresher('board', async () => {
  if (useBoardStore.getState().board) await useBoardStore.getState().load();
});
registerSessionReset(() => {
  // An answer still on its way belongs to the session that asked.
  loadSeq++;
  useBoardStore.setState({ board: null, rows: [], lanes: new Map(), loading: false, error: null });
});
