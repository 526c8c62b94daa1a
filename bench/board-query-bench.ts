/**
 * Benchmark 3: the board (`board:get`) for 300 rooms × 90 days on 10 years of history at 85 %
 * occupancy (1 000 000 stays), called in process as IPC calls it. Anchor: the same SELECTs with raw
 * better-sqlite3 prepared statements on the same connection, rows left as they come (no filtering,
 * no mapping). Also: the same board over HTTP (`GET /api/v1/board`, Fastify inject: token check +
 * zod response validation + JSON), what a browser on the LAN waits for, signed in as a staff user
 * made in a scratch copy of the dataset. The same board on PostgreSQL beside it (board-query-postgres.ts).
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildServer } from '../core/api/build-server';
import { anonymousContext, createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { createSettingsService } from '../core/settings/settings-service';
import { openDatabase, type Database as DatabaseHandle } from '../db/open-database';
import { BOARD_BLOCKS_SQL, BOARD_STAYS_SQL, DAY_COUNTS_SQL } from '../db/queries/board-queries';
import { ROOM_COLUMNS } from '../db/queries/room-queries';
import { addDays, startOfLocalDate } from '../shared/time';
import type { BenchOptions } from './support/bench-options';
import { runBoardQueryPostgres } from './board-query-postgres';
import { copyHotelTo, denseHistoryHotel, NOW_MS, scratchDir, TIME_ZONE, TODAY } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { fmt, fmtMb, fmtMs, median, percentile, timeAgainstAsync, timeCallsAsync } from './support/stats';

export const BOARD_FROM = addDays(TODAY, -30);
export const BOARD_DAYS = 90;
const CTX: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };

/** The board's SQL (db/queries/board-queries.ts, room-queries.ts), run raw as the anchor. */
const RAW_SQL = {
  rooms: `SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`,
  stays: BOARD_STAYS_SQL,
  blocks: BOARD_BLOCKS_SQL,
  counts: DAY_COUNTS_SQL,
};

/** A core on `db` as the benchmark runs it, and the board's window in instants (the raw anchors' parameters). */
export async function boardCore(db: DatabaseHandle) {
  const deps = { db, clock: () => NOW_MS, events: createEventBus() };
  const core = await createCore(deps, { settings: { timeZone: TIME_ZONE } });
  const maxStayMs = (await createSettingsService(deps)).maxStayMs();
  return {
    core,
    maxStayMs,
    startMs: startOfLocalDate(BOARD_FROM, TIME_ZONE),
    endMs: startOfLocalDate(addDays(BOARD_FROM, BOARD_DAYS), TIME_ZONE),
    dayStart: startOfLocalDate(TODAY, TIME_ZONE),
    dayEnd: startOfLocalDate(addDays(TODAY, 1), TIME_ZONE),
  };
}

