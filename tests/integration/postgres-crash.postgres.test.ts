/**
 * PostgreSQL's postmaster SIGKILLed under load, then restarted (issue 16 item 9 and its closing note):
 * a real host on its own private cluster, 16 HTTP clients on 16 sockets booking distinct stays
 * (writer w books room 101+w, one night after another), each 201 recorded as acknowledged. Mid-load
 * the postmaster is killed. While it is down every booking answers 503 with `Retry-After` (nothing
 * else: no 500, no hang). The cluster is restarted on the same folder and port, and the SAME host,
 * never restarted, books again by itself. Afterwards every acknowledged stay is in the database
 * (crash recovery kept every COMMIT acknowledged under `synchronous_commit = on`) and no two
 * occupying stays of a room overlap.
 *
 * Its own cluster, not the run's: the kill must not reach the other test files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../core/host';
import { UNAVAILABLE_RETRY_AFTER_S } from '../../db/engine/postgres-errors';
import { startPostgresCluster } from '../support/postgres-cluster';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { createHttpClient, type HttpReply } from '../support/socket-client';
import { findOverlaps } from './race-harness';

const WRITERS = 16;
/** Acknowledged bookings before the kill (about ten per writer). */
const ACKED_BEFORE_KILL = 160;
/** Bookings each writer must get acknowledged after the restart, on the same host. */
const ACKED_AFTER_RESTART = 5;
const DAY_MS = 86_400_000;
const ROOM = { category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 };

/** Writer w's booking k: room 101+w, the night of 2030-06-01 + k (no two bookings overlap). */
function booking(w: number, k: number) {
  const day = (offset: number) => new Date(Date.UTC(2030, 5, 1) + (k + offset) * DAY_MS).toISOString().slice(0, 10);
  return { roomnumber: 101 + w, category: ROOM.category, checkin: `${day(0)}T14:00:00`, checkout: `${day(1)}T12:00:00` };
}

type Phase = 'up' | 'down' | 'back';

