/**
 * Appointments benchmarks (issue 8 §8), each against raw better-sqlite3 in the same run:
 *
 * A. Free timeslots of one room and day, in process, on 50 service rooms × 2 years of 30-minute
 *    slots (584 000 slots), 80 % booked: `serviceRooms.freeTimeslots` (the route's handler: room
 *    lookup, the query, the mapping) against the same SQL as a raw prepared statement. p99 ≤ 1 ms,
 *    ≥ 0.7 × raw.
 * B. A provider's free start times for a day (`providers.availability`), the provider 2 years deep in
 *    bookings: p99 ≤ 1 ms.
 * C. Generating a year of slots for 50 rooms (`timeslots:generate`, one call per room) against a raw
 *    insert loop of the same slots (instants and ISO text computed in the loop): ≥ 0.7 × raw; the
 *    longest single call is how long the desk's event loop is held (≤ 100 ms).
 * D. Booking timeslots over HTTP (`POST /api/v1/bookings`) with 50 keep-alive connections against a
 *    real host, against raw one transaction per booking: ≥ 1.0 × raw (appointments-http-bench.ts).
 *
 * `npx tsx bench/appointments-bench.ts [--quick]` runs it alone and prints the table; or
 * `npm run bench -- --only 8`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { wallInstant } from '../core/appointments/service-rooms-service';
import { createEventBus, type CallContext } from '../core/context';
import { createCore, type Core } from '../core/create-core';
import { LIVE_STATUSES } from '../db/queries/appointment-live';
import { openDatabase, type Database as DatabaseHandle, type Sqlite } from '../db/open-database';
import { addDays, formatInstant } from '../shared/time';
import type { BenchOptions } from './support/bench-options';
import type { BenchResult, Check } from './support/report';
import { benchHttpBooking } from './appointments-http-bench';
import { fmt, fmtMs, median, percentile, seededRandom, timeCallsAsync } from './support/stats';

const ZONE = 'Europe/Copenhagen';
const NOW = Date.parse('2026-05-01T08:00:00Z');
const ROOMS = 50;
const FIRST_DAY = '2025-05-01';
const DAYS = 730;
const admin: CallContext = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'internal' };

/** A fresh hotel: the core on its engine handle, and a raw better-sqlite3 connection on the same file (datasets, anchors). */
export async function fresh(name: string, clock: () => number = () => NOW): Promise<{ dir: string; db: DatabaseHandle; sqlite: Sqlite; core: Core }> {
  const dir = mkdtempSync(join(tmpdir(), `frontdesk-bench-${name}-`));
  const db = await openDatabase({ engine: 'sqlite', file: join(dir, 'frontdesk.db') });
  const core = await createCore({ db, clock, events: createEventBus() }, { settings: { timeZone: ZONE } });
  const sqlite = new Database(join(dir, 'frontdesk.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return { dir, db, sqlite, core };
}

/** 50 rooms × 730 days × 16 slots, 80 % booked (confirmed), written raw in one transaction. */
export async function buildSlotHotel(core: Core, sqlite: Sqlite): Promise<void> {
  for (let r = 0; r < ROOMS; r++) await core.handlers['serviceRooms:create']({ name: `Room ${String(r + 1).padStart(2, '0')}`, roomType: 'treatment', capacity: 1, hourlyRate: 60_000, isActive: true }, admin);
  const slot = sqlite.prepare('INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0)');
  const appt = sqlite.prepare(
    `INSERT INTO appointments (kind, guest_name, room_id, timeslot_id, start_ms, end_ms, occupied_until_ms, start_at, end_at, local_date, local_time, status, payment_status, price, created_by, created_at, updated_at)
     VALUES ('timeslot', 'Bench', ?, ?, ?, ?, ?, ?, ?, ?, '09:00:00', 'confirmed', 'paid', 30000, 'bench', ?, ?)`,
  );
  const rand = seededRandom(8);
  sqlite.transaction(() => {
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FIRST_DAY, d);
      const day0 = wallInstant(date, 9 * 60, ZONE);
      for (let r = 1; r <= ROOMS; r++) {
        for (let k = 0; k < 16; k++) {
          const s = day0 + k * 1_800_000;
          const e = s + 1_800_000;
          const startAt = formatInstant(s, ZONE);
          const endAt = formatInstant(e, ZONE);
          const id = Number(slot.run(r, s, e, startAt, endAt, date).lastInsertRowid);
          if (rand() < 0.8) appt.run(r, id, s, e, e, startAt, endAt, date, s - 86_400_000, s - 86_400_000);
        }
      }
    }
  })();
  sqlite.exec('ANALYZE');
}

