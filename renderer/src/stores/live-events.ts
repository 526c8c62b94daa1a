/**
 * Wires the transport's live events to the stores through the live-event table: another desk's
 * booking appears on this board without a reload, and a LAN client's own list follows its bookings
 * (the host sends a client only its own stays' events). Reloads are debounced per view, so a burst
 * of events is one request; after the feed was offline the `reconnected` entries run once.
 */
import type { LiveEvent } from '../../../shared/contract/events';
import type { Transport } from '../transport/transport';
import { useConnectionStore } from './connection-store';
import type { LiveEventTable, LiveKey } from './live-event-table';
import { refresh, type RefreshTarget } from './refresh-after-change';

export const LIVE_REFRESH_DEBOUNCE_MS = 300;

/** Runs `fn` once, `ms` after the last of a burst of calls. */
function debounced(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}

export function connectLiveEvents(t: Transport, table: LiveEventTable): () => void {
  const reloads = new Map<RefreshTarget, () => void>();
  const reload = (target: RefreshTarget) => {
    let run = reloads.get(target);
    if (!run) {
      run = debounced(() => void refresh([target]), LIVE_REFRESH_DEBOUNCE_MS);
      reloads.set(target, run);
    }
    run();
  };
  const dispatch = (key: LiveKey, event?: LiveEvent) => {
    const entry = table.get(key);
    if (!entry) return;
    for (const receive of entry.receive) (receive as (e: LiveEvent | undefined) => void)(event);
    for (const target of entry.refresh) reload(target);
  };

  const offEvent = t.onEvent((e) => dispatch(e.type, e));
  let wasOffline = false;
  const offConnection = t.onConnection((state) => {
    useConnectionStore.setState({ state });
    if (state === 'offline') wasOffline = true;
    if (state === 'live' && wasOffline) {
      wasOffline = false;
      dispatch('reconnected');
    }
  });
  return () => {
    offEvent();
    offConnection();
  };
}
