import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext, Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { failInsertsInto } from '../../support/failing-writes';
import { countRows, outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let room101: number;
let room102: number;
let suite: number;

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
  room101 = (await h['rooms:create'](aRoom({ number: 101 }), adminCtx)).id;
  room102 = (await h['rooms:create'](aRoom({ number: 102 }), adminCtx)).id;
  suite = (await h['rooms:create'](aRoom({ number: 110, category: 'Junior suite', capacity: 4, nightlyRate: 229_500 }), adminCtx)).id;
  t.events.length = 0;
});

afterEach(async () => await t.close());

const book = (overrides: Parameters<typeof aStay>[0] = {}) => h['stays:create'](aStay({ roomId: room101, ...overrides }), deskCtx);

describe('stays:create', () => {
  it("makes a LAN client's booking its own, and the desk's the hotel's", async () => {
    const kiosk = await t.core.users.create({ username: 'kiosk', email: 'kiosk@hotel.dk', password: 'Lobby-kiosk-2026', role: 'client' }, adminCtx);
    const client: CallContext = { actor: { userId: kiosk.id, username: 'kiosk', role: 'client' }, via: 'http' };
    expect((await h['stays:create'](aStay({ roomId: room101 }), client)).ownerId).toBe(kiosk.id);
    expect((await book({ checkin: '2026-06-01', checkout: '2026-06-02' })).ownerId).toBeNull();
  });

  it('books 14:00 → 12:00 hotel time, prices nights × rate and records who and when', async () => {
    const stay = await book({ guestEmail: 'mette@example.dk', notes: 'Late arrival' });
    expect(stay).toEqual({
      id: stay.id,
      roomId: room101,
      roomNumber: 101,
      category: 'Standard double room',
      guestName: 'Mette Hansen',
      guestEmail: 'mette@example.dk',
      guestPhone: null,
      guests: 1,
      checkin: '2026-05-01T14:00:00+02:00',
      checkout: '2026-05-03T12:00:00+02:00',
      checkinDate: '2026-05-01',
      checkoutDate: '2026-05-03',
      nights: 2,
      status: 'booked',
      price: 2 * 119_500,
      notes: 'Late arrival',
      createdBy: 'desk',
      ownerId: null,
      createdAt: '2026-05-01T10:00:00+02:00',
      updatedAt: '2026-05-01T10:00:00+02:00',
    });
    expect(await h['stays:get']({ id: stay.id }, deskCtx)).toEqual(stay);
    expect(t.events).toContainEqual({ type: 'stay.changed', action: 'created', stay });
  });

  it('counts nights as dates across a DST change and keeps a given price', async () => {
    t.clock.set(Date.parse('2026-03-01T09:00:00Z')); // before the stay (one in the past is refused)
    const stay = await book({ checkin: '2026-03-28', checkout: '2026-03-30', price: 150_000 });
    expect(stay.checkin).toBe('2026-03-28T14:00:00+01:00');
    expect(stay.checkout).toBe('2026-03-30T12:00:00+02:00');
    expect(stay.nights).toBe(2);
    expect(stay.price).toBe(150_000);
  });

  it('refuses an overlapping stay with 409 naming room and dates, and stores nothing', async () => {
    await book();
    const before = await countRows(t.db, 'outbox');
    await expectAppError(
      async () => await book({ checkin: '2026-05-02', checkout: '2026-05-04' }),
      'ROOM_UNAVAILABLE',
      'Room 101 is not available from 2026-05-02 to 2026-05-04',
    );
    expect(await countRows(t.db, 'stays')).toBe(1);
    expect(await countRows(t.db, 'outbox')).toBe(before);
  });

  it('allows a same-day turnover and the same dates in another room', async () => {
    await book();
    expect((await book({ checkin: '2026-05-03', checkout: '2026-05-04' })).status).toBe('booked');
    expect((await book({ roomId: room102 })).roomNumber).toBe(102);
  });

  it('refuses bad periods and rooms with 400 / 404', async () => {
    await expectAppError(async () => await book({ checkin: '2026-05-03', checkout: '2026-05-01' }), 'VALIDATION', 'checkout must be after checkin');
    await expectAppError(async () => await book({ checkin: '2026-05-03T08:00', checkout: '2026-05-03T11:00' }), 'VALIDATION', /at least one night/);
    await expectAppError(async () => await book({ checkin: '2026-05-01', checkout: '2026-08-01' }), 'VALIDATION', 'A stay can be at most 90 nights');
    await expectAppError(async () => await book({ checkin: '2026-03-29T02:30', checkout: '2026-03-30' }), 'VALIDATION', /daylight saving/);
    await expectAppError(async () => await book({ checkin: '2026-02-30', checkout: '2026-03-02' }), 'VALIDATION', /not a real date/);
    await expectAppError(async () => await book({ guests: 3 }), 'VALIDATION', 'Room 101 sleeps at most 2 guests');
    await expectAppError(async () => await book({ roomId: 999 }), 'NOT_FOUND', 'Room with id 999 not found');
    await h['rooms:deactivate']({ id: room102 }, adminCtx);
    await expectAppError(async () => await book({ roomId: room102 }), 'VALIDATION', 'Room 102 is not in use');
    expect(await countRows(t.db, 'stays')).toBe(0);
    expect(await countRows(t.db, 'outbox')).toBe(0);
  });

  it('honours a lower maximum stay from the settings', async () => {
    await h['settings:update']({ maxStayNights: 3 }, adminCtx);
    await expectAppError(async () => await book({ checkout: '2026-05-05' }), 'VALIDATION', 'A stay can be at most 3 nights');
    expect((await book({ checkout: '2026-05-04' })).nights).toBe(3);
  });
});

