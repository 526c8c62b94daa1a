import '../browser-globals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stay } from '../../../shared/contract/stays';
import { useConnectionStore } from '../../../renderer/src/stores/connection-store';
import { installLiveMap, mergeLiveEntries, type LiveEntries } from '../../../renderer/src/stores/live-event-table';
import { connectLiveEvents } from '../../../renderer/src/stores/live-events';
import { LIVE_REFRESH_DEBOUNCE_MS, registerRefresher } from '../../../renderer/src/stores/refreshers';
import { fakeTransport, type FakeTransport } from './fake-transport';

declare module '../../../renderer/src/stores/refreshers' {
  interface RefreshTargets {
    testRooms: true;
    testOutbox: true;
  }
}

const stayEvent = (id: number) => ({ type: 'stay.changed', action: 'created', stay: { id } as Stay }) as const;

let t: FakeTransport;
let disconnect: () => void;
const reloads: string[] = [];
const received: number[] = [];

registerRefresher('testRooms', async () => void reloads.push('rooms'));
registerRefresher('testOutbox', async () => void reloads.push('outbox'));

const roomsDomain: LiveEntries = { 'room.changed': { refresh: ['testRooms'] }, 'stay.changed': { refresh: ['testRooms'] } };
const staysDomain: LiveEntries = { 'stay.changed': { receive: (e) => void received.push(e.stay.id) } };
const outboxDomain: LiveEntries = { 'outbox.changed': { refresh: ['testOutbox'] }, reconnected: { refresh: ['testOutbox', 'testRooms'] } };

beforeEach(() => {
  vi.useFakeTimers();
  reloads.length = 0;
  received.length = 0;
  t = fakeTransport('http');
  installLiveMap(mergeLiveEntries(roomsDomain, staysDomain, outboxDomain));
  disconnect = connectLiveEvents(t);
});

afterEach(() => {
  disconnect();
  vi.useRealTimers();
});

describe('mergeLiveEntries', () => {
  it("puts every domain's entries for one event side by side, each view once", () => {
    const table = mergeLiveEntries(roomsDomain, staysDomain, { 'stay.changed': { refresh: ['testRooms'] } });
    expect(table.get('stay.changed')?.refresh).toEqual(['testRooms']);
    expect(table.get('stay.changed')?.receive).toHaveLength(1);
    expect(table.get('outbox.changed')).toBeUndefined();
  });
});

describe('connectLiveEvents', () => {
  it('hands an event to the stores that take it at once, and reloads its views after the burst', async () => {
    t.emit(stayEvent(7));
    expect(received).toEqual([7]);
    expect(reloads).toEqual([]);
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(reloads).toEqual(['rooms']);
  });

  it('reloads a view once for a burst of events', async () => {
    for (let id = 1; id <= 5; id++) t.emit(stayEvent(id));
    t.emit({ type: 'room.changed', room: {} as never });
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(received).toEqual([1, 2, 3, 4, 5]);
    expect(reloads).toEqual(['rooms']);
  });

  it('ignores an event no domain listed', async () => {
    t.emit({ type: 'settings.changed', settings: {} as never });
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(reloads).toEqual([]);
  });

  it('follows the map installed last (the app installs it once at start)', async () => {
    installLiveMap(mergeLiveEntries(outboxDomain));
    t.emit(stayEvent(1));
    t.emit({ type: 'outbox.changed' });
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(received).toEqual([]);
    expect(reloads).toEqual(['outbox']);
  });

  it("shows the feed's state, and after it was offline runs the reconnected entries once", async () => {
    t.connection('live');
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(reloads).toEqual([]);
    t.connection('offline');
    expect(useConnectionStore.getState().state).toBe('offline');
    t.connection('connecting');
    t.connection('live');
    expect(useConnectionStore.getState().state).toBe('live');
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(reloads.sort()).toEqual(['outbox', 'rooms']);
    t.connection('live');
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(reloads).toHaveLength(2);
  });

  it('stops listening when disconnected', async () => {
    disconnect();
    t.emit(stayEvent(1));
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_DEBOUNCE_MS);
    expect(received).toEqual([]);
    expect(reloads).toEqual([]);
  });
});
