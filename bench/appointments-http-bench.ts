/**
 * Appointments benchmark D (issue 8 §8; the others: appointments-bench.ts): booking timeslots over
 * HTTP (`POST /api/v1/bookings`) with 50 keep-alive connections against a real host, against raw one
 * transaction per booking (seat count, insert, outbox row, COMMIT): ≥ 1.0 × raw, and no slot over
 * capacity afterwards. As in benchmark 1, the host and the load generator run in child processes of
 * their own (a core each), the host signed in as the admin.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import { LIVE_STATUSES } from '../db/queries/appointment-live';
import { DB_FILE_NAME, openDatabase } from '../db/open-database';
import { ensureBenchAdmin } from './support/bench-auth';
import type { BenchOptions } from './support/bench-options';
import { startHostProcess } from './support/bench-host';
import { startChild } from './support/child-process';
import { BENCH_DIR, NOW_MS, scratchDir, TIME_ZONE } from './support/hotel-dataset';
import type { PostLoad, PostLoadReply } from './support/post-load-client-process';
import type { Check } from './support/report';
import { fmt, fmtMs, median, nowMs } from './support/stats';

const admin: CallContext = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'internal' };

/** A migrated hotel with `rooms` service rooms (capacity 1) and a year of 30-minute slots each, in 2030. */
async function buildBookableSlots(file: string, rooms: number): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const db = await openDatabase({ engine: 'sqlite', file });
  try {
    const core = await createCore({ db, clock: () => NOW_MS, events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
    for (let r = 1; r <= rooms; r++) {
      await core.handlers['serviceRooms:create']({ name: `Spa ${r}`, roomType: 'treatment', capacity: 1, hourlyRate: 60_000, isActive: true }, admin);
      await core.handlers['timeslots:generate']({ roomId: r, startDate: '2030-01-01', endDate: '2030-12-31', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, admin);
    }
  } finally {
    await db.close();
  }
}

interface Slot {
  id: number;
  roomId: number;
  s: number;
  e: number;
  sa: string;
  ea: string;
  d: string;
  capacity: number;
}

/** The anchor: per booking one BEGIN IMMEDIATE … COMMIT: the seat count, the appointment, its e-mail's outbox row. */
function createRawSlotBooker(file: string) {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  const count = raw.prepare(`SELECT count(*) AS n FROM appointments a WHERE a.timeslot_id = ? AND a.status IN ${LIVE_STATUSES} AND (a.hold_until_ms IS NULL OR a.hold_until_ms > ?)`);
  const ins = raw.prepare(
    `INSERT INTO appointments (kind, user_id, guest_name, guest_email, room_id, timeslot_id, start_ms, end_ms, occupied_until_ms, start_at, end_at, local_date, local_time, status, price, hold_until_ms, created_by, created_at, updated_at)
     VALUES ('timeslot', 1, 'Bench', 'b@example.dk', ?, ?, ?, ?, ?, ?, ?, ?, '09:00:00', 'pending', 30000, ?, 'bench', ?, ?)`,
  );
  const out = raw.prepare(`INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, failures, next_attempt_ms, created_ms, seq) VALUES ('email', 'email.confirmation', ?, '', '{}', ?, 'pending', 0, 0, 0, ?, 1)`);
  const book = raw.transaction((s: Slot, now: number) => {
    if ((count.get(s.id, now) as { n: number }).n >= s.capacity) throw new Error('full');
    const id = Number(ins.run(s.roomId, s.id, s.s, s.e, s.e, s.sa, s.ea, s.d, now + 1_800_000, now, now).lastInsertRowid);
    out.run(`appointment:${id}`, `k${id}`, now);
  });
  return {
    /** Books the slots in order for `durationMs` (or until they run out); bookings per second. */
    run(slots: Slot[], durationMs: number): number {
      const started = nowMs();
      let n = 0;
      while (n < slots.length && nowMs() - started < durationMs) book.immediate(slots[n++]!, Date.now());
      return (n * 1000) / (nowMs() - started);
    },
    close: () => raw.close(),
  };
}

export async function benchHttpBooking(o: BenchOptions, checks: Check[], figures: string[]): Promise<void> {
  const CONNECTIONS = 50;
  const durationMs = o.quick ? 1500 : 4000;
  // Each run (and the warm-up) books its own slice of distinct slots; a slice outlasts the run at 7 500/s.
  const perRun = Math.ceil((durationMs / 1000) * 7_500);
  const rooms = Math.ceil(((o.runs + 1) * perRun) / (365 * 16));
  const dir = scratchDir('appointments-http');
  const hostDir = join(dir, 'http');
  const hostFile = join(hostDir, DB_FILE_NAME);
  const rawFile = join(dir, 'raw', DB_FILE_NAME);
  await buildBookableSlots(hostFile, rooms);
  mkdirSync(dirname(rawFile), { recursive: true });
  copyFileSync(hostFile, rawFile);
  await ensureBenchAdmin(hostFile);
  const slotsOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT id, room_id AS "roomId", start_ms AS s, end_ms AS e, start_at AS sa, end_at AS ea, local_date AS d, capacity FROM timeslots ORDER BY id').all() as Slot[];
    } finally {
      db.close();
    }
  };
  const slots = slotsOf(hostFile);
  const slice = (k: number) => slots.slice(k * perRun, (k + 1) * perRun);

  const host = startHostProcess();
  const client = startChild(join(BENCH_DIR, 'support', 'post-load-client-process.ts'));
  const raw = createRawSlotBooker(rawFile);
  try {
    await Promise.all([host.next('ready'), client.next('ready')]);
    const { url, token } = await host.ask<{ type: string; url: string; token: string }>({ type: 'start', dataDir: hostDir }, 'started');
    const load = (k: number, ms: number) =>
      client.ask<PostLoadReply & { type: string }>(
        {
          type: 'closed-loop', origin: url, token, connections: CONNECTIONS, durationMs: ms, path: '/api/v1/bookings',
          bodies: slice(k).map((s) => JSON.stringify({ timeslotId: s.id, roomId: s.roomId })), expected: [201],
        } satisfies PostLoad & { type: string },
        'closed-loop:done',
        120_000,
      );
    o.log('      warm-up …');
    await load(0, 1000);
    raw.run(slice(0), 500);
    const http: PostLoadReply[] = [];
    const rawRates: number[] = [];
    for (let run = 1; run <= o.runs; run++) {
      const h = await load(run, durationMs);
      http.push(h);
      rawRates.push(raw.run(slice(run), durationMs));
      o.log(`      run ${run}: HTTP ${fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)} bookings/s (p99 ${fmtMs(h.p99)}), raw ${fmt(rawRates.at(-1)!)}/s`);
    }
    await host.stop();
    const db = new Database(hostFile, { readonly: true });
    const overCapacity = (db.prepare(`SELECT count(*) AS n FROM (SELECT t.id FROM timeslots t JOIN appointments a ON a.timeslot_id = t.id AND a.status IN ${LIVE_STATUSES} GROUP BY t.id HAVING count(*) > t.capacity)`).get() as { n: number }).n;
    const booked = (db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n;
    db.close();
    const rates = http.map((h) => ((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs);
    const failures = http.reduce((n, h) => n + h.failures, 0);
    const ratio = median(rates) / median(rawRates);
    checks.push({ label: 'POST /api/v1/bookings (timeslot), 50 connections', ours: `${fmt(median(rates))}/s`, anchor: `${fmt(median(rawRates))}/s`, ratio: `${fmt(ratio)} ×`, target: '≥ 1.0', pass: ratio >= 1 && failures === 0 });
    checks.push({ label: 'slots over capacity afterwards', ours: String(overCapacity), target: '0', pass: overCapacity === 0 });
    figures.push(
      `D: ${o.runs} runs × ${durationMs / 1000} s, ${CONNECTIONS} keep-alive connections (client: ${http[0]!.client}, its own process; the host in another, outbox worker off), each booking the next free slot of ${rooms} rooms × a year, signed in; ` +
        `HTTP p50 ${fmtMs(median(http.map((h) => h.p50)))}, p99 ${fmtMs(median(http.map((h) => h.p99)))}, ${failures} failures${failures ? ` (${http.flatMap((h) => h.failureSamples).slice(0, 2).join('; ')})` : ''}; ` +
        `runs HTTP ${rates.map(fmt).join(', ')}/s, raw ${rawRates.map(fmt).join(', ')}/s (one fsync'd transaction per booking); ${booked} appointments in the host's database afterwards`,
    );
  } finally {
    await Promise.allSettled([host.stop(), client.stop()]);
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
