/**
 * The shape of the live-event table: for each event type, the views it reloads (by refresher name,
 * so a store that was never loaded costs nothing) and the stores that take the event's own data.
 * Each domain writes its entries beside its store (`<domain>/<domain>-live.ts`); the live-event
 * registry (app/live-event-registry.ts) merges them into one table. `reconnected` is the feed
 * coming back after it was offline: events sent meanwhile were missed, so views reload once.
 * Pure (types only from the contract): tested in Node.
 */
import type { LiveEventOf, LiveEventType } from '../../../shared/contract/events';
import type { RefreshTarget } from './refresh-after-change';

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
