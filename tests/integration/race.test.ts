/**
 * No double booking under concurrency (spec 3.1, 6; issue 16 item 3): 16 HTTP clients on 16 real
 * TCP connections race for 100 rounds, each round all 16 at once for the same room and the same
 * dates (a new period each round). Exactly one attempt wins each round, on either engine.
 *
 * The second case shows the race the guard exists for: the same race against a server whose booking
 * command splits the availability check and the insert with an `await`, outside any unit of work.
 * On SQLite several attempts pass the check and the database holds overlapping stays. On PostgreSQL
 * several attempts pass the check too, but the database itself refuses the overlapping inserts (the
 * exclusion constraint on stays per room, db/migrations/postgres/0001_postgres_invariants.sql): no
 * overlap can be stored there, which is why the race cannot show one on PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import { resolveStayWindow } from '../../core/stays/stay-window';
import { getRoomByNumber } from '../../db/queries/room-queries';
import { getSeedBooking } from '../../db/queries/seed-booking-queries';
import { findOccupancyConflict, insertStay } from '../../db/queries/stay-queries';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { aRoom } from '../support/builders';
import { countRows } from '../support/outbox-rows';
import { signInFirstAdmin } from '../support/sessions';
import { adminCtx, createTestCore } from '../support/test-core';
import { testEngine } from '../support/test-database';
import { startTestHost } from '../support/test-host';
import { raceBookings, type RaceResult } from './race-harness';

const CLIENTS = 16;
const ROUNDS = 100;
const ROOM = { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 };
// The real server runs on the real clock: the period lies well ahead of it (a stay in the past is refused).
const DAY_MS = 86_400_000;
/** Round `k`'s booking: four nights in week `k` from 2030-06-01 (no two rounds' periods overlap). */
function booking(k: number) {
  const day = (offset: number) => new Date(Date.UTC(2030, 5, 1) + (7 * k + offset) * DAY_MS).toISOString().slice(0, 10);
  return { roomnumber: 101, category: 'Standard single room', checkin: `${day(0)}T14:00:00`, checkout: `${day(4)}T12:00:00` };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function summary(label: string, r: RaceResult): string {
  return `${label}: ${r.requests} requests in ${r.ms.toFixed(0)} ms → ${JSON.stringify(r.statuses)}, ${r.stays} stays, ${r.overlaps.length} overlapping pairs`;
}

/**
 * **Deliberately wrong**: seed 000's booking with the check and the insert split by an `await`.
 * While it waits, other requests pass the same check against the same empty room.
 */
function checkThenAwaitThenInsert(core: Core, passed: { checks: number }) {
  const db = core.deps.db;
  return async (input: ParsedInput<'stays:seedCreate'>, ctx: CallContext) => {
    const settings = core.settings.get();
    const room = await getRoomByNumber(db, input.roomnumber);
    if (!room) throw new AppError('NOT_FOUND', `Room ${input.roomnumber} not found`);
    const w = resolveStayWindow(settings, input.checkin, input.checkout);
    if (await findOccupancyConflict(db, room.id, w.checkin.ms, w.checkout.ms, (settings.maxStayNights + 2) * DAY_MS)) {
      throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is not available`);
    }
    passed.checks++;
    await new Promise((resolve) => setImmediate(resolve));
    const now = core.deps.clock();
    const id = await insertStay(db, {
      roomId: room.id, category: room.category, guestName: 'Racer', guestEmail: null, guestPhone: null, guests: 1,
      checkin: w.checkin.iso, checkout: w.checkout.iso, checkinMs: w.checkin.ms, checkoutMs: w.checkout.ms, nights: w.nights,
      status: 'booked', price: w.nights * room.nightlyRate, notes: '', createdBy: ctx.actor.username, ownerId: null, createdAt: now, updatedAt: now,
    });
    return (await getSeedBooking(db, id))!;
  };
}

describe(`16 clients × ${ROUNDS} rounds at one room, each round one period, over real sockets`, () => {
  it('the real server: exactly one 201 per round, and no overlapping stays in the database', async () => {
    const h = await startTestHost();
    cleanups.push(() => h.close());
    expect((await h.json('POST', '/api/v1/rooms', ROOM)).status).toBe(201);

    const r = await raceBookings({ baseUrl: h.host.url, db: h.host.core.deps.db, clients: CLIENTS, rounds: ROUNDS, path: '/bookings', body: booking, token: h.token });
    console.info(summary(`race on ${testEngine}, real server`, r));

    expect(r.unexpected).toEqual([]);
    expect(r.winnersPerRound).toEqual(Array.from({ length: ROUNDS }, () => 1));
    expect(r.statuses).toEqual({ 201: ROUNDS, 409: (CLIENTS - 1) * ROUNDS });
    expect(r.overlaps).toEqual([]);
    expect(r.stays).toBe(ROUNDS);
    // Each winner's billing message was committed with it; the refusals wrote nothing.
    expect(await countRows(h.host.core.deps.db, 'outbox')).toBe(ROUNDS);
  });

  it('a handler that awaits between the check and the insert lets several pass the check: SQLite stores overlaps, PostgreSQL refuses them itself', async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['rooms:create'](aRoom(ROOM), adminCtx);
    const passed = { checks: 0 };
    const broken = checkThenAwaitThenInsert(t.core, passed);
    const call = ((name, input, ctx) =>
      name === 'stays:seedCreate' ? broken(input as ParsedInput<'stays:seedCreate'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const rounds = 10;
    const r = await raceBookings({ baseUrl: url, db: t.db, clients: CLIENTS, rounds, path: '/bookings', body: booking, token });
    console.info(summary(`race on ${testEngine}, broken handler (${passed.checks} passed the check)`, r));

    expect(passed.checks).toBeGreaterThan(rounds);
    expect(r.stays).toBe(r.created.length);
    if (testEngine === 'sqlite') {
      expect(r.statuses[201]).toBeGreaterThan(rounds);
      expect(r.overlaps.length).toBeGreaterThan(0);
    } else {
      expect(r.winnersPerRound).toEqual(Array.from({ length: rounds }, () => 1));
      expect(r.overlaps).toEqual([]);
    }
  });
});
