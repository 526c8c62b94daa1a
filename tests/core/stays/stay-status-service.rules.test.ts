/**
 * The desk's rules (issue 10, docs/stays-rules.md) on a real core and SQLite file: each guard on a
 * status change, each release of nights, undo, out-of-order rooms and blocks, stays in the past, the
 * fixed time zone. The hotel is in Copenhagen (UTC+2 in May); `at('2026-05-01T18:00')` is local time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext, Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let r101: number;
let r102: number;

const at = (local: string) => Date.parse(`${local}:00+02:00`);
const book = (overrides: Parameters<typeof aStay>[0] = {}, ctx: CallContext = deskCtx) => h['stays:create'](aStay({ roomId: r101, ...overrides }), ctx);
const free = async (checkin: string, checkout: string) => (await h['rooms:free']({ checkin, checkout }, deskCtx)).map((r) => r.number);

beforeEach(async () => {
  t = await createTestCore(); // 2026-05-01 10:00 in Copenhagen
  h = t.core.handlers;
  r101 = (await h['rooms:create'](aRoom({ number: 101, nightlyRate: 100_000 }), adminCtx)).id;
  r102 = (await h['rooms:create'](aRoom({ number: 102, nightlyRate: 100_000 }), adminCtx)).id;
});
afterEach(async () => await t.close());

describe('check-in guards', () => {
  it('opens on the arrival day, from the early check-in window before the check-in time', async () => {
    const stay = await book({ checkin: '2026-05-03', checkout: '2026-05-05' });
    const early = await expectAppError(async () => await h['stays:checkIn']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', `Stay ${stay.id} can be checked in from 2026-05-03 08:00, its arrival day`);
    expect(early).toMatchObject({ reason: 'stays.checkInTooEarly', params: { id: stay.id, date: '2026-05-03', time: '08:00' } });
    t.clock.set(at('2026-05-03T07:59'));
    await expectAppError(async () => await h['stays:checkIn']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION');
    t.clock.set(at('2026-05-03T08:00'));
    expect(await h['stays:checkIn']({ id: stay.id }, deskCtx)).toMatchObject({ status: 'checked_in', warnings: [] });
  });

  it('an early check-in starts the stay now (undo puts the booked arrival back), and is refused while a block holds the room until noon', async () => {
    const stay = await book({ checkin: '2026-05-03', checkout: '2026-05-05' });
    t.clock.set(at('2026-05-03T09:30'));
    expect(await h['stays:checkIn']({ id: stay.id }, deskCtx)).toMatchObject({ status: 'checked_in', checkin: '2026-05-03T09:30:00+02:00', checkoutDate: '2026-05-05', nights: 2 });
    expect(await h['stays:undo']({ id: stay.id }, deskCtx)).toMatchObject({ status: 'booked', checkin: '2026-05-03T14:00:00+02:00' });
    // The night before is blocked (until 12:00 on the 3rd): no guest in the room before then.
    const other = (await h['rooms:create'](aRoom({ number: 103 }), adminCtx)).id;
    const late = await book({ roomId: other, checkin: '2026-05-03', checkout: '2026-05-04' });
    await h['blocks:create']({ roomId: other, from: '2026-05-02', to: '2026-05-03', reason: 'Paint', kind: 'blocked' }, deskCtx);
    const e = await expectAppError(async () => await h['stays:checkIn']({ id: late.id }, deskCtx), 'ROOM_UNAVAILABLE');
    expect(e.reason).toMatch(/^stays\.roomBlocked/);
    t.clock.set(at('2026-05-03T12:00'));
    expect(await h['stays:checkIn']({ id: late.id }, deskCtx)).toMatchObject({ status: 'checked_in', checkin: '2026-05-03T12:00:00+02:00' });
  });

  it('follows the window setting, never before the arrival day begins', async () => {
    await h['settings:update']({ earlyCheckinMinutes: 1440 }, adminCtx);
    const stay = await book({ checkin: '2026-05-03', checkout: '2026-05-05' });
    t.clock.set(at('2026-05-02T23:59'));
    await expectAppError(async () => await h['stays:checkIn']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', /from 2026-05-03 00:00/);
    t.clock.set(at('2026-05-03T00:00'));
    expect((await h['stays:checkIn']({ id: stay.id }, deskCtx)).status).toBe('checked_in');
  });

  it('is refused after the departure, and late on a later day is fine', async () => {
    const late = await book({ checkin: '2026-04-30', checkout: '2026-05-02' });
    expect((await h['stays:checkIn']({ id: late.id }, deskCtx)).status).toBe('checked_in');
    const gone = await book({ roomId: r102, checkin: '2026-04-30', checkout: '2026-05-01T11:00' });
    t.clock.set(at('2026-05-01T11:30'));
    expect((await expectAppError(async () => await h['stays:checkIn']({ id: gone.id }, deskCtx), 'ILLEGAL_TRANSITION')).reason).toBe('stays.checkInAfterDeparture');
  });

  it('is refused while another guest is still checked in to the room, naming that stay', async () => {
    const leaving = await book({ checkin: '2026-04-29', checkout: '2026-05-01', guestName: 'Ole Berg' });
    await h['stays:checkIn']({ id: leaving.id }, deskCtx);
    const arriving = await book({ checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Eva Holm' });
    t.clock.set(at('2026-05-01T14:30')); // Ole overstays his 12:00 check-out
    const e = await expectAppError(async () => await h['stays:checkIn']({ id: arriving.id }, deskCtx), 'ROOM_UNAVAILABLE', `Room 101 is occupied: stay #${leaving.id} for Ole Berg is still checked in`);
    expect(e).toMatchObject({ reason: 'stays.roomOccupied', params: { room: 101, stayId: leaving.id, guest: 'Ole Berg' } });
    await h['stays:checkOut']({ id: leaving.id }, deskCtx);
    expect((await h['stays:checkIn']({ id: arriving.id }, deskCtx)).status).toBe('checked_in');
  });

  it('is refused early while the previous booking still holds the room that morning', async () => {
    const before = await book({ checkin: '2026-04-30', checkout: '2026-05-01', guestName: 'Kim Dahl' });
    const arriving = await book({ checkin: '2026-05-01', checkout: '2026-05-03' });
    expect((await expectAppError(async () => await h['stays:checkIn']({ id: arriving.id }, deskCtx), 'ROOM_UNAVAILABLE')).params).toMatchObject({ stayId: before.id });
    t.clock.set(at('2026-05-01T12:30'));
    expect((await h['stays:checkIn']({ id: arriving.id }, deskCtx)).status).toBe('checked_in');
  });

  it('warns (and goes through) when the room is not clean; refuses a room out of order', async () => {
    const stay = await book();
    await h['rooms:setHousekeeping']({ id: r101, housekeeping: 'dirty' }, deskCtx);
    expect(await h['stays:checkIn']({ id: stay.id }, deskCtx)).toMatchObject({
      status: 'checked_in',
      warnings: [{ reason: 'stays.roomNotClean', params: { room: 101, housekeeping: 'dirty' }, message: 'Room 101 is not clean yet (dirty)' }],
    });
    const other = await book({ roomId: r102 });
    await h['rooms:setHousekeeping']({ id: r102, housekeeping: 'out_of_order' }, deskCtx);
    const e = await expectAppError(async () => await h['stays:checkIn']({ id: other.id }, deskCtx), 'ROOM_UNAVAILABLE', 'Room 102 is out of order');
    expect(e.reason).toBe('stays.roomOutOfOrder');
    expect((await h['stays:get']({ id: other.id }, deskCtx)).status).toBe('booked');
  });
});

describe('early departures and no-shows free their nights', () => {
  it('an early check-out ends the stay now; rooms:free offers the freed nights and they can be booked', async () => {
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-04' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    expect(await free('2026-05-01', '2026-05-04')).toEqual([102]);
    t.clock.set(at('2026-05-02T09:15'));
    const out = await h['stays:checkOut']({ id: stay.id }, deskCtx);
    expect(out).toMatchObject({ status: 'checked_out', checkout: '2026-05-02T09:15:00+02:00', checkoutDate: '2026-05-02', nights: 2, price: 400_000 });
    expect(await free('2026-05-02', '2026-05-04')).toEqual([101, 102]);
    expect((await book({ checkin: '2026-05-02', checkout: '2026-05-04', guestName: 'Next guest' })).status).toBe('booked');
    // billing hears of the shorter stay
    expect((await outboxRows(t.db)).at(-2)!.payload).toMatchObject({ status: 'checked_out', checkout: '2026-05-02T09:15:00+02:00' });
  });

  it('a check-out on the departure day keeps its nights and price, and frees the room from that moment', async () => {
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-01' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    expect(await h['stays:checkOut']({ id: stay.id }, deskCtx)).toMatchObject({ checkout: '2026-05-01T10:00:00+02:00', nights: 1, price: 100_000 });
    // The next guest, here early, can be checked in at once.
    const next = await book({ checkin: '2026-05-01', checkout: '2026-05-02' });
    t.clock.set(at('2026-05-01T10:30'));
    expect((await h['stays:checkIn']({ id: next.id }, deskCtx)).status).toBe('checked_in');
  });

  it('prices the nights used when the hotel says so, and quotes it before the change', async () => {
    await h['settings:update']({ departurePriceRule: 'used' }, adminCtx);
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-04', price: 360_000 });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    t.clock.set(at('2026-05-02T09:15'));
    expect(await h['stays:departureQuote']({ id: stay.id, action: 'check_out' }, deskCtx)).toEqual({
      id: stay.id, action: 'check_out', early: true, endsAt: '2026-05-02T09:15:00+02:00',
      bookedNights: 4, usedNights: 2, chargedNights: 2, rule: 'used', bookedPrice: 360_000, price: 180_000,
    });
    expect(await h['stays:checkOut']({ id: stay.id }, deskCtx)).toMatchObject({ nights: 2, price: 180_000 });
  });

  it('a check-out on the arrival day counts one night under the nights-used rule', async () => {
    await h['settings:update']({ departurePriceRule: 'used' }, adminCtx);
    const stay = await book({ checkin: '2026-05-01', checkout: '2026-05-03' });
    t.clock.set(at('2026-05-01T15:00'));
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    t.clock.set(at('2026-05-01T19:00'));
    expect(await h['stays:departureQuote']({ id: stay.id, action: 'check_out' }, deskCtx)).toMatchObject({ usedNights: 0, chargedNights: 1, price: 100_000 });
    expect(await h['stays:checkOut']({ id: stay.id }, deskCtx)).toMatchObject({ checkoutDate: '2026-05-01', nights: 0, price: 100_000 });
    expect(await free('2026-05-01T20:00', '2026-05-02')).toEqual([101, 102]);
  });

  it('a no-show is refused before the arrival time, then ends the stay at the moment it is marked', async () => {
    const stay = await book({ checkin: '2026-05-01', checkout: '2026-05-04' });
    const e = await expectAppError(async () => await h['stays:noShow']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION');
    expect(e).toMatchObject({ reason: 'stays.noShowTooEarly', params: { id: stay.id, date: '2026-05-01', time: '14:00' } });
    t.clock.set(at('2026-05-02T08:00'));
    expect(await h['stays:departureQuote']({ id: stay.id, action: 'no_show' }, deskCtx)).toMatchObject({ early: true, usedNights: 1, chargedNights: 3, price: 300_000 });
    expect(await h['stays:noShow']({ id: stay.id }, deskCtx)).toMatchObject({ status: 'no_show', checkout: '2026-05-02T08:00:00+02:00', nights: 1, price: 300_000 });
    expect(await free('2026-05-02', '2026-05-04')).toEqual([101, 102]);
  });

  it('a no-show marked on its arrival evening frees every night; nights used is zero', async () => {
    await h['settings:update']({ departurePriceRule: 'used' }, adminCtx);
    const stay = await book({ checkin: '2026-05-01', checkout: '2026-05-03' });
    t.clock.set(at('2026-05-01T21:00'));
    expect(await h['stays:noShow']({ id: stay.id }, deskCtx)).toMatchObject({ checkoutDate: '2026-05-01', nights: 0, price: 0 });
    expect((await book({ checkin: '2026-05-01T21:30', checkout: '2026-05-02' })).status).toBe('booked');
  });
});

describe('new dates for a guest in house', () => {
  it('keep the arrival (refused with the reason if it moves) and change only the departure', async () => {
    t.clock.set(at('2026-05-01T15:30'));
    const stay = await book({ checkin: '2026-05-01', checkout: '2026-05-03' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    const e = await expectAppError(async () => await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-02', checkout: '2026-05-04' }, deskCtx), 'VALIDATION', /is checked in: its arrival stays 2026-05-01/);
    expect(e).toMatchObject({ reason: 'stays.arrivalFixedInHouse', params: { id: stay.id, date: '2026-05-01' } });
    expect(await h['stays:get']({ id: stay.id }, deskCtx)).toMatchObject({ checkinDate: '2026-05-01', checkoutDate: '2026-05-03' });
    // The same arrival date with another departure: extended, the arrival instant as it was.
    const before = await h['stays:get']({ id: stay.id }, deskCtx);
    const longer = await h['stays:changeDates']({ id: stay.id, checkin: '2026-05-01', checkout: '2026-05-05' }, deskCtx);
    expect(longer).toMatchObject({ status: 'checked_in', checkin: before.checkin, checkoutDate: '2026-05-05', nights: 4 });
  });
});

describe('moving a guest in house', () => {
  it('is refused into a room where another guest is checked in now, even when their periods only touch', async () => {
    const other = (await h['rooms:create'](aRoom({ number: 103 }), adminCtx)).id;
    const guest = await book({ checkin: '2026-05-01', checkout: '2026-05-02', guestName: 'Moving guest' });
    const next = await book({ roomId: other, checkin: '2026-05-02', checkout: '2026-05-03', guestName: 'Early bird' });
    t.clock.set(at('2026-05-01T15:00'));
    await h['stays:checkIn']({ id: guest.id }, deskCtx);
    // 12:00 the next day: the guest is due out and still in; the next guest of 103 checks in early.
    t.clock.set(at('2026-05-02T12:00'));
    await h['stays:checkIn']({ id: next.id }, deskCtx);
    const e = await expectAppError(async () => await h['stays:move']({ id: guest.id, roomId: other }, deskCtx), 'ROOM_UNAVAILABLE', /Room 103 is occupied: stay #\d+ for Early bird is there now/);
    expect(e).toMatchObject({ reason: 'stays.roomOccupied', params: { room: 103, stayId: next.id } });
    expect((await h['stays:get']({ id: guest.id }, deskCtx)).roomNumber).toBe(101);
  });
});

describe('undo', () => {
  it('puts an early check-out back, with its booked end and price, if the freed nights are still free', async () => {
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-04' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    t.clock.set(at('2026-05-02T09:15'));
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    const back = await h['stays:undo']({ id: stay.id }, deskCtx);
    expect(back).toMatchObject({ status: 'checked_in', checkout: '2026-05-04T12:00:00+02:00', nights: 4, price: 400_000 });
    // The check-in was yesterday: only an admin undoes that.
    expect((await h['stays:undo']({ id: stay.id }, adminCtx)).status).toBe('booked');
    await expectAppError(async () => await h['stays:undo']({ id: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', `Stay ${stay.id} is booked: there is no status change to undo`);
  });

  it('is refused, naming the stay now in the way, when the freed nights were sold', async () => {
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-04' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    t.clock.set(at('2026-05-02T09:15'));
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    const next = await book({ checkin: '2026-05-03', checkout: '2026-05-05', guestName: 'Nina Lund' });
    const e = await expectAppError(async () => await h['stays:undo']({ id: stay.id }, deskCtx), 'ROOM_UNAVAILABLE', 'Room 101 is not available from 2026-04-30 to 2026-05-04');
    expect(e).toMatchObject({ reason: 'stays.roomTakenByStay', params: { stayId: next.id, guest: 'Nina Lund' } });
    expect((await h['stays:get']({ id: stay.id }, deskCtx)).status).toBe('checked_out');
  });

  it('reinstates a cancellation or a no-show only while the room is still free', async () => {
    const stay = await book();
    await h['stays:cancel']({ id: stay.id }, deskCtx);
    const taker = await book({ checkin: '2026-05-02', checkout: '2026-05-03', guestName: 'Taker' });
    expect((await expectAppError(async () => await h['stays:undo']({ id: stay.id }, deskCtx), 'ROOM_UNAVAILABLE')).params).toMatchObject({ stayId: taker.id, guest: 'Taker' });
    await h['stays:cancel']({ id: taker.id }, deskCtx);
    expect((await h['stays:undo']({ id: stay.id }, deskCtx)).status).toBe('booked');
    t.clock.set(at('2026-05-01T20:00'));
    await h['stays:noShow']({ id: stay.id }, deskCtx);
    expect(await h['stays:undo']({ id: stay.id }, deskCtx)).toMatchObject({ status: 'booked', checkout: '2026-05-03T12:00:00+02:00', nights: 2 });
  });

  it('is staff work on the day of the change only; an admin may undo any time; each undo is audited', async () => {
    const stay = await book({ checkin: '2026-04-30', checkout: '2026-05-04' });
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    t.clock.set(at('2026-05-02T09:00'));
    const e = await expectAppError(async () => await h['stays:undo']({ id: stay.id }, deskCtx), 'FORBIDDEN', `Only an admin can undo a change made before today (stay ${stay.id} changed on 2026-05-01)`);
    expect(e.reason).toBe('stays.undoAdminOnly');
    const admin = await t.core.users.create({ username: 'boss', email: 'boss@hotel.dk', password: 'Boss-of-desk-2026', role: 'admin' }, adminCtx);
    const ctx: CallContext = { actor: { userId: admin.id, username: 'boss', role: 'admin' }, via: 'internal' };
    expect((await t.core.call('stays:undo', { id: stay.id }, ctx)).status).toBe('booked');
    const audit = await t.db.all(`SELECT actor, action, entity_id AS "entityId" FROM audit_log WHERE action = 'stays:undo'`);
    expect(audit).toEqual([{ actor: 'boss', action: 'stays:undo', entityId: String(stay.id) }]);
  });
});

describe('out of order stops sales', () => {
  it('a room set out of order is neither offered nor bookable, moved into or re-dated', async () => {
    const stay = await book({ roomId: r102 });
    await h['rooms:setHousekeeping']({ id: r101, housekeeping: 'out_of_order' }, deskCtx);
    expect(await free('2026-06-01', '2026-06-03')).toEqual([102]);
    expect((await expectAppError(async () => await book({ checkin: '2026-06-01', checkout: '2026-06-03' }), 'ROOM_UNAVAILABLE', 'Room 101 is out of order')).reason).toBe('stays.roomOutOfOrder');
    await expectAppError(async () => await h['stays:move']({ id: stay.id, roomId: r101 }, deskCtx), 'ROOM_UNAVAILABLE', 'Room 101 is out of order');
    await h['rooms:setHousekeeping']({ id: r101, housekeeping: 'clean' }, deskCtx);
    expect(await free('2026-06-01', '2026-06-03')).toEqual([101, 102]);
  });

  it('an out-of-order block withholds the room for its nights only, and the refusal names it', async () => {
    const block = await h['blocks:create']({ roomId: r101, from: '2026-06-10', to: '2026-06-12', reason: 'Burst pipe', kind: 'out_of_order' }, deskCtx);
    expect(block).toMatchObject({ kind: 'out_of_order', fromDate: '2026-06-10', toDate: '2026-06-12' });
    expect(await free('2026-06-09', '2026-06-11')).toEqual([102]);
    expect(await free('2026-06-12', '2026-06-13')).toEqual([101, 102]);
    const e = await expectAppError(async () => await book({ checkin: '2026-06-11', checkout: '2026-06-13' }), 'ROOM_UNAVAILABLE', 'Room 101 is not available from 2026-06-11 to 2026-06-13');
    expect(e).toMatchObject({ reason: 'stays.roomOutOfOrderBlock', params: { blockId: block.id, blockReason: 'Burst pipe' } });
  });

  it('a block is changed (room, period, reason, kind) with the same checks', async () => {
    const block = await h['blocks:create']({ roomId: r101, from: '2026-06-10', to: '2026-06-12', reason: 'Paint', kind: 'blocked' }, deskCtx);
    await book({ roomId: r102, checkin: '2026-06-11', checkout: '2026-06-12', guestName: 'In the way' });
    expect((await expectAppError(async () => await h['blocks:update']({ id: block.id, roomId: r102 }, deskCtx), 'ROOM_UNAVAILABLE')).params).toMatchObject({ guest: 'In the way' });
    const longer = await h['blocks:update']({ id: block.id, to: '2026-06-14', reason: 'Paint and carpet', kind: 'out_of_order' }, deskCtx);
    expect(longer).toMatchObject({ roomId: r101, fromDate: '2026-06-10', toDate: '2026-06-14', reason: 'Paint and carpet', kind: 'out_of_order' });
    expect(await free('2026-06-13', '2026-06-14')).toEqual([102]);
    expect(t.events.filter((e) => e.type === 'block.changed').map((e) => (e as { action: string }).action)).toEqual(['created', 'changed']);
    await expectAppError(async () => await h['blocks:update']({ id: 99, reason: 'x' }, deskCtx), 'NOT_FOUND');
  });

  it('a room with stays to honour cannot be taken out of use (409 listing them) until they are moved', async () => {
    const a = await book({ checkin: '2026-05-10', checkout: '2026-05-12', guestName: 'Anna' });
    const b = await book({ checkin: '2026-06-10', checkout: '2026-06-12', guestName: 'Bo' });
    const e = await expectAppError(
      async () => await h['rooms:deactivate']({ id: r101 }, adminCtx),
      'CONFLICT',
      `Room 101 still has 2 stays to honour; move them first: #${a.id} Anna (2026-05-10 → 2026-05-12), #${b.id} Bo (2026-06-10 → 2026-06-12)`,
    );
    expect(e).toMatchObject({ reason: 'stays.roomHasStays', params: { room: 101, count: 2 } });
    await expectAppError(async () => await h['rooms:update']({ id: r101, active: false }, adminCtx), 'CONFLICT');
    await h['stays:move']({ id: a.id, roomId: r102 }, deskCtx);
    await h['stays:cancel']({ id: b.id }, deskCtx);
    expect((await h['rooms:deactivate']({ id: r101 }, adminCtx)).active).toBe(false);
  });
});

describe('no stays in the past', () => {
  it('refuses a stay that has already ended (400) on create, the seed route and a change of dates', async () => {
    const e = await expectAppError(async () => await book({ checkin: '2026-04-27', checkout: '2026-04-29' }), 'VALIDATION', /would end in the past \(2026-04-29T12:00:00\+02:00\)/);
    expect(e).toMatchObject({ reason: 'stays.inThePast', params: { checkout: '2026-04-29' } });
    await expectAppError(async () => await h['stays:seedCreate']({ roomnumber: 101, category: 'Standard double room', checkin: '2020-01-01', checkout: '2020-01-02' }, deskCtx), 'VALIDATION');
    const stay = await book();
    await expectAppError(async () => await h['stays:changeDates']({ id: stay.id, checkin: '2026-04-28', checkout: '2026-04-30' }, deskCtx), 'VALIDATION');
    // A stay that began earlier and ends later is not in the past: a walk-in at 10:00 for last night is fine.
    expect((await book({ roomId: r102, checkin: '2026-04-30', checkout: '2026-05-01' })).status).toBe('booked');
  });

  it("takes an admin's late entry (checked out at once, audited), refuses one from staff (403)", async () => {
    const e = await expectAppError(async () => await book({ checkin: '2026-04-27', checkout: '2026-04-29', lateEntry: true }), 'FORBIDDEN');
    expect(e.reason).toBe('stays.lateEntryAdminOnly');
    const admin = await t.core.users.create({ username: 'boss', email: 'boss@hotel.dk', password: 'Boss-of-desk-2026', role: 'admin' }, adminCtx);
    const ctx: CallContext = { actor: { userId: admin.id, username: 'boss', role: 'admin' }, via: 'internal' };
    const late = await t.core.call('stays:create', aStay({ roomId: r101, checkin: '2026-04-27', checkout: '2026-04-29', lateEntry: true }), ctx);
    expect(late).toMatchObject({ status: 'checked_out', nights: 2 });
    const row = await t.db.get(`SELECT actor, detail FROM audit_log WHERE action = 'stays:create'`) as { actor: string; detail: string };
    expect(row.actor).toBe('boss');
    expect(JSON.parse(row.detail)).toMatchObject({ lateEntry: true, checkin: '2026-04-27' });
  });
});

describe('the time zone', () => {
  it('can be changed until the hotel has stays or blocks; then it is refused (409) with the reason', async () => {
    expect(await h['settings:update']({ timeZone: 'Europe/London' }, adminCtx)).toMatchObject({ timeZone: 'Europe/London', timeZoneConfirmed: true });
    await h['settings:update']({ timeZone: 'Europe/Copenhagen' }, adminCtx);
    await h['blocks:create']({ roomId: r101, from: '2026-06-10', to: '2026-06-12', reason: 'Paint', kind: 'blocked' }, deskCtx);
    const e = await expectAppError(async () => await h['settings:update']({ timeZone: 'Pacific/Kiritimati' }, adminCtx), 'CONFLICT', /The time zone stays Europe\/Copenhagen/);
    expect(e).toMatchObject({ reason: 'stays.timeZoneFixed', params: { zone: 'Europe/Copenhagen' } });
    // The same zone again (a form saved unchanged) is fine; a stay keeps its local times.
    const stay = await book();
    expect((await h['settings:update']({ timeZone: 'Europe/Copenhagen', hotelName: 'Hotel Havnen' }, adminCtx)).hotelName).toBe('Hotel Havnen');
    expect(await h['stays:get']({ id: stay.id }, deskCtx)).toMatchObject({ checkin: '2026-05-01T14:00:00+02:00', checkout: '2026-05-03T12:00:00+02:00' });
  });
});
