/**
 * Which screen is shown (kept in the URL hash, so a reload stays put) and which dialog is open. The
 * hash may carry the screen's options after a `?` (see location-hash.ts).
 */
import { create } from 'zustand';
import { screenName } from './location-hash';
import { registerSessionReset } from './session-data';

/**
 * The dialogs a screen may open, by kind, with what each needs. Filled in by the domain that owns the
 * dialog, beside it (`stays/stay-dialog-kinds.ts`: `declare module '../stores/ui-store' { interface
 * Dialogs { stay: { id: number } } }`), so this store names none; which component shows each kind is
 * the dialog registry's (composition/dialogs.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Dialogs {}
export type DialogKind = keyof Dialogs;
export type DialogOf<K extends DialogKind> = { kind: K } & Dialogs[K];
export type Dialog = { [K in DialogKind]: DialogOf<K> }[DialogKind];

interface UiState {
  /**
   * The screen asked for: the URL hash's name (`#/rooms` → `rooms`), '' for none. The app shows it when
   * the screen registry (composition/screens.ts) has it and the role may open it, the role's first
   * screen otherwise: this store knows no screen's name.
   */
  screen: string;
  dialog: Dialog | null;
  go(screen: string): void;
  open(dialog: Dialog): void;
  close(): void;
}

/**
 * The page's URL and its events: the little of `window` this store uses, typed here so that it also
 * type-checks without the DOM (its tests run in Node).
 */
interface Page {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
}
const page = (): Page => (globalThis as unknown as { window: Page }).window;

const screenFromHash = (): string => screenName(page().location.hash);

export const useUiStore = create<UiState>((set) => ({
  screen: screenFromHash(),
  dialog: null,
  go(screen) {
    if (screenFromHash() !== screen || !page().location.hash) page().location.hash = `#/${screen}`;
    set({ screen, dialog: null });
  },
  open(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));

page().addEventListener('hashchange', () => useUiStore.setState({ screen: screenFromHash() }));
registerSessionReset(() => useUiStore.setState({ dialog: null }));
