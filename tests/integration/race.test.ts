/**
 * No double booking under concurrency (spec 3.1, 6): 16 HTTP clients on 16 real TCP connections
 * each try 50 times to book the same room for the same dates. Exactly one attempt may win.
 *
 * The second case proves the harness can see a double booking: the same race against a server whose
 * booking command splits the availability check and the insert with an `await` — the bug the
 * synchronous IMMEDIATE transaction exists to prevent — must produce several 201s and overlapping
 * rows. That command is wired into `call` directly, beside the write batcher: an async function
 * cannot run inside a transaction, which is exactly why the real handlers are synchronous.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import { createHost, type Host } from '../../core/host';
import { resolveStayWindow } from '../../core/stays/stay-window';
import { getRoomByNumber } from '../../db/queries/room-queries';
import { getSeedBooking } from '../../db/queries/seed-booking-queries';
import { findOccupancyConflict, insertStay } from '../../db/queries/stay-queries';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { aRoom } from '../support/builders';
import { countRows } from '../support/outbox-rows';
import { signInFirstAdmin, signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { adminCtx, createTestCore } from '../support/test-core';
import { raceBookings, type RaceResult } from './race-harness';

const CLIENTS = 16;
const ATTEMPTS = 50;
const ROOM = { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 };
// The real server runs on the real clock: the period lies well ahead of it (a stay in the past is refused).
const BOOKING = { roomnumber: 101, category: 'Standard single room', checkin: '2030-06-01T14:00:00', checkout: '2030-06-05T12:00:00' };
const DAY_MS = 86_400_000;

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
function checkThenAwaitThenInsert(core: Core) {
  const db = core.deps.db;
  return async (input: ParsedInput<'stays:seedCreate'>, ctx: CallContext) => {
    const settings = core.settings.get();
    const room = await getRoomByNumber(db, input.roomnumber);
    if (!room) throw new AppError('NOT_FOUND', `Room ${input.roomnumber} not found`);
    const w = resolveStayWindow(settings, input.checkin, input.checkout);
    if (await findOccupancyConflict(db, room.id, w.checkin.ms, w.checkout.ms, (settings.maxStayNights + 2) * DAY_MS)) {
      throw new AppError('ROOM_UNAVAILABLE', `Room ${room.number} is not available`);
    }
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

describe('16 clients × 50 attempts at one room and one period, over real sockets', () => {
  it('the real server: exactly one 201, 799 × 409, and no overlapping stays in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-race-'));
    const host: Host = await createHost({ dataDir, port: 0, worker: false, adminPassword: TEST_ADMIN_PASSWORD, settings: { timeZone: 'Europe/Copenhagen' } });
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => host.close());
    const token = await signInOverHttp(host.url);
    const room = await fetch(`${host.url}/api/v1/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(ROOM),
    });
    expect(room.status).toBe(201);

    const r = await raceBookings({ baseUrl: host.url, dbFile: host.dbFile, clients: CLIENTS, attempts: ATTEMPTS, path: '/bookings', body: BOOKING, token });
    console.info(summary('race, real server', r));

    expect(r.unexpected).toEqual([]);
    expect(r.statuses).toEqual({ 201: 1, 409: CLIENTS * ATTEMPTS - 1 });
    expect(r.overlaps).toEqual([]);
    expect(r.stays).toBe(1);
    // The winner's billing message was committed with it; the 799 refusals wrote nothing.
    expect(await countRows(host.core.deps.db, 'outbox')).toBe(1);
  });

  it('the same harness catches a handler that awaits between the check and the insert', async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['rooms:create'](aRoom(ROOM), adminCtx);
    const broken = checkThenAwaitThenInsert(t.core);
    const call = ((name, input, ctx) =>
      name === 'stays:seedCreate' ? broken(input as ParsedInput<'stays:seedCreate'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, { dbFile: t.dbFile });
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const r = await raceBookings({ baseUrl: url, dbFile: t.dbFile, clients: CLIENTS, attempts: ATTEMPTS, path: '/bookings', body: BOOKING, token });
    console.info(summary('race, broken handler', r));

    expect(r.statuses[201]).toBeGreaterThan(1);
    expect(r.overlaps.length).toBeGreaterThan(0);
    expect(r.stays).toBe(r.created.length);
  });
});
