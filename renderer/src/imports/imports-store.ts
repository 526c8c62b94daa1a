/**
 * The import center's state: the kind, the chosen file's text, the column mapping, the dry run's
 * summary and the import's. Every check and import is the host's `imports:run` (the file is parsed
 * and checked there, never here); a cancel drops the answer of the call under way.
 */
import { create } from 'zustand';
import type { ImportKind, ImportKindInfo, ImportMode, ImportSummary } from '../../../shared/contract/imports';
import { transport } from '../transport/current-transport';
import { registerSessionReset } from '../stores/session-data';

interface ImportsState {
  kind: ImportKind;
  info: ImportKindInfo | null;
  fileName: string | null;
  csv: string | null;
  mapping: Record<string, string>;
  mode: ImportMode;
  preview: ImportSummary | null;
  result: ImportSummary | null;
  busy: boolean;
  /** The call under way is a dry run: only that may be cancelled (it writes nothing). */
  checking: boolean;
  cancelled: boolean;
  error: unknown;
  /** Counts the calls: an answer to an older or cancelled one is dropped. */
  call: number;
  setKind(kind: ImportKind): Promise<void>;
  setFile(name: string, csv: string): Promise<void>;
  setColumn(field: string, column: string): Promise<void>;
  setMode(mode: ImportMode): void;
  dryRun(): Promise<void>;
  runImport(): Promise<void>;
  cancel(): void;
}

/** The file's bytes as text: UTF-8 (a BOM is kept for the host to drop), else Windows-1252 as older systems write æøå. */
export function decodeFile(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const initial = { info: null, fileName: null, csv: null, mapping: {}, preview: null, result: null, busy: false, checking: false, cancelled: false, error: null };

export const useImportsStore = create<ImportsState>((set, get) => {
  const runCall = async (dryRun: boolean) => {
    const { csv, kind, mode, mapping } = get();
    if (csv === null) return;
    const call = get().call + 1;
    set({ busy: true, checking: dryRun, cancelled: false, error: null, call, ...(dryRun ? { preview: null, result: null } : { result: null }) });
    try {
      const summary = await transport().invoke('imports:run', { kind, csv, dryRun, mode, mapping });
      if (get().call !== call) return;
      set(dryRun ? { preview: summary, mapping: summary.mapping, busy: false } : { result: summary, busy: false });
    } catch (e) {
      if (get().call === call) set({ error: e, busy: false });
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
    async setFile(fileName, csv) {
      set({ fileName, csv, preview: null, result: null });
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
    cancel: () => {
      if (get().checking) set({ call: get().call + 1, busy: false, checking: false, cancelled: true });
    },
  };
});

registerSessionReset(() => useImportsStore.setState({ ...initial, kind: 'guestRooms', mode: 'allOrNothing' }));
