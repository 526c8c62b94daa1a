import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRoomsStore } from '../../../renderer/src/rooms/rooms-store';
import { refreshNow, registerRefresher } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { aRoom } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
let boardReloads = 0;
registerRefresher('board', async () => void boardReloads++);

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  boardReloads = 0;
  clearSessionData();
  t.answer('rooms:list', () => [aRoom({ id: 2, number: 201 }), aRoom({ id: 1, number: 101, active: false })]);
});

describe('rooms store', () => {
  it('lists every room, inactive ones included, by number', async () => {
    await useRoomsStore.getState().load();
    expect(t.calls).toEqual([['rooms:list', { includeInactive: true }]]);
    expect(useRoomsStore.getState().rooms.map((r) => r.number)).toEqual([101, 201]);
    expect(useRoomsStore.getState().loaded).toBe(true);
  });

  it('after a change reloads its list and the board', async () => {
    t.answer('rooms:create', () => aRoom({ id: 3, number: 301 }));
    await useRoomsStore.getState().load();
    await useRoomsStore.getState().create({ number: 301, category: 'Double', capacity: 2, nightlyRate: 95_000, floor: 3 });
    expect(t.calls.map(([name]) => name)).toEqual(['rooms:list', 'rooms:create', 'rooms:list']);
    expect(boardReloads).toBe(1);
  });

  it('reactivates a room through rooms:update', async () => {
    t.answer('rooms:update', () => aRoom({ id: 1, active: true }));
    await useRoomsStore.getState().reactivate(1);
    expect(t.calls[0]).toEqual(['rooms:update', { id: 1, active: true }]);
  });

  it('is not reloaded by live events while its screen was never opened', async () => {
    await refreshNow(['rooms']);
    expect(t.calls).toEqual([]);
  });

  it('keeps the refusal for the screen', async () => {
    t.answer('rooms:list', () => {
      throw new TransportError('FORBIDDEN', 'Admins only', 403);
    });
    await expect(useRoomsStore.getState().load()).rejects.toMatchObject({ status: 403 });
    expect(useRoomsStore.getState().error).toMatchObject({ status: 403 });
  });

  it('forgets its rooms on sign-out', async () => {
    await useRoomsStore.getState().load();
    clearSessionData();
    expect(useRoomsStore.getState()).toMatchObject({ rooms: [], loaded: false });
  });
});
