/**
 * The import center's state: the kind, the chosen file, the column mapping, the dry run's summary and
 * the import's, and the import under way (its id, its progress, a cancel). Every check and import is
 * the host's `imports:runFile`: the file is parsed and checked there, in its import worker, never
 * here. In a browser the file goes as the request's body (streamed by the browser); in the desktop
 * app main keeps the file chosen in the open dialog and the host reads it from disk.
 *
 * Progress comes as `import.progress` live events of this import's id (imports-live.ts), over the
 * desktop window's IPC feed or a browser's `/ws` alike; a cancel (`imports:cancel`) rolls the dry run
 * or the import back, and its call then fails with `imports.cancelled`.
 */
import { create } from 'zustand';
import type { ImportKind, ImportKindInfo, ImportMode, ImportProgress, ImportSummary } from '../../../shared/contract/imports';
import type { LiveEventOf } from '../../../shared/contract/events';
import { emitsOf } from '../stores/change';
import { targetsOf } from '../stores/live-event-table';
import { refreshNow } from '../stores/refreshers';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';
import { isTransportError } from '../transport/transport';

/** The chosen file: its name and size, and in a browser the file itself (the desktop's stays in main). */
export interface ImportFile {
  name: string;
  bytes: number;
  blob: Blob | null;
}

interface ImportsState {
  kind: ImportKind;
  info: ImportKindInfo | null;
  file: ImportFile | null;
  mapping: Record<string, string>;
  mode: ImportMode;
  preview: ImportSummary | null;
  result: ImportSummary | null;
  /** What runs now: a dry run or the import (each may be cancelled), or nothing. */
  running: 'dryRun' | 'import' | null;
  /** The id of the run under way (its progress events and its cancel name it). */
  jobId: string | null;
  progress: ImportProgress | null;
  cancelling: boolean;
  cancelled: boolean;
  error: unknown;
  /** Counts the calls: an answer to an older one is dropped. */
  call: number;
  setKind(kind: ImportKind): Promise<void>;
  /** The desktop's open dialog (its title in the user's language). */
  chooseFile(title: string): Promise<void>;
  /** A browser's file field. */
  setFile(file: ImportFile): Promise<void>;
  setColumn(field: string, column: string): Promise<void>;
  setMode(mode: ImportMode): void;
  dryRun(): Promise<void>;
  runImport(): Promise<void>;
  cancel(): Promise<void>;
  receiveProgress(event: LiveEventOf<'import.progress'>): void;
}

/** Whether the file is chosen in the desktop's open dialog (else a browser's file field). */
export const choosesInDialog = (): boolean => transport().chooseImportFile !== undefined;

/** A fresh id for one run: random, and made without `crypto.randomUUID` (absent on a LAN's plain http). */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `import-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const initial = { info: null, file: null, mapping: {}, preview: null, result: null, running: null, jobId: null, progress: null, cancelling: false, cancelled: false, error: null };
const idle = { running: null, jobId: null, progress: null, cancelling: false } as const;

export const useImportsStore = create<ImportsState>((set, get) => {
  const runCall = async (dryRun: boolean) => {
    const { file, kind, mode, mapping } = get();
    if (file === null) return;
    const call = get().call + 1;
    const jobId = newJobId();
    set({ running: dryRun ? 'dryRun' : 'import', jobId, progress: null, cancelling: false, cancelled: false, error: null, call, ...(dryRun ? { preview: null, result: null } : { result: null }) });
    try {
      const input = { kind, dryRun, mode, jobId, ...(Object.keys(mapping).length ? { mapping: JSON.stringify(mapping) } : {}) };
      const summary = await transport().importFile('imports:runFile', input, file.blob);
      if (get().call !== call) return;
      set(dryRun ? { ...idle, preview: summary, mapping: summary.mapping } : { ...idle, result: summary });
      // What the import changed, reloaded as any change of this desk's is (stores/change.ts).
      if (summary.committed) await refreshNow(targetsOf(emitsOf('imports:runFile')));
    } catch (e) {
      if (get().call !== call) return;
      const cancelled = isTransportError(e) && e.reason === 'imports.cancelled';
      set({ ...idle, cancelled, error: cancelled ? null : e });
    }
  };
  return {
    kind: 'guestRooms',
    mode: 'allOrNothing',
    call: 0,
    ...initial,
    async setKind(kind) {
      set({ ...initial, kind, call: get().call + 1 });
      try {
        const info = await transport().invoke('imports:kind', { kind });
        if (get().kind === kind) set({ info, mapping: info.savedMapping });
      } catch (e) {
        set({ error: e });
      }
    },
    async chooseFile(title) {
      try {
        const chosen = await transport().chooseImportFile?.(title);
        if (!chosen) return;
        await get().setFile({ name: chosen.fileName, bytes: chosen.bytes, blob: null });
      } catch (e) {
        set({ error: e });
      }
    },
    async setFile(file) {
      set({ file, preview: null, result: null, error: null, cancelled: false });
      await runCall(true);
    },
    async setColumn(field, column) {
      const mapping = { ...get().mapping };
      if (column === '') delete mapping[field];
      else mapping[field] = column;
      set({ mapping });
      await runCall(true);
    },
    setMode: (mode) => set({ mode }),
    dryRun: () => runCall(true),
    runImport: () => runCall(false),
    async cancel() {
      const { jobId } = get();
      if (jobId === null || get().cancelling) return;
      set({ cancelling: true });
      try {
        await transport().invoke('imports:cancel', { jobId });
      } catch (e) {
        set({ cancelling: false, error: e });
      }
    },
    receiveProgress(event) {
      if (event.jobId === get().jobId) set({ progress: event.progress });
    },
  };
});

registerSessionReset(() => useImportsStore.setState({ ...initial, kind: 'guestRooms', mode: 'allOrNothing' }));
