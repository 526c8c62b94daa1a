/**
 * No outbox message lost or applied twice (spec 3.6, 6). 200 stays are booked through the REST API
 * while billing is down; the worker keeps trying and keeps them pending. Billing comes back on the
 * same address, loses some answers after applying (so the desk must send again), and refuses one
 * message for good with 422. In the end billing applied each of the 200 exactly once, with seed 000's
 * body at `/bills/update/{id}`, and the refused one is dead without holding the others back.
 *
 * The worker is driven by `tick()` with an injected clock that jumps past every backoff: no sleeping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '../../core/outbox/backoff';
import { createOutboxWorker, type OutboxWorker } from '../../core/outbox/outbox-worker';
import type { OutboxStatus } from '../../shared/contract/outbox';
import type { Stay } from '../../shared/contract/stays';
import { closedPortUrl } from '../support/billing-stub';
import { createHttpClient, type HttpClient } from '../support/socket-client';
import { startTestHost } from '../support/test-host';
import { startBillingReceiver, type BillingReceiver } from './billing-receiver';

const GOOD_STAYS = 200;
const ROOMS = 10;
/** Attempts each message fails while billing is down: past what a count of attempts would have allowed. */
const ATTEMPTS_WHILE_DOWN = 3;
const POISON_CATEGORY = 'Presidential suite';

