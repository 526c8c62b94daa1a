/**
 * The one way a change reaches the screen: run the command, then reload every view it touches.
 * Stores register how they reload (so no store imports another's internals); a reload that fails
 * becomes a toast, never the change's own error — the change did happen.
 */
import { reportBackgroundError } from './toast-store';

export type RefreshTarget = 'board' | 'rooms' | 'settings' | 'outbox' | 'users' | 'network' | 'myBookings';

const refreshers = new Map<RefreshTarget, () => Promise<void>>();

export function registerRefresher(target: RefreshTarget, refresh: () => Promise<void>): void {
  refreshers.set(target, refresh);
}

export async function refresh(targets: readonly RefreshTarget[]): Promise<void> {
  await Promise.all(
    targets.map(async (t) => {
      try {
        await refreshers.get(t)?.();
      } catch (e) {
        reportBackgroundError(e);
      }
    }),
  );
}

export async function changeAndRefresh<T>(change: () => Promise<T>, targets: readonly RefreshTarget[]): Promise<T> {
  const result = await change();
  await refresh(targets);
  return result;
}
