/**
 * Wires the transport's live events to the stores: another desk's booking appears on this board
 * without a reload, and a LAN client's own list follows its bookings. Board reloads are debounced in
 * the board store; after the feed was offline the views reload once, since events sent meanwhile
 * were missed.
 */
import type { Transport } from '../transport/transport';
import { useBoardStore } from '../board/board-store';
import { useConnectionStore } from './connection-store';
import { refresh } from './refresh-after-change';
import { useSettingsStore } from '../settings/settings-store';
import { useStaysStore } from '../stays/stays-store';

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

export function connectLiveEvents(t: Transport): () => void {
  const refreshRooms = debounced(() => void refresh(['rooms']), 300);
  const refreshOutbox = debounced(() => void refresh(['outbox']), 300);
  const refreshMyBookings = debounced(() => void refresh(['myBookings']), 300);
  const offEvent = t.onEvent((e) => {
    switch (e.type) {
      case 'stay.changed':
        useStaysStore.getState().received(e.stay);
        useBoardStore.getState().scheduleRefresh();
        refreshMyBookings();
        break;
      case 'room.changed':
        useBoardStore.getState().scheduleRefresh();
        refreshRooms();
        break;
      case 'block.changed':
        useBoardStore.getState().scheduleRefresh();
        break;
      case 'settings.changed':
        useSettingsStore.getState().received(e.settings);
        break;
      case 'outbox.changed':
        refreshOutbox();
        break;
    }
  });
  let wasOffline = false;
  const offConnection = t.onConnection((state) => {
    useConnectionStore.setState({ state });
    if (state === 'offline') wasOffline = true;
    if (state === 'live' && wasOffline) {
      wasOffline = false;
      useBoardStore.getState().scheduleRefresh();
      refreshOutbox();
      refreshMyBookings();
    }
  });
  return () => {
    offEvent();
    offConnection();
  };
}
