/**
 * The stays' guards for rentals (issue 18 item 6): a rental is handed out only on one of its own
 * days (the issue's case: a rental booked for 2030 went out today and then blocked today's), never
 * while the car is out; a hand-out and a return can be undone, as a stay's status change can
 * (staff today's, admins any), the return's undo re-checked against what happened since.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../../shared/contract/commands';
import { expectAppError } from '../../support/app-error';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
afterEach(async () => await t?.close());

const CAR = { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' };
const h = () => t.core.handlers;
const reserve = (over: Partial<ParsedInput<'rentals:reserve'>> = {}) =>
  h()['rentals:reserve']({ carId: 1, from: '2026-05-01', to: '2026-05-04', guestName: 'Mette Hansen', notes: '', ...over }, deskCtx);
const car = () => h()['cars:get']({ id: 1 }, deskCtx);

async function aFleet() {
  t = await createTestCore({ settings: { eventServiceUrl: 'http://broker.lan/events' } }); // 2026-05-01 10:00 in Copenhagen
  await h()['cars:create'](CAR, deskCtx);
}

describe('hand-out only on the rental\'s days', () => {
  it('refuses a rental booked for 2030 today, so today\'s rental of the same car still goes out', async () => {
    await aFleet();
    const later = await reserve({ from: '2030-06-01', to: '2030-06-04' });
    const today = await reserve();
    await expectAppError(async () => await h()['rentals:handOut']({ id: later.id }, deskCtx), 'ILLEGAL_TRANSITION', `Rental ${later.id} can be handed out from 2030-06-01, its first day`);
    expect((await car()).isRented).toBe(false);
    expect((await h()['rentals:handOut']({ id: today.id }, deskCtx)).status).toBe('out');
  });

  it('opens at 00:00 of the first day and closes when the car is due back; never while the car is out on another rental', async () => {
    await aFleet();
    const r = await reserve({ from: '2026-05-02', to: '2026-05-03' });
    t.clock.set(Date.parse('2026-05-01T21:59:59Z')); // 23:59:59 the day before
    await expectAppError(async () => await h()['rentals:handOut']({ id: r.id }, deskCtx), 'ILLEGAL_TRANSITION', /from 2026-05-02, its first day/);
    t.clock.set(Date.parse('2026-05-02T22:00:00Z')); // 00:00 on the day it is due back
    await expectAppError(async () => await h()['rentals:handOut']({ id: r.id }, deskCtx), 'ILLEGAL_TRANSITION', `Rental ${r.id} was due back on 2026-05-03; it can no longer be handed out`);
    t.clock.set(Date.parse('2026-05-01T22:00:00Z')); // 00:00 on its first day
    expect((await h()['rentals:handOut']({ id: r.id }, deskCtx)).status).toBe('out');
    // Out past its end (not returned), the car blocks the next rental's hand-out.
    t.clock.set(Date.parse('2026-05-03T08:00:00Z'));
    const next = await reserve({ from: '2026-05-03', to: '2026-05-05' });
    await expectAppError(async () => await h()['rentals:handOut']({ id: next.id }, deskCtx), 'CONFLICT', 'Car 1 is already out on another rental');
  });
});

describe('undo of a hand-out and a return', () => {
  it('undoes a hand-out: reserved again, the car no longer out, the mileage kept; then nothing more to undo', async () => {
    await aFleet();
    const r = await reserve();
    await h()['rentals:handOut']({ id: r.id, mileage: 12_040 }, deskCtx);
    const back = await h()['rentals:undo']({ id: r.id }, deskCtx);
    expect(back).toMatchObject({ status: 'reserved', mileageOut: null, handedOutAt: null });
    expect(await car()).toMatchObject({ isRented: false, mileage: 12_040 });
    await expectAppError(async () => await h()['rentals:undo']({ id: r.id }, deskCtx), 'ILLEGAL_TRANSITION', `Rental ${r.id} is reserved: there is no hand-out or return to undo`);
    expect((await h()['rentals:handOut']({ id: r.id }, deskCtx)).status).toBe('out');
    const live = t.events.filter((e) => e.type === 'rental.changed').map((e) => ('action' in e ? e.action : ''));
    expect(live).toEqual(['reserved', 'handed_out', 'undone', 'handed_out']);
    expect((await outboxRows(t.db)).map((m) => m.topic)).toEqual(['car.added', 'car.reserved', 'car.rented', 'car.updated', 'car.rented']);
  });

  it('undoes a return: out again, its damage taken off the car; refused once the car is out again or its days are taken', async () => {
    await aFleet();
    const r = await reserve({ from: '2026-05-01', to: '2026-05-02' });
    await h()['rentals:handOut']({ id: r.id }, deskCtx);
    await h()['rentals:return']({ id: r.id, mileage: 12_300, damage: true, damageNote: 'Dent in the door' }, deskCtx);
    expect(await car()).toMatchObject({ hasDamage: true, isRented: false });
    expect(await h()['rentals:undo']({ id: r.id }, deskCtx)).toMatchObject({ status: 'out', mileageIn: null, damageNote: null, returnedAt: null, mileageOut: 12_000 });
    expect(await car()).toMatchObject({ isRented: true, hasDamage: false, damageNote: null, mileage: 12_300 });

    // Returned again; meanwhile another guest took the car for today: the return cannot be undone.
    await h()['rentals:return']({ id: r.id, mileage: 12_300, damage: false }, deskCtx);
    const other = await reserve({ from: '2026-05-01', to: '2026-05-03', guestName: 'Ann Berg' });
    await expectAppError(async () => await h()['rentals:undo']({ id: r.id }, deskCtx), 'CONFLICT', 'Car 1 is already reserved from 2026-05-01 to 2026-05-03');
    await h()['rentals:handOut']({ id: other.id }, deskCtx);
    await expectAppError(async () => await h()['rentals:undo']({ id: r.id }, deskCtx), 'CONFLICT', 'Car 1 is already out on another rental');
    expect((await h()['rentals:get']({ id: r.id }, deskCtx)).status).toBe('returned');
  });

  it('staff undo a change made today; an admin any', async () => {
    await aFleet();
    const r = await reserve();
    await h()['rentals:handOut']({ id: r.id }, deskCtx);
    t.clock.set(Date.parse('2026-05-02T08:00:00Z'));
    await expectAppError(async () => await h()['rentals:undo']({ id: r.id }, deskCtx), 'FORBIDDEN', `Only an admin can undo a change made before today (rental ${r.id} changed on 2026-05-01)`);
    expect((await h()['rentals:undo']({ id: r.id }, adminCtx)).status).toBe('reserved');
  });
});
