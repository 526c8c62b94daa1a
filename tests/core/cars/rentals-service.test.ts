/**
 * Cars and rentals in the core (SPEC §3.4): price, no overlap per car, hand-out refused while damaged,
 * the return's mileage never lower, damage and repair, cancel, a stay's guest, the timeline, the
 * broker's messages (and the setting that picks their types), the CSV exports; and a property test:
 * over random sequences of hand-outs and returns, a car's mileage never goes down.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { streamCsvExport } from '../../../core/composition/csv-export';
import type { ParsedInput } from '../../../shared/contract/commands';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
afterEach(async () => await t?.close());

const CAR = { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' };
const reserve = (over: Partial<ParsedInput<'rentals:reserve'>> = {}) =>
  t.core.handlers['rentals:reserve']({ carId: 1, from: '2026-06-01', to: '2026-06-04', guestName: 'Mette Hansen', notes: '', ...over }, deskCtx);

async function aFleet(settings = {}) {
  t = await createTestCore({ settings: { eventServiceUrl: 'http://broker.lan/events', ...settings } });
  return t.core.handlers['cars:create'](CAR, deskCtx);
}

describe('reserving', () => {
  it('prices days × the daily rate and refuses any overlap on the same car (409), not on another car', async () => {
    await aFleet();
    const h = t.core.handlers;
    const r = await reserve();
    expect(r).toMatchObject({ id: 1, carId: 1, carLabel: 'Toyota Corolla (AB 12 345)', from: '2026-06-01', to: '2026-06-04', days: 3, dailyRate: 59_500, price: 178_500, status: 'reserved', mileageOut: null, createdAt: '2026-05-01T10:00:00+02:00' });
    await expectAppError(async () => await reserve({ from: '2026-06-03', to: '2026-06-05' }), 'CONFLICT', 'Car 1 is already reserved from 2026-06-01 to 2026-06-04');
    await expectAppError(async () => await reserve({ from: '2026-05-30', to: '2026-06-02' }), 'CONFLICT');
    // Half-open: back on the 4th, out again on the 4th.
    expect((await reserve({ from: '2026-06-04', to: '2026-06-05' })).status).toBe('reserved');
    await h['cars:create']({ ...CAR, plate: 'CD 1' }, deskCtx);
    expect((await reserve({ carId: 2 })).carId).toBe(2);
    // A cancelled reservation frees its days.
    await h['rentals:cancel']({ id: 1 }, deskCtx);
    expect((await reserve({ from: '2026-06-02', to: '2026-06-03' })).price).toBe(59_500);
  });

  it('refuses an empty or reversed period, one over 90 days, one in the past, an unknown car, and no guest', async () => {
    await aFleet();
    await expectAppError(async () => await reserve({ to: '2026-06-01' }), 'VALIDATION', /must be after/);
    await expectAppError(async () => await reserve({ to: '2026-05-20' }), 'VALIDATION', /must be after/);
    await expectAppError(async () => await reserve({ to: '2026-09-01' }), 'VALIDATION', /at most 90 days/);
    await expectAppError(async () => await reserve({ from: '2026-04-30' }), 'VALIDATION', /before today/);
    await expectAppError(async () => await reserve({ carId: 9 }), 'NOT_FOUND', 'Car not found');
    await expectAppError(async () => await reserve({ guestName: undefined }), 'VALIDATION', 'guestName or stayId is required');
    expect(await t.db.get('SELECT count(*) AS n FROM car_rentals')).toEqual({ n: 0 });
  });

  it("for a stay: takes its guest's name; refused for a stay that is over", async () => {
    await aFleet();
    const h = t.core.handlers;
    await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const stay = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-05', guestName: 'Jens Olsen' }), deskCtx);
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    expect(await reserve({ guestName: undefined, stayId: stay.id, from: '2026-05-02', to: '2026-05-03' })).toMatchObject({ guestName: 'Jens Olsen', stayId: stay.id });
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    await expectAppError(async () => await reserve({ stayId: stay.id, from: '2026-05-03', to: '2026-05-04' }), 'ILLEGAL_TRANSITION', /checked_out/);
    await expectAppError(async () => await reserve({ stayId: 99 }), 'NOT_FOUND', 'Stay 99 not found');
  });
});

describe('handing out and taking back', () => {
  it('hand-out records the mileage and marks the car rented; the return clears it; damage blocks the next hand-out until repaired', async () => {
    await aFleet();
    const h = t.core.handlers;
    await reserve({ from: '2026-05-01', to: '2026-05-04' });
    const out = await h['rentals:handOut']({ id: 1, mileage: 12_010 }, deskCtx);
    expect(out).toMatchObject({ status: 'out', mileageOut: 12_010, handedOutAt: '2026-05-01T10:00:00+02:00' });
    expect(await h['cars:get']({ id: 1 }, deskCtx)).toMatchObject({ isRented: true, mileage: 12_010 });
    await expectAppError(async () => await h['rentals:handOut']({ id: 1 }, deskCtx), 'ILLEGAL_TRANSITION', 'Rental 1 is out and cannot be handed out');
    await expectAppError(async () => await h['rentals:return']({ id: 1, mileage: 12_009, damage: false }, deskCtx), 'CONFLICT', /below the car's 12010 km/);
    await expectAppError(async () => await h['rentals:return']({ id: 1, mileage: 12_500, damage: true, damageNote: '  ' }, deskCtx), 'VALIDATION');
    const back = await h['rentals:return']({ id: 1, mileage: 12_480, damage: true, damageNote: 'Scratch on the rear bumper' }, deskCtx);
    expect(back).toMatchObject({ status: 'returned', mileageIn: 12_480, damageNote: 'Scratch on the rear bumper' });
    expect(await h['cars:get']({ id: 1 }, deskCtx)).toMatchObject({ isRented: false, hasDamage: true, damageNote: 'Scratch on the rear bumper', mileage: 12_480 });

    await reserve({ from: '2026-06-10', to: '2026-06-12' });
    t.clock.set(Date.parse('2026-06-10T06:00:00Z'));
    await expectAppError(async () => await h['rentals:handOut']({ id: 2 }, deskCtx), 'CONFLICT', 'Car 1 is damaged (Scratch on the rear bumper) and cannot be handed out until it is repaired');
    expect((await h['rentals:get']({ id: 2 }, deskCtx)).status).toBe('reserved');
    await h['cars:repair']({ id: 1 }, deskCtx);
    await expectAppError(async () => await h['cars:repair']({ id: 1 }, deskCtx), 'ILLEGAL_TRANSITION');
    expect(await h['rentals:handOut']({ id: 2 }, deskCtx)).toMatchObject({ status: 'out', mileageOut: 12_480 });
    await expectAppError(async () => await h['rentals:cancel']({ id: 2 }, deskCtx), 'ILLEGAL_TRANSITION', 'Rental 2 is out and cannot be cancelled');
  });

  it('publishes live events and one broker message per fleet change, in order per car', async () => {
    await aFleet();
    const h = t.core.handlers;
    await reserve({ from: '2026-05-01' });
    await h['rentals:handOut']({ id: 1 }, deskCtx);
    await h['rentals:return']({ id: 1, mileage: 12_100, damage: true, damageNote: 'Dent' }, deskCtx);
    await h['cars:repair']({ id: 1 }, deskCtx);
    await h['cars:update']({ id: 1, notes: 'Checked' }, deskCtx);
    await reserve({ from: '2026-07-01', to: '2026-07-02' });
    await h['rentals:cancel']({ id: 2 }, deskCtx);
    await h['cars:seedDelete']({ car_id: 1 }, deskCtx);
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => r.topic)).toEqual([
      'car.added', 'car.reserved', 'car.rented', 'car.returned', 'car.damaged', 'car.repaired', 'car.updated', 'car.reserved', 'car.reservation_cancelled', 'car.deleted',
    ]);
    expect(new Set(rows.map((r) => r.aggregate))).toEqual(new Set(['car:1']));
    expect(rows[2]!.payload).toMatchObject({ type: 'car.rented', occurredAt: '2026-05-01T10:00:00+02:00', data: { car: { car_id: 1, is_rented: true }, rental: { rental_id: 1, status: 'out', mileage_out: 12_000 } } });
    expect(rows[4]!.payload).toMatchObject({ type: 'car.damaged', data: { car: { has_damage: true }, note: 'Dent' } });
    const live = t.events.filter((e) => e.type === 'car.changed' || e.type === 'rental.changed').map((e) => `${e.type}:${'action' in e ? e.action : ''}`);
    expect(live).toEqual([
      'car.changed:added', 'rental.changed:reserved', 'rental.changed:handed_out', 'car.changed:rented', 'rental.changed:returned', 'car.changed:damaged',
      'car.changed:repaired', 'car.changed:updated', 'rental.changed:reserved', 'rental.changed:cancelled', 'car.changed:deleted',
    ]);
  });

  it('the setting brokerEventTypes picks which types go to the broker; a refused change writes none', async () => {
    await aFleet({ brokerEventTypes: ['car.rented', 'car.returned'] });
    const h = t.core.handlers;
    await reserve({ from: '2026-05-01' });
    await h['rentals:handOut']({ id: 1 }, deskCtx);
    await expectAppError(async () => await h['rentals:return']({ id: 1, mileage: 1, damage: false }, deskCtx), 'CONFLICT');
    await h['rentals:return']({ id: 1, mileage: 12_001, damage: true, damageNote: 'Dent' }, deskCtx);
    expect((await outboxRows(t.db)).map((r) => r.topic)).toEqual(['car.rented', 'car.returned']);
    await expectAppError(async () => await h['settings:update']({ brokerEventTypes: ['car.exploded' as 'car.added'] }, adminCtx), 'VALIDATION');
  });
});

describe('the timeline and the exports', () => {
  it('the timeline lists every car and the rentals overlapping the window, not the cancelled ones', async () => {
    await aFleet();
    const h = t.core.handlers;
    await h['cars:create']({ ...CAR, brand: 'Audi', model: 'A4', plate: null }, deskCtx);
    await reserve({ from: '2026-05-01', to: '2026-05-03' });
    await reserve({ carId: 2, from: '2026-05-20', to: '2026-06-10' });
    await reserve({ from: '2026-06-20', to: '2026-06-22' });
    await reserve({ from: '2026-05-10', to: '2026-05-12' });
    await h['rentals:cancel']({ id: 4 }, deskCtx);
    const tl = await h['rentals:timeline']({ from: '2026-05-02', days: 30 }, deskCtx);
    expect(tl.cars.map((c) => c.label)).toEqual(['Audi A4', 'Toyota Corolla (AB 12 345)']);
    expect(tl.rentals.map((r) => r.id)).toEqual([1, 2]);
    expect(tl.rentals[0]).toEqual({ id: 1, carId: 1, guestName: 'Mette Hansen', from: '2026-05-01', to: '2026-05-03', status: 'reserved' });
  });

  it('exports cars and rentals as CSV through the export registry', async () => {
    await aFleet();
    const h = t.core.handlers;
    await h['cars:create']({ ...CAR, brand: 'Tesla', model: 'Model 3', fuelType: 'Electric', plate: '=HYPERLINK(1)' }, deskCtx);
    await reserve();
    let cars = '';
    for await (const piece of streamCsvExport(t.db.exportSource, 'cars', { fuel: 'Petrol' }, { timeZone: 'Europe/Copenhagen' })) cars += piece;
    expect(cars.trim().split(/\r?\n/)).toEqual([
      'car_id,brand,model,fuel_type,mileage,is_rented,has_damage,damage_note,plate,seats,daily_rate,notes',
      '1,Toyota,Corolla,Petrol,12000,false,false,,AB 12 345,5,59500,',
    ]);
    let all = '';
    for await (const piece of streamCsvExport(t.db.exportSource, 'cars', {}, { timeZone: 'Europe/Copenhagen' })) all += piece;
    expect(all).toContain("'=HYPERLINK(1)");
    let rentals = '';
    for await (const piece of streamCsvExport(t.db.exportSource, 'rentals', { status: 'reserved' }, { timeZone: 'Europe/Copenhagen' })) rentals += piece;
    expect(rentals.trim().split(/\r?\n/)[1]).toBe('1,1,Toyota Corolla (AB 12 345),Mette Hansen,,2026-06-01,2026-06-04,3,59500,178500,reserved,,,,,,2026-05-01T10:00:00+02:00');
  });
});

describe('property: a car’s mileage never goes down', () => {
  it('over random sequences of hand-outs, returns (some with a lower odometer), damage, repairs and edits', async () => {
    type Step = { kind: 'rent'; out: number; back: number; damage: boolean } | { kind: 'repair' } | { kind: 'edit'; mileage: number };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('rent' as const), out: fc.integer({ min: -300, max: 300 }), back: fc.integer({ min: -500, max: 2000 }), damage: fc.boolean() }),
      fc.record({ kind: fc.constant('repair' as const) }),
      fc.record({ kind: fc.constant('edit' as const), mileage: fc.integer({ min: 0, max: 30_000 }) }),
    );
    await aFleet();
    const h = t.core.handlers;
    let day = 0;
    /** Thrown at the end of each run: its unit of work rolls back, so every run starts from the same fleet. */
    const undoRun = new Error('undo this run');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps: Step[]) => {
        await t.db.unit(async () => {
          let last = (await h['cars:get']({ id: 1 }, deskCtx)).mileage;
          for (const s of steps) {
            try {
              if (s.kind === 'repair') await h['cars:repair']({ id: 1 }, deskCtx);
              else if (s.kind === 'edit') await h['cars:update']({ id: 1, mileage: s.mileage }, deskCtx);
              else {
                const from = `2026-06-${String(1 + (day++ % 28)).padStart(2, '0')}`;
                t.clock.set(Date.parse(`${from}T08:00:00Z`)); // the rental's first day: it may be handed out
                const r = await reserve({ from, to: from.slice(0, 8) + String(Number(from.slice(8)) + 1).padStart(2, '0') });
                try {
                  const out = await h['rentals:handOut']({ id: r.id, mileage: Math.max(0, last + s.out) }, deskCtx);
                  expect(out.mileageOut).toBeGreaterThanOrEqual(last);
                  const back = await h['rentals:return']({ id: r.id, mileage: Math.max(0, out.mileageOut! + s.back), damage: s.damage, ...(s.damage ? { damageNote: 'Dent' } : {}) }, deskCtx);
                  expect(back.mileageIn).toBeGreaterThanOrEqual(back.mileageOut!);
                } finally {
                  const now = await h['rentals:get']({ id: r.id }, deskCtx);
                  if (now.status === 'reserved') await h['rentals:cancel']({ id: r.id }, deskCtx);
                  else if (now.status === 'out') await h['rentals:return']({ id: r.id, mileage: (await h['cars:get']({ id: 1 }, deskCtx)).mileage, damage: false }, deskCtx);
                }
              }
            } catch (e) {
              if (!(e instanceof Error && e.name === 'AppError')) throw e;
            }
            const now = (await h['cars:get']({ id: 1 }, deskCtx)).mileage;
            expect(now).toBeGreaterThanOrEqual(last);
            last = now;
          }
          // Every rental ever returned came back with at least the mileage it left with.
          expect(await t.db.get('SELECT count(*) AS n FROM car_rentals WHERE mileage_in < mileage_out')).toEqual({ n: 0 });
          throw undoRun;
        }).catch((e: unknown) => {
          if (e !== undoRun) throw e;
        });
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});
