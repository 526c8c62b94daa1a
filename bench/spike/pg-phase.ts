/**
 * The PostgreSQL half: B (async handle), C (Kysely) and raw `pg` running the same transaction, each
 * with its own pool of POOL_SIZE connections, the same 50 callers, on a private PostgreSQL 15 cluster
 * (fsync on, synchronous_commit on). Write runs start from emptied tables; the reads run on the same
 * 1 000 000 stays as the SQLite half, copied in.
 */
import pg from 'pg';
import { STAY_CONFLICT_SQL } from '../../db/queries/stay-queries';
import { NOW_MS } from '../support/hotel-dataset';
import { percentile } from '../support/stats';
import { pgAsyncDb, PG_TYPES, toPgSql } from './b-pg';
import { kyselyPg, kyselyPgWriter } from './c-kysely';
import { drizzlePgProbes } from './d-drizzle';
import { drive, mean, rotate, timeSequential } from './drive';
import type { Figures } from './figures';
import { createPgDatabase, createWriteTables, loadHotelInto, resetWriteTables } from './pg-schema';
import type { PgCluster } from './pg-cluster';
import { availabilityB, BOARD_SQL, boardB, boardK, type BoardRows, type BoardWindow } from './read-units';
import { availabilityProbes, boardShape, type PhaseOptions } from './sqlite-phase';
import { bookingK, bookingQ, rawPgUnit, stayConflictK, stockK, stockQ } from './write-units';
import { MAX_STAY_MS } from './write-input';

export const PG_CANDIDATES = ['B', 'C', 'raw pg'] as const;
export const PG_PROBE_CANDIDATES = [...PG_CANDIDATES, 'D', 'D prepared'] as const;
type Candidate = (typeof PG_CANDIDATES)[number];
export const POOL_SIZE = 10;
const HOT_STOCK = 50_000_000;

export interface PgSetup {
  cluster: PgCluster;
  config(database: string): pg.PoolConfig;
}

export async function preparePg(cluster: PgCluster, emptyHotel: string, denseHotel: string, log: (l: string) => void): Promise<PgSetup> {
  const config = (database: string): pg.PoolConfig => ({ host: cluster.host, port: cluster.port, user: 'postgres', database, types: PG_TYPES });
  const admin = new pg.Client(config('postgres'));
  await admin.connect();
  try {
    for (const name of ['writes', 'dense']) await createPgDatabase(admin, name);
  } finally {
    await admin.end();
  }
  for (const [name, load] of [
    ['writes', (c: pg.Client) => createWriteTables(c, emptyHotel, cluster.dir)],
    ['dense', (c: pg.Client) => loadHotelInto(c, denseHotel, cluster.dir, log)],
  ] as const) {
    const c = new pg.Client(config(name));
    await c.connect();
    try {
      await load(c);
    } finally {
      await c.end();
    }
  }
  return { cluster, config };
}

function writeOp(c: Candidate, pool: pg.Pool, what: 'booking' | 'stock', resourceId: number): (k: number) => Promise<unknown> {
  if (c === 'B') {
    const db = pgAsyncDb(pool);
    return what === 'booking' ? (k) => db.write(() => bookingQ(db, k)) : () => db.write(() => stockQ(db, resourceId));
  }
  if (c === 'C') {
    const w = kyselyPgWriter(kyselyPg(pool));
    return what === 'booking' ? (k) => w.write((trx) => bookingK(trx, k)) : () => w.write((trx) => stockK(trx, resourceId));
  }
  return what === 'booking' ? (k) => rawPgUnit(pool, (q) => bookingQ(q, k)) : () => rawPgUnit(pool, (q) => stockQ(q, resourceId));
}

async function checkWrites(c: pg.Client, what: 'booking' | 'stock'): Promise<string | undefined> {
  if (what === 'booking') {
    const n = (await c.query(`SELECT (SELECT count(*) FROM stays) AS stays, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM audit_log) AS audit`)).rows[0];
    return n.stays === n.outbox && n.stays === n.audit ? undefined : `inconsistent: ${JSON.stringify(n)}`;
  }
  const s = (await c.query(`SELECT total_quantity AS total, available_quantity AS available, (SELECT count(*) FROM stock_bookings) AS booked,
       (SELECT count(*) FROM outbox) AS outbox FROM stock_resources`)).rows[0];
  return s.available + s.booked === s.total && s.booked === s.outbox ? undefined : `oversold or lost: ${JSON.stringify(s)}`;
}

