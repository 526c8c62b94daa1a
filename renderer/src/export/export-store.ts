/** The stays CSV export: a save dialog in the desktop app, a download in a browser. */
import { create } from 'zustand';
import { transport } from '../transport/current-transport';
import type { ExportOutcome, ExportQuery } from '../transport/transport';
import { registerSessionReset } from '../stores/session-data';

interface ExportState {
  busy: boolean;
  outcome: ExportOutcome | null;
  error: unknown;
  run(query: ExportQuery<'stays:export'>): Promise<void>;
  reset(): void;
}

export const useExportStore = create<ExportState>((set) => ({
  busy: false,
  outcome: null,
  error: null,
  async run(query) {
    set({ busy: true, outcome: null, error: null });
    try {
      set({ outcome: await transport().exportCsv('stays:export', query), busy: false });
    } catch (e) {
      set({ error: e, busy: false });
    }
  },
  reset() {
    set({ busy: false, outcome: null, error: null });
  },
}));

registerSessionReset(() => useExportStore.getState().reset());