// eslint-disable-next-line max-lines-per-function -- one benchmark's steps in the order its report prints them
export async function runBoardQueryBench(o: BenchOptions): Promise<BenchResult> {
  const data = await denseHistoryHotel(o.log);
  // A scratch copy: the core writes its settings at start, and the HTTP part signs a user in.
  const scratch = scratchDir('board');
  const file = copyHotelTo(data.file, scratch);
  const db = await openDatabase({ engine: 'sqlite', file });
  // The anchor: raw better-sqlite3 on the same file with the production pragmas.
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  try {
    const { core, maxStayMs, startMs, endMs, dayStart, dayEnd } = await boardCore(db);
    const stmt = {
      rooms: sqlite.prepare(RAW_SQL.rooms),
      stays: sqlite.prepare(RAW_SQL.stays),
      blocks: sqlite.prepare(RAW_SQL.blocks),
      counts: sqlite.prepare(RAW_SQL.counts),
    };
    const raw = () => ({
      rooms: stmt.rooms.all(),
      stays: stmt.stays.all(endMs, startMs - maxStayMs, startMs),
      blocks: stmt.blocks.all(endMs, startMs),
      counts: stmt.counts.get({ dayStart, dayEnd }),
    });
    const ours = () => core.handlers['board:get']({ from: BOARD_FROM, days: BOARD_DAYS }, CTX);
    // A write to a table the board reads before each timed call (untimed), on the host's own
    // connection as a desk's change is made: on SQLite the board is kept while its tables stand
    // (core/read-memo.ts), and this benchmark times building it. (A write by another connection
    // would also empty the connection's page cache, which a desk's own writes never do.) What a
    // desk asking again unchanged waits for is timed apart below (`kept`).
    const touch = () => db.run('UPDATE guest_rooms SET floor = floor WHERE id = (SELECT min(id) FROM guest_rooms)');

    const a = raw();
    const b = await ours();
    if (a.rooms.length !== b.rooms.length || a.stays.length !== b.stays.id.length || JSON.stringify(a.counts) !== JSON.stringify(b.counts)) {
      throw new Error(`raw and board:get disagree: ${a.rooms.length}/${b.rooms.length} rooms, ${a.stays.length}/${b.stays.id.length} stays`);
    }

    const calls = o.quick ? 8 : 15;
    const { ours: oursRuns, anchor: rawRuns } = await timeAgainstAsync(o.runs, calls, ours, raw, touch);
    const kept = await timeCallsAsync(calls, ours);
    const keptP50 = median(kept);
    const oursP50 = median(oursRuns.map((x) => median(x)));
    const rawP50 = median(rawRuns.map((x) => median(x)));
    const oursMax = median(oursRuns.map((x) => percentile(x, 100)));
    const ratio = rawP50 / oursP50;

    // The same board over HTTP, in process (inject): what the LAN browser waits for before rendering,
    // signed in as a staff user made in the scratch copy.
    const app = await buildServer(core, {});
    const url = `/api/v1/board?from=${BOARD_FROM}&days=${BOARD_DAYS}`;
    const httpRuns: number[] = [];
    const httpKept: number[] = [];
    let first: Awaited<ReturnType<typeof app.inject>>;
    try {
      const password = 'Board-Bench-Desk-2026';
      await core.users.create({ username: 'board.bench', email: 'board.bench@example.test', password, role: 'staff' }, CTX);
      const { access_token: token } = await core.auth.login({ username: 'board.bench', password }, anonymousContext('http', '127.0.0.1'));
      // A user an admin created changes the initial password at the first sign-in, as at the desk.
      const changed = await app.inject({
        method: 'POST', url: '/api/v1/me/password', headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: password, newPassword: 'Board-Bench-Desk-2026-own' },
      });
      if (changed.statusCode !== 200) throw new Error(`POST /api/v1/me/password: ${changed.statusCode} ${changed.body.slice(0, 200)}`);
      const get = () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      first = await get();
      if (first.statusCode !== 200) throw new Error(`GET ${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      for (let i = 0; i < (o.quick ? 5 : 10); i++) {
        await touch();
        const t0 = performance.now();
        await get();
        httpRuns.push(performance.now() - t0);
      }
      httpKept.push(...(await timeCallsAsync(o.quick ? 5 : 10, get)));
    } finally {
      await app.close();
    }
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${RAW_SQL.stays}`).all(0, 0, 0) as { detail: string }[]).map((x) => x.detail).join('; ');
    const scanned = (sqlite.prepare('SELECT count(*) AS n FROM stays WHERE checkin_ms < ? AND checkin_ms > ?').get(endMs, startMs - maxStayMs) as { n: number }).n;
    sqlite.close();
    await db.close();
    const postgres = await runBoardQueryPostgres(o, data, { from: BOARD_FROM, days: BOARD_DAYS, startMs, endMs, maxStayMs, dayStart, dayEnd, expected: b });

    return {
      id: 3,
      title: 'Board query, 300 rooms × 90 days',
      checks: [
        { label: 'board:get p50', ours: fmtMs(oursP50), target: '≤ 25 ms', pass: oursP50 <= 25 },
        { label: 'vs the raw SELECTs', ours: fmtMs(oursP50), anchor: fmtMs(rawP50), ratio: fmt(ratio), target: '≥ 0.7', pass: ratio >= 0.7 },
        { label: 'board:get asked again, nothing changed (kept), p50', ours: fmtMs(keptP50), target: 'measured', pass: null },
        ...postgres.checks,
      ],
      figures: [
        `${data.stays.toLocaleString('en')} stays (${data.liveStays.toLocaleString('en')} sold, ${(data.occupancy * 100).toFixed(1)} % of room-nights over 10 years); board ${BOARD_FROM} + ${BOARD_DAYS} days: ${b.rooms.length} rooms, ${b.stays.id.length} stays, today's counts ${JSON.stringify(b.counts)}.`,
        `${o.runs} runs × ${calls} calls; p50 = median of the runs' medians. Ours p50 ${fmtMs(oursP50)} (max ${fmtMs(oursMax)}), raw SELECTs p50 ${fmtMs(rawP50)}; ratio raw ÷ ours ${fmt(ratio)}.`,
        `The stay query scans ${scanned.toLocaleString('en')} index entries (window + one maximum stay of ${maxStayMs / 86_400_000} days) to return ${b.stays.id.length}; plan \`${plan}\`.`,
        `Each timed call follows a write to a room on the host's connection (untimed), so the board is built every time; asked again with nothing changed, the kept board (core/read-memo.ts) answers in ${fmtMs(keptP50)} p50 in process.`,
        `Over HTTP (inject, signed in, ${fmtMb(first.rawPayload.length)} of JSON): p50 ${fmtMs(median(httpRuns))} built, ${fmtMs(median(httpKept))} kept.`,
        ...postgres.figures,
      ],
    };
  } finally {
    if (sqlite.open) sqlite.close();
    await db.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}