describe('the billing message (outbox)', () => {
  it('is written with every stay change, in order, with the seed-000 fields', async () => {
    const stay = await book();
    await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-04' }, deskCtx);
    await h['stays:move']({ id: stay.id, roomId: room102 }, deskCtx);
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    const other = await book({ checkin: '2026-06-01', checkout: '2026-06-02' });
    await h['stays:cancel']({ id: other.id }, deskCtx);
    const third = await book({ checkin: '2026-06-03', checkout: '2026-06-04' });
    t.clock.set(Date.parse('2026-06-03T20:00:00Z')); // a no-show is marked after the arrival time
    await h['stays:noShow']({ id: third.id }, deskCtx);

    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.aggregate, r.payload.status])).toEqual([
      [`stay:${stay.id}`, 'booked'],
      [`stay:${stay.id}`, 'booked'],
      [`stay:${stay.id}`, 'booked'],
      [`stay:${stay.id}`, 'checked_in'],
      [`stay:${stay.id}`, 'checked_out'],
      [`stay:${other.id}`, 'booked'],
      [`stay:${other.id}`, 'cancelled'],
      [`stay:${third.id}`, 'booked'],
      [`stay:${third.id}`, 'no_show'],
    ]);
    expect(rows[0]).toMatchObject({
      target: 'billing',
      topic: 'billing.bill_update',
      path: `/bills/update/${stay.id}`,
      status: 'superseded', // the stay's later messages carry its whole state; only the newest is pending
      attempts: 0,
      payload: {
        room_type: 'Standard double room',
        checkin: '2026-05-01T14:00:00+02:00',
        checkout: '2026-05-03T12:00:00+02:00',
        roomnumber: 101,
        status: 'booked',
        price: 239_000,
        currency: 'DKK',
      },
    });
    expect(rows[2]!.payload).toMatchObject({ roomnumber: 102, checkout: '2026-05-04T12:00:00+02:00', price: 358_500 });
    expect(rows.map((r) => [r.status, r.payload.sequence])).toEqual([
      ['superseded', 1], ['superseded', 2], ['superseded', 3], ['superseded', 4], ['pending', 5],
      ['superseded', 1], ['pending', 2], ['superseded', 1], ['pending', 2],
    ]);
  });

  it('is in the same transaction: when the outbox write fails, the stay is not stored either', async () => {
    await failInsertsInto(t.db, 'outbox', 'outbox down');
    await expect(book()).rejects.toThrow(/outbox down/);
    expect(await countRows(t.db, 'stays')).toBe(0);
    expect(t.events.filter((e) => e.type === 'stay.changed')).toEqual([]);
  });

  it('is not written when the stay insert fails', async () => {
    await failInsertsInto(t.db, 'stays', 'disk trouble');
    await expect(book()).rejects.toThrow(/disk trouble/);
    expect(await countRows(t.db, 'stays')).toBe(0);
    expect(await countRows(t.db, 'outbox')).toBe(0);
  });

  it('rolls back a status change whose message cannot be written', async () => {
    const stay = await book();
    await failInsertsInto(t.db, 'outbox', 'outbox down');
    await expect(h['stays:cancel']({ id: stay.id }, deskCtx)).rejects.toThrow(/outbox down/);
    expect((await h['stays:get']({ id: stay.id }, deskCtx)).status).toBe('booked');
  });
});

