/**
 * Benchmark 13: the rooms report (`reports:rooms`, issue 17 §1) for a whole year beside the year
 * before, on the dense hotel (300 rooms, 1 000 000 stays over 10 years), called in process as IPC
 * calls it. Anchor: the report's own SQL (db/queries/report-queries.ts) for both years with raw
 * better-sqlite3 prepared statements, rows left as they come: what the report adds is turning a few
 * thousand groups into days and figures. Targets: ≤ 100 ms on SQLite, ≤ 200 ms on PostgreSQL
 * (reports-postgres.ts, the same hotel copied by db:copy, the same answer byte for byte), and the
 * Reports screen responsive while a three-year daily chart draws (report-chart-bench.ts).
 *
 *   npm run bench -- --only 13 [--quick]
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { openDatabase } from '../db/open-database';
import { LOST_ARRIVALS_SQL, ROOMS_STAY_GROUPS_SQL } from '../db/queries/report-queries';
import { lastYearRange } from '../shared/rules/report-rules';
import { addDays, startOfLocalDate } from '../shared/time';
import type { BenchOptions } from './support/bench-options';
import { runReportChartBench } from './report-chart-bench';
import { runReportsPostgres } from './reports-postgres';
import { copyHotelTo, denseHistoryHotel, NOW_MS, scratchDir, TIME_ZONE, TODAY } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { fmt, fmtMs, median, percentile, timeAgainstAsync } from './support/stats';

const CTX: CallContext = { actor: { userId: null, username: 'manager', role: 'admin' }, via: 'ipc' };
/** The last whole year of the hotel's history (its last four months are booked ahead). */
export const REPORT_YEAR = { period: 'range' as const, from: addDays(TODAY, -365 - 60), to: addDays(TODAY, -61) };

export async function runReportsBench(o: BenchOptions): Promise<BenchResult> {
  const data = await denseHistoryHotel(o.log);
  const scratch = scratchDir('reports');
  const file = copyHotelTo(data.file, scratch);
  const db = await openDatabase({ engine: 'sqlite', file });
  const sqlite = new Database(file, { readonly: true });
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    const maxStayMs = core.settings.maxStayMs();
    const spans = [REPORT_YEAR, lastYearRange(REPORT_YEAR)].map((r) => ({
      startMs: startOfLocalDate(r.from, TIME_ZONE),
      endMs: startOfLocalDate(addDays(r.to, 1), TIME_ZONE),
    }));
    const groups = sqlite.prepare(ROOMS_STAY_GROUPS_SQL);
    const lost = sqlite.prepare(LOST_ARRIVALS_SQL);
    const rooms = sqlite.prepare('SELECT category, count(*) AS rooms FROM guest_rooms WHERE active = 1 GROUP BY category ORDER BY category');
    // In one read transaction, as the report's queries run (db.read).
    const raw = sqlite.transaction(() => {
      const out: unknown[] = [rooms.all()];
      for (const s of spans) out.push(groups.all({ ...s, lowMs: s.startMs - maxStayMs }), lost.all(s));
      return out;
    });
    const ours = () => core.handlers['reports:rooms'](REPORT_YEAR, CTX);
    const first = await ours();
    const groupRows = (raw()[1] as unknown[]).length;
    const calls = o.quick ? 6 : 12;
    const runs = await timeAgainstAsync(o.runs, calls, ours, raw);
    const oursP50 = median(runs.ours.map((x) => median(x)));
    const rawP50 = median(runs.anchor.map((x) => median(x)));
    const oursMax = median(runs.ours.map((x) => percentile(x, 100)));
    const plan = (q: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all({ startMs: 0, endMs: 0, lowMs: 0 }) as { detail: string }[]).map((r) => r.detail).join('; ');
    const plans = `\`${plan(ROOMS_STAY_GROUPS_SQL)}\` and \`${plan(LOST_ARRIVALS_SQL)}\``;
    sqlite.close();
    await db.close();

    const postgres = await runReportsPostgres(o, data, { query: REPORT_YEAR, expected: first, bounds: { ...spans[0]!, lowMs: spans[0]!.startMs - maxStayMs } });
    const chart = await runReportChartBench(o, data);
    return {
      id: 13,
      title: 'Rooms report: a year beside the year before, 1 000 000 stays',
      checks: [
        { label: 'reports:rooms p50 (SQLite)', ours: fmtMs(oursP50), target: '≤ 100 ms', pass: oursP50 <= 100 },
        { label: 'vs its raw SELECTs', ours: fmtMs(oursP50), anchor: fmtMs(rawP50), ratio: fmt(rawP50 / oursP50), target: 'measured', pass: null },
        ...postgres.checks,
        ...chart.checks,
      ],
      figures: [
        `${REPORT_YEAR.from} – ${REPORT_YEAR.to} beside the same days a year earlier: ${first.current.roomsSold.toLocaleString('en')} room-nights sold, occupancy ${(first.current.occupancy * 100).toFixed(1)} %, ADR ${first.current.adr}; the sold-stays query returns ${groupRows.toLocaleString('en')} groups for a year.`,
        `SQLite: ${o.runs} runs × ${calls} calls; ours p50 ${fmtMs(oursP50)} (max ${fmtMs(oursMax)}), the raw SELECTs of both years p50 ${fmtMs(rawP50)}. Plans: ${plans}.`,
        ...postgres.figures,
        ...chart.figures,
      ],
    };
  } finally {
    if (sqlite.open) sqlite.close();
    await db.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}
