/**
 * The live map's shape: for each event type, the views it reloads (by refresher name, so a store
 * that was never loaded costs nothing) and the stores that take the event's own data. Each domain
 * writes its entries beside its store (`<domain>/<domain>-live.ts`); the composition merges them into
 * the one map (`composition/live-map.ts`), which `installLiveMap` hands to the stores: the live feed
 * (`live-events.ts`) and this desk's own changes (`change.ts`) both read it. `reconnected` is the feed
 * coming back after it was offline: events sent meanwhile were missed, so views reload once.
 * Pure (types only from the contract): tested in Node.
 */
import type { LiveEventOf, LiveEventType } from '../../../shared/contract/events';
import type { RefreshTarget } from './refreshers';

export interface LiveEntry<E> {
  /** Views to reload; a burst of events is one reload per view. */
  readonly refresh?: readonly RefreshTarget[];
  /** Stores that take the event as it is (the open stay's details, the settings). */
  readonly receive?: (event: E) => void;
}

export type LiveEntries = { readonly [K in LiveEventType]?: LiveEntry<LiveEventOf<K>> } & { readonly reconnected?: LiveEntry<void> };

export type LiveKey = keyof LiveEntries;

/** Every domain's entries for one key side by side. */
export interface MergedLiveEntry {
  refresh: RefreshTarget[];
  receive: ((event: never) => void)[];
}

export type LiveEventTable = ReadonlyMap<LiveKey, MergedLiveEntry>;

export function mergeLiveEntries(...domains: LiveEntries[]): LiveEventTable {
  const table = new Map<LiveKey, MergedLiveEntry>();
  for (const entries of domains) {
    for (const [key, entry] of Object.entries(entries) as [LiveKey, LiveEntry<never> | undefined][]) {
      if (!entry) continue;
      const merged = table.get(key) ?? { refresh: [], receive: [] };
      for (const target of entry.refresh ?? []) if (!merged.refresh.includes(target)) merged.refresh.push(target);
      if (entry.receive) merged.receive.push(entry.receive);
      table.set(key, merged);
    }
  }
  return table;
}

let installed: LiveEventTable = new Map();

/** The map every change and every event is looked up in: set once at start (main.tsx), or by a test. */
export function installLiveMap(table: LiveEventTable): void {
  installed = table;
}

export function liveMap(): LiveEventTable {
  return installed;
}

/** The views any of `events` reloads, each once. */
export function targetsOf(events: readonly string[]): Set<RefreshTarget> {
  const targets = new Set<RefreshTarget>();
  for (const e of events) for (const t of installed.get(e as LiveKey)?.refresh ?? []) targets.add(t);
  return targets;
}
