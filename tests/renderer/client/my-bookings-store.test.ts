import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { useMyBookingsStore } from '../../../renderer/src/client/my-bookings-store';
import { refreshNow } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
const booking = (id: number, checkin: string) => ({ id, checkin }) as unknown as SeedBooking;

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
  t.answer('stays:seedList', () => [booking(3, '2026-05-04T15:00:00+02:00'), booking(2, '2026-05-01T15:00:00+02:00'), booking(1, '2026-05-04T15:00:00+02:00')]);
});

describe("a client's bookings", () => {
  it('lists the soonest arrival first, the newest booking last among equals', async () => {
    await useMyBookingsStore.getState().load();
    expect(useMyBookingsStore.getState().bookings.map((b) => b.id)).toEqual([2, 1, 3]);
  });

  it('books a room for itself and reloads its list', async () => {
    t.answer('stays:seedCreate', () => booking(4, '2026-05-06T15:00:00+02:00'));
    await useMyBookingsStore.getState().load();
    await useMyBookingsStore.getState().create({ roomnumber: 101, guest_name: 'Ida', checkin: '2026-05-06', checkout: '2026-05-07' } as never);
    expect(t.calls.map(([name]) => name)).toEqual(['stays:seedList', 'stays:seedCreate', 'stays:seedList']);
  });

  it('follows live events once its list is shown, not before', async () => {
    await refreshNow(['myBookings']);
    expect(t.calls).toEqual([]);
    await useMyBookingsStore.getState().load();
    await refreshNow(['myBookings']);
    expect(t.calls).toHaveLength(2);
  });
});
