/**
 * Benchmark 7: seed 002's `POST /bookings/` over HTTP, 50 connections all booking one resource (one
 * hot row), against raw better-sqlite3 doing one transaction per booking.
 *
 * Ours: a real host (child process, outbox worker off) and a load generator (another child process)
 * with 50 keep-alive connections, each booking 1 of its run's "Bike N" (a resource holds at most
 * MAX_STOCK_QUANTITY, so each run has its own) as soon as its last answer arrived, signed
 * in as the hotel's admin. Every booking is the guarded decrement + the booking row + the movement row
 * + the audit row, group-committed by the write batcher.
 * Anchor: raw better-sqlite3, same pragmas (WAL, synchronous=FULL), per booking one `BEGIN IMMEDIATE`:
 * the resource by name, the guarded `UPDATE … WHERE available_quantity >= 1`, the booking insert, COMMIT.
 * Never oversold: afterwards, in both databases, available + Σ booked = total and available ≥ 0; and
 * a last run on a resource with only 300 available grants exactly 300 and answers the rest 409.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../db/open-database';
import { MAX_STOCK_QUANTITY } from '../shared/contract/stock';
import { formatInstant } from '../shared/time';
import { ensureBenchAdmin } from './support/bench-auth';
import type { BenchOptions } from './support/bench-options';
import type { PostLoad, PostLoadReply as LoopReply } from './support/post-load-client-process';
import { startHostProcess } from './support/bench-host';
import { startChild } from './support/child-process';
import { whileProfiled } from './support/cpu-profile';
import { BENCH_DIR, createEmptyHotel, NOW_MS, scratchDir, TIME_ZONE } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { fmt, fmtMs, median, nowMs } from './support/stats';

const CONNECTIONS = 50;
const HOT_STOCK = 50_000_000;
const SCARCE = 300;


interface StockCheck {
  total: number;
  available: number;
  booked: number;
  bookings: number;
}

function stockCheck(file: string, name: string): StockCheck {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.total_quantity AS total, r.available_quantity AS available,
           (SELECT coalesce(sum(quantity), 0) FROM stock_bookings b WHERE b.resource_id = r.id AND b.status = 'out') AS booked,
           (SELECT count(*) FROM stock_bookings b WHERE b.resource_id = r.id) AS bookings
         FROM stock_resources r WHERE r.name = ?`,
      )
      .get(name) as StockCheck;
  } finally {
    db.close();
  }
}

const sound = (c: StockCheck) => c.available >= 0 && c.available + c.booked === c.total;

/** The anchor: the guarded decrement and the booking row, one transaction per booking. */
function createRawBooker(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.prepare(
    `INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at) VALUES ('Bike', 'City bike', ?, ?, 1, ?, ?)`,
  ).run(HOT_STOCK, HOT_STOCK, NOW_MS, NOW_MS);
  const byName = db.prepare('SELECT id FROM stock_resources WHERE lower(name) = lower(?)');
  const take = db.prepare('UPDATE stock_resources SET available_quantity = available_quantity - 1, updated_at = ? WHERE id = ? AND available_quantity >= 1');
  const insert = db.prepare(
    `INSERT INTO stock_bookings (resource_id, quantity, status, owner_id, created_by, booked_at, booked_ms) VALUES (?, 1, 'out', NULL, 'lan', ?, ?)`,
  );
  const at = formatInstant(NOW_MS, TIME_ZONE);
  const book = db.transaction((): boolean => {
    const r = byName.get('Bike') as { id: number };
    if (take.run(NOW_MS, r.id).changes !== 1) return false;
    insert.run(r.id, at, NOW_MS);
    return true;
  });
  return {
    run(durationMs: number): number {
      let booked = 0;
      const started = nowMs();
      while (nowMs() - started < durationMs) if (book.immediate()) booked++;
      return (booked * 1000) / (nowMs() - started);
    },
    close: () => db.close(),
  };
}

