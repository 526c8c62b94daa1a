/**
 * Which screen is shown (kept in the URL hash, so a reload stays put) and which dialog is open. The
 * hash may carry the screen's options after a `?` (see location-hash.ts).
 */
import { create } from 'zustand';
import type { BoardBlock } from '../../../shared/contract/schemas';
import { screenName } from '../app/location-hash';
import { isScreen, type Screen } from '../app/screen-registry';
import { registerSessionReset } from './session-data';

export type { Screen };

export type Dialog =
  | { kind: 'booking'; roomId?: number; checkin?: string; checkout?: string }
  | { kind: 'stay'; id: number }
  | { kind: 'block'; block: BoardBlock; roomNumber: number }
  | { kind: 'export' }
  /** A stay dragged on the board to another room (`roomId`) or to new dates: confirmed, with the price question. */
  | { kind: 'stayDrag'; stayId: number; roomId?: number; checkin?: string; checkout?: string };

interface UiState {
  screen: Screen;
  dialog: Dialog | null;
  go(screen: Screen): void;
  open(dialog: Dialog): void;
  close(): void;
}

function screenFromHash(): Screen {
  const name = screenName(window.location.hash);
  // An unknown or empty name: the board, which `allowedScreen` turns into the role's first screen.
  return isScreen(name) ? name : 'board';
}

export const useUiStore = create<UiState>((set) => ({
  screen: screenFromHash(),
  dialog: null,
  go(screen) {
    if (screenFromHash() !== screen || !window.location.hash) window.location.hash = `#/${screen}`;
    set({ screen, dialog: null });
  },
  open(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));

window.addEventListener('hashchange', () => useUiStore.setState({ screen: screenFromHash() }));
registerSessionReset(() => useUiStore.setState({ dialog: null }));
