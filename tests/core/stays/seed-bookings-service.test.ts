import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aSeedBooking } from '../../support/builders';
import { countRows, outboxRows } from '../../support/outbox-rows';
import { getSeedBooking } from '../../../db/queries/seed-booking-queries';
import { seedBookingOf } from '../../../core/stays/seed-bookings-service';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;

beforeEach(async () => {
  // The seed's own example books November 2024: the desk's clock stands before it (a stay in the past is refused).
  t = await createTestCore({ now: Date.parse('2024-10-01T08:00:00Z') });
  h = t.core.handlers;
  await h['rooms:create'](aRoom({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500 }), adminCtx);
  await h['rooms:create'](aRoom({ number: 102, category: 'Standard double room' }), adminCtx);
});
afterEach(async () => await t.close());

describe('POST /bookings (seed 000)', () => {
  it("books the seed's example body and answers in the seed's field names", async () => {
    const booking = await h['stays:seedCreate'](
      { roomnumber: 101, category: 'Standard single room', checkin: '2024-11-01T14:00:00', checkout: '2024-11-05T12:00:00' },
      deskCtx,
    );
    expect(booking).toEqual({
      id: booking.id,
      roomnumber: 101,
      category: 'Standard single room',
      isbooking: 1,
      checkin: '2024-11-01T14:00:00+01:00',
      checkout: '2024-11-05T12:00:00+01:00',
      status: 'booked',
      guest_name: 'Walk-in guest',
      guests: 1,
      price: 4 * 89_500,
    });
    expect(await outboxRows(t.db)).toMatchObject([
      { path: `/bills/update/${booking.id}`, payload: { room_type: 'Standard single room', checkin: booking.checkin, checkout: booking.checkout } },
    ]);
  });

  it('takes a room number as text, a category in any case, and the optional guest fields', async () => {
    const booking = await h['stays:seedCreate'](
      { ...aSeedBooking(), roomnumber: 102, category: 'STANDARD double ROOM', guest_name: 'Ida Sørensen', guests: 2, price: 200_000 },
      deskCtx,
    );
    expect(booking).toMatchObject({ roomnumber: 102, category: 'Standard double room', guest_name: 'Ida Sørensen', guests: 2, price: 200_000 });
  });

  it('answers 409 when the room is taken, naming room and dates', async () => {
    await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102 }), deskCtx);
    await expectAppError(
      async () => await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, checkin: '2024-11-03', checkout: '2024-11-06' }), deskCtx),
      'ROOM_UNAVAILABLE',
      'Room 102 is not available from 2024-11-03 to 2024-11-06',
    );
  });

  it('answers 404 for an unknown room and 400 for a category that is not the room’s', async () => {
    await expectAppError(async () => await h['stays:seedCreate'](aSeedBooking({ roomnumber: 999 }), deskCtx), 'NOT_FOUND', 'Room 999 not found');
    const e = await expectAppError(async () => await h['stays:seedCreate'](aSeedBooking({ roomnumber: 101, category: 'Junior suite' }), deskCtx), 'VALIDATION');
    expect(e.message).toContain('Standard single room');
    expect(e.message).toContain('Junior suite');
    expect(await countRows(t.db, 'stays')).toBe(0);
  });
});

describe('GET /bookings (seed 000)', () => {
  it('lists every booking by id, a cancelled one with isbooking 0', async () => {
    const a = await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, checkin: '2024-11-10', checkout: '2024-11-12' }), deskCtx);
    const b = await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, checkin: '2024-11-01', checkout: '2024-11-03' }), deskCtx);
    await h['stays:cancel']({ id: a.id }, deskCtx);
    const list = await h['stays:seedList']({}, deskCtx);
    expect(list.map((x) => [x.id, x.isbooking, x.status])).toEqual([
      [a.id, 0, 'cancelled'],
      [b.id, 1, 'booked'],
    ]);
    expect(list[1]).toEqual(b);
  });

  it('filters by overlapping dates and limits', async () => {
    const a = await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, checkin: '2024-11-01', checkout: '2024-11-03' }), deskCtx);
    const b = await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, checkin: '2024-11-10', checkout: '2024-11-12' }), deskCtx);
    expect((await h['stays:seedList']({ from: '2024-11-05' }, deskCtx)).map((x) => x.id)).toEqual([b.id]);
    expect((await h['stays:seedList']({ to: '2024-11-05' }, deskCtx)).map((x) => x.id)).toEqual([a.id]);
    expect((await h['stays:seedList']({ limit: 1 }, deskCtx)).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('the answer to POST /bookings', () => {
  it('is what GET /bookings reads back for the same stay, whatever its status (it is shaped, not read again)', async () => {
    const booked = await h['stays:seedCreate'](aSeedBooking({ roomnumber: 102, guest_name: 'Åse Ølgaard', guests: 2, price: 123_400 }), deskCtx);
    expect(booked).toEqual(await getSeedBooking(t.db, booked.id));
    for (const status of STAY_STATUSES) {
      await t.db.run('UPDATE stays SET status = ? WHERE id = ?', status, booked.id);
      expect(seedBookingOf(await t.core.services.stays.get(booked.id)), status).toEqual(await getSeedBooking(t.db, booked.id));
    }
  });
});
