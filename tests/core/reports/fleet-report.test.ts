/**
 * The fleet report against figures computed by hand (docs/reports.md walks through the same fleet):
 * Monday 4 and Tuesday 5 May 2026 beside 4–5 May 2025. On SQLite and PostgreSQL alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, deskCtx, type TestCore } from '../../support/test-core';
import { at, car, rental } from './report-rows';

let t: TestCore;
const report = () => t.core.handlers['reports:fleet']({ period: 'range', from: '2026-05-04', to: '2026-05-05' }, deskCtx);

beforeEach(async () => {
  t = await createTestCore();
  const db = t.db;
  const yaris = await car(db, 'Toyota', 'Yaris', 'AB 12 345');
  const id3 = await car(db, 'VW', 'ID.3', null);
  await car(db, 'Fiat', '500', null, at('2026-05-01', '12:00').ms); // left the fleet before the period
  // R1: Sunday → Tuesday, back Tuesday 09:00 with 250 km and a scratch: 1 day in the period (Monday).
  await rental(db, { carId: yaris, from: '2026-05-03', to: '2026-05-05', status: 'returned', mileage: [1000, 1250], damage: 'Scratch', returnedAt: '2026-05-05T09:00:00+02:00' });
  // R2: Tuesday → Friday, out: 1 day in the period; it starts in it.
  await rental(db, { carId: yaris, from: '2026-05-05', to: '2026-05-08', status: 'out', mileage: [1250, null] });
  // Cancelled: not counted.
  await rental(db, { carId: id3, from: '2026-05-04', to: '2026-05-05', status: 'cancelled' });
  // R4: Friday → Monday, back Monday 10:00 with 150 km: no day in the period, its km are.
  await rental(db, { carId: id3, from: '2026-05-01', to: '2026-05-04', status: 'returned', mileage: [500, 650], returnedAt: '2026-05-04T10:00:00+02:00' });
  // Last year: the Yaris 4 → 6 May 2025, 100 km.
  await rental(db, { carId: yaris, from: '2025-05-04', to: '2025-05-06', status: 'returned', mileage: [900, 1000], returnedAt: '2025-05-06T10:00:00+02:00' });
});
afterEach(async () => await t.close());

describe('reports:fleet', () => {
  it('gives utilisation, km driven and damage reports per car, computed by hand', async () => {
    const { current } = await report();
    expect(current.byCar).toEqual([
      { id: expect.any(Number), name: 'Toyota Yaris (AB 12 345)', rentals: 1, rentedDays: 2, availableDays: 2, utilisation: 1, kmDriven: 250, damageReports: 1 },
      { id: expect.any(Number), name: 'VW ID.3', rentals: 0, rentedDays: 0, availableDays: 2, utilisation: 0, kmDriven: 150, damageReports: 0 },
    ]);
    expect(current).toMatchObject({
      from: '2026-05-04', to: '2026-05-05', days: 2, cars: 2,
      rentals: 1, rentedDays: 2, availableDays: 4, utilisation: 0.5, kmDriven: 400, damageReports: 1,
    });
    expect(current.byDay).toEqual([{ date: '2026-05-04', carsOut: 1 }, { date: '2026-05-05', carsOut: 1 }]);
  });

  it('puts the same days last year beside it', async () => {
    const { lastYear } = await report();
    // The Fiat was still in the fleet then.
    expect(lastYear).toMatchObject({ from: '2025-05-04', to: '2025-05-05', cars: 3, rentals: 1, rentedDays: 2, availableDays: 6, kmDriven: 0 });
    expect(lastYear.byDay).toEqual([{ date: '2025-05-04', carsOut: 1 }, { date: '2025-05-05', carsOut: 1 }]);
  });
});
