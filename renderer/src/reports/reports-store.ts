/**
 * The report the Reports screen shows (issue 17 §1): rooms, appointments, stock or fleet, for the
 * period last asked; loaded by the screen's Show (and when a report is picked). A newer answer wins:
 * an older one arriving late is dropped.
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contract/commands';
import type { AppointmentsReport, FleetReport, RoomsReport, StockReport } from '../../../shared/contract/reports';

type ReportQuery = CommandInput<'reports:rooms'>;
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';

export const REPORT_KINDS = ['rooms', 'appointments', 'stock', 'fleet'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ShownReport =
  | { kind: 'rooms'; report: RoomsReport }
  | { kind: 'appointments'; report: AppointmentsReport }
  | { kind: 'stock'; report: StockReport }
  | { kind: 'fleet'; report: FleetReport };

async function fetchReport(kind: ReportKind, q: ReportQuery): Promise<ShownReport> {
  switch (kind) {
    case 'rooms':
      return { kind, report: await transport().invoke('reports:rooms', q) };
    case 'appointments':
      return { kind, report: await transport().invoke('reports:appointments', q) };
    case 'stock':
      return { kind, report: await transport().invoke('reports:stock', q) };
    case 'fleet':
      return { kind, report: await transport().invoke('reports:fleet', q) };
  }
}

interface ReportsState {
  shown: ShownReport | null;
  busy: boolean;
  error: unknown;
  /** Asks the host for the `kind` report of a period (its `from`/`to`, or a `date` it ends on). */
  load(kind: ReportKind, query: ReportQuery): Promise<void>;
}

const initial = { shown: null, busy: false, error: null };
let loadSeq = 0;

export const useReportsStore = create<ReportsState>((set) => ({
  ...initial,
  async load(kind, query) {
    const seq = ++loadSeq;
    set({ busy: true, error: null });
    try {
      const shown = await fetchReport(kind, query);
      if (seq === loadSeq) set({ shown, busy: false });
    } catch (e) {
      if (seq === loadSeq) set({ error: e, busy: false });
    }
  },
}));

registerSessionReset(() => {
  loadSeq++;
  useReportsStore.setState(initial);
});
