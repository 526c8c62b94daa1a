/**
 * Benchmark 1 on PostgreSQL (issue 16 item 8): seed 000's `POST /bookings` over HTTP (50 keep-alive
 * connections) against a host started on PostgreSQL (`createHost({ databaseUrl })`, the same start
 * as `npm run serve -- --database …`), and its anchor: raw `pg` running the same transaction from one
 * process — a pool as large as the host's (POOL_SIZE connections), 50 bookings in flight, each one
 * the rows our booking writes, one statement at a time as plain `pg` code would send them:
 * `BEGIN; the availability check (the stay and the block query, the same SQL text as the engine
 * rewrites it); INSERT the stay; number its outbox message (outbox_sequences); INSERT the outbox
 * row; INSERT the audit row; INSERT the live event (live_events); COMMIT` — 9 round trips, prepared
 * statements. What ours does besides is its own cost: the bearer token's session read, the room
 * read by number, reading the stay back, the savepoint of the dispatcher's write, HTTP and JSON, and
 * after COMMIT the wake-up for other servers. Both databases live on the benchmarks' private
 * cluster (fsync and synchronous_commit on). Afterwards no two occupying stays of a room may overlap
 * on either.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { toPgStatement } from '../db/engine/postgres-sql';
import { BLOCK_CONFLICT_SQL, STAY_CONFLICT_SQL } from '../db/queries/stay-queries';
import { addDays, resolveTime } from '../shared/time';
import { ensureBenchAdmin } from './support/bench-auth';
import type { BenchOptions } from './support/bench-options';
import { freshPostgresDatabase } from './support/bench-postgres';
import { startHostProcess } from './support/bench-host';
import { startChild } from './support/child-process';
import { BENCH_DIR, createEmptyHotel, hotelRooms, NOW_MS, scratchDir, TIME_ZONE, TODAY } from './support/hotel-dataset';
import type { LatencySummary } from './support/load-client-process';
import type { Check as BenchCheck } from './support/report';
import { fmt, fmtMs, median } from './support/stats';

const CONNECTIONS = 50;
/** The host's pool (db/engine/postgres-engine.ts's default), given to the anchor too. */
const POOL_SIZE = 10;
const FIRST_NIGHT = addDays(TODAY, 31);
const MAX_STAY_MS = 92 * 86_400_000;

const OVERLAPS_SQL = `
  SELECT count(*) AS n FROM stays a JOIN stays b
    ON b.room_id = a.room_id AND b.id > a.id AND b.checkin_ms < a.checkout_ms AND a.checkin_ms < b.checkout_ms
  WHERE a.status IN ('booked', 'checked_in', 'checked_out') AND b.status IN ('booked', 'checked_in', 'checked_out')`;

type ClosedLoopReply = LatencySummary & { elapsedMs: number; nextIndex: number; client: string };

async function countOverlaps(url: string): Promise<{ overlaps: number; stays: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const overlaps = Number((await client.query<{ n: string }>(OVERLAPS_SQL)).rows[0]!.n);
    const stays = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM stays')).rows[0]!.n);
    return { overlaps, stays };
  } finally {
    await client.end();
  }
}

/** The anchor: the booking transaction on a plain `pg` pool, nothing around it. */
export function createRawPgBooker(url: string, poolSize = POOL_SIZE) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c synchronous_commit=on' });
  const rooms = hotelRooms();
  const stayConflict = toPgStatement(STAY_CONFLICT_SQL);
  const blockConflict = toPgStatement(BLOCK_CONFLICT_SQL);
  const insertStay = `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                        nights, status, price, notes, created_by, created_at, updated_at)
     VALUES ($1, $2, 'Walk-in guest', NULL, NULL, 1, $3, $4, $5, $6, 1, 'booked', $7, '', 'lan', $8, $9) RETURNING id`;
  const nextSeq = `INSERT INTO outbox_sequences (aggregate, last_seq) VALUES ($1, 1)
     ON CONFLICT (aggregate) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1 RETURNING last_seq AS seq`;
  const insertOutbox = `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES ('billing', 'billing.bill_update', $1, $2, $3, $4, $5, 'pending', 0, $6, $6)`;
  const insertAudit = `INSERT INTO audit_log (at, actor_id, actor, role, action, entity, entity_id, detail, via, address)
     VALUES ($1, 1, 'admin', 'admin', 'stays:seedCreate', 'stays', $2, $3, 'http', '127.0.0.1')`;
  const insertLiveEvent = 'INSERT INTO live_events (origin, payload) VALUES ($1, $2)';
  const origin = randomUUID();
  const book = async (k: number): Promise<boolean> => {
    const roomId = (k % rooms.length) + 1;
    const room = rooms[roomId - 1]!;
    const night = Math.floor(k / rooms.length);
    const a = resolveTime(addDays(FIRST_NIGHT, night), TIME_ZONE, '14:00');
    const b = resolveTime(addDays(FIRST_NIGHT, night + 1), TIME_ZONE, '12:00');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const stay = await client.query({ name: stayConflict.name, text: stayConflict.text, values: [roomId, b.ms, a.ms - MAX_STAY_MS, a.ms, 0] });
      const block = stay.rowCount ? stay : await client.query({ name: blockConflict.name, text: blockConflict.text, values: [roomId, b.ms, a.ms, 0] });
      if (block.rowCount) {
        await client.query('ROLLBACK');
        return false;
      }
      const id = Number((await client.query<{ id: string }>({ name: 'raw_stay', text: insertStay, values: [roomId, room.category, a.iso, b.iso, a.ms, b.ms, room.nightlyRate, NOW_MS, NOW_MS] })).rows[0]!.id);
      const aggregate = `stay:${id}`;
      const seq = Number((await client.query<{ seq: string }>({ name: 'raw_seq', text: nextSeq, values: [aggregate] })).rows[0]!.seq);
      const bill = { room_type: room.category, checkin: a.iso, checkout: b.iso, roomnumber: room.number, status: 'booked', price: room.nightlyRate, currency: 'DKK', sequence: seq };
      await client.query({ name: 'raw_outbox', text: insertOutbox, values: [aggregate, seq, `/bills/update/${id}`, JSON.stringify(bill), randomUUID(), NOW_MS] });
      const asked = { roomnumber: room.number, category: room.category, checkin: a.iso.slice(0, 19), checkout: b.iso.slice(0, 19) };
      await client.query({ name: 'raw_audit', text: insertAudit, values: [NOW_MS, String(id), JSON.stringify(asked)] });
      const changed = { id, roomId, roomNumber: room.number, category: room.category, guestName: 'Walk-in guest', guests: 1, checkin: a.iso, checkout: b.iso, nights: 1, status: 'booked', price: room.nightlyRate };
      await client.query({ name: 'raw_live', text: insertLiveEvent, values: [origin, JSON.stringify({ type: 'stay.changed', action: 'created', stay: changed })] });
      await client.query('COMMIT');
      return true;
    } finally {
      client.release();
    }
  };
  let next = 0;
  return {
    /** Bookings per second with `CONNECTIONS` of them in flight for `durationMs`. */
    async run(durationMs: number): Promise<number> {
      let bookings = 0;
      const started = performance.now();
      const deadline = started + durationMs;
      const worker = async () => {
        while (performance.now() < deadline) if (await book(next++)) bookings++;
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, worker));
      return (bookings * 1000) / (performance.now() - started);
    },
    close: () => pool.end(),
  };
}

