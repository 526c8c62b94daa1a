/**
 * The stock report against figures computed by hand (docs/reports.md walks through the same hotel):
 * two extra beds and a bike, Monday 4 and Tuesday 5 May 2026 (48 hours in Copenhagen), the clock
 * at Wednesday 6 May 10:00. On SQLite and PostgreSQL alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, deskCtx, type TestCore } from '../../support/test-core';
import { at, loan, stockResource } from './report-rows';

let t: TestCore;
const report = () => t.core.handlers['reports:stock']({ period: 'range', from: '2026-05-04', to: '2026-05-05' }, deskCtx);

beforeEach(async () => {
  t = await createTestCore();
  const db = t.db;
  const bed = await stockResource(db, 'Extra bed', 2);
  const bike = await stockResource(db, 'Bike', 1);
  await stockResource(db, 'Cot', 1, false); // out of use and never lent: not in the report
  // L1: out since Sunday noon, due back Monday 10:00, back Monday 12:00 (late): 12 h in the period.
  await loan(db, { resourceId: bed, quantity: 1, booked: ['2026-05-03', '12:00'], returnBy: ['2026-05-04', '10:00'], closed: ['2026-05-04', '12:00'], status: 'returned' });
  // L2: two beds from Monday 18:00, due Tuesday 12:00, still out: 30 h × 2 in the period.
  await loan(db, { resourceId: bed, quantity: 2, booked: ['2026-05-04', '18:00'], returnBy: ['2026-05-05', '12:00'], status: 'out' });
  // Cancelled: never counted.
  await loan(db, { resourceId: bed, quantity: 1, booked: ['2026-05-04', '09:00'], closed: ['2026-05-04', '09:05'], status: 'cancelled' });
  // L4: the bike Tuesday 08:00–20:00, back on time: 12 h.
  await loan(db, { resourceId: bike, quantity: 1, booked: ['2026-05-05', '08:00'], returnBy: ['2026-05-05', '20:00'], closed: ['2026-05-05', '20:00'], status: 'returned' });
  // Last year: the bike all of Monday 5 May 2025.
  await loan(db, { resourceId: bike, quantity: 1, booked: ['2025-05-05', '00:00'], closed: ['2025-05-06', '00:00'], status: 'returned' });
  t.clock.set(at('2026-05-06', '10:00').ms);
});
afterEach(async () => await t.close());

describe('reports:stock', () => {
  it('counts loans, quantities, utilisation and overdue loans per resource, computed by hand', async () => {
    const { current } = await report();
    expect(current.byResource).toEqual([
      // (12 h + 2 × 30 h) ÷ (2 beds × 48 h) = 72 ÷ 96
      { id: expect.any(Number), name: 'Bike', totalQuantity: 1, loans: 1, quantityLent: 1, utilisation: 0.25, overdue: 0 },
      { id: expect.any(Number), name: 'Extra bed', totalQuantity: 2, loans: 1, quantityLent: 2, utilisation: 0.75, overdue: 2 },
    ]);
    expect(current).toMatchObject({ from: '2026-05-04', to: '2026-05-05', days: 2, loans: 2, quantityLent: 3, overdue: 2 });
    // (72 + 12) ÷ (3 × 48)
    expect(current.utilisation).toBeCloseTo(84 / 144, 12);
  });

  it('spreads the time out over the days', async () => {
    const { current } = await report();
    // Monday: L1 12 h + L2 6 h × 2 = 24 of 3 × 24; Tuesday: L2 24 h × 2 + the bike 12 h = 60 of 72.
    expect(current.byDay.map((d) => d.date)).toEqual(['2026-05-04', '2026-05-05']);
    expect(current.byDay.map((d) => d.loans)).toEqual([1, 1]);
    expect(current.byDay[0]!.utilisation).toBeCloseTo(1 / 3, 12);
    expect(current.byDay[1]!.utilisation).toBeCloseTo(5 / 6, 12);
  });

  it('puts the same days last year beside it', async () => {
    const { lastYear } = await report();
    expect(lastYear).toMatchObject({ from: '2025-05-04', to: '2025-05-05', loans: 1, quantityLent: 1, overdue: 0 });
    expect(lastYear.byResource.find((r) => r.name === 'Bike')?.utilisation).toBe(0.5);
  });
});