/** The same SQL as freeTimeslotRows (its `+@` parameters dodge the STAT4 re-prepare: db/queries/prepared.ts). */
export const RAW_FREE_SQL = `
  SELECT t.id, t.room_id AS "roomId", t.start_ms AS "startMs", t.end_ms AS "endMs", t.start_at AS "startTime", t.end_at AS "endTime", t.local_date AS date, t.capacity,
    (SELECT count(*) FROM appointments a WHERE a.timeslot_id = t.id AND a.status IN ${LIVE_STATUSES} AND (a.hold_until_ms IS NULL OR a.hold_until_ms > +@now)) AS booked
  FROM timeslots t WHERE t.room_id = +@room AND t.local_date = +@date AND t.start_ms > +@now AND t.end_ms - t.start_ms >= @min`;

const timeEach = (n: number, fn: (i: number) => unknown) => timeCallsAsync(n, fn, Math.min(500, n));
const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;

async function benchFreeAndAvailability(o: BenchOptions, checks: Check[], figures: string[]): Promise<void> {
  const { dir, db, sqlite, core } = await fresh('slots');
  try {
    const t0 = performance.now();
    await buildSlotHotel(core, sqlite);
    // B's provider: 30-minute appointments 09:00–17:00 every day, 80 % of the grid booked for the same two years.
    await core.handlers['providers:create']({ name: 'Sofie Lund', email: 'sofie@example.dk', appointmentMinutes: 30, bufferMinutes: 10, price: 0, daysOff: [], active: true }, admin);
    const pa = sqlite.prepare(
      `INSERT INTO appointments (kind, guest_name, provider_id, start_ms, end_ms, occupied_until_ms, start_at, end_at, local_date, local_time, status, price, created_by, created_at, updated_at)
       VALUES ('provider', 'Bench', 1, ?, ?, ?, ?, ?, ?, '09:00:00', 'confirmed', 0, 'bench', 0, 0)`,
    );
    const rand = seededRandom(3);
    sqlite.transaction(() => {
      for (let d = 0; d < DAYS; d++) {
        const date = addDays(FIRST_DAY, d);
        const day0 = wallInstant(date, 9 * 60, ZONE);
        // every other grid start (a 30-minute appointment + 10-minute buffer blocks the next start too)
        for (let k = 0; k < 16; k += 2) {
          if (rand() >= 0.8) continue;
          const s = day0 + k * 1_800_000;
          pa.run(s, s + 1_800_000, s + 2_400_000, formatInstant(s, ZONE), formatInstant(s + 1_800_000, ZONE), date);
        }
      }
    })();
    const counts = sqlite.prepare('SELECT (SELECT count(*) FROM timeslots) AS slots, (SELECT count(*) FROM appointments) AS appts').get() as { slots: number; appts: number };
    figures.push(`A/B dataset: ${ROOMS} rooms × ${DAYS} days × 16 slots = ${counts.slots} slots, ${counts.appts} appointments (80 % of slots booked; the provider's grid 80 % booked), built in ${fmt((performance.now() - t0) / 1000)} s`);

    const N = o.quick ? 2_000 : 10_000;
    const rand2 = seededRandom(11);
    const asks = Array.from({ length: N }, () => ({ room: 1 + Math.floor(rand2() * ROOMS), date: addDays('2026-05-02', Math.floor(rand2() * 360)) }));
    const raw = new Database(join(dir, 'frontdesk.db'), { readonly: true });
    const rawFree = raw.prepare(RAW_FREE_SQL);
    const rooms = core.services.serviceRooms;
    const oursRuns: Float64Array[] = [];
    const rawRuns: Float64Array[] = [];
    let sample = 0;
    for (let run = 0; run < o.runs; run++) {
      oursRuns.push(await timeEach(N, async (i) => await rooms.freeTimeslots({ id: asks[i]!.room, date: asks[i]!.date, duration: 30 })));
      rawRuns.push(await timeEach(N, (i) => (rawFree.all({ room: asks[i]!.room, date: asks[i]!.date, now: NOW, min: 1_800_000 }) as { booked: number; capacity: number }[]).filter((r) => r.booked < r.capacity)));
    }
    sample = (await rooms.freeTimeslots({ id: asks[0]!.room, date: asks[0]!.date, duration: 30 })).timeslots.length;
    const oursP99 = median(oursRuns.map((r) => percentile(r, 99)));
    const ratio = median(rawRuns.map(mean)) / median(oursRuns.map(mean));
    checks.push({ label: 'free timeslots, p99', ours: fmtMs(oursP99), target: '≤ 1 ms', pass: oursP99 <= 1 });
    checks.push({ label: 'free timeslots, throughput', ours: `${fmt(1000 / median(oursRuns.map(mean)))}/s`, anchor: `${fmt(1000 / median(rawRuns.map(mean)))}/s`, ratio: `${fmt(ratio)} ×`, target: '≥ 0.7', pass: ratio >= 0.7 });
    figures.push(`A: ${N} asks × ${o.runs} runs: ours p50 ${fmtMs(median(oursRuns.map((r) => percentile(r, 50))))}, p99 ${fmtMs(oursP99)}; raw p50 ${fmtMs(median(rawRuns.map((r) => percentile(r, 50))))}, p99 ${fmtMs(median(rawRuns.map((r) => percentile(r, 99))))}; a day has ~${sample} free slots`);
    raw.close();

    const providers = core.services.providers;
    const days = Array.from({ length: N }, (_, i) => addDays('2026-05-02', i % 360));
    const avRuns: Float64Array[] = [];
    for (let run = 0; run < o.runs; run++) avRuns.push(await timeEach(N, async (i) => await providers.availability(1, days[i]!)));
    const avP99 = median(avRuns.map((r) => percentile(r, 99)));
    checks.push({ label: 'provider availability for a day, p99', ours: fmtMs(avP99), target: '≤ 1 ms', pass: avP99 <= 1 });
    figures.push(`B: ${N} days × ${o.runs} runs: p50 ${fmtMs(median(avRuns.map((r) => percentile(r, 50))))}, p99 ${fmtMs(avP99)}; e.g. ${(await providers.availability(1, days[0]!)).times.length} free times on ${days[0]}`);
  } finally {
    sqlite.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchGeneration(o: BenchOptions, checks: Check[], figures: string[]): Promise<void> {
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < o.runs; run++) {
    // ours
    const a = await fresh('gen');
    try {
      for (let r = 0; r < ROOMS; r++) await a.core.handlers['serviceRooms:create']({ name: `Room ${r + 1}`, roomType: 'meeting', capacity: 1, hourlyRate: 0, isActive: true }, admin);
      let worst = 0;
      const t0 = performance.now();
      for (let r = 1; r <= ROOMS; r++) {
        const c0 = performance.now();
        await a.core.handlers['timeslots:generate']({ roomId: r, startDate: '2026-06-01', endDate: '2027-05-31', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, admin);
        worst = Math.max(worst, performance.now() - c0);
      }
      oursMs.push(performance.now() - t0);
      longest.push(worst);
    } finally {
      a.sqlite.close();
      await a.db.close();
      rmSync(a.dir, { recursive: true, force: true });
    }
    // raw: the same slots, one transaction per room, instants and ISO text computed in the loop
    const b = await fresh('genraw');
    try {
      for (let r = 0; r < ROOMS; r++) await b.core.handlers['serviceRooms:create']({ name: `Room ${r + 1}`, roomType: 'meeting', capacity: 1, hourlyRate: 0, isActive: true }, admin);
      const raw = new Database(join(b.dir, 'frontdesk.db'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      const ins = raw.prepare('INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)');
      const t0 = performance.now();
      for (let r = 1; r <= ROOMS; r++) {
        raw.transaction(() => {
          for (let d = 0; d < 365; d++) {
            const date = addDays('2026-06-01', d);
            const from = wallInstant(date, 9 * 60, ZONE);
            const to = wallInstant(date, 17 * 60, ZONE);
            for (let s = from; s + 1_800_000 <= to; s += 1_800_000) ins.run(r, s, s + 1_800_000, formatInstant(s, ZONE), formatInstant(s + 1_800_000, ZONE), date, NOW);
          }
        }).immediate();
      }
      rawMs.push(performance.now() - t0);
      raw.close();
    } finally {
      b.sqlite.close();
      await b.db.close();
      rmSync(b.dir, { recursive: true, force: true });
    }
  }
  const ratio = median(rawMs) / median(oursMs);
  const worst = median(longest);
  checks.push({ label: 'generate a year of slots for 50 rooms', ours: fmtMs(median(oursMs)), anchor: fmtMs(median(rawMs)), ratio: `${fmt(ratio)} ×`, target: '≥ 0.7', pass: ratio >= 0.7 });
  checks.push({ label: 'generation: longest single call (event loop held)', ours: fmtMs(worst), target: '≤ 100 ms', pass: worst <= 100 });
  figures.push(`C: ${ROOMS} × 365 × 16 = ${ROOMS * 365 * 16} slots; ours ${fmtMs(median(oursMs))} (one timeslots:generate per room, each its own transaction), raw ${fmtMs(median(rawMs))}; longest call ${fmtMs(worst)}`);
}

export async function runAppointmentsBench(o: BenchOptions): Promise<BenchResult> {
  const checks: Check[] = [];
  const figures: string[] = [];
  o.log('    A/B: free timeslots and provider availability');
  await benchFreeAndAvailability(o, checks, figures);
  o.log('    C: generation');
  await benchGeneration(o, checks, figures);
  o.log('    D: booking over HTTP');
  await benchHttpBooking(o, checks, figures);
  return { id: 8, title: 'Appointments: free slots, availability, generation, booking over HTTP', checks, figures };
}

if (process.argv[1]?.endsWith('appointments-bench.ts')) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const o: BenchOptions = { runs: values.quick ? 2 : 5, quick: values.quick ?? false, log: (l) => console.log(l) };
  runAppointmentsBench(o).then(
    (r) => {
      for (const c of r.checks) console.log(`| ${c.label} | ${c.ours} | ${c.anchor ?? '—'} | ${c.ratio ?? '—'} | ${c.target} | ${c.pass === null ? '—' : c.pass ? 'pass' : 'MISS'} |`);
      for (const f of r.figures) console.log(`- ${f}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
