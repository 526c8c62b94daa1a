/**
 * Admin: the audit log, newest first, filtered; "load more" pages back with `beforeId`, and the
 * same filter exports as CSV (a save dialog in the desktop app, a download in a browser).
 */
import { create } from 'zustand';
import type { AuditEntry } from '../../../shared/contract/audit';
import { transport } from '../transport/current-transport';
import type { ExportOutcome } from '../transport/transport';
import { auditFilterInput, auditQuery, EMPTY_AUDIT_FILTER, type AuditFilter } from './audit-query';
import { registerSessionReset } from '../stores/session-data';

interface AuditState {
  /** The filter the entries shown were asked with. */
  filter: AuditFilter;
  entries: AuditEntry[];
  /** Where the next page starts; null when the oldest entry is shown. */
  nextBeforeId: number | null;
  loaded: boolean;
  loading: boolean;
  error: unknown;
  exporting: boolean;
  exportOutcome: ExportOutcome | null;
  exportError: unknown;
  /** The first page for this filter. */
  load(filter?: AuditFilter): Promise<void>;
  loadMore(): Promise<void>;
  exportCsv(options: { delimiter: ',' | ';'; bom: boolean }): Promise<void>;
}

const initial = {
  filter: EMPTY_AUDIT_FILTER,
  entries: [] as AuditEntry[],
  nextBeforeId: null as number | null,
  loaded: false,
  loading: false,
  error: null as unknown,
  exporting: false,
  exportOutcome: null as ExportOutcome | null,
  exportError: null as unknown,
};

let loadSeq = 0;

export const useAuditStore = create<AuditState>((set, get) => ({
  ...initial,
  async load(filter = get().filter) {
    const seq = ++loadSeq;
    set({ filter, loading: true, exportOutcome: null, exportError: null });
    try {
      const page = await transport().invoke('audit:list', auditQuery(filter));
      // A newer filter's answer wins over an older, slower one.
      if (seq !== loadSeq) return;
      set({ entries: page.entries, nextBeforeId: page.nextBeforeId, loaded: true, loading: false, error: null });
    } catch (e) {
      if (seq === loadSeq) set({ loading: false, error: e });
      throw e;
    }
  },
  async loadMore() {
    const { filter, nextBeforeId, loading } = get();
    if (nextBeforeId === null || loading) return;
    const seq = ++loadSeq;
    set({ loading: true });
    try {
      const page = await transport().invoke('audit:list', auditQuery(filter, nextBeforeId));
      if (seq !== loadSeq) return;
      set({ entries: [...get().entries, ...page.entries], nextBeforeId: page.nextBeforeId, loading: false, error: null });
    } catch (e) {
      if (seq === loadSeq) set({ loading: false, error: e });
      throw e;
    }
  },
  async exportCsv({ delimiter, bom }) {
    set({ exporting: true, exportOutcome: null, exportError: null });
    try {
      const outcome = await transport().exportCsv('audit:export', { ...auditFilterInput(get().filter), delimiter, bom });
      set({ exporting: false, exportOutcome: outcome });
    } catch (e) {
      set({ exporting: false, exportError: e });
    }
  },
}));

registerSessionReset(() => useAuditStore.setState(initial));