describe('stays:move', () => {
  it('moves to a free room, taking its category and keeping the agreed price', async () => {
    const stay = await book();
    const moved = await h['stays:move']({ id: stay.id, roomId: suite }, deskCtx);
    expect(moved).toMatchObject({ roomId: suite, roomNumber: 110, category: 'Junior suite', price: stay.price, checkin: stay.checkin });
    expect(t.events).toContainEqual({ type: 'stay.changed', action: 'moved', stay: moved });
    expect((await book()).roomNumber).toBe(101);
  });

  it('refuses a taken room (409), the same room, a room too small, and a closed stay', async () => {
    const stay = await book({ guests: 2 });
    await book({ roomId: room102, checkin: '2026-05-02', checkout: '2026-05-05' });
    await expectAppError(async () => await h['stays:move']({ id: stay.id, roomId: room102 }, deskCtx), 'ROOM_UNAVAILABLE', 'Room 102 is not available from 2026-05-01 to 2026-05-03');
    await expectAppError(async () => await h['stays:move']({ id: stay.id, roomId: room101 }, deskCtx), 'VALIDATION', 'Stay 1 is already in room 101');
    const single = (await h['rooms:create'](aRoom({ number: 103, capacity: 1, category: 'Standard single room' }), adminCtx)).id;
    await expectAppError(async () => await h['stays:move']({ id: stay.id, roomId: single }, deskCtx), 'VALIDATION', 'Room 103 sleeps at most 1 guest');
    await h['stays:cancel']({ id: stay.id }, deskCtx);
    await expectAppError(async () => await h['stays:move']({ id: stay.id, roomId: suite }, deskCtx), 'ILLEGAL_TRANSITION', 'Cannot move a stay that is cancelled');
    expect((await h['stays:get']({ id: stay.id }, deskCtx)).roomId).toBe(room101);
  });

  it('moves a guest who is already in the house', async () => {
    const stay = await book();
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    expect(await h['stays:move']({ id: stay.id, roomId: room102 }, deskCtx)).toMatchObject({ roomNumber: 102, status: 'checked_in' });
  });
});

