/**
 * The rooms report the Reports screen shows (issue 17 §1), for the period last asked; loaded by the
 * screen's Show (and once on opening). A newer answer wins: an older one arriving late is dropped.
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { RoomsReport } from '../../../shared/contract/reports';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';

interface ReportsState {
  report: RoomsReport | null;
  busy: boolean;
  error: unknown;
  /** Asks the host for the report of `period` (its `from`/`to`, or a `date` it ends on). */
  load(period: CommandInput<'reports:rooms'>): Promise<void>;
  /** The screen opens: nothing of a period asked before is shown while this one loads. */
  open(period: CommandInput<'reports:rooms'>): Promise<void>;
}

const initial = { report: null, busy: false, error: null };
let loadSeq = 0;

export const useReportsStore = create<ReportsState>((set, get) => ({
  ...initial,
  async load(period) {
    const seq = ++loadSeq;
    set({ busy: true, error: null });
    try {
      const report = await transport().invoke('reports:rooms', period);
      if (seq === loadSeq) set({ report, busy: false });
    } catch (e) {
      if (seq === loadSeq) set({ error: e, busy: false });
    }
  },
  async open(period) {
    set({ report: null });
    await get().load(period);
  },
}));

registerSessionReset(() => {
  loadSeq++;
  useReportsStore.setState(initial);
});
