import '../browser-globals';
import '../installed-composition';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '../../../shared/contract/board';
import { useBoardStore } from '../../../renderer/src/board/board-store';
import { connectLiveEvents } from '../../../renderer/src/stores/live-events';
import { refreshNow } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { aBoard, aRoom, deferred, someSettings } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const initial = useBoardStore.getState();

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  useBoardStore.setState(initial, true);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('load', () => {
  it("asks for the period without a start the first time (the host knows the hotel's today), then shows the answer", async () => {
    t.answer('board:get', () => aBoard('2026-05-01'));
    await useBoardStore.getState().load();
    expect(t.calls).toEqual([['board:get', { days: 14 }]]);
    const s = useBoardStore.getState();
    expect(s.from).toBe('2026-05-01');
    expect(s.rows.filter((r) => r.kind === 'group')).toHaveLength(2);
    expect(s.lanes.get(1)).toBeDefined();
    expect(s).toMatchObject({ loading: false, error: null });
  });

  it('lets a newer answer win over an older, slower one (fast clicking on "next")', async () => {
    const slow = deferred<Board>();
    t.answer('board:get', (input) => ((input as { from?: string }).from === '2026-05-15' ? aBoard('2026-05-15') : slow.promise));
    useBoardStore.setState({ from: '2026-05-01' });
    const first = useBoardStore.getState().load();
    useBoardStore.setState({ from: '2026-05-15' });
    await useBoardStore.getState().load();
    slow.resolve(aBoard('2026-05-01'));
    await first;
    expect(useBoardStore.getState().board?.from).toBe('2026-05-15');
  });

  it('keeps the toolbar in step with the board still shown when a load fails', async () => {
    t.answer('board:get', () => aBoard('2026-05-01'));
    await useBoardStore.getState().load();
    t.answer('board:get', () => {
      throw new TransportError('NETWORK', 'offline');
    });
    useBoardStore.setState({ from: '2026-06-01', days: 30 });
    await expect(useBoardStore.getState().load()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(useBoardStore.getState()).toMatchObject({ from: '2026-05-01', days: 14, loading: false, error: { code: 'NETWORK' } });
  });

  it('regroups the rows it has without asking the host again', async () => {
    t.answer('board:get', () => aBoard('2026-05-01', [aRoom({ id: 1, category: 'Double' }), aRoom({ id: 2, number: 102, category: 'Suite' })]));
    await useBoardStore.getState().load();
    useBoardStore.getState().setGroupBy('category');
    const groups = useBoardStore.getState().rows.filter((r) => r.kind === 'group').map((r) => (r as { value: string }).value);
    expect(groups).toEqual(['Double', 'Suite']);
    expect(t.calls).toHaveLength(1);
  });
});

describe('reloaded by its live events', () => {
  it('reloads once for a burst of events that change a night (stays, rooms, blocks, the settings)', async () => {
    t.answer('board:get', () => aBoard('2026-05-01'));
    await useBoardStore.getState().load();
    vi.useFakeTimers();
    const off = connectLiveEvents(t);
    t.emit({ type: 'stay.changed', action: 'created', stay: {} as never });
    t.emit({ type: 'room.changed', room: {} as never });
    t.emit({ type: 'block.changed', action: 'created', block: {} as never });
    t.emit({ type: 'settings.changed', settings: someSettings() });
    await vi.runAllTimersAsync();
    off();
    expect(t.calls.filter(([name]) => name === 'board:get')).toHaveLength(2);
  });

  it('does nothing before the first board has come (the first load is on its way), nor for a LAN client, who has none', async () => {
    vi.useFakeTimers();
    await refreshNow(['board']);
    expect(t.calls).toEqual([]);
  });
});

describe('changes and sign-out', () => {
  it('removes a block and reloads the board', async () => {
    t.answer('board:get', () => aBoard('2026-05-01'));
    t.answer('blocks:remove', () => ({ id: 3 }));
    await useBoardStore.getState().load();
    await useBoardStore.getState().removeBlock(3);
    expect(t.calls.map(([name]) => name)).toEqual(['board:get', 'blocks:remove', 'board:get']);
  });

  it('forgets the board on sign-out, and an answer still on its way with it', async () => {
    const slow = deferred<Board>();
    t.answer('board:get', () => slow.promise);
    const loading = useBoardStore.getState().load();
    clearSessionData();
    slow.resolve(aBoard());
    await loading;
    expect(useBoardStore.getState()).toMatchObject({ board: null, rows: [], loading: false });
  });
});