describe('stays:changeDates', () => {
  it('extends over its own old nights (the stay does not block itself) and reprices', async () => {
    const stay = await book();
    const longer = await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-05' }, deskCtx);
    expect(longer).toMatchObject({ nights: 4, price: 4 * 119_500, checkoutDate: '2026-05-05' });
    const shifted = await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-02', checkout: '2026-05-04', price: 100_000 }, deskCtx);
    expect(shifted).toMatchObject({ nights: 2, price: 100_000, checkin: '2026-05-02T14:00:00+02:00' });
  });

  it('refuses to run into another stay or a block, leaving the stay as it was', async () => {
    const stay = await book();
    await book({ checkin: '2026-05-04', checkout: '2026-05-06' });
    await expectAppError(
      async () => await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-05' }, deskCtx),
      'ROOM_UNAVAILABLE',
      'Room 101 is not available from 2026-05-01 to 2026-05-05',
    );
    await h['blocks:create']({ roomId: room101, from: '2026-04-28', to: '2026-04-30', reason: 'Paint', kind: 'blocked' }, deskCtx);
    await expectAppError(async () => await h['stays:changeDates']({ id: stay.id, checkin: '2026-04-29', checkout: '2026-05-03' }, deskCtx), 'ROOM_UNAVAILABLE');
    expect(await h['stays:get']({ id: stay.id }, deskCtx)).toMatchObject({ checkinDate: '2026-05-01', checkoutDate: '2026-05-03', nights: 2 });
    // Up to the next guest's arrival day is fine: a same-day turnover.
    expect((await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-04' }, deskCtx)).nights).toBe(3);
  });

  it('refuses a checked-out stay', async () => {
    const stay = await book();
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    await expectAppError(
      async () => await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-04' }, deskCtx),
      'ILLEGAL_TRANSITION',
      'Cannot change dates a stay that is checked out',
    );
  });
});

describe('status changes', () => {
  it('checks in and out, and a check-out leaves the room dirty', async () => {
    const stay = await book();
    expect((await h['stays:checkIn']({ id: stay.id }, deskCtx)).status).toBe('checked_in');
    t.clock.advance(2 * 86_400_000);
    const out = await h['stays:checkOut']({ id: stay.id }, deskCtx);
    expect(out.status).toBe('checked_out');
    expect(out.updatedAt).toBe('2026-05-03T10:00:00+02:00');
    const room = (await h['rooms:list']({}, deskCtx)).find((r) => r.id === room101);
    expect(room?.housekeeping).toBe('dirty');
    expect(t.events.map((e) => e.type)).toContain('room.changed');
  });

  it('a checked-out stay still holds its nights in the history', async () => {
    // Last night's guest leaves this morning, on the departure day: the stay keeps its booked end.
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-01' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    await expectAppError(async () => await book({ checkin: '2026-04-30', checkout: '2026-05-01' }), 'ROOM_UNAVAILABLE');
  });

  it('a cancellation frees the room at once', async () => {
    const stay = await book();
    expect((await h['stays:cancel']({ id: stay.id }, deskCtx)).status).toBe('cancelled');
    expect((await book()).status).toBe('booked');
  });

  it('a no-show frees the room at once', async () => {
    const stay = await book();
    t.clock.set(Date.parse('2026-05-01T16:00:00Z')); // 18:00, four hours after the arrival time
    expect((await h['stays:noShow']({ id: stay.id }, deskCtx)).status).toBe('no_show');
    expect((await book({ checkin: '2026-05-01T20:00' })).status).toBe('booked');
  });

  it('refuses illegal transitions with 409 and unknown stays with 404', async () => {
    const stay = await book();
    await expectAppError(async () => await h['stays:checkOut']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', 'Cannot check out a stay that is booked');
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    await expectAppError(async () => await h['stays:checkIn']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION');
    await expectAppError(async () => await h['stays:cancel']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', 'Cannot cancel a stay that is checked in');
    await expectAppError(async () => await h['stays:noShow']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION');
    await expectAppError(async () => await h['stays:cancel']({ id: 4242 }, deskCtx), 'NOT_FOUND', 'Stay 4242 not found');
    await expectAppError(async () => await h['stays:get']({ id: 4242 }, deskCtx), 'NOT_FOUND');
  });
});

describe('stays:list', () => {
  beforeEach(async () => {
    await book({ guestName: 'Mette Hansen' });
    await book({ checkin: '2026-05-05', checkout: '2026-05-07', guestName: 'James Smith' });
    await book({ roomId: room102, checkin: '2026-05-02', checkout: '2026-05-04', guestName: 'Søren Møller' });
    const c = await book({ roomId: suite, checkin: '2026-06-01', checkout: '2026-06-03', guestName: 'Anna Smith' });
    await h['stays:cancel']({ id: c.id }, deskCtx);
  });
  const names = (page: { items: { guestName: string }[] }) => page.items.map((s) => s.guestName);
  const list = (q: Partial<Parameters<Handlers['stays:list']>[0]> = {}) => h['stays:list']({ limit: 100, offset: 0, ...q }, deskCtx);

  it('lists by arrival with the total', async () => {
    expect(names(await list())).toEqual(['Mette Hansen', 'Søren Møller', 'James Smith', 'Anna Smith']);
    expect((await list()).total).toBe(4);
  });

  it('filters by room, status, overlapping dates and part of the name', async () => {
    expect(names(await list({ roomId: room101 }))).toEqual(['Mette Hansen', 'James Smith']);
    expect(names(await list({ status: 'cancelled' }))).toEqual(['Anna Smith']);
    expect(names(await list({ from: '2026-05-03', to: '2026-05-05' }))).toEqual(['Mette Hansen', 'Søren Møller']);
    expect(names(await list({ from: '2026-05-06' }))).toEqual(['James Smith', 'Anna Smith']);
    expect(names(await list({ guest: 'smith' }))).toEqual(['James Smith', 'Anna Smith']);
    expect(names(await list({ guest: 'smith', status: 'booked' }))).toEqual(['James Smith']);
  });

  it('pages with limit and offset, the total counting all matches', async () => {
    const page = await list({ limit: 2, offset: 1 });
    expect(names(page)).toEqual(['Søren Møller', 'James Smith']);
    expect(page.total).toBe(4);
  });

  it('refuses a range that ends before it starts', async () => {
    await expectAppError(async () => await list({ from: '2026-05-05', to: '2026-05-01' }), 'VALIDATION', 'to (2026-05-01) must be after from (2026-05-05)');
  });
});