/** The PostgreSQL rows of benchmark 1's result. */
export async function runBookingHttpPostgres(o: BenchOptions, durationMs: number): Promise<{ checks: BenchCheck[]; figures: string[] }> {
  const hostUrl = await freshPostgresDatabase('bench_booking_http');
  const rawUrl = await freshPostgresDatabase('bench_booking_raw');
  await createEmptyHotel(hostUrl);
  await ensureBenchAdmin(hostUrl);
  await createEmptyHotel(rawUrl);
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  const host = startHostProcess();
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  const raw = createRawPgBooker(rawUrl);
  try {
    await Promise.all([host.next('ready'), client.next('ready')]);
    const { url, token } = await host.ask<{ type: string; url: string; token: string }>({ type: 'start', dataDir: scratchDir('booking-pg'), databaseUrl: hostUrl }, 'started');
    let nextIndex = 0;
    const load = async (ms: number) => {
      const r = await client.ask<ClosedLoopReply & { type: string }>(
        { type: 'closed-loop', origin: url, token, connections: CONNECTIONS, durationMs: ms, rooms, startDate: FIRST_NIGHT, firstIndex: nextIndex },
        'closed-loop:done',
      );
      nextIndex = r.nextIndex;
      return r;
    };
    o.log('  PostgreSQL: warm-up …');
    await load(1000);
    await raw.run(500);
    const http: ClosedLoopReply[] = [];
    const rawRates: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      // Alternate who goes first, so neither always meets the colder server.
      if (i % 2) rawRates.push(await raw.run(durationMs));
      http.push(await load(durationMs));
      if (!(i % 2)) rawRates.push(await raw.run(durationMs));
      const h = http[i]!;
      o.log(`  PostgreSQL run ${i + 1}: HTTP ${fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)} bookings/s (p99 ${fmtMs(h.p99)}), raw pg ${fmt(rawRates[i]!)}/s`);
    }
    await host.stop();
    const httpRate = median(http.map((h) => ((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs));
    const rawRate = median(rawRates);
    const ratio = httpRate / rawRate;
    const p99 = median(http.map((h) => h.p99));
    const failures = http.reduce((n, h) => n + h.failures, 0);
    const ours = await countOverlaps(hostUrl);
    const anchor = await countOverlaps(rawUrl);
    return {
      checks: [
        { label: 'PostgreSQL: throughput (50 conns)', ours: `${fmt(httpRate)} bookings/s`, anchor: `${fmt(rawRate)} tx/s (raw pg)`, ratio: fmt(ratio), target: '≥ 0.8', pass: ratio >= 0.8 },
        { label: 'PostgreSQL: p99 latency (50 conns)', ours: fmtMs(p99), target: 'measured', pass: null },
        { label: 'PostgreSQL: overlapping stays after', ours: String(ours.overlaps), anchor: String(anchor.overlaps), target: '0', pass: ours.overlaps === 0 && anchor.overlaps === 0 },
      ],
      figures: [
        `PostgreSQL: the host on its pool of ${POOL_SIZE}; raw pg: a pool of ${POOL_SIZE} in one process, ${CONNECTIONS} bookings in flight. HTTP ${failures} failures; p50 ${fmtMs(median(http.map((h) => h.p50)))}, p99 ${fmtMs(p99)}.`,
        `PostgreSQL runs: HTTP ${http.map((h) => fmt(((h.statuses['201'] ?? 0) * 1000) / h.elapsedMs)).join(', ')} bookings/s; raw pg ${rawRates.map(fmt).join(', ')} tx/s.`,
        `PostgreSQL overlaps (self-join over occupying stays): HTTP database ${ours.overlaps} in ${ours.stays} stays, raw database ${anchor.overlaps} in ${anchor.stays}.`,
      ],
    };
  } finally {
    await Promise.allSettled([host.stop(), client.stop()]);
    await raw.close();
  }
}
