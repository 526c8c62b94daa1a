/**
 * The views a change or a live event can reload, by name. Each store registers how it reloads (so no
 * store imports another's internals) and adds its name to `RefreshTargets` next to the call
 * (declaration merging), so `RefreshTarget` is exactly the registered names and a misspelt one does
 * not compile. Which event reloads which view is said once, in the live map (`live-map.ts`); nothing
 * else names a view to reload. A reload that fails becomes a toast, never the change's own error: the
 * change did happen.
 *
 * A burst of events is one reload per view (`refreshSoon`, debounced); a reload that starts after an
 * event arrived has read what that event announced (events are sent after their change committed),
 * so `refreshNow` (after this desk's own change) drops the reloads still waiting for those views.
 */
import { reportBackgroundError } from './toast-store';

/** Filled in by each domain's store: `declare module '…/stores/refreshers' { interface RefreshTargets { rooms: true } }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RefreshTargets {}
export type RefreshTarget = keyof RefreshTargets;

export const LIVE_REFRESH_DEBOUNCE_MS = 300;

const refreshers = new Map<RefreshTarget, () => Promise<void>>();
const waiting = new Map<RefreshTarget, ReturnType<typeof setTimeout>>();

export function registerRefresher(target: RefreshTarget, refresh: () => Promise<void>): void {
  refreshers.set(target, refresh);
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

async function run(target: RefreshTarget): Promise<void> {
  try {
    // A view whose store is not loaded (an admin screen never opened) has nothing to reload.
    await refreshers.get(target)?.();
  } catch (e) {
    reportBackgroundError(e);
  }
}

/** Reloads each view once, now; a reload still waiting for one of them is no longer needed. */
export async function refreshNow(targets: Iterable<RefreshTarget>): Promise<void> {
  const once = new Set(targets);
  for (const target of once) {
    clearTimeout(waiting.get(target));
    waiting.delete(target);
  }
  await Promise.all([...once].map(run));
}

/** Reloads the view once the burst of events that asked for it is over. */
export function refreshSoon(target: RefreshTarget): void {
  clearTimeout(waiting.get(target));
  waiting.set(
    target,
    setTimeout(() => {
      waiting.delete(target);
      void run(target);
    }, LIVE_REFRESH_DEBOUNCE_MS),
  );
}
