/**
 * The stock report (issue 17 §1; docs/reports.md): per resource, the loans made in a period, the
 * quantity lent, utilisation (quantity × time out ÷ quantity owned × the period) and the loans that
 * were due back in it but came back late or are still out; utilisation by day; the same days last
 * year beside it. Runs in the export worker too.
 */
import type { ReportDb } from '../../db/queries/report-queries';
import { reportStockResources, stockLoansOverlapping, type StockLoan } from '../../db/queries/report-stock-queries';
import type { ReportQuery, StockFigures, StockReport } from '../../shared/contract/reports';
import { daysOf, lastYearRange, ratio, type DateRange } from '../../shared/rules/report-rules';
import { startOfLocalDate } from '../../shared/time';
import { periodSpan, queryRange, type ReportEnv } from './report-period';

type Resources = Awaited<ReturnType<typeof reportStockResources>>;

/** A loan's time out, cut to [a, b): from its booking to its return (or now, while it is out). */
function outMs(loan: StockLoan, a: number, b: number, nowMs: number): number {
  const end = loan.closedMs === null ? nowMs : Number(loan.closedMs);
  return Math.max(0, Math.min(end, b) - Math.max(Number(loan.bookedMs), a));
}

/** Due back in [a, b), and back after its time (or still out past it). */
function overdue(loan: StockLoan, a: number, b: number, nowMs: number): boolean {
  if (loan.returnByMs === null) return false;
  const due = Number(loan.returnByMs);
  return due >= a && due < b && (loan.closedMs === null ? nowMs > due : Number(loan.closedMs) > due);
}

async function figures(db: ReportDb, env: ReportEnv, range: DateRange, resources: Resources): Promise<StockFigures> {
  const { startMs, endMs, days } = periodSpan(range, env.timeZone);
  const loans = await stockLoansOverlapping(db, startMs, endMs);
  const dates = daysOf(range);
  const edges = [...dates.map((d) => startOfLocalDate(d, env.timeZone)), endMs];
  const dayLoans = new Array<number>(days).fill(0);
  const dayOut = new Array<number>(days).fill(0);
  const rows = new Map(
    resources
      .filter((r) => r.active || loans.some((l) => Number(l.resourceId) === Number(r.id)))
      .map((r) => [Number(r.id), { id: Number(r.id), name: r.name, totalQuantity: Number(r.totalQuantity), loans: 0, quantityLent: 0, utilisation: 0, overdue: 0, outMs: 0 }]),
  );
  for (const loan of loans) {
    const row = rows.get(Number(loan.resourceId))!;
    const q = Number(loan.quantity);
    const booked = Number(loan.bookedMs);
    if (booked >= startMs) {
      row.loans++;
      row.quantityLent += q;
    }
    if (overdue(loan, startMs, endMs, env.nowMs)) row.overdue++;
    row.outMs += q * outMs(loan, startMs, endMs, env.nowMs);
    // The days it was out (a bike may be out for weeks: only those days are visited).
    for (let i = Math.max(0, edges.findIndex((e) => e > booked) - 1); i < days && edges[i]! < (loan.closedMs === null ? env.nowMs : Number(loan.closedMs)); i++) {
      if (booked >= edges[i]! && booked < edges[i + 1]!) dayLoans[i]!++;
      dayOut[i]! += q * outMs(loan, edges[i]!, edges[i + 1]!, env.nowMs);
    }
  }
  const owned = [...rows.values()].reduce((n, r) => n + r.totalQuantity, 0);
  const byResource = [...rows.values()].map(({ outMs: out, ...r }) => ({ ...r, utilisation: ratio(out, r.totalQuantity * (endMs - startMs)) }));
  const total = (pick: (r: (typeof byResource)[number]) => number) => byResource.reduce((n, r) => n + pick(r), 0);
  const allOut = [...rows.values()].reduce((n, r) => n + r.outMs, 0);
  return {
    from: range.from, to: range.to, days,
    loans: total((r) => r.loans), quantityLent: total((r) => r.quantityLent), utilisation: ratio(allOut, owned * (endMs - startMs)), overdue: total((r) => r.overdue),
    byResource,
    byDay: dates.map((date, i) => ({ date, loans: dayLoans[i]!, utilisation: ratio(dayOut[i]!, owned * (edges[i + 1]! - edges[i]!)) })),
  };
}

export async function stockReport(db: ReportDb, env: ReportEnv, query: ReportQuery): Promise<StockReport> {
  const range = queryRange(query, env);
  const resources = await reportStockResources(db);
  return { current: await figures(db, env, range, resources), lastYear: await figures(db, env, lastYearRange(range), resources) };
}
