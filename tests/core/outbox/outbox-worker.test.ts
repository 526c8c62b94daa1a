import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../core/outbox/outbox-worker';
import { enqueueOutbox, type OutboxEntry } from '../../../core/outbox/outbox-queries';
import type { LiveEvent } from '../../../shared/contract/events';
import { closedPortUrl, startBillingStub, type BillingStub } from '../../support/billing-stub';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

interface Row {
  id: number;
  status: string;
  attempts: number;
  next_attempt_ms: number;
  last_error: string | null;
  sent_ms: number | null;
}

let t: TestCore;
let stub: BillingStub;
let workers: OutboxWorker[];

beforeEach(async () => {
  stub = await startBillingStub();
  t = createTestCore({ settings: { billingServiceUrl: stub.url, outboxMaxAttempts: 3 } });
  workers = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await stub.close();
  t.close();
});

function worker(overrides: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = createOutboxWorker({
    sqlite: t.sqlite,
    clock: t.clock.now,
    getSettings: () => t.core.settings.get(),
    events: t.core.deps.events,
    // Worst-case jitter: every delay is its full ceiling, so tests know when a retry is due.
    random: () => 0.999_999,
    onError: () => undefined,
    ...overrides,
  });
  workers.push(w);
  return w;
}

function enqueue(overrides: Partial<OutboxEntry> = {}): number {
  return enqueueOutbox(
    t.sqlite,
    { target: 'billing', topic: 'billing.bill_update', aggregate: 'stay:1', path: '/bills/update/1', payload: { room_type: 'Single' }, ...overrides },
    t.clock.now(),
  );
}

const row = (id: number) => t.sqlite.prepare('SELECT id, status, attempts, next_attempt_ms, last_error, sent_ms FROM outbox WHERE id = ?').get(id) as Row;
const key = (id: number) => (t.sqlite.prepare('SELECT idempotency_key AS k FROM outbox WHERE id = ?').get(id) as { k: string }).k;

