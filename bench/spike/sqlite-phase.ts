/**
 * The SQLite half: A (today), B (async handle), C (Kysely, re-preparing) and C+cache (Kysely over
 * cached statements), on the production pragmas (WAL, synchronous=FULL, foreign keys). Each write
 * run starts from its own copy of the empty 300-room hotel; the reads share the 1 000 000-stay hotel.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEventBus } from '../../core/context';
import { createCore } from '../../core/create-core';
import { createSettingsService } from '../../core/settings/settings-service';
import { createWriteBatcher } from '../../core/write-batcher';
import { openDatabase, type Sqlite } from '../../db/open-database';
import { addDays, resolveTime, startOfLocalDate } from '../../shared/time';
import { BOARD_DAYS, BOARD_FROM } from '../board-query-bench';
import { copyHotelTo, HISTORY_DAYS, HISTORY_FROM, NOW_MS, TIME_ZONE, TODAY } from '../support/hotel-dataset';
import { percentile as percentileOf, seededRandom } from '../support/stats';
import { sqliteAsyncDb } from './b-sqlite';
import { kyselySqlite, kyselySqliteWriter } from './c-kysely';
import { drizzleSqliteProbes } from './d-drizzle';
import { drive, mean, rotate, timeSequential } from './drive';
import type { Figures } from './figures';
import { availabilityA, availabilityB, boardA, boardB, boardK, type BoardRows, type BoardWindow } from './read-units';
import { bookingA, bookingK, bookingQ, stayConflictK, stockA, stockK, stockQ } from './write-units';

export interface PhaseOptions {
  reps: number;
  ms: number;
  callers: number;
  boardCalls: number;
  microCalls: number;
  log(line: string): void;
  /** Only this candidate (profiling). */
  only?: string;
}

export const SQLITE_CANDIDATES = ['A', 'B', 'C', 'C+cache'] as const;
/** The availability probe also measures drizzle (optional candidate D). */
export const SQLITE_PROBE_CANDIDATES = [...SQLITE_CANDIDATES, 'D', 'D prepared'] as const;
type Candidate = (typeof SQLITE_CANDIDATES)[number];

const HOT_STOCK = 50_000_000;

function writeOp(c: Candidate, sqlite: Sqlite, what: 'booking' | 'stock', resourceId: number): (k: number) => Promise<unknown> {
  if (c === 'A') {
    const batcher = createWriteBatcher({ sqlite, events: createEventBus() });
    return what === 'booking' ? (k) => batcher.run(() => bookingA(sqlite, k)) : () => batcher.run(() => stockA(sqlite, resourceId));
  }
  if (c === 'B') {
    const db = sqliteAsyncDb(sqlite);
    return what === 'booking' ? (k) => db.write(() => bookingQ(db, k)) : () => db.write(() => stockQ(db, resourceId));
  }
  const w = kyselySqliteWriter(kyselySqlite(sqlite, c === 'C+cache'));
  return what === 'booking' ? (k) => w.write((trx) => bookingK(trx, k)) : () => w.write((trx) => stockK(trx, resourceId));
}

function checkWrites(sqlite: Sqlite, what: 'booking' | 'stock', resourceId: number): string | undefined {
  const one = <T>(sql: string, ...p: unknown[]) => sqlite.prepare(sql).get(...p) as T;
  if (what === 'booking') {
    const n = one<{ stays: number; outbox: number; audit: number; overlaps: number }>(
      `SELECT (SELECT count(*) FROM stays) AS stays, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM audit_log) AS audit,
        (SELECT count(*) FROM stays a JOIN stays b ON a.room_id = b.room_id AND a.id < b.id AND a.checkin_ms < b.checkout_ms AND b.checkin_ms < a.checkout_ms) AS overlaps`,
    );
    return n.stays === n.outbox && n.stays === n.audit && n.overlaps === 0 ? undefined : `inconsistent: ${JSON.stringify(n)}`;
  }
  const s = one<{ total: number; available: number; booked: number; outbox: number }>(
    `SELECT total_quantity AS total, available_quantity AS available, (SELECT count(*) FROM stock_bookings) AS booked,
       (SELECT count(*) FROM outbox) AS outbox FROM stock_resources WHERE id = ?`, resourceId,
  );
  return s.available + s.booked === s.total && s.booked === s.outbox ? undefined : `oversold or lost: ${JSON.stringify(s)}`;
}

