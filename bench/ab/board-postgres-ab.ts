/**
 * Where benchmark 3's PostgreSQL time goes (issue 16 item 8): `board:get` on the dense hotel's
 * PostgreSQL copy beside the raw SELECTs on one `pg` client (in turn, as the benchmark runs them) and
 * on a pool (at once, as the service asks them), taking turns in each round. `--profile` writes a
 * CPU profile of `board:get` alone to bench/.cache/work/board-postgres.cpuprofile. `--main <dir>`
 * adds `board:get` of another checkout (main's, in a worktree of its own) on a core of its own in
 * this process, taking turns with this one's; `--board-only` leaves the raw variants out. Beside each
 * variant: this process's CPU per call and the PostgreSQL cluster's (its backends', from /proc).
 * `--parts [1,2,3]`: the stay query alone, as the board asks it, in 1, 2 and 3 ranges at once (or the counts given).
 *
 *   npx tsx bench/ab/board-postgres-ab.ts [--rounds 5] [--calls 15] [--profile] [--main ../wt-main] [--board-only] [--parts [1,2,3]]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { CallContext } from '../../core/context';
import { pgValues, toPgStatement, type PgStatement } from '../../db/engine/postgres-sql';
import { openDatabase } from '../../db/open-database';
import { BOARD_BLOCKS_SQL, BOARD_STAYS_SQL_POSTGRES, boardStays, DAY_COUNTS_SQL } from '../../db/queries/board-queries';
import { ROOM_COLUMNS } from '../../db/queries/room-queries';
import { BOARD_DAYS, BOARD_FROM, boardCore } from '../board-query-bench';
import { postgresCopyOf, stopBenchPostgres } from '../support/bench-postgres';
import { CACHE_DIR, denseHistoryHotel } from '../support/hotel-dataset';
import { startProfile } from '../support/cpu-profile';
import { cpuMeter, postgresPids } from '../support/cpu-time';
import { median, takingTurns } from '../support/stats';

const CTX: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 5);
const calls = arg('calls', 15);
/** `--parts 1,2,3`: the part counts `--parts` compares (default 1, 2 and 3). */
const partsList = process.argv[process.argv.indexOf('--parts') + 1] ?? '';
const PARTS = /^\d+(,\d+)*$/.test(partsList) ? partsList.split(',').map(Number) : [1, 2, 3];

const data = await denseHistoryHotel((l) => console.log(l));
const url = await postgresCopyOf(data, (l) => console.log(l));
const db = await openDatabase({ engine: 'postgres', url });
const { core, maxStayMs, startMs, endMs, dayStart, dayEnd } = await boardCore(db);

const raw = new pg.Client({ connectionString: url });
await raw.connect();
const pool = new pg.Pool({ connectionString: url, max: 4 });
const sql = {
  rooms: toPgStatement(`SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`),
  stays: toPgStatement(BOARD_STAYS_SQL_POSTGRES),
  blocks: toPgStatement(BOARD_BLOCKS_SQL),
  counts: toPgStatement(DAY_COUNTS_SQL),
};
const cfg = (s: PgStatement, ...params: unknown[]) => ({ name: s.name, text: s.text, values: pgValues(s, params) });
const params = {
  rooms: [] as unknown[],
  stays: [endMs, startMs - maxStayMs, startMs],
  blocks: [endMs, startMs],
  counts: [{ dayStart, dayEnd }],
};
const keys = ['rooms', 'stays', 'blocks', 'counts'] as const;

const mainDir = (() => {
  const i = process.argv.indexOf('--main');
  return i > 0 ? process.argv[i + 1]! : undefined;
})();
const boardOnly = process.argv.includes('--board-only');
const variants: Record<string, () => Promise<unknown>> = {
  'raw pg, one client, in turn': async () => {
    for (const k of keys) await raw.query(cfg(sql[k], ...params[k]));
  },
  'raw pg, pool, at once': async () => await Promise.all(keys.map((k) => pool.query(cfg(sql[k], ...params[k])))),
  'raw pg, stays alone': async () => await raw.query(cfg(sql.stays, ...params.stays)),
  'raw pg, stays alone, rowMode array': async () => await raw.query({ ...cfg(sql.stays, ...params.stays), rowMode: 'array' }),
  'board:get': async () => await core.handlers['board:get']({ from: BOARD_FROM, days: BOARD_DAYS }, CTX),
};
// The stay query alone as the board asks it on PostgreSQL, in PARTS ranges at once (`--parts`).
if (process.argv.includes('--parts')) {
  for (const parts of PARTS) variants[`boardStays, ${parts} part(s)`] = async () => await boardStays(db, startMs, endMs, maxStayMs, parts);
}
if (boardOnly) for (const k of Object.keys(variants)) if (!k.startsWith('board')) delete variants[k];
if (mainDir) {
  // Main's own modules, resolved from its tree: its core, its engine, its board query.
  const other = (await import(join(mainDir, 'bench/board-query-bench.ts'))) as { boardCore: typeof boardCore };
  const { openDatabase: openOther } = (await import(join(mainDir, 'db/open-database.ts'))) as { openDatabase: typeof openDatabase };
  const mainCore = (await other.boardCore(await openOther({ engine: 'postgres', url }))).core;
  variants['board:get (main)'] = async () => await mainCore.handlers['board:get']({ from: BOARD_FROM, days: BOARD_DAYS }, CTX);
  const a = JSON.stringify(await variants['board:get']!());
  const b = JSON.stringify(await variants['board:get (main)']!());
  console.log(`this tree's board and main's: ${a === b ? 'identical' : 'DIFFER'} (${a.length} bytes of JSON)`);
}
// The cluster's CPU per call, read from /proc at each round's first and last call.
const clusterCpu = new Map<string, number[]>();
const pgPids = () => postgresPids(join(CACHE_DIR, 'postgres', 'data'));
const metered = Object.fromEntries(
  Object.entries(variants).map(([name, f]) => {
    let stop: (() => number) | undefined;
    return [
      name,
      async (i: number) => {
        if (i === 0) stop = cpuMeter(pgPids);
        await f();
        if (i === calls - 1 && stop) (clusterCpu.get(name) ?? clusterCpu.set(name, []).get(name)!).push((stop() * 1e3) / calls);
      },
    ];
  }),
);

for (const f of Object.values(variants)) for (let i = 0; i < 3; i++) await f();

if (process.argv.includes('--explain')) {
  const plan = await raw.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${sql.stays.text}`, values: pgValues(sql.stays, params.stays) });
  console.log(plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
}

if (process.argv.includes('--profile')) {
  const out = join(CACHE_DIR, 'work', 'board-postgres.cpuprofile');
  const profiling = await startProfile({ keepAt: out, intervalUs: 100 });
  for (let i = 0; i < calls * rounds; i++) await variants['board:get']!();
  await profiling.stop();
  console.log(`profile: ${out}`);
}

const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
for (const [name, f] of await takingTurns(metered, rounds, calls)) {
  console.log(
    `${name.padEnd(40)} p50 ${median(f.wallMs).toFixed(1)} ms  (rounds: ${f.wallMs.map((x) => x.toFixed(1)).join(', ')}); CPU per call: this process ${(median(f.cpuUs) / 1000).toFixed(1)} ms, PostgreSQL ${median(clusterCpu.get(name) ?? [0]).toFixed(1)} ms`,
  );
}
console.log(`load average before ${load0}, after ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
await raw.end();
await pool.end();
await db.close();
stopBenchPostgres();
