/**
 * Benchmark 2 on PostgreSQL (issue 16 item 8): the same availability check (`findOccupancyConflict`
 * through the engine seam: the core's pool, its prepared statements) for the same room and nights
 * of the same dense hotel, copied into the benchmarks' PostgreSQL cluster by `db:copy`. On PostgreSQL
 * the check is one statement (the stay and the block query in one UNION ALL: one round trip). Anchor:
 * the same SQL text, as the engine rewrites it, prepared on one plain `pg` client. Each check is timed
 * alone, from the call to its answer, one after the other (no other work in flight). Target: p99 ≤ 250 µs.
 */
import pg from 'pg';
import { openDatabase } from '../db/open-database';
import { toPgStatement } from '../db/engine/postgres-sql';
import { findOccupancyConflict, OCCUPANCY_CONFLICT_SQL } from '../db/queries/stay-queries';
import type { BenchOptions } from './support/bench-options';
import { postgresCopyOf } from './support/bench-postgres';
import type { DatasetInfo } from './support/hotel-dataset';
import type { Check } from './support/report';
import { shuffled, timeAsync, type Interval } from './support/intervals';
import { fmt, fmtMs, median, percentile } from './support/stats';

const ROOM_ID = 150;

const time = (intervals: Interval[], check: (s: number, e: number) => Promise<unknown>) => timeAsync(intervals, check, 1000);

export async function runAvailabilityPostgres(
  o: BenchOptions,
  data: DatasetInfo,
  nights: { taken: Interval[]; free: Interval[] },
  maxStayMs: number,
): Promise<{ checks: Check[]; figures: string[] }> {
  const url = await postgresCopyOf(data, o.log);
  const db = await openDatabase({ engine: 'postgres', url });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    const check = toPgStatement(OCCUPANCY_CONFLICT_SQL);
    const values = (s: number, e: number) => [ROOM_ID, e, s - maxStayMs, s, 0, ROOM_ID, e, s, 0];
    const anchor = async (s: number, e: number) => (await raw.query({ name: check.name, text: check.text, values: values(s, e) })).rows[0];
    const ours = (s: number, e: number) => findOccupancyConflict(db, ROOM_ID, s, e, maxStayMs);
    // The split was made on SQLite: the copy must agree night by night, or it is not the same hotel.
    for (const [s, e] of nights.taken) if (!(await ours(s, e))) throw new Error('PostgreSQL finds a taken night free: the copy differs');
    for (const [s, e] of nights.free) if (await ours(s, e)) throw new Error('PostgreSQL finds a free night taken: the copy differs');
    const perRun = o.quick ? 2000 : 5000;
    const runs = { oursTaken: [] as Float64Array[], oursFree: [] as Float64Array[], rawTaken: [] as Float64Array[], rawFree: [] as Float64Array[] };
    for (let r = 0; r < o.runs; r++) {
      const taken = shuffled(nights.taken, 500 + r, perRun);
      const free = shuffled(nights.free, 600 + r, perRun);
      const pairs: [Float64Array[], () => Promise<Float64Array>][] = [
        [runs.rawTaken, () => time(taken, anchor)], [runs.oursTaken, () => time(taken, ours)],
        [runs.rawFree, () => time(free, anchor)], [runs.oursFree, () => time(free, ours)],
      ];
      for (const [into, measure] of r % 2 ? pairs.reverse() : pairs) into.push(await measure());
    }
    const p = (runsOf: Float64Array[], q: number) => median(runsOf.map((x) => percentile(x, q)));
    const t = { ours: p(runs.oursTaken, 99), raw: p(runs.rawTaken, 99) };
    const f = { ours: p(runs.oursFree, 99), raw: p(runs.rawFree, 99) };
    const [s, e] = nights.taken[0]!;
    const plan = (await raw.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) ${check.text}`, values: values(s, e) })).rows
      .map((r) => r['QUERY PLAN'].trim())
      .join('; ');
    return {
      checks: [
        { label: 'PostgreSQL: taken night, p99', ours: fmtMs(t.ours), anchor: fmtMs(t.raw), ratio: fmt(t.raw / t.ours), target: '≤ 250 µs', pass: t.ours <= 0.25 },
        { label: 'PostgreSQL: free night, p99', ours: fmtMs(f.ours), anchor: fmtMs(f.raw), ratio: fmt(f.raw / f.ours), target: '≤ 250 µs', pass: f.ours <= 0.25 },
      ],
      figures: [
        `PostgreSQL (${db.version}, the same hotel copied by db:copy): ${perRun} checks per case per run; ours p50 ${fmtMs(p(runs.oursTaken, 50))} taken / ${fmtMs(p(runs.oursFree, 50))} free, raw pg p50 ${fmtMs(p(runs.rawTaken, 50))} / ${fmtMs(p(runs.rawFree, 50))}. Plan of a taken night: \`${plan}\`.`,
      ],
    };
  } finally {
    await raw.end();
    await db.close();
  }
}