export async function pgWrites(what: 'booking' | 'stock', s: PgSetup, o: PhaseOptions, f: Figures): Promise<void> {
  const admin = new pg.Client(s.config('writes'));
  await admin.connect();
  const serverCpu = () => [...s.cluster.serverCpuMs().values()].reduce((a, b) => a + b, 0);
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      for (const c of rotate([...PG_CANDIDATES], rep)) {
        await resetWriteTables(admin);
        const resourceId = what === 'stock'
          ? (await admin.query(`INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at)
              VALUES ('Bike', '', $1, $1, 1, $2, $2) RETURNING id`, [HOT_STOCK, NOW_MS])).rows[0].id as number
          : 0;
        const pool = new pg.Pool({ ...s.config('writes'), max: POOL_SIZE });
        try {
          const r = await drive(o.callers, o.ms, writeOp(c, pool, what, resourceId), { serverCpu });
          const bad = await checkWrites(admin, what);
          if (bad || r.refused) throw new Error(`${what} ${c}: ${bad ?? ''} refused ${r.refused} (${r.firstError})`);
          f.add(what, 'postgres', c, rep, { perSec: r.perSec, cpuUsPerOp: r.cpuUsPerOp, serverCpuUsPerOp: r.serverCpuUsPerOp });
          o.log(`  pg ${what} rep ${rep + 1} ${c.padEnd(7)} ${r.perSec.toFixed(0)}/s, node ${r.cpuUsPerOp.toFixed(0)} µs + server ${r.serverCpuUsPerOp?.toFixed(0)} µs CPU/op`);
        } finally {
          await pool.end();
        }
      }
    }
  } finally {
    await admin.end();
  }
}

export async function pgReads(s: PgSetup, w: BoardWindow, sqliteShape: string, o: PhaseOptions, f: Figures): Promise<void> {
  const pool = new pg.Pool({ ...s.config('dense'), max: POOL_SIZE });
  try {
    const b = pgAsyncDb(pool);
    const k = kyselyPg(pool);
    const text = (q: keyof typeof BOARD_SQL) => toPgSql(BOARD_SQL[q]);
    const rawBoard = async (): Promise<BoardRows> => ({
      rooms: (await pool.query(text('rooms'))).rows,
      stays: (await pool.query(text('stays'), [w.endMs, w.startMs - w.maxStayMs, w.startMs])).rows,
      blocks: (await pool.query(text('blocks'), [w.endMs, w.startMs])).rows,
      counts: (await pool.query(text('counts'), [w.dayStart, w.dayEnd, w.dayEnd])).rows[0],
    });
    const board: Record<Candidate, () => Promise<BoardRows>> = { B: () => boardB(b, w), C: () => boardK(k, w), 'raw pg': rawBoard };
    await explainBoard(pool, text('stays'), [w.endMs, w.startMs - w.maxStayMs, w.startMs], o.log);
    for (const c of PG_CANDIDATES) {
      const got = boardShape(await board[c]());
      if (got !== sqliteShape) throw new Error(`pg board ${c}: ${got}, SQLite A: ${sqliteShape}`);
    }
    const probes = availabilityProbes();
    const rawText = toPgSql(STAY_CONFLICT_SQL);
    const d = drizzlePgProbes(pool);
    const avail: Record<(typeof PG_PROBE_CANDIDATES)[number], (i: number) => unknown> = {
      D: (i) => d.D(probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      'D prepared': (i) => d['D prepared'](probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      B: (i) => availabilityB(b, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      C: (i) => stayConflictK(k, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      'raw pg': async (i) => {
        const p = probes[i % 2000]!;
        return (await pool.query(rawText, [p.roomId, p.endMs, p.startMs - MAX_STAY_MS, p.startMs, 0])).rows[0];
      },
    };
    for (let rep = 0; rep < o.reps; rep++) {
      for (const c of rotate([...PG_CANDIDATES], rep)) {
        const t = await timeSequential(o.boardCalls, 2, board[c]);
        f.add('board', 'postgres', c, rep, { p50: percentile(t, 50), p99: percentile(t, 99), max: percentile(t, 100) });
      }
      for (const c of rotate([...PG_PROBE_CANDIDATES], rep)) {
        const n = Math.max(500, Math.floor(o.microCalls / 10));
        const call = avail[c];
        for (let i = 0; i < 200; i++) await call(i);
        const per = await timeSequential(n, 0, call);
        f.add('availability', 'postgres', c, rep, { meanUs: mean(per) * 1000, p50Us: percentile(per, 50) * 1000, p99Us: percentile(per, 99) * 1000 });
      }
      o.log(`  pg reads rep ${rep + 1}: board p50 ${PG_CANDIDATES.map((c) => `${c} ${f.values('board', 'postgres', c, 'p50').at(-1)?.toFixed(1)} ms`).join(', ')}`);
    }
  } finally {
    await pool.end();
  }
}

/** Where the board's stay query spends its time on the server: plan and execution time, logged once. */
async function explainBoard(pool: pg.Pool, text: string, values: unknown[], log: (l: string) => void): Promise<void> {
  const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values);
  const [plan] = r.rows[0]['QUERY PLAN'] as { Plan: { 'Node Type': string; 'Index Name'?: string; 'Actual Rows': number }; 'Execution Time': number; 'Planning Time': number }[];
  log(`  board stays query on PostgreSQL: ${plan!.Plan['Node Type']} ${plan!.Plan['Index Name'] ?? ''}, ${plan!.Plan['Actual Rows']} rows, `
    + `planning ${plan!['Planning Time'].toFixed(2)} ms, execution ${plan!['Execution Time'].toFixed(2)} ms (server side, warm)`);
}
