/**
 * Chains (core/outbox/outbox-claims.ts, chain-runner.ts): a worker claims a record's due head and the
 * messages behind it in one write, sends each as soon as the one before got through — before that
 * one's `sent` mark is even written — and gives back what it does not send (a failure, a lease
 * running low, a stop), so the messages behind wait their turn, in order, for any worker.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../core/outbox/outbox-worker';
import { enqueueOutbox, type OutboxEntry } from '../../../core/outbox/outbox-enqueue';
import { startBillingStub, type BillingStub } from '../../support/billing-stub';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
let stub: BillingStub;
let workers: OutboxWorker[];

beforeEach(async () => {
  stub = await startBillingStub();
  t = await createTestCore({ settings: { eventServiceUrl: `${stub.url}/events`, billingServiceUrl: stub.url } });
  workers = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await stub.close();
  await t.close();
});

function worker(options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = createOutboxWorker({ db: t.db, clock: t.clock.now, getSettings: () => t.core.settings.get(), events: t.core.deps.events, random: () => 0.5, onError: (e) => { throw e; }, ...options });
  workers.push(w);
  return w;
}

const enqueue = async (e: Partial<OutboxEntry> = {}) =>
  await enqueueOutbox(t.db, { target: 'events', topic: 'car.updated', aggregate: 'car:1', path: '', payload: {}, ...e }, t.clock.now());
const event = (car: number, n: number) => enqueue({ aggregate: `car:${car}`, payload: { car, n } });

interface Row { id: number; status: string; attempts: number; claimed: number | null }
const rows = async () => await t.db.all<Row>(`SELECT id, status, attempts, claimed_until_ms AS claimed FROM outbox ORDER BY id`);
const sentNs = () => stub.delivered.map((r) => (JSON.parse(r.body) as { n: number }).n);

describe('outbox chains', () => {
  it('send a record’s next message as soon as the one before got through, before its sent mark is written', async () => {
    for (let n = 1; n <= 4; n++) await event(1, n);
    const statusOfPrevious: string[] = [];
    const watching: typeof fetch = async (input, init) => {
      const n = (JSON.parse(String(init?.body)) as { n: number }).n;
      if (n > 1) statusOfPrevious.push((await t.db.get<{ s: string }>(`SELECT status AS s FROM outbox WHERE seq = ?`, n - 1))!.s);
      return await fetch(input, init);
    };
    expect(await worker({ fetch: watching, markLingerMs: 60_000 }).tick()).toBe(4);
    expect(sentNs()).toEqual([1, 2, 3, 4]);
    expect(statusOfPrevious).toEqual(['pending', 'pending', 'pending']); // no write stood between two messages of the record
    expect((await rows()).map((r) => [r.status, r.attempts, r.claimed])).toEqual(Array(4).fill(['sent', 1, null])); // the tick wrote the marks before it ended
  });

  it('end at a failure: the messages behind it are given back and wait behind it, in order', async () => {
    for (let n = 1; n <= 3; n++) await event(1, n);
    stub.plan({ status: 200 }, { status: 503 });
    const w = worker();
    expect(await w.tick()).toBe(2);
    expect((await rows()).map((r) => [r.status, r.attempts, r.claimed])).toEqual([['sent', 1, null], ['pending', 1, null], ['pending', 0, null]]);
    t.clock.advance(60_000);
    expect(await w.tick()).toBe(2);
    expect(sentNs()).toEqual([1, 2, 3]);
  });

  it('stop starting messages when too little of the claim is left for one more attempt, and give the rest back', async () => {
    for (let n = 1; n <= 3; n++) await event(1, n);
    // Each request takes 40 s of the hotel's clock: the third would start too close to the end of the claim (73 s).
    const claims: number[] = [];
    const slow: typeof fetch = async (input, init) => {
      const n = (JSON.parse(String(init?.body)) as { n: number }).n;
      claims.push((await t.db.get<{ c: number }>(`SELECT claimed_until_ms AS c FROM outbox WHERE seq = ?`, n))!.c);
      t.clock.advance(40_000);
      return await fetch(input, init);
    };
    expect(await worker({ fetch: slow }).tick()).toBe(3);
    expect(sentNs()).toEqual([1, 2, 3]);
    expect(claims[0]).toBe(claims[1]); // one claim for the first two
    expect(claims[2]).toBeGreaterThan(claims[0]!); // the third was given back, then claimed anew
    expect((await rows()).map((r) => [r.status, r.attempts, r.claimed])).toEqual(Array(3).fill(['sent', 1, null]));
  });

  it('take no chain for a whole-state target: a record’s newer billing message supersedes instead', async () => {
    const first = await enqueue({ target: 'billing', aggregate: 'stay:1', path: '/bills/update/1', payload: { status: 'booked' } });
    await enqueue({ target: 'billing', aggregate: 'stay:1', path: '/bills/update/1', payload: { status: 'cancelled' } });
    expect(await worker().tick()).toBe(1);
    expect(stub.delivered.map((r) => JSON.parse(r.body).status)).toEqual(['cancelled']);
    expect((await rows()).find((r) => r.id === first)!.status).toBe('superseded');
  });

  it('a billing message superseded while in flight on one worker holds back its successor on another until its attempt ends', async () => {
    await enqueue({ target: 'billing', aggregate: 'stay:1', path: '/bills/update/1', payload: { status: 'booked' } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = 0;
    const gated: typeof fetch = async (input, init) => {
      held++;
      await gate;
      return await fetch(input, init);
    };
    const other = await t.database.open();
    try {
      const a = worker({ fetch: gated });
      const b = worker({ db: other });
      const ticking = a.tick();
      await expect.poll(() => held).toBe(1);
      await enqueue({ target: 'billing', aggregate: 'stay:1', path: '/bills/update/1', payload: { status: 'cancelled' } });
      expect(await b.tick()).toBe(0); // the superseded one is still in flight on a: its newer state waits
      release();
      expect(await ticking).toBe(2); // then a sends the newer one, once the older one's attempt ended
      expect(stub.delivered.map((r) => JSON.parse(r.body).status)).toEqual(['booked', 'cancelled']);
    } finally {
      await other.close();
    }
  });

  it('stop() gives back the chains claimed and not started yet', async () => {
    stub.route = (req) => ((JSON.parse(req.body) as { car: number }).car === 1 ? 'hang' : undefined);
    for (let car = 1; car <= 3; car++) await event(car, 1);
    const w = worker({ concurrency: 1, stopGraceMs: 0, pollMs: 60_000 });
    w.start();
    await expect.poll(() => stub.requests.length).toBe(1);
    expect((await rows()).filter((r) => r.claimed !== null)).toHaveLength(3); // one running, two queued behind it (up to four windows of one)
    await w.stop();
    expect((await rows()).map((r) => [r.status, r.attempts, r.claimed])).toEqual(Array(3).fill(['pending', 0, null]));
  });
});
