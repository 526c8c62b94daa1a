/**
 * The fleet report (issue 17 §1; docs/reports.md): per car, the rentals starting in a period, the
 * days rented against the days it could be (utilisation), the km driven and the damage reported on
 * the rentals returned in it; cars out by day; the same days last year beside it. Runs in the
 * export worker too.
 */
import { rentalsOverlapping, reportCars, returnsBetween } from '../../db/queries/report-fleet-queries';
import type { ReportDb } from '../../db/queries/report-queries';
import type { FleetFigures, FleetReport, ReportQuery } from '../../shared/contract/reports';
import { lastYearRange, ratio, type DateRange } from '../../shared/rules/report-rules';
import { dayNumber, formatDate, civilFromDayNumber, parseDate } from '../../shared/time';
import { periodSpan, queryRange, type ReportEnv } from './report-period';

const day = (date: string) => dayNumber(parseDate(date));

async function figures(db: ReportDb, env: ReportEnv, range: DateRange): Promise<FleetFigures> {
  const { startMs, endMs, fromDay, days } = periodSpan(range, env.timeZone);
  const cars = await reportCars(db, startMs, endMs);
  const rows = new Map(
    cars.map((c) => [
      Number(c.id),
      { id: Number(c.id), name: `${c.brand} ${c.model}${c.plate ? ` (${c.plate})` : ''}`, rentals: 0, rentedDays: 0, availableDays: days, utilisation: 0, kmDriven: 0, damageReports: 0 },
    ]),
  );
  const carsOut = new Array<number>(days).fill(0);
  for (const r of await rentalsOverlapping(db, range.from, range.to)) {
    const row = rows.get(Number(r.carId));
    if (!row) continue;
    if (r.fromDate >= range.from) row.rentals++;
    const a = Math.max(day(r.fromDate), fromDay) - fromDay;
    const b = Math.min(day(r.toDate), fromDay + days) - fromDay;
    row.rentedDays += b - a;
    for (let i = a; i < b; i++) carsOut[i]!++;
  }
  for (const r of await returnsBetween(db, range.from, range.to)) {
    const row = rows.get(Number(r.carId));
    if (!row) continue;
    row.kmDriven = Number(r.km);
    row.damageReports = Number(r.damaged);
  }
  const byCar = [...rows.values()].map((r) => ({ ...r, utilisation: ratio(r.rentedDays, r.availableDays) }));
  const total = (pick: (r: (typeof byCar)[number]) => number) => byCar.reduce((n, r) => n + pick(r), 0);
  const rentedDays = total((r) => r.rentedDays);
  const availableDays = total((r) => r.availableDays);
  return {
    from: range.from, to: range.to, days,
    rentals: total((r) => r.rentals), rentedDays, availableDays, utilisation: ratio(rentedDays, availableDays),
    kmDriven: total((r) => r.kmDriven), damageReports: total((r) => r.damageReports),
    cars: byCar.length,
    byCar,
    byDay: carsOut.map((n, i) => ({ date: formatDate(civilFromDayNumber(fromDay + i)), carsOut: n })),
  };
}

export async function fleetReport(db: ReportDb, env: ReportEnv, query: ReportQuery): Promise<FleetReport> {
  const range = queryRange(query, env);
  return { current: await figures(db, env, range), lastYear: await figures(db, env, lastYearRange(range)) };
}
