/**
 * Benchmark 3 on PostgreSQL (issue 16 item 8): `board:get` for 300 rooms × 90 days on the same
 * dense hotel (1 000 000 stays) copied into the benchmarks' PostgreSQL cluster by `db:copy`, through
 * a core on PostgreSQL, against the same SQL text (as the engine rewrites it) prepared on one plain
 * `pg` client. Target: p50 ≤ 40 ms. The board must be the one SQLite answered, byte for byte.
 */
import pg from 'pg';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { pgValues, toPgStatement, type PgStatement } from '../db/engine/postgres-sql';
import { openDatabase } from '../db/open-database';
import { BOARD_BLOCKS_SQL, BOARD_STAYS_SQL_POSTGRES, DAY_COUNTS_SQL } from '../db/queries/board-queries';
import { ROOM_COLUMNS } from '../db/queries/room-queries';
import type { BenchOptions } from './support/bench-options';
import { postgresCopyOf } from './support/bench-postgres';
import { NOW_MS, TIME_ZONE, type DatasetInfo } from './support/hotel-dataset';
import type { Check } from './support/report';
import { fmt, fmtMs, median, percentile, timeAgainstAsync } from './support/stats';

const CTX: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };

export interface BoardWindow {
  from: string;
  days: number;
  startMs: number;
  endMs: number;
  maxStayMs: number;
  dayStart: number;
  dayEnd: number;
  /** SQLite's answer for the same window. */
  expected: unknown;
}

export async function runBoardQueryPostgres(o: BenchOptions, data: DatasetInfo, w: BoardWindow): Promise<{ checks: Check[]; figures: string[] }> {
  const url = await postgresCopyOf(data, o.log);
  const db = await openDatabase({ engine: 'postgres', url });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    const sql = {
      rooms: toPgStatement(`SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`),
      stays: toPgStatement(BOARD_STAYS_SQL_POSTGRES),
      blocks: toPgStatement(BOARD_BLOCKS_SQL),
      counts: toPgStatement(DAY_COUNTS_SQL),
    };
    const q = (s: PgStatement, ...params: unknown[]) => raw.query({ name: s.name, text: s.text, values: pgValues(s, params) });
    const anchor = async () => ({
      rooms: (await q(sql.rooms)).rows,
      stays: (await q(sql.stays, w.endMs, w.startMs - w.maxStayMs, w.startMs)).rows,
      blocks: (await q(sql.blocks, w.endMs, w.startMs)).rows,
      counts: (await q(sql.counts, { dayStart: w.dayStart, dayEnd: w.dayEnd })).rows[0],
    });
    const ours = () => core.handlers['board:get']({ from: w.from, days: w.days }, CTX);
    const a = await anchor();
    const b = await ours();
    if (a.rooms.length !== b.rooms.length || a.stays.length !== b.stays.id.length) {
      throw new Error(`raw pg and board:get disagree: ${a.rooms.length}/${b.rooms.length} rooms, ${a.stays.length}/${b.stays.id.length} stays`);
    }
    const same = JSON.stringify(b) === JSON.stringify(w.expected);
    const calls = o.quick ? 8 : 15;
    const runs = await timeAgainstAsync(o.runs, calls, ours, anchor);
    const oursP50 = median(runs.ours.map((x) => median(x)));
    const rawP50 = median(runs.anchor.map((x) => median(x)));
    const oursMax = median(runs.ours.map((x) => percentile(x, 100)));
    const plan = (await raw.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${sql.stays.text}`, values: [w.endMs, w.startMs - w.maxStayMs, w.startMs] })).rows
      .map((r) => r['QUERY PLAN'].trim())
      .join('; ');
    return {
      checks: [
        { label: 'PostgreSQL: board:get p50', ours: fmtMs(oursP50), target: '≤ 40 ms', pass: oursP50 <= 40 },
        { label: 'PostgreSQL: vs the raw SELECTs (pg)', ours: fmtMs(oursP50), anchor: fmtMs(rawP50), ratio: fmt(rawP50 / oursP50), target: 'measured', pass: null },
        { label: 'PostgreSQL: same board as SQLite', ours: same ? 'identical' : 'DIFFERS', target: 'identical', pass: same },
      ],
      figures: [
        `PostgreSQL (${db.version}, the same hotel copied by db:copy): ${o.runs} runs × ${calls} calls; ours p50 ${fmtMs(oursP50)} (max ${fmtMs(oursMax)}), raw pg p50 ${fmtMs(rawP50)}. Stay query plan: \`${plan}\`.`,
      ],
    };
  } finally {
    await raw.end();
    await db.close();
  }
}
