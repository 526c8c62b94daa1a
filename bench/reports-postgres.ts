/**
 * Benchmark 13 on PostgreSQL: `reports:rooms` for a year beside the year before on the dense hotel
 * copied into the benchmarks' cluster by `db:copy`, through a core on PostgreSQL. Target: p50 ≤ 200
 * ms, and the very answer SQLite gave, byte for byte.
 */
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { openDatabase } from '../db/open-database';
import { ROOMS_STAY_GROUPS_SQL } from '../db/queries/report-queries';
import { pgValues, toPgStatement } from '../db/engine/postgres-sql';
import type { ReportQuery } from '../shared/contract/reports';
import type { BenchOptions } from './support/bench-options';
import { postgresCopyOf } from './support/bench-postgres';
import { NOW_MS, TIME_ZONE, type DatasetInfo } from './support/hotel-dataset';
import type { Check } from './support/report';
import { fmtMs, median, percentile, timeCallsAsync } from './support/stats';

const CTX: CallContext = { actor: { userId: null, username: 'manager', role: 'admin' }, via: 'ipc' };

export async function runReportsPostgres(o: BenchOptions, data: DatasetInfo, w: { query: ReportQuery; expected: unknown; bounds: { startMs: number; endMs: number; lowMs: number } }): Promise<{ checks: Check[]; figures: string[] }> {
  const url = await postgresCopyOf(data, o.log);
  const db = await openDatabase({ engine: 'postgres', url });
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    const ours = () => core.handlers['reports:rooms'](w.query, CTX);
    const same = JSON.stringify(await ours()) === JSON.stringify(w.expected);
    const calls = o.quick ? 6 : 12;
    const runs: Float64Array[] = [];
    for (let r = 0; r < o.runs; r++) runs.push(await timeCallsAsync(calls, ours));
    const p50 = median(runs.map((x) => median(x)));
    const max = median(runs.map((x) => percentile(x, 100)));
    // The plan for the year's own bounds, written into the text (EXPLAIN takes no parameters on PostgreSQL 15).
    const statement = toPgStatement(ROOMS_STAY_GROUPS_SQL);
    const values = pgValues(statement, [w.bounds]);
    const text = statement.text.replace(/\$(\d+)/g, (_, n: string) => String(values[Number(n) - 1]));
    const plan = (await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`)).map((r) => r['QUERY PLAN'].trim()).join('; ');
    return {
      checks: [
        { label: 'reports:rooms p50 (PostgreSQL)', ours: fmtMs(p50), target: '≤ 200 ms', pass: p50 <= 200 },
        { label: 'PostgreSQL: same report as SQLite', ours: same ? 'identical' : 'DIFFERS', target: 'identical', pass: same },
      ],
      figures: [`PostgreSQL (${db.version}, the same hotel copied by db:copy, then VACUUM ANALYZE): ${o.runs} runs × ${calls} calls; p50 ${fmtMs(p50)} (max ${fmtMs(max)}). Sold-stays plan: \`${plan}\`.`],
    };
  } finally {
    await db.close();
  }
}