export async function runStockHttpBench(o: BenchOptions): Promise<BenchResult> {
  const durationMs = o.quick ? 1500 : 4000;
  const dir = scratchDir('stock');
  const hostDir = join(dir, 'http');
  const hostFile = join(hostDir, DB_FILE_NAME);
  const rawFile = join(dir, 'raw', DB_FILE_NAME);
  await createEmptyHotel(hostFile);
  await ensureBenchAdmin(hostFile);
  await createEmptyHotel(rawFile);

  const host = startHostProcess();
  const client = startChild(join(BENCH_DIR, 'support', 'post-load-client-process.ts'));
  const raw = createRawBooker(rawFile);
  try {
    await Promise.all([host.next('ready'), client.next('ready')]);
    const { url, token } = await host.ask<{ type: string; url: string; token: string }>({ type: 'start', dataDir: hostDir }, 'started');
    const addResource = async (name: string, quantity: number) => {
      const res = await fetch(`${url}/resources/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, description: 'bench', total_quantity: quantity, available_quantity: quantity }),
      });
      if (res.status !== 201) throw new Error(`POST /resources/ → ${res.status} ${await res.text()}`);
    };
    // A resource holds at most MAX_STOCK_QUANTITY: each run (and the warm-up) books its own hot one.
    const hot = ['Bike warm-up', ...Array.from({ length: o.runs }, (_, i) => `Bike ${i + 1}`)];
    for (const name of hot) await addResource(name, MAX_STOCK_QUANTITY);
    await addResource('Tandem', SCARCE);
    const load = (resource: string, ms: number) =>
      client.ask<LoopReply & { type: string }>(
        {
          type: 'closed-loop', origin: url, token, connections: CONNECTIONS, durationMs: ms, path: '/bookings/',
          body: JSON.stringify({ resource, purchase_quantity: 1 }), expected: [201, 409],
        } satisfies PostLoad & { type: string },
        'closed-loop:done',
      );

    o.log('  warm-up …');
    await load(hot[0]!, 1000);
    raw.run(500);

    const http: LoopReply[] = [];
    const rawRates: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      // With BENCH_PROFILE_DIR set, the host keeps a CPU profile of the first run there.
      http.push(i === 0 && process.env.BENCH_PROFILE_DIR ? (await whileProfiled(host, () => load(hot[1]!, durationMs))).value : await load(hot[i + 1]!, durationMs));
      rawRates.push(raw.run(durationMs));
      const h = http[i]!;
      o.log(`  run ${i + 1}: HTTP ${fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)} bookings/s (p99 ${fmtMs(h.p99)}), raw ${fmt(rawRates[i]!)}/s`);
    }
    const scarce = await load('Tandem', o.quick ? 1000 : 2000);
    await host.stop();

    const httpRate = median(http.map((h) => ((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs));
    const rawRate = median(rawRates);
    const ratio = httpRate / rawRate;
    const p50 = median(http.map((h) => h.p50));
    const p99 = median(http.map((h) => h.p99));
    const failures = http.reduce((n, h) => n + h.failures, 0) + scarce.failures;
    const oursRuns = hot.map((name) => stockCheck(hostFile, name));
    const ours = oursRuns.reduce((a, c) => ({ total: a.total + c.total, available: a.available + c.available, booked: a.booked + c.booked, bookings: a.bookings + c.bookings }));
    const oursScarce = stockCheck(hostFile, 'Tandem');
    const anchor = stockCheck(rawFile, 'Bike');
    const neverOversold = oursRuns.every(sound) && sound(oursScarce) && sound(anchor) && oursScarce.booked === Math.min(SCARCE, scarce.statuses['201'] ?? 0) && (scarce.statuses['201'] ?? 0) <= SCARCE;

    return {
      id: 7,
      title: 'POST /bookings/ (stock) over HTTP, one hot row',
      checks: [
        { label: 'throughput (50 conns, 1 resource)', ours: `${fmt(httpRate)} bookings/s`, anchor: `${fmt(rawRate)} tx/s`, ratio: fmt(ratio), target: '≥ 1.0', pass: ratio >= 1.0 },
        { label: 'never oversold', ours: neverOversold ? 'yes' : 'NO', target: 'available + booked = total, ≥ 0', pass: neverOversold && failures === 0 },
      ],
      figures: [
        `${o.runs} runs × ${durationMs / 1000} s, ${CONNECTIONS} keep-alive connections (client: ${http[0]!.client}, own process) all booking 1 of one resource, signed in, outbox worker off; medians of the runs.`,
        `HTTP latency p50 ${fmtMs(p50)}, p99 ${fmtMs(p99)}; ${failures} failures${failures ? ` (${http.flatMap((h) => h.failureSamples).concat(scarce.failureSamples).slice(0, 2).join('; ')})` : ''}.`,
        `Hot resources after (one per run, each ${MAX_STOCK_QUANTITY} at most): HTTP ${ours.bookings} bookings, available ${ours.available} + booked ${ours.booked} = total ${ours.total}, none below 0; raw ${anchor.bookings} bookings, ${anchor.available} + ${anchor.booked} = ${anchor.total}.`,
        `Scarce resource (${SCARCE} available, ${scarce.requests} requests in ${fmt(scarce.elapsedMs / 1000)} s): ${JSON.stringify(scarce.statuses)}, booked ${oursScarce.booked}, available ${oursScarce.available}.`,
        `Runs: HTTP ${http.map((h) => fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)).join(', ')} bookings/s; raw ${rawRates.map(fmt).join(', ')} tx/s.`,
      ],
    };
  } finally {
    await Promise.allSettled([host.stop(), client.stop()]);
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