describe('outbox worker', () => {
  it('POSTs a committed stay to billing with its JSON, content type and idempotency key, then marks it sent', async () => {
    t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard single room' }), adminCtx);
    const stay = t.core.handlers['stays:create'](aStay({ roomId: 1 }), deskCtx);

    expect(await worker().tick()).toBe(1);

    expect(stub.requests).toHaveLength(1);
    const req = stub.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/bills/update/${stay.id}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['idempotency-key']).toBe(key(1));
    expect(JSON.parse(req.body)).toMatchObject({ room_type: 'Standard single room', checkin: stay.checkin, checkout: stay.checkout });
    expect(row(1)).toMatchObject({ status: 'sent', attempts: 1, sent_ms: t.clock.now(), last_error: null });
  });

  it('publishes outbox.changed after a tick that delivered something, and nothing after an idle one', async () => {
    enqueue();
    const w = worker();
    await w.tick();
    const changes = () => t.events.filter((e: LiveEvent) => e.type === 'outbox.changed').length;
    expect(changes()).toBe(1);
    await w.tick();
    expect(changes()).toBe(1);
  });

  it('dead-letters a 4xx refusal at once, keeping the status and an excerpt of the answer', async () => {
    const id = enqueue();
    stub.plan({ status: 422, body: '{"error":"unknown room type"}' });

    await worker().tick();

    const r = row(id);
    expect(r.status).toBe('dead');
    expect(r.attempts).toBe(1);
    expect(r.last_error).toContain('HTTP 422');
    expect(r.last_error).toContain('unknown room type');
  });

  it('retries a 500 with exponential backoff and gives up after outboxMaxAttempts', async () => {
    const id = enqueue();
    stub.fallback = { status: 500, body: 'boom' };
    const w = worker();

    await w.tick();
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row(id).next_attempt_ms - t.clock.now()).toBe(999); // [0, 1 s) after the first failure
    expect(row(id).last_error).toContain('HTTP 500');

    expect(await w.tick()).toBe(0); // not due yet
    t.clock.advance(1_000);
    await w.tick();
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row(id).next_attempt_ms - t.clock.now()).toBe(1_999); // [0, 2 s)

    t.clock.advance(2_000);
    await w.tick();
    expect(row(id).status).toBe('dead');
    expect(row(id).attempts).toBe(3);
    expect(stub.requests).toHaveLength(3);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const id = enqueue();
    stub.plan({ status: 429, headers: { 'Retry-After': '120' } });
    await worker().tick();
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row(id).next_attempt_ms - t.clock.now()).toBe(120_000);
  });

  /** Billing unreachable for `hours` hours, the worker trying once an hour; returns the message and worker. */
  async function throughOutage(hours: number): Promise<{ id: number; w: OutboxWorker }> {
    t.core.handlers['settings:update']({ billingServiceUrl: await closedPortUrl() }, adminCtx);
    const id = enqueue();
    const w = worker();
    for (let i = 0; i < hours; i++) {
      await w.tick();
      t.clock.advance(3_600_000);
    }
    return { id, w };
  }

  it('keeps a message pending, never dead, while the service cannot be reached', async () => {
    const { id } = await throughOutage(5);
    const r = row(id);
    expect(r.status).toBe('pending');
    expect(r.attempts).toBe(5); // past outboxMaxAttempts (3), still pending
    expect(r.last_error).toMatch(/Network error/);
  });

  it('does not dead-letter on the first 5xx after a long outage: only answered failures count', async () => {
    const { id, w } = await throughOutage(5);
    t.core.handlers['settings:update']({ billingServiceUrl: stub.url }, adminCtx);
    stub.plan({ status: 503 });
    await w.tick();
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 6 });
    t.clock.advance(3_600_000);
    await w.tick();
    expect(row(id).status).toBe('sent');
  });

  it('treats a dropped connection as unreachable and delivers on a later tick', async () => {
    const id = enqueue();
    stub.plan('destroy');
    const w = worker();
    await w.tick();
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    t.clock.advance(1_000);
    await w.tick();
    expect(row(id).status).toBe('sent');
    expect(stub.delivered).toHaveLength(1);
  });

  it('leaves messages pending while their target has no URL', async () => {
    t.core.handlers['settings:update']({ billingServiceUrl: '' }, adminCtx);
    const id = enqueue();
    expect(await worker().tick()).toBe(0);
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(stub.requests).toHaveLength(0);
  });

  it('delivers the messages of one stay in order: a later one waits while an earlier one backs off', async () => {
    const first = enqueue({ aggregate: 'stay:7', path: '/bills/update/7', payload: { n: 1 } });
    const second = enqueue({ aggregate: 'stay:7', path: '/bills/update/7', payload: { n: 2 } });
    const other = enqueue({ aggregate: 'stay:8', path: '/bills/update/8', payload: { n: 3 } });
    stub.plan({ status: 503 });
    const w = worker();

    expect(await w.tick()).toBe(2); // stay:7's head and stay:8, not stay:7's second message
    expect(row(first)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row(second)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row(other).status).toBe('sent');

    t.clock.advance(1_000);
    await w.tick();
    await w.tick();
    expect(stub.delivered.map((r) => JSON.parse(r.body).n)).toEqual([3, 1, 2]);
  });

  it('does not let a dead message hold back the rest of its aggregate or other aggregates', async () => {
    const bad = enqueue({ aggregate: 'stay:1', payload: { n: 1 } });
    const next = enqueue({ aggregate: 'stay:1', payload: { n: 2 } });
    stub.plan({ status: 400, body: 'bad' });
    const w = worker();
    await w.tick();
    expect(row(bad).status).toBe('dead');
    await w.tick();
    expect(row(next).status).toBe('sent');
  });

  it('sends a dead message again after the admin retries it, with the same idempotency key', async () => {
    const id = enqueue();
    stub.plan({ status: 422, body: 'no' });
    const w = worker();
    await w.tick();
    expect(row(id).status).toBe('dead');

    const retried = t.core.handlers['outbox:retry']({ id }, adminCtx);
    expect(retried.status).toBe('pending');
    await w.tick();

    expect(row(id).status).toBe('sent');
    expect(stub.requests.map((r) => r.headers['idempotency-key'])).toEqual([key(id), key(id)]);
  });

  it('prunes sent messages older than outboxRetentionDays, at most once a minute, keeping dead and pending ones', async () => {
    const old = enqueue({ aggregate: 'a' });
    const dead = enqueue({ aggregate: 'b' });
    stub.plan({ status: 200 }, { status: 410 });
    const w = worker();
    await w.tick();
    expect(row(old).status).toBe('sent');
    expect(row(dead).status).toBe('dead');

    t.clock.advance(8 * 86_400_000); // retention is 7 days by default
    t.core.handlers['settings:update']({ billingServiceUrl: '' }, adminCtx);
    const pending = enqueue({ aggregate: 'c' });
    await w.tick();
    expect(row(old)).toBeUndefined();
    expect(row(dead).status).toBe('dead');
    expect(row(pending).status).toBe('pending');
  });

  it('does not prune again within the minute', async () => {
    const w = worker();
    await w.tick(); // prunes (nothing) and remembers when
    const id = enqueue();
    await w.tick();
    expect(row(id).status).toBe('sent');
    t.sqlite.prepare('UPDATE outbox SET sent_ms = 0').run();
    t.clock.advance(30_000);
    await w.tick();
    expect(row(id)).toBeDefined();
    t.clock.advance(30_000);
    await w.tick();
    expect(row(id)).toBeUndefined();
  });

  it('delivers different aggregates in parallel', async () => {
    for (let i = 0; i < 6; i++) enqueue({ aggregate: `stay:${i}` });
    let inFlight = 0;
    let peak = 0;
    const slowFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    expect(await worker({ fetch: slowFetch }).tick()).toBe(6);
    expect(peak).toBeGreaterThan(1);
    expect(stub.delivered).toHaveLength(6);
  });

  it('never sends one message twice when ticks are called concurrently', async () => {
    enqueue();
    const w = worker();
    await Promise.all([w.tick(), w.tick(), w.tick()]);
    expect(stub.requests).toHaveLength(1);
  });

  it('when started, wakes up for a new stay at once instead of waiting for the next poll', async () => {
    t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const w = worker({ pollMs: 60_000 });
    w.start();
    await new Promise((r) => setTimeout(r, 50)); // the first, empty tick
    t.core.handlers['stays:create'](aStay({ roomId: 1 }), deskCtx);
    await expect.poll(() => stub.delivered.length, { timeout: 2_000 }).toBe(1);
    await w.stop();
  });

  it('stop() waits for a delivery in flight', async () => {
    const id = enqueue();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gatedFetch: typeof fetch = async (input, init) => {
      await gate;
      return fetch(input, init);
    };
    const w = worker({ fetch: gatedFetch });
    const ticking = w.tick();
    await new Promise((r) => setTimeout(r, 20));
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await ticking;
    expect(row(id).status).toBe('sent');
  });
});
