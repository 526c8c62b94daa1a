/**
 * The appointments report against figures computed by hand (docs/reports.md walks through the same
 * hotel): Monday 4 and Tuesday 5 May 2026, one spa room with timeslots and one provider, beside
 * Sunday 4 and Monday 5 May 2025. On SQLite and PostgreSQL alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, deskCtx, type TestCore } from '../../support/test-core';
import { appointment, provider, serviceRoom, timeslot } from './report-rows';

let t: TestCore;
const report = () => t.core.handlers['reports:appointments']({ period: 'range', from: '2026-05-04', to: '2026-05-05' }, deskCtx);

beforeEach(async () => {
  t = await createTestCore();
  const db = t.db;
  const spa = await serviceRoom(db, 'Spa 1');
  // Offered: 60 + 60 minutes on Monday, 60 minutes × 2 seats on Tuesday = 240.
  const s1 = await timeslot(db, spa, '2026-05-04', '09:00', '10:00');
  const s2 = await timeslot(db, spa, '2026-05-04', '10:00', '11:00');
  const s3 = await timeslot(db, spa, '2026-05-05', '09:00', '10:00', 2);
  await timeslot(db, spa, '2026-05-06', '09:00', '10:00'); // after the period
  await appointment(db, { slot: { roomId: spa, timeslotId: s1 }, date: '2026-05-04', from: '09:00', to: '10:00', status: 'completed', payment: 'paid', price: 50_000 });
  await appointment(db, { slot: { roomId: spa, timeslotId: s2 }, date: '2026-05-04', from: '10:00', to: '11:00', status: 'cancelled', payment: 'refunded', price: 50_000, refund: 25_000 });
  await appointment(db, { slot: { roomId: spa, timeslotId: s3 }, date: '2026-05-05', from: '09:00', to: '10:00', status: 'no_show', payment: 'paid', price: 40_000 });
  await appointment(db, { slot: { roomId: spa, timeslotId: s3 }, date: '2026-05-05', from: '09:00', to: '10:00', status: 'confirmed', payment: 'unpaid', price: 40_000 });
  // Anna works Mondays 09–17 and Tuesdays 12–16; Tuesday 5 May 2026 is a day off: 480 minutes offered.
  const anna = await provider(db, 'Anna', { mon: { start: '09:00', end: '17:00' }, tue: { start: '12:00', end: '16:00' }, wed: null, thu: null, fri: null, sat: null, sun: null }, ['2026-05-05']);
  await appointment(db, { providerId: anna, date: '2026-05-04', from: '13:00', to: '13:30', status: 'completed', payment: 'paid', price: 30_000 });
  await appointment(db, { providerId: anna, date: '2026-05-04', from: '14:00', to: '14:30', status: 'pending', payment: 'unpaid', price: 30_000 });
  await appointment(db, { providerId: anna, date: '2026-05-06', from: '14:00', to: '14:30', status: 'completed', payment: 'paid', price: 30_000 }); // after
  // Last year: one spa appointment on Sunday 4 May 2025 (no timeslots left from then).
  const old = await timeslot(db, spa, '2025-05-04', '09:00', '10:00');
  await appointment(db, { slot: { roomId: spa, timeslotId: old }, date: '2025-05-04', from: '09:00', to: '10:00', status: 'completed', payment: 'paid', price: 45_000 });
});
afterEach(async () => await t.close());

describe('reports:appointments', () => {
  it('counts by status, revenue kept, no-shows and refunds, computed by hand', async () => {
    const { current, currency } = await report();
    expect(currency).toBe('DKK');
    expect(current).toMatchObject({
      from: '2026-05-04', to: '2026-05-05', days: 2,
      bookings: 6,
      byStatus: { pending: 1, confirmed: 1, cancelled: 1, completed: 2, no_show: 1 },
      // 500 + (500 − 250 refunded) + 400 + 300 kr.
      revenue: 145_000,
      noShows: 1, noShowRate: 0.2,
      refunds: 1, refunded: 25_000,
      bookedMinutes: 240, availableMinutes: 720,
    });
    expect(current.utilisation).toBeCloseTo(1 / 3, 12);
  });

  it('gives utilisation per service room (timeslots × seats) and per provider (working hours less days off)', async () => {
    const { current } = await report();
    expect(current.byResource).toEqual([
      { kind: 'room', id: expect.any(Number), name: 'Spa 1', bookings: 4, bookedMinutes: 180, availableMinutes: 240, utilisation: 0.75, revenue: 115_000, noShows: 1 },
      { kind: 'provider', id: expect.any(Number), name: 'Anna', bookings: 2, bookedMinutes: 60, availableMinutes: 480, utilisation: 0.125, revenue: 30_000, noShows: 0 },
    ]);
    expect(current.byDay).toEqual([
      { date: '2026-05-04', bookings: 4, revenue: 105_000, noShows: 0 },
      { date: '2026-05-05', bookings: 2, revenue: 40_000, noShows: 1 },
    ]);
  });

  it('puts the same days last year beside it', async () => {
    const { lastYear } = await report();
    expect(lastYear).toMatchObject({ from: '2025-05-04', to: '2025-05-05', bookings: 1, revenue: 45_000, bookedMinutes: 60, availableMinutes: 60 + 480, noShows: 0, noShowRate: 0 });
    expect(lastYear.byResource.map((r) => [r.name, r.bookedMinutes, r.availableMinutes])).toEqual([['Spa 1', 60, 60], ['Anna', 0, 480]]);
  });
});
