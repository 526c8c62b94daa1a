/**
 * Benchmark 2's availability check (`findOccupancyConflict` through the engine, as the booking and
 * the desk's dialogs call it) from two or more checkouts, each its own code, taking turns in one
 * process on one copy of the dense hotel: room 150's taken and free nights of the last year, as
 * benchmark 2 asks them. Every checkout's answers are first checked against a plain scan of the
 * room's stays (a taken night finds something, a free night nothing); then per turn and checkout
 * p50 and p99 of each case.
 *
 *   npx tsx bench/ab/availability-ab.ts [--turns 4] [--checks 20000] <checkout> [<checkout> …]
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { lastYearNights, shuffled, timeAsync, type Interval } from '../support/intervals';
import { copyHotelTo, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';
import { fmt, percentile } from '../support/stats';

const ROOM_ID = 150;
const DAY = 86_400_000;

interface Engine {
  close(): Promise<void>;
}
type Check = (db: Engine, roomId: number, startMs: number, endMs: number, maxStayMs: number) => Promise<unknown>;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { turns: { type: 'string', default: '4' }, checks: { type: 'string', default: '20000' } } });
if (positionals.length === 0) throw new Error('usage: availability-ab.ts [--turns 4] [--checks 20000] <checkout> [<checkout> …]');

const data = await denseHistoryHotel((line) => console.log(line));
const scratch = scratchDir('availability-ab');
const file = copyHotelTo(data.file, scratch);
const raw = new Database(file, { readonly: true });
const maxStayMs = Number((raw.prepare(`SELECT value FROM settings WHERE key = 'maxStayNights'`).get() as { value: string }).value) * DAY;
const stays = raw.prepare(`SELECT checkin_ms AS a, checkout_ms AS b FROM stays NOT INDEXED WHERE room_id = ? AND status IN ('booked', 'checked_in', 'checked_out')`).all(ROOM_ID) as { a: number; b: number }[];
const blocks = raw.prepare('SELECT starts_ms AS a, ends_ms AS b FROM room_blocks WHERE room_id = ?').all(ROOM_ID) as { a: number; b: number }[];
raw.close();
const overlaps = ([s, e]: Interval) => [...stays, ...blocks].some((x) => x.a < e && s < x.b);

// The nights benchmark 2 asks about.
const taken: Interval[] = [];
const free: Interval[] = [];
for (const night of lastYearNights()) (overlaps(night) ? taken : free).push(night);

const checkouts = await Promise.all(
  positionals.map(async (dir) => {
    const root = resolve(dir);
    const { openDatabase } = (await import(join(root, 'db/open-database.ts'))) as { openDatabase: (o: { engine: 'sqlite'; file: string }) => Promise<Engine> };
    const { findOccupancyConflict } = (await import(join(root, 'db/queries/stay-queries.ts'))) as { findOccupancyConflict: Check };
    const db = await openDatabase({ engine: 'sqlite', file });
    for (const [nights, isTaken] of [[taken, true], [free, false]] as const) {
      for (const [s, e] of nights) {
        if (Boolean(await findOccupancyConflict(db, ROOM_ID, s, e, maxStayMs)) !== isTaken) throw new Error(`${dir}: the check disagrees with a plain scan`);
      }
    }
    return { name: dir, db, check: (s: number, e: number) => findOccupancyConflict(db, ROOM_ID, s, e, maxStayMs) };
  }),
);
console.log(`room ${ROOM_ID}: ${taken.length} taken and ${free.length} free nights; every checkout agrees with a plain scan; load average ${fmt(loadavg()[0]!)}`);

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const checks = Number(values.checks);
try {
  for (let turn = 1; turn <= Number(values.turns); turn++) {
    // Each turn a different order, so neither checkout always goes first.
    const order = turn % 2 ? checkouts : [...checkouts].reverse();
    for (const c of order) {
      const t = await timeAsync(shuffled(taken, 100 + turn, checks), c.check);
      const f = await timeAsync(shuffled(free, 200 + turn, checks), c.check);
      console.log(
        `turn ${turn} ${c.name}: taken p50 ${us(percentile(t, 50))} p99 ${us(percentile(t, 99))}; free p50 ${us(percentile(f, 50))} p99 ${us(percentile(f, 99))}  (load ${fmt(loadavg()[0]!)})`,
      );
    }
  }
} finally {
  for (const c of checkouts) await c.db.close();
  rmSync(scratch, { recursive: true, force: true });
}
