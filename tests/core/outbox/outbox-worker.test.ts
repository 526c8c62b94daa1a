import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commit } from '../../../core/commit';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../core/outbox/outbox-worker';
import { enqueueOutbox, type OutboxEntry } from '../../../core/outbox/outbox-enqueue';
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
  // The stays these tests book would also tell the event broker (issue 21): these tests are of billing's messages and their own events.
  t = await createTestCore({ settings: { billingServiceUrl: stub.url, eventServiceUrl: `${stub.url}/events`, brokerEventTypes: [] } });
  workers = [];
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  await stub.close();
  await t.close();
});

function worker(overrides: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = createOutboxWorker({
    db: t.db,
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

/** Enqueues a message; its id (the newest row: enqueueOutbox returns nothing). */
async function enqueue(overrides: Partial<OutboxEntry> = {}): Promise<number> {
  await enqueueOutbox(
    t.db,
    { target: 'billing', topic: 'billing.bill_update', aggregate: 'stay:1', path: '/bills/update/1', payload: { room_type: 'Single' }, ...overrides },
    t.clock.now(),
  );
  return (await t.db.get<{ id: number }>('SELECT max(id) AS "id" FROM outbox'))!.id;
}

/** A message to the event broker: it does not carry a record's whole state, so nothing supersedes it. */
const event = (aggregate: string, n: number): Partial<OutboxEntry> => ({ target: 'events', topic: 'car.changed', aggregate, path: '', payload: { n } });

const row = async (id: number) => (await t.db.get<Row>('SELECT id, status, attempts, next_attempt_ms, last_error, sent_ms FROM outbox WHERE id = ?', id))!;
const key = async (id: number) => (await t.db.get<{ k: string }>('SELECT idempotency_key AS k FROM outbox WHERE id = ?', id))!.k;

describe('outbox worker', () => {
  it("sends with Node's own http, never the global fetch (whose first call loads undici: core/outbox/http-post.ts)", async () => {
    vi.stubGlobal('fetch', () => {
      throw new Error('the global fetch was called');
    });
    try {
      const id = await enqueue();
      expect(await worker().tick()).toBe(1);
      expect(await row(id)).toMatchObject({ status: 'sent', last_error: null });
      expect(stub.requests).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('POSTs a committed stay to billing with its JSON, content type and idempotency key, then marks it sent', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard single room' }), adminCtx);
    const stay = await t.core.handlers['stays:create'](aStay({ roomId: 1 }), deskCtx);

    expect(await worker().tick()).toBe(1);

    expect(stub.requests).toHaveLength(1);
    const req = stub.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/bills/update/${stay.id}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['idempotency-key']).toBe(await key(1));
    expect(JSON.parse(req.body)).toMatchObject({ room_type: 'Standard single room', checkin: stay.checkin, checkout: stay.checkout });
    expect(await row(1)).toMatchObject({ status: 'sent', attempts: 1, sent_ms: t.clock.now(), last_error: null });
  });

  it('publishes outbox.changed after a tick that delivered something, and nothing after an idle one', async () => {
    await enqueue();
    const w = worker();
    await w.tick();
    const changes = () => t.events.filter((e: LiveEvent) => e.type === 'outbox.changed').length;
    expect(changes()).toBe(1);
    await w.tick();
    expect(changes()).toBe(1);
  });

  it('dead-letters a 4xx refusal at once, keeping the status and an excerpt of the answer', async () => {
    const id = await enqueue();
    stub.plan({ status: 422, body: '{"error":"unknown room type"}' });

    await worker().tick();

    const r = await row(id);
    expect(r.status).toBe('dead');
    expect(r.attempts).toBe(1);
    expect(r.last_error).toContain('HTTP 422');
    expect(r.last_error).toContain('unknown room type');
  });

  it('retries 5xx with exponential backoff by time, not count: dead only once failing longer than outboxRetryHours', async () => {
    await t.core.handlers['settings:update']({ outboxRetryHours: 24 }, adminCtx);
    const id = await enqueue();
    stub.fallback = { status: 500, body: 'boom' };
    const w = worker();

    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(id)).next_attempt_ms - t.clock.now()).toBe(999); // [0, 1 s) after the first failure
    expect((await row(id)).last_error).toContain('HTTP 500');

    expect(await w.tick()).toBe(0); // not due yet
    t.clock.advance(1_000);
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await row(id)).next_attempt_ms - t.clock.now()).toBe(1_999); // [0, 2 s)

    // Twenty more 500s (about 10 h of them): far past any old attempt count, still pending.
    while ((await row(id)).status === 'pending' && (await row(id)).attempts < 22) {
      t.clock.set((await row(id)).next_attempt_ms);
      await w.tick();
    }
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 22 });

    t.clock.advance(24 * 3_600_000);
    await w.tick();
    expect((await row(id)).status).toBe('dead');
    expect((await row(id)).last_error).toMatch(/^HTTP 500 Internal Server Error: boom \(gave up: failing for \d+(\.\d)? h, retry window 24 h\)$/);
  });

  it('counts the retry window from the first failure, and a success ends it', async () => {
    await t.core.handlers['settings:update']({ outboxRetryHours: 1 }, adminCtx);
    const first = await enqueue({ aggregate: 'stay:1' });
    stub.plan({ status: 503 });
    const w = worker();
    await w.tick();
    t.clock.advance(50 * 60_000);
    await w.tick();
    expect((await row(first)).status).toBe('sent');

    // A new run of failures on the record's next message starts its own window.
    const second = await enqueue({ aggregate: 'stay:2' });
    stub.plan({ status: 503 }, { status: 503 });
    await w.tick();
    t.clock.advance(59 * 60_000);
    await w.tick();
    expect((await row(second)).status).toBe('pending');
    t.clock.advance(2 * 60_000);
    await w.tick();
    expect((await row(second)).status).toBe('sent');
  });

  it('dead-letters a message the service cannot be reached for longer than the window', async () => {
    await t.core.handlers['settings:update']({ outboxRetryHours: 3 }, adminCtx);
    const { id } = await throughOutage(5);
    expect((await row(id)).status).toBe('dead');
    expect((await row(id)).last_error).toMatch(/^Network error: ECONNREFUSED \(gave up: failing for 3 h, retry window 3 h\)$/);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const id = await enqueue();
    stub.plan({ status: 429, headers: { 'Retry-After': '120' } });
    await worker().tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(id)).next_attempt_ms - t.clock.now()).toBe(120_000);
  });

  /** Billing unreachable for `hours` hours, the worker trying once an hour; returns the message and worker. */
  async function throughOutage(hours: number): Promise<{ id: number; w: OutboxWorker }> {
    await t.core.handlers['settings:update']({ billingServiceUrl: await closedPortUrl() }, adminCtx);
    const id = await enqueue();
    const w = worker();
    for (let i = 0; i < hours; i++) {
      await w.tick();
      t.clock.advance(3_600_000);
    }
    return { id, w };
  }

  it('keeps a message pending, never dead, while the service cannot be reached', async () => {
    const { id } = await throughOutage(5);
    const r = await row(id);
    expect(r.status).toBe('pending');
    expect(r.attempts).toBe(5); // within the 72 h window
    expect(r.last_error).toMatch(/Network error/);
  });

  it('does not dead-letter on the first 5xx after a long outage: only answered failures count', async () => {
    const { id, w } = await throughOutage(5);
    await t.core.handlers['settings:update']({ billingServiceUrl: stub.url }, adminCtx);
    stub.plan({ status: 503 });
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 6 });
    t.clock.advance(3_600_000);
    await w.tick();
    expect((await row(id)).status).toBe('sent');
  });

  it('treats a dropped connection as unreachable and delivers on a later tick', async () => {
    const id = await enqueue();
    stub.plan('destroy');
    const w = worker();
    await w.tick();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    t.clock.advance(1_000);
    await w.tick();
    expect((await row(id)).status).toBe('sent');
    expect(stub.delivered).toHaveLength(1);
  });

  it('leaves messages pending while their target has no URL', async () => {
    await t.core.handlers['settings:update']({ billingServiceUrl: '' }, adminCtx);
    const id = await enqueue();
    expect(await worker().tick()).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(stub.requests).toHaveLength(0);
  });

  it('delivers the messages of one record in order: a later one waits while an earlier one backs off', async () => {
    const first = await enqueue(event('car:7', 1));
    const second = await enqueue(event('car:7', 2));
    const other = await enqueue(event('car:8', 3));
    stub.plan({ status: 503 });
    const w = worker();

    expect(await w.tick()).toBe(2); // car:7's head and car:8, not car:7's second message
    expect(await row(first)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await row(second)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await row(other)).status).toBe('sent');

    t.clock.advance(1_000);
    expect(await w.tick()).toBe(2); // the head, then (its slot freed) the next one of the record
    expect(stub.delivered.map((r) => JSON.parse(r.body).n)).toEqual([3, 1, 2]);
  });

  it('holds back the rest of a record behind a dead message (not other records) until the admin retries it', async () => {
    const bad = await enqueue(event('car:1', 1));
    const next = await enqueue(event('car:1', 2));
    const other = await enqueue(event('car:2', 3));
    stub.plan({ status: 400, body: 'bad' });
    const w = worker();
    await w.tick();
    expect((await row(bad)).status).toBe('dead');
    expect((await row(other)).status).toBe('sent');
    await w.tick();
    expect(await row(next)).toMatchObject({ status: 'pending', attempts: 0 });

    const status = await t.core.handlers['outbox:status']({}, adminCtx);
    expect(status.blockedMessages).toEqual([expect.objectContaining({ id: next, status: 'pending', blockedBy: bad })]);

    await t.core.handlers['outbox:retry']({ id: bad }, adminCtx);
    await w.tick();
    expect(stub.delivered.map((r) => JSON.parse(r.body).n)).toEqual([3, 1, 2]);
    expect((await t.core.handlers['outbox:status']({}, adminCtx)).blockedMessages).toEqual([]);
  });

  it('supersedes a record’s undelivered billing message by its newer one: only the newest state is sent', async () => {
    const created = await enqueue({ payload: { status: 'booked' } });
    stub.plan({ status: 503 });
    const w = worker();
    await w.tick(); // the create backs off
    const refused = await enqueue({ aggregate: 'stay:2', path: '/bills/update/2', payload: { status: 'booked' } });
    stub.plan({ status: 422 });
    await w.tick();
    expect((await row(refused)).status).toBe('dead');

    const cancelled = await enqueue({ payload: { status: 'cancelled' } });
    const changed = await enqueue({ aggregate: 'stay:2', path: '/bills/update/2', payload: { status: 'booked', changed: true } });
    expect((await row(created)).status).toBe('superseded');
    expect((await row(refused)).status).toBe('superseded');
    await w.tick();
    expect((await row(cancelled)).status).toBe('sent');
    expect((await row(changed)).status).toBe('sent');
    expect(stub.delivered.map((r) => [r.path, JSON.parse(r.body).status])).toEqual([
      ['/bills/update/1', 'cancelled'],
      ['/bills/update/2', 'booked'],
    ]);
    expect(await t.core.handlers['outbox:status']({}, adminCtx)).toMatchObject({ superseded: 2, dead: 0, pending: 0 });
  });

  it('numbers each record’s messages 1, 2, 3… and sends the number as a header and in billing’s body', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const stay = await t.core.handlers['stays:create'](aStay({ roomId: 1 }), deskCtx);
    const w = worker();
    await w.tick();
    await t.core.handlers['stays:checkIn']({ id: stay.id }, deskCtx);
    await w.tick();
    await t.core.handlers['stays:checkOut']({ id: stay.id }, deskCtx);
    await w.tick();
    expect(stub.delivered.map((r) => [r.headers['x-frontdesk-sequence'], JSON.parse(r.body).sequence, JSON.parse(r.body).status])).toEqual([
      ['1', 1, 'booked'],
      ['2', 2, 'checked_in'],
      ['3', 3, 'checked_out'],
    ]);
    // Pruning the sent ones does not restart the count.
    t.clock.advance(8 * 86_400_000);
    await w.tick();
    await t.core.handlers['settings:update']({ billingServiceUrl: '' }, adminCtx);
    const later = await enqueue({ aggregate: `stay:${stay.id}` });
    expect((await t.db.get<{ seq: number }>('SELECT seq FROM outbox WHERE id = ?', later))!.seq).toBe(4);
  });

  it('sends a dead message again after the admin retries it, with the same idempotency key', async () => {
    const id = await enqueue();
    stub.plan({ status: 422, body: 'no' });
    const w = worker();
    await w.tick();
    expect((await row(id)).status).toBe('dead');

    const retried = await t.core.handlers['outbox:retry']({ id }, adminCtx);
    expect(retried.status).toBe('pending');
    await w.tick();

    expect((await row(id)).status).toBe('sent');
    expect(stub.requests.map((r) => r.headers['idempotency-key'])).toEqual([await key(id), await key(id)]);
  });

  it('delivers different records in parallel, up to the bound', async () => {
    for (let i = 0; i < 6; i++) await enqueue({ aggregate: `stay:${i}` });
    let inFlight = 0;
    let peak = 0;
    let open!: () => void;
    const allIn = new Promise<void>((r) => (open = r));
    // Each request waits until four are in flight at once: only a parallel worker gets past this.
    const barrierFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      if (inFlight === 4) open();
      await allIn;
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    expect(await worker({ fetch: barrierFetch, concurrency: 4 }).tick()).toBe(6);
    expect(peak).toBe(4);
    expect(stub.delivered).toHaveLength(6);
  });

  it('never sends one message twice when ticks are called concurrently', async () => {
    await enqueue();
    const w = worker();
    await Promise.all([w.tick(), w.tick(), w.tick()]);
    expect(stub.requests).toHaveLength(1);
  });

  it('keeps a record to one delivery at a time: a message superseded in flight still holds back its successor', async () => {
    const old = await enqueue({ payload: { status: 'booked' } });
    const gate = gatedFetch();
    const w = worker({ fetch: gate.fetch });
    const ticking = w.tick();
    await expect.poll(() => gate.waiting).toBe(1);
    const newer = await enqueue({ payload: { status: 'cancelled' } });
    expect((await row(old)).status).toBe('superseded');
    expect(await w.tick()).toBe(0); // the record is in flight: its newer message waits
    gate.release();
    await ticking;
    expect((await row(old)).status).toBe('sent'); // it did get through
    await w.tick();
    expect((await row(newer)).status).toBe('sent');
    expect(stub.delivered.map((r) => JSON.parse(r.body).status)).toEqual(['booked', 'cancelled']);
  });

  it('when started, a hanging record holds one slot; the others are delivered meanwhile, each as a slot frees', async () => {
    stub.route = (req) => (req.path === '/bills/update/0' ? 'hang' : undefined);
    const w = worker({ concurrency: 2, timeoutMs: 60_000, pollMs: 60_000 });
    w.start();
    await commit(t.core.deps, async (c) => {
      for (let i = 0; i <= 10; i++) await c.enqueue({ target: 'billing', topic: 'billing.bill_update', aggregate: `stay:${i}`, path: `/bills/update/${i}`, payload: {} });
    });
    // One slot is stuck; the other takes the ten others one after the other, without a poll.
    await expect.poll(() => stub.delivered.length, { timeout: 5_000 }).toBe(10);
    expect(stub.requests.filter((r) => r.path === '/bills/update/0')).toHaveLength(1);
    await stub.close(); // hangs up on the stuck request, so stop() need not wait for its timeout
  });

  it('when started, wakes up for any enqueued message at once instead of waiting for the next poll', async () => {
    await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const w = worker({ pollMs: 60_000 });
    w.start();
    await t.core.handlers['stays:create'](aStay({ roomId: 1 }), deskCtx);
    await expect.poll(() => stub.delivered.length, { timeout: 2_000 }).toBe(1);
    // Not only stays: a message of another target, written through commit(), wakes it too.
    await commit(t.core.deps, (c) => c.enqueue({ target: 'events', topic: 'car.changed', aggregate: 'car:1', path: '', payload: { n: 1 } }));
    await expect.poll(() => stub.delivered.map((r) => r.path), { timeout: 2_000 }).toEqual(['/bills/update/1', '/events']);
    await w.stop();
  });

  it('stop() waits for a delivery in flight', async () => {
    const id = await enqueue();
    const gate = gatedFetch();
    const w = worker({ fetch: gate.fetch });
    const ticking = w.tick();
    await expect.poll(() => gate.waiting).toBe(1);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    gate.release();
    await stopping;
    await ticking;
    expect((await row(id)).status).toBe('sent');
  });

  it('stop() aborts a delivery still hanging after the grace period; the aborted attempt does not count', async () => {
    const id = await enqueue();
    stub.plan('hang');
    const w = worker({ stopGraceMs: 50 });
    const ticking = w.tick();
    await expect.poll(() => stub.requests.length).toBe(1);
    await w.stop();
    expect(await ticking).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    expect(await w.tick()).toBe(0); // a stopped worker takes nothing more
  });
});

/** A fetch that holds every request until `release()`; `waiting` counts the held ones. */
function gatedFetch(): { fetch: typeof fetch; release(): void; readonly waiting: number } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let waiting = 0;
  return {
    fetch: async (input, init) => {
      waiting++;
      await gate;
      return fetch(input, init);
    },
    release: () => release(),
    get waiting() {
      return waiting;
    },
  };
}
