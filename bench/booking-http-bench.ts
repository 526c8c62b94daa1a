/**
 * Benchmark 1: seed 000's `POST /bookings` over HTTP against the raw atomic check + insert.
 *
 * Ours: a real host (child process with the desk's V8 flags, support/bench-host.ts; outbox worker off)
 * and a load generator (another child process, so the two event loops have a core each) with 50
 * keep-alive connections, each sending its next booking as soon as the last is answered, signed in
 * as the hotel's admin (every request carries the bearer token, checked on each call: signature,
 * session row, user row). Every request asks for a free night (room k mod 300, night ⌊k / 300⌋), so
 * nearly all are 201. The host is warmed with the same load until its WAL has started over once
 * (support/warm-up.ts): the runs measure the load, not a fresh host's first seconds of writes.
 * Anchor: the same work with raw better-sqlite3 in one loop — prepared statements, the same pragmas
 * (WAL, synchronous=FULL), per booking one `BEGIN IMMEDIATE` transaction: the availability check,
 * the stay insert and the outbox insert, COMMIT.
 * Afterwards no two occupying stays of a room may overlap (a self-join over both databases).
 * For the diagnosis: the same bookings through the core's handler map in process (no HTTP), one
 * connection's service time, and raw with 50 bookings per COMMIT (what group commit would allow).
 * The same on PostgreSQL beside it (booking-http-postgres.ts), against raw `pg`.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { DB_FILE_NAME, openDatabase } from '../db/open-database';
import { OCCUPANCY_CONFLICT_SQL } from '../db/queries/stay-queries';
import { addDays, resolveTime } from '../shared/time';
import { runBookingHttpPostgres } from './booking-http-postgres';
import { ensureBenchAdmin } from './support/bench-auth';
import type { BenchOptions } from './support/bench-options';
import { startHostProcess } from './support/bench-host';
import { warmToWorkingSize } from './support/warm-up';
import { startChild } from './support/child-process';
import { BENCH_DIR, createEmptyHotel, hotelRooms, NOW_MS, scratchDir, TIME_ZONE, TODAY } from './support/hotel-dataset';
import type { LatencySummary } from './support/load-client-process';
import { indexStaysByTrigger } from './support/raw-search-trigger';
import type { BenchResult } from './support/report';
import { fmt, fmtMs, median, nowMs, percentile } from './support/stats';

const CONNECTIONS = 50;
/** A month ahead of the hosts' clock (hotel-dataset.ts's TODAY). */
const FIRST_NIGHT = addDays(TODAY, 31);
/** The availability check's bound: (maxStayNights 90 + 2) days, as the settings service computes it. */
const MAX_STAY_MS = 92 * 86_400_000;

type ClosedLoopReply = LatencySummary & { elapsedMs: number; nextIndex: number; client: string };

const OVERLAPS_SQL = `
  SELECT count(*) AS n FROM stays a JOIN stays b
    ON b.room_id = a.room_id AND b.id > a.id AND b.checkin_ms < a.checkout_ms AND a.checkin_ms < b.checkout_ms
  WHERE a.status IN ('booked', 'checked_in', 'checked_out') AND b.status IN ('booked', 'checked_in', 'checked_out')`;

export function countOverlaps(file: string): { overlaps: number; stays: number } {
  const db = new Database(file, { readonly: true });
  try {
    const overlaps = (db.prepare(OVERLAPS_SQL).get() as { n: number }).n;
    const stays = (db.prepare('SELECT count(*) AS n FROM stays').get() as { n: number }).n;
    return { overlaps, stays };
  } finally {
    db.close();
  }
}

interface RawRun {
  bookings: number;
  elapsedMs: number;
  latencies: number[];
}

