/**
 * The event broker hears of every fleet change even if it was offline at the time (issue 9 §2, SPEC
 * §3.6), against a real local HTTP receiver that applies each message once per Idempotency-Key:
 *   - down (nothing listens on its port) while 200 fleet changes are made over HTTP; then up on
 *     that port, losing some answers after applying: all 200 delivered, none applied twice, each
 *     car's messages in order;
 *   - a poison message (refused with 422) is dead-lettered at once; the other cars' messages still
 *     go; that car's later ones wait behind it until the admin retries it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../core/host';
import { createOutboxWorker, type OutboxWorker } from '../../core/outbox/outbox-worker';
import { closedPortUrl } from '../support/billing-stub';
import { createHttpClient, type HttpClient } from '../support/socket-client';
import { startTestHost } from '../support/test-host';
import { startBillingReceiver } from './billing-receiver';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const TYPES_PER_CAR = ['car.added', 'car.updated', 'car.reserved', 'car.rented', 'car.returned'];

interface Fleet {
  host: Host;
  worker: OutboxWorker;
  client: HttpClient;
  clock: { now: number };
  counts(): Promise<Record<string, number>>;
  /** Runs the worker at each next due time until nothing is pending (or `passes` run out). */
  drain(passes?: number): Promise<void>;
}

