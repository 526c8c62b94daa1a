/**
 * The one way a change reaches the screen: run the command, then reload every view it touches.
 * Stores register how they reload (so no store imports another's internals); a reload that fails
 * becomes a toast, never the change's own error — the change did happen.
 *
 * The names of the views are the registered refreshers: a domain's store adds its name to
 * `RefreshTargets` (declaration merging) next to its `registerRefresher` call, so `RefreshTarget`
 * grows with the domains and a misspelt target does not compile. A store that reloads another
 * domain's view by name says so with `import type {} from '…/<domain>-store'` (no code is loaded).
 */
import { reportBackgroundError } from './toast-store';

/** Filled in by each domain's store: `declare module '…/refresh-after-change' { interface RefreshTargets { rooms: true } }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RefreshTargets {}
export type RefreshTarget = keyof RefreshTargets;

const refreshers = new Map<RefreshTarget, () => Promise<void>>();

export function registerRefresher(target: RefreshTarget, refresh: () => Promise<void>): void {
  refreshers.set(target, refresh);
}

/** A view whose store is not loaded (an admin screen never opened) has nothing to reload. */
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

/** A store that loads once its screen opens: `loaded` from then on. */
interface LoadedOnce {
  getState(): { loaded: boolean; load(): Promise<void> };
}

/** Registers the view's refresher as "reload the store, if a screen has loaded it". */
export function refreshWhenLoaded(target: RefreshTarget, store: LoadedOnce): void {
  registerRefresher(target, async () => {
    if (store.getState().loaded) await store.getState().load();
  });
}
