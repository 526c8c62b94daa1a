/**
 * No car rented twice for the same days (SPEC §3.4, issue 9 §4, issue 16 item 3): 16 HTTP clients on
 * 16 real TCP connections race for 100 rounds; in each round all 16 at once try to reserve the same
 * car for overlapping days (three periods, every two of which overlap; the next round's periods lie
 * after this round's). Exactly one attempt wins each round, on either engine.
 *
 * The second case shows the race the guard exists for: a reserve command that splits the overlap
 * check and the insert with an `await`, outside any unit of work. Several attempts pass the check on
 * both engines; SQLite stores the overlapping rentals, PostgreSQL's exclusion constraint on rentals
 * per car refuses them (so no overlap can be shown there).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import type { Db } from '../../db/database';
import { findRentalOverlap, getCar, getRental, insertRental } from '../../db/queries/car-queries';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { nightsBetween } from '../../shared/time';
import { signInFirstAdmin } from '../support/sessions';
import { createHttpClient } from '../support/socket-client';
import { createTestCore, deskCtx } from '../support/test-core';
import { testEngine } from '../support/test-database';
import { startTestHost } from '../support/test-host';

const CLIENTS = 16;
const ROUNDS = 100;
const CAR = { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' };
/** Every two of these overlap (the latest start is before the earliest end). */
const PERIODS = [
  { from: '2026-06-01', to: '2026-06-05' },
  { from: '2026-06-02', to: '2026-06-06' },
  { from: '2026-06-04', to: '2026-06-08' },
];
/** Round `k`'s periods: PERIODS moved 8 days later per round (no overlap with other rounds). */
function period(k: number, i: number): { from: string; to: string } {
  const shift = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 8 * k * 86_400_000).toISOString().slice(0, 10);
  const p = PERIODS[(i + k) % PERIODS.length]!;
  return { from: shift(p.from), to: shift(p.to) };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface RaceResult {
  statuses: Record<number, number>;
  unexpected: string[];
  /** How many attempts won (201) in each round. */
  winnersPerRound: number[];
  /** Pairs of holding rentals of one car that overlap, read afterwards (committed rows only). */
  overlaps: { a: number; b: number }[];
  rentals: number;
  ms: number;
}

async function raceRentals(baseUrl: string, db: Db, token: string, rounds: number): Promise<RaceResult> {
  const clients = Array.from({ length: CLIENTS }, () => createHttpClient(baseUrl, { token }));
  const statuses: Record<number, number> = {};
  const unexpected: string[] = [];
  const winnersPerRound: number[] = [];
  try {
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    const started = performance.now();
    for (let k = 0; k < rounds; k++) {
      let winners = 0;
      await Promise.all(
        clients.map(async (client, i) => {
          const body = { carId: 1, guestName: `Racer ${i}`, ...period(k, i) };
          const res = await client.send({ method: 'POST', path: '/api/v1/rentals', body });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 201) winners++;
          else if (res.status !== 409) unexpected.push(`${res.status} ${res.body}`);
        }),
      );
      winnersPerRound.push(winners);
    }
    const ms = performance.now() - started;
    const overlaps = await db.all<{ a: number; b: number }>(
      `SELECT a.id AS a, b.id AS b FROM car_rentals a JOIN car_rentals b ON b.car_id = a.car_id AND b.id > a.id
       WHERE a.status IN ('reserved', 'out') AND b.status IN ('reserved', 'out') AND a.from_date < b.to_date AND b.from_date < a.to_date`,
    );
    const rentals = (await db.get<{ n: number }>('SELECT count(*) AS n FROM car_rentals'))!.n;
    return { statuses, unexpected, winnersPerRound, overlaps, rentals, ms };
  } finally {
    for (const c of clients) c.close();
  }
}

/** **Deliberately wrong**: the reservation with the overlap check and the insert split by an `await`. */
function checkThenAwaitThenInsert(core: Core, passed: { checks: number }) {
  const db = core.deps.db;
  return async (input: ParsedInput<'rentals:reserve'>, ctx: CallContext) => {
    const car = await getCar(db, input.carId);
    if (!car) throw new AppError('NOT_FOUND', 'Car not found');
    if (await findRentalOverlap(db, car.id, input.from, input.to)) throw new AppError('CONFLICT', `Car ${car.id} is already reserved`);
    passed.checks++;
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

describe(`${CLIENTS} clients × ${ROUNDS} rounds at one car for overlapping days, over real sockets`, () => {
  it('the real server: exactly one 201 per round, the rest 409, no overlapping rentals, one reservation each for the broker', { timeout: 300_000 }, async () => {
    const h = await startTestHost({ clock: () => Date.parse('2026-05-01T08:00:00Z'), settings: { timeZone: 'Europe/Copenhagen', billingServiceUrl: '', sessionHours: 720 } });
    cleanups.push(() => h.close());
    await h.host.core.handlers['cars:create'](CAR, deskCtx);

    const r = await raceRentals(h.host.url, h.host.core.deps.db, h.token, ROUNDS);
    console.info(`car rental race on ${testEngine}, real server: ${CLIENTS * ROUNDS} requests in ${r.ms.toFixed(0)} ms → ${JSON.stringify(r.statuses)}, ${r.rentals} rentals, ${r.overlaps.length} overlapping pairs`);

    expect(r.unexpected).toEqual([]);
    expect(r.winnersPerRound).toEqual(Array.from({ length: ROUNDS }, () => 1));
    expect(r.statuses).toEqual({ 201: ROUNDS, 409: (CLIENTS - 1) * ROUNDS });
    expect(r.overlaps).toEqual([]);
    expect(r.rentals).toBe(ROUNDS);
    const topics = await h.host.core.deps.db.all<{ topic: string }>(`SELECT topic FROM outbox WHERE target = 'events' ORDER BY id`);
    expect(topics).toEqual([{ topic: 'car.added' }, ...Array.from({ length: ROUNDS }, () => ({ topic: 'car.reserved' }))]);
  });

  it('a reservation that awaits between the check and the insert lets several pass the check: SQLite stores overlaps, PostgreSQL refuses them itself', { timeout: 60_000 }, async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['cars:create'](CAR, deskCtx);
    const passed = { checks: 0 };
    const broken = checkThenAwaitThenInsert(t.core, passed);
    const call = ((name, input, ctx) =>
      name === 'rentals:reserve' ? broken(input as ParsedInput<'rentals:reserve'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const rounds = 10;
    const r = await raceRentals(url, t.db, token, rounds);
    console.info(`car rental race on ${testEngine}, broken handler (${passed.checks} passed the check): ${JSON.stringify(r.statuses)}, ${r.rentals} rentals, ${r.overlaps.length} overlapping pairs`);

    expect(passed.checks).toBeGreaterThan(rounds);
    if (testEngine === 'sqlite') {
      expect(r.statuses[201]).toBeGreaterThan(rounds);
      expect(r.overlaps.length).toBeGreaterThan(0);
    } else {
      expect(r.winnersPerRound).toEqual(Array.from({ length: rounds }, () => 1));
      expect(r.overlaps).toEqual([]);
    }
  });
});
