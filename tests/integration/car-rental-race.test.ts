/**
 * No car rented twice for the same days (SPEC §3.4, issue 9 §4): 16 HTTP clients on 16 real TCP
 * connections each try 20 times to reserve the same car for overlapping days (three different
 * periods, every two of which overlap). Exactly one attempt may win.
 *
 * The second case proves the harness can see a double rental: the same race against a server whose
 * reserve command splits the overlap check and the insert with an `await` (the bug the synchronous
 * IMMEDIATE transaction in `commit()` prevents) must produce several 201s and overlapping rows. On
 * PostgreSQL the database itself refuses the overlap (the exclusion constraint `car_rentals_no_overlap`),
 * so that case drops the constraint first: it shows what the check alone, split from its write, lets
 * through on either engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import { findRentalOverlap, getCar, getRental, insertRental } from '../../db/queries/car-queries';
import type { Db } from '../../db/database';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { nightsBetween } from '../../shared/time';
import { signInFirstAdmin } from '../support/sessions';
import { createHttpClient } from '../support/socket-client';
import { createTestCore, deskCtx } from '../support/test-core';
import { startTestHost } from '../support/test-host';

const CLIENTS = 16;
const ATTEMPTS = 20;
const CAR = { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' };
/** Every two of these overlap (the latest start is before the earliest end). */
const PERIODS = [
  { from: '2026-06-01', to: '2026-06-05' },
  { from: '2026-06-02', to: '2026-06-06' },
  { from: '2026-06-04', to: '2026-06-08' },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface RaceResult {
  statuses: Record<number, number>;
  unexpected: string[];
  /** Pairs of holding rentals of one car that overlap, read after the race. */
  overlaps: { a: number; b: number }[];
  rentals: number;
  ms: number;
}

async function raceRentals(baseUrl: string, db: Db, token: string): Promise<RaceResult> {
  const clients = Array.from({ length: CLIENTS }, () => createHttpClient(baseUrl, { token }));
  const statuses: Record<number, number> = {};
  const unexpected: string[] = [];
  try {
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    const started = performance.now();
    await Promise.all(
      clients.map(async (client, i) => {
        for (let k = 0; k < ATTEMPTS; k++) {
          const body = { carId: 1, guestName: `Racer ${i}`, ...PERIODS[(i + k) % PERIODS.length] };
          const res = await client.send({ method: 'POST', path: '/api/v1/rentals', body });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status !== 201 && res.status !== 409) unexpected.push(`${res.status} ${res.body}`);
        }
      }),
    );
    const ms = performance.now() - started;
    const overlaps = await db.all<{ a: number; b: number }>(
      `SELECT a.id AS a, b.id AS b FROM car_rentals a JOIN car_rentals b ON b.car_id = a.car_id AND b.id > a.id
       WHERE a.status IN ('reserved', 'out') AND b.status IN ('reserved', 'out') AND a.from_date < b.to_date AND b.from_date < a.to_date`,
    );
    const rentals = (await db.get<{ n: number }>('SELECT count(*) AS n FROM car_rentals'))!.n;
    return { statuses, unexpected, overlaps, rentals, ms };
  } finally {
    for (const c of clients) c.close();
  }
}

/** **Deliberately wrong**: the reservation with the overlap check and the insert split by an `await`. */
function checkThenAwaitThenInsert(core: Core) {
  const db = core.deps.db;
  return async (input: ParsedInput<'rentals:reserve'>, ctx: CallContext) => {
    const car = await getCar(db, input.carId);
    if (!car) throw new AppError('NOT_FOUND', 'Car not found');
    if (await findRentalOverlap(db, car.id, input.from, input.to)) throw new AppError('CONFLICT', `Car ${car.id} is already reserved`);
    await new Promise((resolve) => setImmediate(resolve));
    const now = core.deps.clock();
    const days = nightsBetween(input.from, input.to);
    const id = await insertRental(db, {
      carId: car.id, guestName: input.guestName ?? 'Racer', stayId: null, from: input.from, to: input.to, days, dailyRate: car.dailyRate,
      price: days * car.dailyRate, notes: '', createdBy: ctx.actor.username, createdAt: new Date(now).toISOString(), createdMs: now,
    }, now);
    return (await getRental(db, id))!;
  };
}

describe(`${CLIENTS} clients × ${ATTEMPTS} attempts at one car for overlapping days, over real sockets`, () => {
  it('the real server: exactly one 201, the rest 409, no overlapping rentals, one reservation for the broker', { timeout: 60_000 }, async () => {
    const { host, token, close } = await startTestHost({
      clock: () => Date.parse('2026-05-01T08:00:00Z'), settings: { timeZone: 'Europe/Copenhagen', billingServiceUrl: '', sessionHours: 720 },
    });
    cleanups.push(close);
    await host.core.handlers['cars:create'](CAR, deskCtx);

    const r = await raceRentals(host.url, host.core.deps.db, token);
    console.info(`car rental race, real server: ${CLIENTS * ATTEMPTS} requests in ${r.ms.toFixed(0)} ms → ${JSON.stringify(r.statuses)}, ${r.rentals} rentals, ${r.overlaps.length} overlapping pairs`);

    expect(r.unexpected).toEqual([]);
    expect(r.statuses).toEqual({ 201: 1, 409: CLIENTS * ATTEMPTS - 1 });
    expect(r.overlaps).toEqual([]);
    expect(r.rentals).toBe(1);
    const topics = await host.core.deps.db.all(`SELECT topic FROM outbox WHERE target = 'events' ORDER BY id`);
    expect(topics).toEqual([{ topic: 'car.added' }, { topic: 'car.reserved' }]);
  });

  it('the same harness catches a reservation that awaits between the check and the insert', { timeout: 60_000 }, async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['cars:create'](CAR, deskCtx);
    if (t.db.dialect === 'postgres') await t.db.run('ALTER TABLE car_rentals DROP CONSTRAINT car_rentals_no_overlap');
    const broken = checkThenAwaitThenInsert(t.core);
    const call = ((name, input, ctx) =>
      name === 'rentals:reserve' ? broken(input as ParsedInput<'rentals:reserve'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const r = await raceRentals(url, t.db, token);
    console.info(`car rental race, broken handler: ${JSON.stringify(r.statuses)}, ${r.rentals} rentals, ${r.overlaps.length} overlapping pairs`);

    expect(r.statuses[201]).toBeGreaterThan(1);
    expect(r.overlaps.length).toBeGreaterThan(0);
  });
});