async function aFleet(brokerUrl: string): Promise<Fleet> {
  const clock = { now: Date.parse('2026-05-01T08:00:00Z') };
  const th = await startTestHost({ clock: () => clock.now, settings: { eventServiceUrl: brokerUrl, billingServiceUrl: '', sessionHours: 720 } });
  cleanups.push(() => th.close());
  const host = th.host;
  const worker = createOutboxWorker({
    db: host.core.deps.db, clock: () => clock.now, getSettings: () => host.core.settings.get(), events: host.core.deps.events,
    onError: (e) => {
      throw e;
    },
  });
  cleanups.push(() => worker.stop());
  const client = createHttpClient(host.url, { token: th.token });
  cleanups.push(() => client.close());
  const db = host.core.deps.db;
  const nextDue = async () => (await db.get<{ at: number | null }>(`SELECT min(next_attempt_ms) AS at FROM outbox WHERE status = 'pending'`))!.at;
  return {
    host, worker, client, clock,
    counts: async () =>
      Object.fromEntries((await db.all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM outbox GROUP BY status')).map((r) => [r.status, r.n])),
    async drain(passes = 400) {
      for (let i = 0, due = await nextDue(); due !== null && i < passes; i++, due = await nextDue()) {
        clock.now = Math.max(clock.now, due);
        if ((await worker.tick()) === 0) clock.now += 1_000;
      }
    },
  };
}

/** Five changes of one car over HTTP: added, updated, reserved, handed out, returned. */
async function fiveChanges(client: HttpClient, i: number): Promise<number> {
  const send = async (method: 'POST' | 'PATCH', path: string, body: unknown) => {
    const res = await client.send({ method, path, body });
    expect(res.status, `${method} ${path} → ${res.body}`).toBeLessThan(300);
    return JSON.parse(res.body) as Record<string, unknown>;
  };
  const carId = (await send('POST', '/cars/add', { brand: 'Toyota', model: `Corolla ${i}`, fuel_type: 'Petrol', mileage: 10_000 + i })).car_id as number;
  await send('PATCH', `/api/v1/cars/${carId}`, { dailyRate: 50_000 + i, plate: `FL ${10_000 + i}` });
  const rentalId = (await send('POST', '/api/v1/rentals', { carId, from: '2026-05-01', to: '2026-05-03', guestName: `Guest ${i}` })).id as number;
  await send('POST', `/api/v1/rentals/${rentalId}/hand-out`, {});
  await send('POST', `/api/v1/rentals/${rentalId}/return`, { mileage: 10_000 + i + 250 });
  return carId;
}

describe('fleet changes to the event broker, through the outbox', () => {
  it('broker down while 200 changes are made, then up: 200 delivered, none applied twice, each car in order', { timeout: 120_000 }, async () => {
    const brokerBase = await closedPortUrl();
    const fleet = await aFleet(`${brokerBase}/events`);
    for (let i = 0; i < 40; i++) {
      await fiveChanges(fleet.client, i);
      if (i % 5 === 4) await fleet.worker.tick(); // the broker is down: every attempt finds nobody listening
      fleet.clock.now += 2_000;
    }
    const whileDown = await fleet.counts();
    expect(whileDown).toEqual({ pending: 200 });
    const attemptsWhileDown = (await fleet.host.core.deps.db.get<{ n: number }>('SELECT sum(attempts) AS n FROM outbox'))!.n;
    expect(attemptsWhileDown).toBeGreaterThan(0);

    // The broker comes back where the desk expects it, and loses every 9th answer after applying.
    const broker = await startBillingReceiver(Number(new URL(brokerBase).port), { loseAnswer: (_a, index) => index % 9 === 4 });
    cleanups.push(() => broker.close());
    await fleet.drain();

    expect(await fleet.counts()).toEqual({ sent: 200 });
    expect(broker.applied).toHaveLength(200);
    expect([...broker.applyCount.values()].every((n) => n === 1)).toBe(true);
    expect(broker.answersLost).toBeGreaterThan(0);
    expect(broker.duplicates).toBe(broker.answersLost); // each lost answer was sent again and acknowledged, not applied again
    expect(new Set(broker.applied.map((a) => a.path))).toEqual(new Set(['/events']));
    // {type, occurredAt, data}, and each car's five in the order they happened.
    const byCar = new Map<number, string[]>();
    for (const a of broker.applied) {
      expect(Object.keys(a.body).sort()).toEqual(['data', 'occurredAt', 'type']);
      expect(a.body.occurredAt).toMatch(/^2026-05-01T1\d:\d\d:\d\d\+02:00$/);
      const carId = (a.body.data as { car: { car_id: number } }).car.car_id;
      byCar.set(carId, [...(byCar.get(carId) ?? []), a.body.type as string]);
    }
    expect(byCar.size).toBe(40);
    for (const types of byCar.values()) expect(types).toEqual(TYPES_PER_CAR);
    console.log(
      `event broker down for 200 fleet changes (${attemptsWhileDown} attempts found nobody), then up: 200/200 delivered, ` +
        `${broker.answersLost} answers lost after applying → ${broker.duplicates} repeats acknowledged by key, 0 applied twice, 40/40 cars in order`,
    );
  });

  it('a poison message is dead-lettered at once; the other cars’ messages still go; the admin’s retry releases that car’s', { timeout: 60_000 }, async () => {
    let poisoned = true;
    const broker = await startBillingReceiver(0, {
      refuse: (body) => poisoned && body.type === 'car.updated' && (body.data as { car: { car_id: number } }).car.car_id === 3,
    });
    cleanups.push(() => broker.close());
    const fleet = await aFleet(`${broker.url}/events`);
    for (let i = 0; i < 10; i++) await fiveChanges(fleet.client, i);
    await fleet.drain();

    expect(broker.refused).toBe(1);
    expect(await fleet.counts()).toEqual({ sent: 46, dead: 1, pending: 3 });
    const dead = (await fleet.host.core.deps.db.get<{ id: number; topic: string; aggregate: string; lastError: string }>(`SELECT id, topic, aggregate, last_error AS "lastError" FROM outbox WHERE status = 'dead'`))!;
    expect(dead).toMatchObject({ topic: 'car.updated', aggregate: 'car:3' });
    expect(dead.lastError).toMatch(/422/);
    const carsHeard = new Set(broker.applied.map((a) => (a.body.data as { car: { car_id: number } }).car.car_id));
    expect([...carsHeard].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(broker.applied.filter((a) => (a.body.data as { car: { car_id: number } }).car.car_id === 3).map((a) => a.body.type)).toEqual(['car.added']);

    poisoned = false;
    const retry = await fleet.client.send({ method: 'POST', path: `/api/v1/outbox/${dead.id}/retry` });
    expect(retry.status).toBe(200);
    await fleet.drain();
    expect(await fleet.counts()).toEqual({ sent: 50 });
    expect(broker.applied.filter((a) => (a.body.data as { car: { car_id: number } }).car.car_id === 3).map((a) => a.body.type)).toEqual(TYPES_PER_CAR);
    console.log('event broker poison message: dead-lettered at once (422), 46 other messages delivered meanwhile, car 3’s 3 later ones held until the retry, then 50/50');
  });
});
