/**
 * A target that answers again drains its backlog at once (issue 20 item 2): while it fails, one
 * worker probes it with a waiting message at least every 30 s; the success that ends a long failing
 * run makes every waiting message due now, whatever back-off each grew; they go out per record in
 * order, paced (one record at a time after a failure, doubling with each success). The injected clock
 * stands in for the outage's minutes; every attempt is a real HTTP request to a local receiver.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../core/outbox/outbox-worker';
import { enqueueOutbox } from '../../../core/outbox/outbox-enqueue';
import type { Database } from '../../../db/database';
import { startBillingStub, type BillingStub } from '../../support/billing-stub';
import { adminCtx, createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
let stub: BillingStub;
let workers: OutboxWorker[];
let other: Database | undefined;

beforeEach(async () => {
  stub = await startBillingStub();
  t = await createTestCore({ settings: { eventServiceUrl: `${stub.url}/events`, billingServiceUrl: '' } });
  workers = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await other?.close();
  other = undefined;
  await stub.close();
  await t.close();
});

function worker(options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = createOutboxWorker({ db: t.db, clock: t.clock.now, getSettings: () => t.core.settings.get(), events: t.core.deps.events, random: () => 0.5, onError: (e) => { throw e; }, ...options });
  workers.push(w);
  return w;
}

/** `records` cars with `each` events apiece, to the event broker (every one delivered, in order). */
async function backlog(records: number, each: number): Promise<void> {
  for (let n = 1; n <= each; n++) {
    for (let r = 1; r <= records; r++) await enqueueOutbox(t.db, { target: 'events', topic: 'car.updated', aggregate: `car:${r}`, path: '', payload: { r, n } }, t.clock.now());
  }
}