/** What the writers saw, shared with the test, and a way to wait until a condition on it holds. */
function createLoad() {
  let waiters: (() => void)[] = [];
  let reopen!: () => void;
  const load = {
    phase: 'up' as Phase,
    acked: [] as number[],
    ackedAfterRestart: 0,
    /** 503 answers: [phase the request was sent in, Retry-After, body]. */
    unavailable: [] as { sentIn: Phase; retryAfter: string | undefined; body: string }[],
    unexpected: [] as string[],
    /** Writers waiting for the database to come back after a 503. */
    parked: 0,
    done: 0,
    backUp: new Promise<void>((resolve) => (reopen = resolve)),
    reopen: () => reopen(),
    changed() {
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    },
    async until(condition: () => boolean) {
      while (!condition() && load.unexpected.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      expect(load.unexpected).toEqual([]);
    },
  };
  return load;
}
type Load = ReturnType<typeof createLoad>;

function record(load: Load, sentIn: Phase, res: HttpReply) {
  if (res.status === 201) {
    // A booking sent while the database was down cannot have been committed.
    if (sentIn === 'down') load.unexpected.push(`201 for a booking sent while PostgreSQL was down: ${res.body}`);
    load.acked.push((JSON.parse(res.body) as { id: number }).id);
    if (sentIn === 'back') load.ackedAfterRestart++;
  } else if (res.status === 503 && load.phase !== 'up') {
    const retryAfter = res.headers['retry-after'];
    load.unavailable.push({ sentIn, retryAfter: Array.isArray(retryAfter) ? retryAfter.join() : retryAfter, body: res.body });
  } else load.unexpected.push(`${res.status} (sent while ${sentIn}) ${res.body}`);
}

async function writer(load: Load, w: number, baseUrl: string, token: string): Promise<void> {
  const client = createHttpClient(baseUrl, { token });
  let acked = 0;
  try {
    for (let k = 0; load.unexpected.length === 0; k++) {
      const sentIn = load.phase;
      const res = await client.send({ method: 'POST', path: '/bookings', body: booking(w, k) });
      record(load, sentIn, res);
      if (res.status === 201 && sentIn === 'back' && ++acked >= ACKED_AFTER_RESTART) break;
      load.changed();
      if (res.status === 503 && load.phase === 'down') {
        load.parked++;
        load.changed();
        await load.backUp;
        load.parked--;
      }
    }
  } catch (e) {
    load.unexpected.push(`writer ${w}: ${String(e)}`);
  } finally {
    client.close();
    load.done++;
    load.changed();
  }
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('SIGKILL of the postmaster under 16 writers, then a restart', () => {
  it('answers 503 with Retry-After while down, recovers by itself, and loses no acknowledged booking', async () => {
    const cluster = await startPostgresCluster();
    cleanups.push(() => cluster.stop());
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE frontdesk');
    await admin.end();
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pg-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const host = await createHost({
      dataDir: dir, databaseUrl: cluster.url('frontdesk'), port: 0, worker: false, rendererDir: join(dir, 'no-renderer'),
      adminPassword: TEST_ADMIN_PASSWORD, settings: { timeZone: 'Europe/Copenhagen' },
    });
    cleanups.push(() => host.close());
    const token = await signInOverHttp(host.url);
    const probe = createHttpClient(host.url, { token });
    cleanups.push(() => probe.close());
    for (let w = 0; w < WRITERS; w++) {
      expect((await probe.send({ method: 'POST', path: '/api/v1/rooms', body: { ...ROOM, number: 101 + w } })).status).toBe(201);
    }

    const load = createLoad();
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(load, w, host.url, token));
    await load.until(() => load.acked.length >= ACKED_BEFORE_KILL);
    const ackedBeforeKill = load.acked.length;
    load.phase = 'down';
    const killedAt = performance.now();
    cluster.kill();

    // Every writer has had its 503 and waits; one more booking sent now is refused the same way.
    await load.until(() => load.parked === WRITERS);
    const down = await probe.send({ method: 'POST', path: '/bookings', body: booking(0, 10_000) });
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe(String(UNAVAILABLE_RETRY_AFTER_S));
    expect(JSON.parse(down.body)).toEqual({ error: expect.any(String) });

    cluster.restart();
    load.phase = 'back';
    const restartedAt = performance.now();
    load.reopen();
    await load.until(() => load.ackedAfterRestart >= 1);
    const outageMs = performance.now() - killedAt;
    await load.until(() => load.done === WRITERS);
    await Promise.all(writers);

    const unavailable = load.unavailable;
    expect(unavailable.length).toBeGreaterThanOrEqual(WRITERS);
    expect(unavailable.filter((u) => u.retryAfter !== String(UNAVAILABLE_RETRY_AFTER_S))).toEqual([]);
    expect(load.ackedAfterRestart).toBe(WRITERS * ACKED_AFTER_RESTART);

    // Read through the same host's pool: it serves again without being restarted.
    const db = host.core.deps.db;
    const found = new Set((await db.all<{ id: number }>('SELECT id FROM stays')).map((r) => r.id));
    const acked = load.acked;
    const lost = acked.filter((id) => !found.has(id));
    expect(new Set(acked).size).toBe(acked.length);
    expect(lost).toEqual([]);
    // At most one booking per writer was committed without its 201 reaching the writer (cut at COMMIT).
    expect(found.size - acked.length).toBeGreaterThanOrEqual(0);
    expect(found.size - acked.length).toBeLessThanOrEqual(WRITERS);
    expect((await findOverlaps(db)).overlaps).toEqual([]);

    console.info(
      `postgres crash: ${WRITERS} writers, SIGKILL of the postmaster after ${ackedBeforeKill} acknowledged bookings; ` +
        `${acked.length} acknowledged, ${found.size} found, ${lost.length} lost, 0 overlaps; ` +
        `${unavailable.length} answers 503 (Retry-After ${UNAVAILABLE_RETRY_AFTER_S}) ` +
        `(${unavailable.filter((u) => u.sentIn === 'up').length} in flight at the kill, ${unavailable.filter((u) => u.sentIn === 'down').length} sent while down, ` +
        `${unavailable.filter((u) => u.sentIn === 'back').length} after the restart) + 1 probe; ` +
        `down ${(restartedAt - killedAt).toFixed(0)} ms, first booking acknowledged again ${outageMs.toFixed(0)} ms after the kill`,
    );
  });
});
