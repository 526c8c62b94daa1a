/**
 * Two (and three) outbox workers on one database, as servers on one PostgreSQL (or processes on one
 * SQLite file): each on its own connection (pool), all delivering at once. No message may be lost,
 * none sent twice, and each record's messages still arrive in order (core/outbox/outbox-worker.ts
 * claims what it sends, a record's head and the messages behind it, before it sends them:
 * db/queries/outbox-claim-queries.ts); a dead worker's claims are taken over once they run out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commit } from '../../../core/commit';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../core/outbox/outbox-worker';
import type { Database } from '../../../db/database';
import { startBillingStub, type BillingStub } from '../../support/billing-stub';
import { createTestCore, type TestCore } from '../../support/test-core';

const RECORDS = 20;
const PER_RECORD = 10;

let t: TestCore;
let stub: BillingStub;
let other: Database;
let third: Database | undefined;
let workers: OutboxWorker[];

beforeEach(async () => {
  stub = await startBillingStub();
  t = await createTestCore({ settings: { eventServiceUrl: `${stub.url}/events` } });
  other = await t.database.open(); // the second server's own connection to the same database
  workers = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await third?.close();
  third = undefined;
  await other.close();
  await stub.close();
  await t.close();
});

function workerOn(db: Database, options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = createOutboxWorker({
    db, clock: t.clock.now, getSettings: () => t.core.settings.get(), events: t.core.deps.events, concurrency: 8, onError: () => undefined, ...options,
  });
  workers.push(w);
  return w;
}

/** RECORDS records × PER_RECORD messages each to the event broker (nothing supersedes them), in one commit. */
async function enqueueAll(): Promise<void> {
  await commit(t.core.deps, async (c) => {
    for (let n = 1; n <= PER_RECORD; n++) {
      for (let r = 0; r < RECORDS; r++) await c.enqueue({ target: 'events', topic: 'car.changed', aggregate: `car:${r}`, path: '', payload: { r, n } });
    }
  });
}

const pending = async () => (await t.db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status <> 'sent'`))!.n;

describe('two outbox workers on one database', () => {
  it('deliver every message exactly once, each record in order, while both take due messages at once', async () => {
    await enqueueAll();
    const [a, b] = [workerOn(t.db), workerOn(other)];
    let attempts = 0;
    // Both read the same due heads in each round; a round ends when both are idle. Bounded: each round sends ≥ 1 head per record.
    for (let round = 0; round < PER_RECORD * 2 && (await pending()) > 0; round++) {
      const [x, y] = await Promise.all([a.tick(), b.tick()]);
      attempts += x + y;
    }
    expect(await pending()).toBe(0); // none lost
    expect(stub.requests).toHaveLength(RECORDS * PER_RECORD); // none sent twice (the stub would count a repeat here)
    expect(attempts).toBe(RECORDS * PER_RECORD);
    expect(new Set(stub.requests.map((q) => q.headers['idempotency-key'])).size).toBe(RECORDS * PER_RECORD);
    for (let r = 0; r < RECORDS; r++) {
      const seen = stub.requests.map((q) => JSON.parse(q.body) as { r: number; n: number }).filter((p) => p.r === r).map((p) => p.n);
      expect(seen).toEqual(Array.from({ length: PER_RECORD }, (_, i) => i + 1));
    }
    const rows = await t.db.all<{ attempts: number }>(`SELECT attempts FROM outbox`);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  });

  it('three workers started at once (each woken by the enqueue, as servers are): every message once, each record in order', async () => {
    third = await t.database.open();
    const all = [workerOn(t.db), workerOn(other), workerOn(third)];
    for (const w of all) w.start();
    await enqueueAll();
    await expect.poll(pending, { timeout: 30_000 }).toBe(0);
    expect(stub.requests).toHaveLength(RECORDS * PER_RECORD); // none sent twice
    for (let r = 0; r < RECORDS; r++) {
      const seen = stub.requests.map((q) => JSON.parse(q.body) as { r: number; n: number }).filter((p) => p.r === r).map((p) => p.n);
      expect(seen).toEqual(Array.from({ length: PER_RECORD }, (_, i) => i + 1));
    }
  });

  it('a message one worker took and then gave up on stopping is delivered by the other, once', async () => {
    stub.route = () => 'hang';
    await commit(t.core.deps, async (c) => await c.enqueue({ target: 'events', topic: 'car.changed', aggregate: 'car:1', path: '', payload: { n: 1 } }));
    const a = workerOn(t.db, { stopGraceMs: 0 });
    const ticking = a.tick();
    await expect.poll(() => stub.requests.length).toBe(1);
    expect(await workerOn(other).tick()).toBe(0); // taken by a: not due for b
    await a.stop(); // aborts the hanging attempt, which does not count, and gives the message back
    expect(await ticking).toBe(0);
    stub.route = undefined;
    expect(await workerOn(other).tick()).toBe(1);
    expect(stub.delivered).toHaveLength(1);
    expect(await pending()).toBe(0);
  });

  it('a record held by a worker that died is sent by the other once its claim runs out: in order, its first message with the same key', async () => {
    stub.route = () => 'hang';
    await commit(t.core.deps, async (c) => {
      for (let n = 1; n <= 3; n++) await c.enqueue({ target: 'events', topic: 'car.changed', aggregate: 'car:1', path: '', payload: { r: 1, n } });
    });
    const dead = workerOn(t.db, { timeoutMs: 120_000 }); // its attempt outlasts the test
    void dead.tick(); // never answered: as good as a server that died mid-attempt, holding the record's three messages
    await expect.poll(() => stub.requests.length).toBe(1);
    stub.route = undefined;
    const b = workerOn(other);
    expect(await b.tick()).toBe(0);
    t.clock.set(t.clock.now() + 10 * 60_000); // past the claim (timeout + grace + margin)
    expect(await b.tick()).toBe(3);
    expect(stub.requests[1]!.headers['idempotency-key']).toBe(stub.requests[0]!.headers['idempotency-key']);
    expect(stub.delivered.map((q) => (JSON.parse(q.body) as { n: number }).n)).toEqual([1, 2, 3]);
    expect(await pending()).toBe(0);
  });
});