const pending = async () => (await t.db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`))!.n;
/** When the worker next has something to do: the soonest attempt of a record's head, or the target's next probe. */
const nextWork = async () => (await t.db.get<{ at: number | null }>(
  `SELECT min(at) AS at FROM (
     SELECT min(o.next_attempt_ms) AS at FROM outbox o WHERE o.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status = 'pending' AND p.id < o.id)
     UNION ALL SELECT next_probe_ms FROM outbox_target_health WHERE failing_since_ms IS NOT NULL) AS w`,
))!.at;

/** Lets the clock run from work to work (no sleeping) and ticks, until `end` or until nothing waits. */
async function runUntil(w: OutboxWorker, end: number): Promise<void> {
  for (let at = await nextWork(), guard = 0; at !== null && at <= end && (await pending()) > 0; at = await nextWork(), guard++) {
    if (guard > 5_000) throw new Error('the worker makes no progress');
    t.clock.set(Math.max(t.clock.now() + 1, at));
    await w.tick();
  }
}

const delivered = () => stub.delivered.map((r) => JSON.parse(r.body) as { r: number; n: number });

describe('a target that answers again', () => {
  it('after 30 minutes down, sends its whole backlog within 30 s of its return: each record in order, none twice, none dead', { timeout: 60_000 }, async () => {
    await backlog(40, 5);
    stub.fallback = { status: 500, body: 'down' };
    const w = worker();
    const start = t.clock.now();
    await runUntil(w, start + 30 * 60_000);
    const failed = stub.requests.length;
    const during = await t.core.handlers['outbox:status']({}, adminCtx);
    expect(during.targets.find((x) => x.target === 'events')).toMatchObject({ state: 'failing', failingSince: '2026-05-01T10:00:00+02:00', pending: 200, lastError: expect.stringContaining('HTTP 500') });
    const waitedFor = (await t.db.get<{ at: number }>(`SELECT max(next_attempt_ms) AS at FROM outbox WHERE status = 'pending'`))!.at;

    const back = start + 30 * 60_000;
    t.clock.set(back);
    stub.fallback = { status: 200, body: '{"ok":true}' };
    await runUntil(w, back + 3_600_000);
    const drained = t.clock.now() - back;

    expect(await pending()).toBe(0);
    expect(stub.delivered).toHaveLength(200);
    expect(new Set(stub.delivered.map((r) => r.headers['idempotency-key'])).size).toBe(200);
    for (let r = 1; r <= 40; r++) expect(delivered().filter((p) => p.r === r).map((p) => p.n)).toEqual([1, 2, 3, 4, 5]);
    expect(drained).toBeLessThanOrEqual(30_000); // the next probe, then everything at once
    expect(waitedFor - back).toBeGreaterThan(5 * 60_000); // what the messages' own back-off would have waited
    const after = (await t.core.handlers['outbox:status']({}, adminCtx)).targets.find((x) => x.target === 'events')!;
    expect(after).toMatchObject({ state: 'up', failingSince: null, nextProbeAt: null, pending: 0 });
    expect(after.recoveredAt).not.toBeNull();
    console.log(
      `outbox 30 min of 500s (injected clock), 200 events of 40 cars: ${failed} failed attempts during the outage; ` +
        `the messages' own back-off would have held the last until ${((waitedFor - back) / 60_000).toFixed(1)} min after the return; ` +
        `all 200 sent ${(drained / 1000).toFixed(1)} s after it (clock), in order per car, each once`,
    );
  });

  it('is probed by one worker of two while it fails, however far its messages have backed off', { timeout: 30_000 }, async () => {
    await backlog(3, 1);
    stub.fallback = { status: 503 };
    const a = worker();
    const start = t.clock.now();
    await runUntil(a, start + 20 * 60_000);
    other = await t.database.open();
    const b = worker({ db: other });
    const probeAt = (await t.db.get<{ at: number }>(`SELECT next_probe_ms AS at FROM outbox_target_health WHERE target = 'events'`))!.at;
    const soonest = (await t.db.get<{ at: number }>(`SELECT min(next_attempt_ms) AS at FROM outbox WHERE status = 'pending'`))!.at;
    expect(probeAt - t.clock.now()).toBeLessThanOrEqual(30_000);
    expect(soonest).toBeGreaterThan(probeAt); // without the probe, nothing would be tried yet

    t.clock.set(probeAt);
    const before = stub.requests.length;
    const [x, y] = await Promise.all([a.tick(), b.tick()]);
    expect(x + y).toBe(1);
    expect(stub.requests.length - before).toBe(1);
  });

  it('a short failing run pulls nothing forward: a message that fails on its own while the target answers the others keeps its back-off', async () => {
    stub.route = (req) => (JSON.parse(req.body).r === 1 ? { status: 500, body: 'this one' } : undefined);
    await backlog(3, 1);
    const w = worker();
    await w.tick();
    const stuck = (await t.db.get<{ next: number; attempts: number }>(`SELECT next_attempt_ms AS next, attempts FROM outbox WHERE status = 'pending'`))!;
    expect(stuck.attempts).toBe(1);
    for (let i = 0; i < 5; i++) {
      await enqueueOutbox(t.db, { target: 'events', topic: 'car.updated', aggregate: `car:${10 + i}`, path: '', payload: { r: 10 + i, n: 1 } }, t.clock.now());
      t.clock.advance(20);
      await w.tick();
    }
    expect(stub.requests.filter((r) => JSON.parse(r.body).r === 1)).toHaveLength(1);
    expect((await t.db.get<{ next: number }>(`SELECT next_attempt_ms AS next FROM outbox WHERE status = 'pending'`))!.next).toBe(stuck.next);
    expect((await t.core.handlers['outbox:status']({}, adminCtx)).targets.find((x) => x.target === 'events')!.state).toBe('up');
  });

  it('after a failure sends one record at a time, then twice as many with each success', async () => {
    await backlog(1, 1);
    stub.plan({ status: 503 });
    let inFlight = 0;
    const atArrival: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      atArrival.push(++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const w = worker({ fetch: counting });
    await w.tick();
    atArrival.length = 0;
    await backlog(16, 1);
    t.clock.advance(60_000);
    await w.tick();
    expect(await pending()).toBe(0);
    expect(atArrival.slice(0, 2)).toEqual([1, 1]); // alone, then (one success: two at once) the next starts beside the second
    expect(Math.max(...atArrival)).toBeGreaterThan(2); // and the window grows back
  });
});