export async function sqliteWrites(what: 'booking' | 'stock', template: string, scratch: string, o: PhaseOptions, f: Figures): Promise<void> {
  for (let rep = 0; rep < o.reps; rep++) {
    for (const c of rotate([...SQLITE_CANDIDATES], rep).filter((x) => !o.only || x === o.only)) {
      const dir = join(scratch, `${what}-${c.replace('+', '')}-${rep}`);
      const { sqlite } = openDatabase({ file: copyHotelTo(template, dir) });
      try {
        const resourceId = what === 'stock'
          ? Number(sqlite.prepare(`INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at)
              VALUES ('Bike', '', ?, ?, 1, ?, ?)`).run(HOT_STOCK, HOT_STOCK, NOW_MS, NOW_MS).lastInsertRowid)
          : 0;
        const r = await drive(o.callers, o.ms, writeOp(c, sqlite, what, resourceId));
        const bad = checkWrites(sqlite, what, resourceId);
        if (bad || r.refused) throw new Error(`${what} ${c}: ${bad ?? ''} refused ${r.refused} (${r.firstError})`);
        f.add(what, 'sqlite', c, rep, { perSec: r.perSec, cpuUsPerOp: r.cpuUsPerOp });
        o.log(`  sqlite ${what} rep ${rep + 1} ${c.padEnd(8)} ${r.perSec.toFixed(0)}/s, ${r.cpuUsPerOp.toFixed(1)} µs CPU/op`);
      } finally {
        sqlite.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

export function boardWindow(sqlite: Sqlite): BoardWindow {
  const deps = { sqlite, clock: () => NOW_MS, events: createEventBus() };
  createCore(deps, { settings: { timeZone: TIME_ZONE } });
  return {
    startMs: startOfLocalDate(BOARD_FROM, TIME_ZONE),
    endMs: startOfLocalDate(addDays(BOARD_FROM, BOARD_DAYS), TIME_ZONE),
    dayStart: startOfLocalDate(TODAY, TIME_ZONE),
    dayEnd: startOfLocalDate(addDays(TODAY, 1), TIME_ZONE),
    maxStayMs: createSettingsService(deps).maxStayMs(),
  };
}

/** The same answer from every candidate: row counts and today's counts. */
export function boardShape(b: BoardRows): string {
  const c = b.counts as Record<string, unknown>;
  return JSON.stringify({ rooms: b.rooms.length, stays: b.stays.length, blocks: b.blocks.length, a: c.arrivals, d: c.departures, h: c.inHouse });
}

/** 2 000 (room, night) probes over the last year of the dense history: taken and free nights alike. */
export function availabilityProbes(): { roomId: number; startMs: number; endMs: number }[] {
  const rand = seededRandom(16);
  return Array.from({ length: 2000 }, () => {
    const day = HISTORY_DAYS - 365 + Math.floor(rand() * 365);
    return {
      roomId: 1 + Math.floor(rand() * 300),
      startMs: resolveTime(addDays(HISTORY_FROM, day), TIME_ZONE, '14:00').ms,
      endMs: resolveTime(addDays(HISTORY_FROM, day + 1), TIME_ZONE, '12:00').ms,
    };
  });
}

export async function sqliteReads(denseFile: string, o: PhaseOptions, f: Figures): Promise<{ window: BoardWindow; shape: string }> {
  const { sqlite } = openDatabase({ file: denseFile });
  try {
    const w = boardWindow(sqlite);
    const b = sqliteAsyncDb(sqlite);
    const k = kyselySqlite(sqlite, false);
    const kc = kyselySqlite(sqlite, true);
    const board: Record<Candidate, () => unknown> = {
      A: () => boardA(sqlite, w), B: () => boardB(b, w), C: () => boardK(k, w), 'C+cache': () => boardK(kc, w),
    };
    const shape = boardShape(boardA(sqlite, w));
    for (const c of SQLITE_CANDIDATES) {
      const got = boardShape((await board[c]()) as BoardRows);
      if (got !== shape) throw new Error(`board ${c}: ${got}, A: ${shape}`);
    }
    const probes = availabilityProbes();
    const d = drizzleSqliteProbes(sqlite);
    const avail: Record<(typeof SQLITE_PROBE_CANDIDATES)[number], (i: number) => unknown> = {
      D: (i) => d.D(probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      'D prepared': (i) => d['D prepared'](probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      A: (i) => availabilityA(sqlite, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      B: (i) => availabilityB(b, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      C: (i) => stayConflictK(k, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
      'C+cache': (i) => stayConflictK(kc, probes[i % 2000]!.roomId, probes[i % 2000]!.startMs, probes[i % 2000]!.endMs),
    };
    for (let rep = 0; rep < o.reps; rep++) {
      for (const c of rotate([...SQLITE_CANDIDATES], rep)) {
        const t = await timeSequential(o.boardCalls, 2, board[c]);
        f.add('board', 'sqlite', c, rep, { p50: percentileOf(t, 50), p99: percentileOf(t, 99), max: percentileOf(t, 100) });
      }
      for (const c of rotate([...SQLITE_PROBE_CANDIDATES], rep)) {
        // Mean of a bulk loop (no timer per call) for the per-query cost; per-call timing for p99.
        const n = o.microCalls;
        const call = avail[c];
        for (let i = 0; i < 500; i++) await call(i);
        const t0 = performance.now();
        if (c === 'A' || c.startsWith('D')) for (let i = 0; i < n; i++) call(i);
        else for (let i = 0; i < n; i++) await call(i);
        const meanUs = ((performance.now() - t0) * 1000) / n;
        const per = await timeSequential(Math.min(n, 5000), 0, call);
        f.add('availability', 'sqlite', c, rep, { meanUs, p50Us: percentileOf(per, 50) * 1000, p99Us: percentileOf(per, 99) * 1000, callMeanUs: mean(per) * 1000 });
      }
      o.log(`  sqlite reads rep ${rep + 1}: board p50 ${SQLITE_CANDIDATES.map((c) => `${c} ${f.values('board', 'sqlite', c, 'p50').at(-1)?.toFixed(1)} ms`).join(', ')}`);
    }
    return { window: w, shape };
  } finally {
    sqlite.close();
  }
}
