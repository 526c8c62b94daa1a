/**
 * The rooms report against figures computed by hand (docs/reports.md walks through the same hotel):
 * three rooms, 1–4 May 2026 beside 1–4 May 2025.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { aBlock, aRoom, aStay } from '../../support/builders';
import { expectAppError } from '../../support/app-error';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let r101: number;
let r102: number;
let r201: number;

const at = (iso: string) => t.clock.set(Date.parse(iso));
const stay = async (roomId: number, checkin: string, checkout: string, price: number) =>
  await h['stays:create'](aStay({ roomId, checkin, checkout, price }), deskCtx);
const range = (from: string, to: string) => h['reports:rooms']({ period: 'range', from, to }, deskCtx);

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
  at('2025-03-01T09:00:00Z');
  r101 = (await h['rooms:create'](aRoom({ number: 101, category: 'Standard double room' }), adminCtx)).id;
  r102 = (await h['rooms:create'](aRoom({ number: 102, category: 'Standard double room' }), adminCtx)).id;
  r201 = (await h['rooms:create'](aRoom({ number: 201, category: 'Junior suite', floor: 2, nightlyRate: 200_000 }), adminCtx)).id;
  // Last year: one stay, booked on 1 April 2025.
  at('2025-04-01T08:00:00Z');
  await stay(r201, '2025-04-30', '2025-05-02', 400_000);
  // This year, all booked on 1 April 2026 at 10:00 in Copenhagen.
  at('2026-04-01T08:00:00Z');
  await stay(r101, '2026-04-29', '2026-05-02', 300_000); // A: 1 night in the period
  await stay(r102, '2026-05-01', '2026-05-04', 330_000); // B: 3 nights
  await stay(r201, '2026-05-03', '2026-05-07', 800_000); // C: 2 of its 4 nights
  const cancelled = await stay(r101, '2026-05-02', '2026-05-03', 100_000);
  await h['stays:cancel']({ id: cancelled.id }, deskCtx);
  const noShow = await stay(r101, '2026-05-03', '2026-05-04', 100_000);
  await h['blocks:create'](aBlock({ roomId: r102, from: '2026-05-04', to: '2026-05-06', kind: 'out_of_order', reason: 'Leaking pipe' }), deskCtx);
  at('2026-05-03T20:00:00Z');
  await h['stays:noShow']({ id: noShow.id }, deskCtx);
});
afterEach(async () => await t.close());

describe('reports:rooms', () => {
  it('gives the standard figures of a range, computed by hand', async () => {
    const { current } = await range('2026-05-01', '2026-05-04');
    expect(current).toMatchObject({
      from: '2026-05-01', to: '2026-05-04', days: 4,
      roomsAvailable: 12, roomsSold: 6, roomRevenue: 830_000,
      occupancy: 0.5, adr: 138_333, revpar: 69_167,
      arrivals: 2, departures: 2, inHouse: 1, cancellations: 1, noShows: 1,
      averageLengthOfStay: 3.5,
    });
    expect(current.noShowRate).toBeCloseTo(1 / 3, 10);
    // B arrives 30 days and 4 hours after it was booked, C 32 days and 4 hours.
    expect(current.averageLeadDays).toBeCloseTo(31 + 4 / 24, 10);
  });

  it('splits by category and by day', async () => {
    const { current } = await range('2026-05-01', '2026-05-04');
    expect(current.byCategory).toEqual([
      { category: 'Junior suite', roomsAvailable: 4, roomsSold: 2, roomRevenue: 400_000, occupancy: 0.5, adr: 200_000, revpar: 100_000 },
      { category: 'Standard double room', roomsAvailable: 8, roomsSold: 4, roomRevenue: 430_000, occupancy: 0.5, adr: 107_500, revpar: 53_750 },
    ]);
    expect(current.byDay).toEqual([
      { date: '2026-05-01', roomsAvailable: 3, roomsSold: 2, roomRevenue: 210_000, occupancy: 2 / 3, arrivals: 1, departures: 0 },
      { date: '2026-05-02', roomsAvailable: 3, roomsSold: 1, roomRevenue: 110_000, occupancy: 1 / 3, arrivals: 0, departures: 1 },
      { date: '2026-05-03', roomsAvailable: 3, roomsSold: 2, roomRevenue: 310_000, occupancy: 2 / 3, arrivals: 1, departures: 0 },
      { date: '2026-05-04', roomsAvailable: 3, roomsSold: 1, roomRevenue: 200_000, occupancy: 1 / 3, arrivals: 0, departures: 1 },
    ]);
  });

  it('puts the same days last year beside it', async () => {
    const report = await range('2026-05-01', '2026-05-04');
    expect(report.lastYear).toMatchObject({
      from: '2025-05-01', to: '2025-05-04', days: 4,
      roomsAvailable: 12, roomsSold: 1, roomRevenue: 200_000, adr: 200_000, revpar: 16_667,
      arrivals: 0, departures: 1, inHouse: 0, cancellations: 0, noShows: 0, noShowRate: 0,
    });
    expect(report.lastYear.occupancy).toBeCloseTo(1 / 12, 10);
    expect(report.currency).toBe('DKK');
  });

  it('takes out-of-order rooms out of "available" only when the setting says so', async () => {
    expect((await range('2026-05-01', '2026-05-04')).outOfOrderUnavailable).toBe(false);
    await h['settings:update']({ reportsOutOfOrderUnavailable: true }, adminCtx);
    const report = await range('2026-05-01', '2026-05-04');
    expect(report.outOfOrderUnavailable).toBe(true);
    expect(report.current).toMatchObject({ roomsAvailable: 11, roomsSold: 6, revpar: Math.round(830_000 / 11) });
    expect(report.current.byDay.map((d) => d.roomsAvailable)).toEqual([3, 3, 3, 2]);
    expect(report.current.byCategory.find((c) => c.category === 'Standard double room')?.roomsAvailable).toBe(7);
  });

  it('resolves a day, the month to date and the year to date (default: today)', async () => {
    const day = await h['reports:rooms']({ period: 'day', date: '2026-05-03' }, deskCtx);
    expect(day.current).toMatchObject({ from: '2026-05-03', to: '2026-05-03', roomsAvailable: 3, roomsSold: 2, roomRevenue: 310_000, arrivals: 1, inHouse: 2 });
    expect(day.lastYear).toMatchObject({ from: '2025-05-03', to: '2025-05-03', roomsSold: 0 });
    const month = await h['reports:rooms']({ period: 'monthToDate' }, deskCtx); // today: 3 May 2026
    expect(month.current).toMatchObject({ from: '2026-05-01', to: '2026-05-03', roomsSold: 5, roomRevenue: 630_000 });
    const year = await h['reports:rooms']({ period: 'yearToDate', date: '2026-05-02' }, deskCtx);
    expect(year.current).toMatchObject({ from: '2026-01-01', to: '2026-05-02', days: 122, roomsSold: 5 });
    expect(year.lastYear).toMatchObject({ from: '2025-01-01', to: '2025-05-02', roomsSold: 2, roomRevenue: 400_000 });
  });

  it('counts a night across the spring DST change once, on its own day', async () => {
    at('2026-03-01T09:00:00Z');
    await stay(r101, '2026-03-28', '2026-03-30', 200_000); // the clocks go forward in the night of 29 March
    const { current } = await range('2026-03-28', '2026-03-29');
    expect(current.byDay.map((d) => [d.date, d.roomsSold, d.roomRevenue])).toEqual([['2026-03-28', 1, 100_000], ['2026-03-29', 1, 100_000]]);
    expect(current).toMatchObject({ arrivals: 1, departures: 0, inHouse: 1 });
  });

  it('refuses a range without both ends, backwards or longer than 1100 days', async () => {
    await expectAppError(() => h['reports:rooms']({ period: 'range', from: '2026-05-01' }, deskCtx), 'VALIDATION', /A range needs from and to/);
    await expectAppError(() => range('2026-05-31', '2026-05-01'), 'VALIDATION', /to \(2026-05-01\) is before from \(2026-05-31\)/);
    await expectAppError(() => range('2023-01-01', '2026-12-31'), 'VALIDATION', /at most 1100 days \(asked for 1461\)/);
  });
});
