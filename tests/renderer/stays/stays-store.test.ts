import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStaysStore } from '../../../renderer/src/stays/stays-store';
import { registerRefresher } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { TransportError } from '../../../renderer/src/transport/transport';
import { aRoom, aStay } from '../builders';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
let boardReloads = 0;
// The board store registers the real one; here only that the board reloads matters.
registerRefresher('board', async () => void boardReloads++);

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  boardReloads = 0;
  useStaysStore.getState().closeDetail();
});

describe('the details dialog', () => {
  it('opens a stay, and keeps the refusal to show when it cannot be read', async () => {
    t.answer('stays:get', ({ id }) => {
      if (id === 9) throw new TransportError('NOT_FOUND', 'Stay 9 not found', 404);
      return aStay({ id: Number(id) });
    });
    await useStaysStore.getState().open(4);
    expect(useStaysStore.getState().detail?.id).toBe(4);
    await useStaysStore.getState().open(9);
    expect(useStaysStore.getState()).toMatchObject({ detail: null, detailError: { status: 404 } });
  });

  it("follows another desk's change of the open stay only", async () => {
    t.answer('stays:get', () => aStay({ id: 4 }));
    await useStaysStore.getState().open(4);
    useStaysStore.getState().received(aStay({ id: 5, status: 'cancelled' }));
    expect(useStaysStore.getState().detail?.status).toBe('booked');
    useStaysStore.getState().received(aStay({ id: 4, status: 'checked_in' }));
    expect(useStaysStore.getState().detail?.status).toBe('checked_in');
  });

  it('closes on sign-out', async () => {
    t.answer('stays:get', () => aStay({ id: 4 }));
    await useStaysStore.getState().open(4);
    clearSessionData();
    expect(useStaysStore.getState().detail).toBeNull();
  });
});

describe('stay commands', () => {
  it('books a stay and reloads the board', async () => {
    t.answer('stays:create', () => aStay({ id: 12 }));
    const input = { roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Ida Jensen', guests: 2 };
    const stay = await useStaysStore.getState().create(input);
    expect(stay.id).toBe(12);
    expect(t.calls).toEqual([['stays:create', input]]);
    expect(boardReloads).toBe(1);
  });

  it('checks in the open stay and shows its new state', async () => {
    t.answer('stays:get', () => aStay({ id: 4 }));
    t.answer('stays:checkIn', ({ id }) => aStay({ id: Number(id), status: 'checked_in' }));
    await useStaysStore.getState().open(4);
    await useStaysStore.getState().apply('stays:checkIn', 4);
    expect(useStaysStore.getState().detail?.status).toBe('checked_in');
    expect(boardReloads).toBe(1);
  });

  it('throws a refusal to the dialog and reloads nothing', async () => {
    t.answer('stays:move', () => {
      throw new TransportError('ROOM_UNAVAILABLE', 'Room 102 is not available', 409);
    });
    await expect(useStaysStore.getState().move(4, 2)).rejects.toMatchObject({ status: 409 });
    expect(boardReloads).toBe(0);
  });

  it('lists the free rooms by number', async () => {
    t.answer('rooms:free', () => [aRoom({ id: 3, number: 301 }), aRoom({ id: 1, number: 101 })]);
    const rooms = await useStaysStore.getState().freeRooms('2026-05-01', '2026-05-03');
    expect(rooms.map((r) => r.number)).toEqual([101, 301]);
    expect(t.calls).toEqual([['rooms:free', { checkin: '2026-05-01', checkout: '2026-05-03' }]]);
  });
});
