/**
 * Wires the transport's live events to the stores through the live map: another desk's booking
 * appears on this board without a reload, and a LAN client's own list follows its bookings (the host
 * sends a client only its own stays' events). Reloads are debounced per view, so a burst of events is
 * one request; after the feed was offline the `reconnected` entries run once.
 */
import type { LiveEvent } from '../../../shared/contract/events';
import type { Transport } from '../transport/transport';
import { useConnectionStore } from './connection-store';
import { liveMap, type LiveKey } from './live-event-table';
import { refreshSoon } from './refreshers';

export function connectLiveEvents(t: Transport): () => void {
  const dispatch = (key: LiveKey, event?: LiveEvent) => {
    const entry = liveMap().get(key);
    if (!entry) return;
    for (const receive of entry.receive) (receive as (e: LiveEvent | undefined) => void)(event);
    for (const target of entry.refresh) refreshSoon(target);
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
