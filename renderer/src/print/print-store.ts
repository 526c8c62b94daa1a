/**
 * The print screen's state: which list, the lists of today (`print:lists`), the stay whose
 * registration card is asked for (`stays:get`), and the outcome of the last print. Printing goes
 * through the transport: the desktop app's print-to-PDF and save dialog, or the browser's print.
 */
import { create } from 'zustand';
import type { PrintLists } from '../../../shared/contract/print';
import type { Stay } from '../../../shared/contract/stays';
import { registerSessionReset } from '../stores/session-data';
import { transport } from '../transport/current-transport';

export const PRINT_LISTS = ['arrivals', 'departures', 'inHouse', 'housekeeping', 'card'] as const;
export type PrintListName = (typeof PRINT_LISTS)[number];

export function isPrintList(name: string | null): name is PrintListName {
  return (PRINT_LISTS as readonly string[]).includes(name ?? '');
}

/** 'printed' (the browser's dialog), `{ path }` (the desktop's file, `null` when cancelled). */
export type PrintOutcome = 'printed' | { path: string | null };

interface PrintState {
  list: PrintListName;
  lists: PrintLists | null;
  stay: Stay | null;
  loading: boolean;
  error: unknown;
  outcome: PrintOutcome | null;
  choose(list: PrintListName): void;
  load(): Promise<void>;
  loadStay(id: number): Promise<void>;
  print(fileName: string, title: string): Promise<void>;
}

const initial = { list: 'arrivals' as PrintListName, lists: null, stay: null, loading: false, error: null, outcome: null };

export const usePrintStore = create<PrintState>((set) => ({
  ...initial,
  choose(list) {
    set({ list, outcome: null });
  },
  async load() {
    set({ loading: true, error: null });
    try {
      set({ lists: await transport().invoke('print:lists', {}), loading: false });
    } catch (e) {
      set({ loading: false, error: e });
    }
  },
  async loadStay(id) {
    set({ stay: null, error: null });
    try {
      set({ stay: await transport().invoke('stays:get', { id }) });
    } catch (e) {
      set({ error: e });
    }
  },
  async print(fileName, title) {
    set({ outcome: null, error: null });
    const t = transport();
    try {
      if (t.printPdf) set({ outcome: await t.printPdf(fileName, title) });
      else {
        window.print();
        set({ outcome: 'printed' });
      }
    } catch (e) {
      set({ error: e });
    }
  },
}));

registerSessionReset(() => usePrintStore.setState(initial));
