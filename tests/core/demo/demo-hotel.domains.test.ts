/**
 * The demo hotel beyond its stays: every desk screen has something to show (issue 18 §2), written
 * through the desk's handlers, so the domains' own rules hold for it. The clock: Friday
 * 2026-05-01 10:00 in Copenhagen (test-core.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPOINTMENT_DAYS } from '../../../core/demo/demo-appointments';
import { seedDemoHotel, type DemoHotelCounts } from '../../../core/demo/demo-hotel';
import type { Appointment } from '../../../shared/contract/appointments';
import { addDays } from '../../../shared/time';
import { createTestCore, deskCtx, type TestCore } from '../../support/test-core';

const TODAY = '2026-05-01';
const YESTERDAY = '2026-04-30';
let t: TestCore;
let counts: DemoHotelCounts;
let calendar: Awaited<ReturnType<TestCore['core']['handlers']['appointments:calendar']>>;

beforeAll(async () => {
  t = await createTestCore();
  counts = await seedDemoHotel(t.core);
  calendar = await t.core.handlers['appointments:calendar']({ from: YESTERDAY, days: APPOINTMENT_DAYS + 1 }, deskCtx);
});
afterAll(async () => await t.close());

describe('the demo appointments', () => {
  it('has three service rooms with timeslots from yesterday over each of the coming two weeks, and none after', async () => {
    expect(calendar.rooms.map((r) => r.name).sort()).toEqual(['Meeting room Øresund', 'Spa room 1', 'Spa room 2']);
    const days = new Set(calendar.timeslots.map((s) => s.date));
    expect(days).toEqual(new Set(Array.from({ length: APPOINTMENT_DAYS + 1 }, (_, i) => addDays(YESTERDAY, i))));
    const after = await t.core.handlers['appointments:calendar']({ from: addDays(TODAY, APPOINTMENT_DAYS), days: 7 }, deskCtx);
    expect(after.timeslots).toEqual([]);
  });

  it('has two providers with their own working hours, and bookings only within them', () => {
    expect(calendar.providers).toHaveLength(2);
    const guide = calendar.providers.find((p) => p.name.includes('guide'))!;
    expect(guide.workingHours.mon).toBeNull();
    expect(guide.workingHours.sat).toEqual({ start: '10:00', end: '16:00' });
    const guideDays = calendar.appointments.filter((a) => a.providerId === guide.id).map((a) => new Date(`${a.startTime.slice(0, 10)}T12:00:00Z`).getUTCDay());
    expect(guideDays.length).toBeGreaterThan(0);
    for (const day of guideDays) expect([0, 2, 4, 6]).toContain(day); // Sun, Tue, Thu, Sat
  });

  it('books both kinds over the two weeks: paid timeslots, confirmed provider times, a few cancelled, those over completed (one no-show)', () => {
    const live = calendar.appointments.filter((a: Appointment) => a.status !== 'cancelled');
    expect(counts.appointments).toBe(calendar.appointments.length);
    expect(new Set(live.map((a) => a.kind))).toEqual(new Set(['timeslot', 'provider']));
    expect(new Set(live.map((a) => a.startTime.slice(0, 10))).size).toBeGreaterThanOrEqual(12);
    for (const a of live.filter((x) => x.kind === 'timeslot')) expect(a.paymentStatus).toBe('paid');
    expect(calendar.appointments.some((a) => a.status === 'cancelled')).toBe(true);
    const now = t.clock.now();
    for (const a of calendar.appointments) {
      if (a.status === 'completed' || a.status === 'no_show') expect(Date.parse(a.endTime)).toBeLessThanOrEqual(now);
      if (a.status === 'confirmed') expect(Date.parse(a.endTime)).toBeGreaterThan(now);
    }
    expect(calendar.appointments.some((a) => a.status === 'completed')).toBe(true);
    expect(calendar.appointments.filter((a) => a.status === 'no_show')).toHaveLength(1);
  });

  it('sends no e-mail: the demo guests gave no address', () => {
    expect(calendar.appointments.every((a) => a.guestEmail === null)).toBe(true);
  });
});

describe('the demo stock', () => {
  it('has beds, cots, bikes and parking passes, lent out: one bike overdue, beds and cots with stays in house', async () => {
    const resources = await t.core.handlers['stock:list']({ includeInactive: false }, deskCtx);
    expect(resources.map((r) => r.name).sort()).toEqual(['Baby cot', 'Bike', 'Extra bed', 'Parking pass']);
    const overdue = (await t.core.handlers['stock:bookings']({ overdue: true, limit: 100, offset: 0 }, deskCtx)).items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ resourceName: 'Bike', status: 'out', overdue: true });
    const loans = (await t.core.handlers['stock:bookings']({ limit: 100, offset: 0 }, deskCtx)).items;
    expect(loans).toHaveLength(counts.loans);
    expect(loans.some((b) => b.status === 'returned')).toBe(true);
    const withStay = loans.filter((b) => b.stayId !== null);
    expect(withStay.length).toBeGreaterThanOrEqual(4);
    for (const b of withStay) expect((await t.core.handlers['stays:get']({ id: b.stayId! }, deskCtx)).status).toBe('checked_in');
    const bikes = resources.find((r) => r.name === 'Bike')!;
    expect(bikes.availableQuantity).toBe(bikes.totalQuantity - loans.filter((b) => b.resourceName === 'Bike' && b.status === 'out').reduce((n, b) => n + b.quantity, 0));
  });
});

describe('the demo cars', () => {
  it('has a fleet with one car out, one damaged, and rentals reserved ahead', async () => {
    const cars = await t.core.handlers['cars:list']({}, deskCtx);
    expect(cars).toHaveLength(counts.cars);
    expect(cars.filter((c) => c.isRented)).toHaveLength(1);
    expect(cars.filter((c) => c.hasDamage)).toHaveLength(1);
    const rentals = await t.core.handlers['rentals:list']({ limit: 500 }, deskCtx);
    expect(rentals.filter((r) => r.status === 'out')).toHaveLength(1);
    expect(rentals.filter((r) => r.status === 'out')[0]!.carId).toBe(cars.find((c) => c.isRented)!.id);
    const damaged = rentals.find((r) => r.damageNote !== null)!;
    expect(damaged).toMatchObject({ status: 'returned', carId: cars.find((c) => c.hasDamage)!.id });
    const reserved = rentals.filter((r) => r.status === 'reserved');
    expect(reserved.length).toBeGreaterThanOrEqual(1);
    expect(reserved.some((r) => r.from > TODAY)).toBe(true);
    for (const r of reserved) expect(r.from >= TODAY).toBe(true);
  });
});
