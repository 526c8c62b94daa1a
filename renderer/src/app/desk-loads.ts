/**
 * The desk's first data once a staff or admin session exists (or is being checked with a stored
 * token): the settings and the board, side by side. The board does not wait for the settings, as
 * the host knows the hotel's today; without settings the desk still works (this PC's zone and
 * language), and the store keeps the error.
 */
import { useBoardStore } from '../board/board-store';
import { useSettingsStore } from '../settings/settings-store';
import { reportBackgroundError } from '../stores/toast-store';

/** 401 and 403 belong to the session store (sign-in or change screen, or a client's optimistic start). */
function reportUnlessRefused(e: unknown): void {
  const status = (e as { status?: unknown } | null)?.status;
  if (status !== 401 && status !== 403) reportBackgroundError(e);
}

export function loadDesk(): void {
  useSettingsStore.getState().load().catch(() => undefined);
  useBoardStore.getState().load().catch(reportUnlessRefused);
}