/** The anchor: the atomic check + insert with nothing else around it. */
function createRawBooker(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  indexStaysByTrigger(db);
  const rooms = hotelRooms();
  const occupancyConflict = db.prepare(OCCUPANCY_CONFLICT_SQL);
  const insertStay = db.prepare(
    `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                        nights, status, price, notes, created_by, created_at, updated_at)
     VALUES (?, ?, 'Walk-in guest', NULL, NULL, 1, ?, ?, ?, ?, 1, 'booked', ?, '', 'lan', ?, ?)`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES ('billing', 'billing.bill_update', ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  const nights = new Map<number, { inMs: number; inIso: string; outMs: number; outIso: string }>();
  const nightTimes = (n: number) => {
    let t = nights.get(n);
    if (!t) {
      const a = resolveTime(addDays(FIRST_NIGHT, n), TIME_ZONE, '14:00');
      const b = resolveTime(addDays(FIRST_NIGHT, n + 1), TIME_ZONE, '12:00');
      t = { inMs: a.ms, inIso: a.iso, outMs: b.ms, outIso: b.iso };
      nights.set(n, t);
    }
    return t;
  };
  const book = db.transaction((k: number): boolean => {
    const roomId = (k % rooms.length) + 1;
    const room = rooms[roomId - 1]!;
    const t = nightTimes(Math.floor(k / rooms.length));
    if (occupancyConflict.get(roomId, t.outMs, t.inMs - MAX_STAY_MS, t.inMs, 0, roomId, t.outMs, t.inMs, 0)) return false;
    const now = NOW_MS;
    const id = Number(insertStay.run(roomId, room.category, t.inIso, t.outIso, t.inMs, t.outMs, room.nightlyRate, now, now).lastInsertRowid);
    const payload = JSON.stringify({ room_type: room.category, checkin: t.inIso, checkout: t.outIso, roomnumber: room.number });
    insertOutbox.run(`stay:${id}`, `/bills/update/${id}`, payload, randomUUID(), now, now);
    return true;
  });
  /** Group commit: `size` bookings, each still checked before it is written, under one COMMIT. */
  const bookBatch = db.transaction((first: number, size: number): number => {
    let booked = 0;
    for (let k = first; k < first + size; k++) if (book(k)) booked++;
    return booked;
  });
  let next = 0;
  return {
    /** Bookings per second when `size` of them share one COMMIT (one fsync): the ceiling group commit would give. */
    runBatched(durationMs: number, size: number): number {
      let bookings = 0;
      const started = nowMs();
      while (nowMs() - started < durationMs) {
        bookings += bookBatch.immediate(next, size);
        next += size;
      }
      return (bookings * 1000) / (nowMs() - started);
    },
    run(durationMs: number): RawRun {
      const latencies: number[] = [];
      let bookings = 0;
      const started = nowMs();
      const deadline = started + durationMs;
      for (let t0 = started; t0 < deadline; ) {
        if (book.immediate(next++)) bookings++;
        const t1 = nowMs();
        latencies.push(t1 - t0);
        t0 = t1;
      }
      return { bookings, elapsedMs: nowMs() - started, latencies };
    },
    close: () => db.close(),
  };
}

/** The same bookings through the core's handler map in process (what an IPC call runs): no HTTP. */
async function createCoreBooker(file: string) {
  const db = await openDatabase({ engine: 'sqlite', file });
  const started = Date.now();
  const core = await createCore({ db, clock: () => NOW_MS + (Date.now() - started), events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
  const rooms = hotelRooms();
  const ctx: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };
  let next = 0;
  return {
    async run(durationMs: number): Promise<number> {
      let bookings = 0;
      const t0 = nowMs();
      while (nowMs() - t0 < durationMs) {
        const k = next++;
        const room = rooms[k % rooms.length]!;
        const night = Math.floor(k / rooms.length);
        await core.handlers['stays:seedCreate'](
          { roomnumber: room.number, category: room.category, checkin: `${addDays(FIRST_NIGHT, night)}T14:00:00`, checkout: `${addDays(FIRST_NIGHT, night + 1)}T12:00:00` },
          ctx,
        );
        bookings++;
      }
      return (bookings * 1000) / (nowMs() - t0);
    },
    close: () => db.close(),
  };
}

// eslint-disable-next-line max-lines-per-function -- one benchmark's steps in the order its report prints them
export async function runBookingHttpBench(o: BenchOptions): Promise<BenchResult> {
  const durationMs = o.quick ? 1500 : 4000;
  const dir = scratchDir('booking');
  const hostDir = join(dir, 'http');
  const rawFile = join(dir, 'raw', DB_FILE_NAME);
  await createEmptyHotel(join(hostDir, DB_FILE_NAME));
  await ensureBenchAdmin(join(hostDir, DB_FILE_NAME));
  await createEmptyHotel(rawFile);
  const coreFile = join(dir, 'core', DB_FILE_NAME);
  await createEmptyHotel(coreFile);
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));

  const host = startHostProcess();
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  const raw = createRawBooker(rawFile);
  const inProcess = await createCoreBooker(coreFile);
  try {
    await Promise.all([host.next('ready'), client.next('ready')]);
    const { url, token } = await host.ask<{ type: string; url: string; token: string }>({ type: 'start', dataDir: hostDir }, 'started');
    let nextIndex = 0;
    const load = async (connections: number, ms: number) => {
      const r = await client.ask<ClosedLoopReply & { type: string }>(
        { type: 'closed-loop', origin: url, token, connections, durationMs: ms, rooms, startDate: FIRST_NIGHT, firstIndex: nextIndex },
        'closed-loop:done',
      );
      nextIndex = r.nextIndex;
      return r;
    };

    o.log('  warm-up …');
    const warmedS = await warmToWorkingSize(host, () => load(CONNECTIONS, 1000));
    o.log(`  warmed ${warmedS} s (until the host's WAL had started over once)`);
    raw.run(500);

    await inProcess.run(500);

    const http: ClosedLoopReply[] = [];
    const rawRuns: RawRun[] = [];
    const coreRates: number[] = [];
    type Batches = { batches: number; writes: number; largest: number };
    const batchesBefore = await host.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
    for (let i = 0; i < o.runs; i++) {
      http.push(await load(CONNECTIONS, durationMs));
      rawRuns.push(raw.run(durationMs));
      coreRates.push(await inProcess.run(durationMs / 2));
      const h = http[i]!;
      const r = rawRuns[i]!;
      o.log(`  run ${i + 1}: HTTP ${fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)} bookings/s (p99 ${fmtMs(h.p99)}), raw ${fmt((r.bookings * 1000) / r.elapsedMs)}/s`);
    }
    const batchesAfter = await host.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
    const perCommit = (batchesAfter.writes - batchesBefore.writes) / Math.max(1, batchesAfter.batches - batchesBefore.batches);
    const single = await load(1, o.quick ? 500 : 1500);
    const grouped = raw.runBatched(o.quick ? 500 : 1500, CONNECTIONS);
    await host.stop();
    const postgres = await runBookingHttpPostgres(o, durationMs);

    const httpRate = median(http.map((h) => ((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs));
    const rawRate = median(rawRuns.map((r) => (r.bookings * 1000) / r.elapsedMs));
    const ratio = httpRate / rawRate;
    const p50 = median(http.map((h) => h.p50));
    const p99 = median(http.map((h) => h.p99));
    const maxLatency = median(http.map((h) => h.max));
    const requests = http.reduce((n, h) => n + h.requests, 0);
    const created = http.reduce((n, h) => n + (h.statuses['201'] ?? 0), 0);
    const failures = http.reduce((n, h) => n + h.failures, 0);
    const ours = countOverlaps(join(hostDir, DB_FILE_NAME));
    const anchor = countOverlaps(rawFile);
    const rawP50 = median(rawRuns.map((r) => percentile(r.latencies, 50)));
    const rawP99 = median(rawRuns.map((r) => percentile(r.latencies, 99)));
    const statuses = http.reduce<Record<string, number>>((acc, h) => {
      for (const [k, v] of Object.entries(h.statuses)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {});

    return {
      id: 1,
      title: 'POST /bookings over HTTP',
      checks: [
        { label: 'throughput (50 conns)', ours: `${fmt(httpRate)} bookings/s`, anchor: `${fmt(rawRate)} tx/s`, ratio: fmt(ratio), target: '≥ 1.5', pass: ratio >= 1.5 },
        { label: 'p99 latency (50 conns)', ours: fmtMs(p99), target: '≤ 30 ms', pass: p99 <= 30 },
        { label: 'overlapping stays after', ours: String(ours.overlaps), anchor: String(anchor.overlaps), target: '0', pass: ours.overlaps === 0 && anchor.overlaps === 0 },
        ...postgres.checks,
      ],
      figures: [
        `${o.runs} runs × ${durationMs / 1000} s, ${CONNECTIONS} keep-alive connections (client: ${http[0]!.client}, own process), signed in (bearer token on every request), outbox worker off; medians of the runs. The host warmed ${warmedS} s first, until its WAL had started over once (support/warm-up.ts: a fresh host's WAL file and memory grow for its first seconds of writes).`,
        `Group commit: ${fmt(perCommit)} bookings per COMMIT on average over the measured runs (largest batch ${batchesAfter.largest}); the WAL's fsync runs off the event loop, and every answer waits for the fsync that follows its COMMIT.`,
        `HTTP: ${requests} requests, ${created} created (statuses ${JSON.stringify(statuses)}), ${failures} failures; latency p50 ${fmtMs(p50)}, p99 ${fmtMs(p99)}, max ${fmtMs(maxLatency)}.`,
        `HTTP with 1 connection: ${fmt(((single.statuses['201'] ?? 0) * 1000) / single.elapsedMs)} bookings/s, p50 ${fmtMs(single.p50)}, p99 ${fmtMs(single.p99)} (the service time of one booking).`,
        `The same bookings through the core's handler map in process (as IPC runs them, no HTTP): ${fmt(median(coreRates))} bookings/s (${fmt(median(coreRates) / rawRate)} × raw).`,
        `Raw: one transaction p50 ${fmtMs(rawP50)}, p99 ${fmtMs(rawP99)} (mostly the COMMIT's fsync of the WAL). Raw with ${CONNECTIONS} bookings per COMMIT (group commit, each still checked first): ${fmt(grouped)} bookings/s.`,
        `Overlaps (self-join over occupying stays): HTTP database ${ours.overlaps} in ${ours.stays} stays, raw database ${anchor.overlaps} in ${anchor.stays}.`,
        ...postgres.figures,
        `Runs: HTTP ${http.map((h) => fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)).join(', ')} bookings/s; raw ${rawRuns.map((r) => fmt((r.bookings * 1000) / r.elapsedMs)).join(', ')} tx/s.`,
      ],
    };
  } finally {
    await Promise.allSettled([host.stop(), client.stop()]);
    raw.close();
    await inProcess.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