interface OutboxRow {
  id: number;
  path: string;
  status: string;
  attempts: number;
  key: string;
  lastError: string | null;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function post<T>(client: HttpClient, path: string, body: unknown): Promise<T> {
  const res = await client.send({ method: 'POST', path, body });
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

describe('outbox delivery to a billing service that is down, then back', () => {
  it('delivers all 200 stays exactly once after the outage and dead-letters only the refused one', { timeout: 120_000 }, async () => {
    const billingUrl = await closedPortUrl();
    let now = Date.parse('2026-05-01T08:00:00Z');
    const clock = () => now;
    const th = await startTestHost({
      clock,
      // Each tick moves the clock an hour: the desk's session must outlive ~100 of them (12 h by default).
      settings: { billingServiceUrl: billingUrl, sessionHours: 720 },
    });
    cleanups.push(() => th.close());
    const host = th.host;
    const workerErrors: unknown[] = [];
    const worker: OutboxWorker = createOutboxWorker({
      db: host.core.deps.db,
      clock,
      getSettings: () => host.core.settings.get(),
      events: host.core.deps.events,
      random: () => 0.999_999,
      onError: (e) => workerErrors.push(e),
    });
    cleanups.push(() => worker.stop());
    const client = createHttpClient(host.url, { token: th.token });
    cleanups.push(() => client.close());
    const db = host.core.deps.db;
    const rows = async () => await db.all<OutboxRow>('SELECT id, path, status, attempts, idempotency_key AS key, last_error AS "lastError" FROM outbox ORDER BY id');
    const tick = async () => {
      now += BACKOFF_CAP_MS;
      return worker.tick();
    };

    // ---- billing down: book through the API, the worker tries and fails now and then ----
    const downStarted = performance.now();
    for (let r = 0; r < ROOMS; r++) {
      await post(client, '/api/v1/rooms', { number: 101 + r, category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 1 });
    }
    const poisonRoom = await post<{ id: number }>(client, '/api/v1/rooms', { number: 999, category: POISON_CATEGORY, capacity: 4, nightlyRate: 990_000, floor: 9 });
    const stays: Stay[] = [];
    let poison: Stay | undefined;
    let ticksWhileDown = 0;
    for (let i = 0; i < GOOD_STAYS; i++) {
      const from = new Date(Date.UTC(2026, 5, 1 + 2 * Math.floor(i / ROOMS))).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2026, 5, 3 + 2 * Math.floor(i / ROOMS))).toISOString().slice(0, 10);
      stays.push(await post<Stay>(client, '/api/v1/stays', { roomId: 1 + (i % ROOMS), checkin: from, checkout: to, guestName: `Guest ${i}` }));
      if (i === GOOD_STAYS / 2) {
        poison = await post<Stay>(client, '/api/v1/stays', { roomId: poisonRoom.id, checkin: from, checkout: to, guestName: 'Refused by billing' });
      }
      if (i % 25 === 24) {
        await tick();
        ticksWhileDown++;
      }
    }
    // Keep trying until every message has failed a few times: well inside the 72 h retry window.
    while (Math.min(...(await rows()).map((r) => r.attempts)) <= ATTEMPTS_WHILE_DOWN && ticksWhileDown < 60) {
      await tick();
      ticksWhileDown++;
    }
    const down = await rows();
    const downMs = performance.now() - downStarted;
    expect(down).toHaveLength(GOOD_STAYS + 1);
    expect(down.filter((r) => r.status !== 'pending')).toEqual([]);
    expect(Math.min(...down.map((r) => r.attempts))).toBeGreaterThan(ATTEMPTS_WHILE_DOWN);
    expect(down[0]!.lastError).toMatch(/Network error/);

    // ---- billing back on the same address ----
    const billing: BillingReceiver = await startBillingReceiver(Number(new URL(billingUrl).port), {
      refuse: (body) => body.room_type === POISON_CATEGORY,
      loseAnswer: (_applied, index) => index % 10 === 9,
    });
    cleanups.push(() => billing.close());
    const upStarted = performance.now();
    let ticksWhileUp = 0;
    while ((await rows()).some((r) => r.status === 'pending') && ticksWhileUp < 30) {
      await tick();
      ticksWhileUp++;
    }
    const upMs = performance.now() - upStarted;
    const final = await rows();

    const poisonPath = `/bills/update/${poison!.id}`;
    expect(final.filter((r) => r.status === 'pending')).toEqual([]);
    expect(final.filter((r) => r.status === 'dead')).toEqual([expect.objectContaining({ path: poisonPath, lastError: expect.stringMatching(/^HTTP 422/) })]);
    expect(final.filter((r) => r.status === 'sent')).toHaveLength(GOOD_STAYS);

    // Billing applied each stay once, under the key the desk stored for it, with seed 000's body.
    expect(billing.applied).toHaveLength(GOOD_STAYS);
    expect([...billing.applyCount.values()].every((n) => n === 1)).toBe(true);
    const perPath = new Map<string, number>();
    for (const a of billing.applied) perPath.set(a.path, (perPath.get(a.path) ?? 0) + 1);
    expect(perPath.size).toBe(GOOD_STAYS);
    const keyOf = new Map(final.map((r) => [r.path, r.key]));
    for (const stay of stays) {
      const applied = billing.applied.filter((a) => a.path === `/bills/update/${stay.id}`);
      expect(applied).toHaveLength(1);
      expect(applied[0]!.key).toBe(keyOf.get(`/bills/update/${stay.id}`));
      expect(applied[0]!.body).toMatchObject({ room_type: 'Standard double room', checkin: stay.checkin, checkout: stay.checkout });
    }
    // A lost answer made the desk send that message once more; billing recognised the key.
    expect(billing.answersLost).toBe(GOOD_STAYS / 10);
    expect(billing.duplicates).toBe(billing.answersLost);
    expect(billing.refused).toBe(1);
    expect(billing.requests).toHaveLength(GOOD_STAYS + billing.answersLost + 1);
    expect(workerErrors).toEqual([]);

    const status = await client.send({ method: 'GET', path: '/api/v1/outbox' });
    expect(JSON.parse(status.body) as OutboxStatus).toMatchObject({
      pending: 0,
      sent: GOOD_STAYS,
      dead: 1,
      deadMessages: [expect.objectContaining({ path: poisonPath, status: 'dead' })],
    });

    console.info(
      `outbox: billing down — ${GOOD_STAYS + 1} stays booked over the API, ${ticksWhileDown} ticks, ` +
        `${down.reduce((s, r) => s + r.attempts, 0)} refused connections, all pending (${downMs.toFixed(0)} ms); ` +
        `billing up — ${ticksWhileUp} ticks, ${billing.requests.length} requests, ${billing.applied.length} applied, ` +
        `${billing.answersLost} answers lost and resent, ${billing.duplicates} duplicates ignored, 1 dead (422) (${upMs.toFixed(0)} ms)`,
    );
  });
});
