/** The CSV export dialog's state (export-dialog.tsx): a save dialog in the desktop app, a download in a browser. */
import { create } from 'zustand';
import { transport } from '../transport/current-transport';
import type { ExportCommand, ExportOutcome, ExportQuery } from '../transport/transport';
import { registerSessionReset } from '../stores/session-data';

interface ExportState {
  busy: boolean;
  /** The export last run (the export center shows the outcome beside it). */
  running: ExportCommand | null;
  outcome: ExportOutcome | null;
  error: unknown;
  /** Runs export `command` (the stays' unless named) with `query`. */
  run<K extends ExportCommand = 'stays:export'>(query: ExportQuery<K>, command?: K): Promise<void>;
  reset(): void;
}

export const useExportStore = create<ExportState>((set) => ({
  busy: false,
  running: null,
  outcome: null,
  error: null,
  async run(query, command) {
    set({ busy: true, running: command ?? 'stays:export', outcome: null, error: null });
    try {
      set({ outcome: await transport().exportCsv(command ?? 'stays:export', query), busy: false });
    } catch (e) {
      set({ error: e, busy: false });
    }
  },
  reset() {
    set({ busy: false, running: null, outcome: null, error: null });
  },
}));

registerSessionReset(() => useExportStore.getState().reset());
