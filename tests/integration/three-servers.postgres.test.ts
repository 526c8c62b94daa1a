/**
 * Issue 20 item 7, part one: three real servers (separate processes, tests/support/server-child.ts)
 * on one PostgreSQL database, a round-robin balancer in front (tests/support/round-robin.ts).
 *
 * - Every domain's race across the three (tests/support/domain-races.ts): 16 racers, each round all
 *   at once for the same room nights, timeslot seat, provider time, baby cot or car days, their
 *   requests spread over the three servers: exactly one winner each round, and the database holds
 *   nothing that overlaps or oversells.
 * - Live events across servers: a Socket.IO client on server C hears the `booking_update` of an
 *   appointment booked through server A; a `/ws` desk on B hears a stay changed through C.
 *
 * The servers are started once for the file; each case makes its own records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_RACES, raceRounds } from '../support/domain-races';
import { openSignedInLiveSocket } from '../support/live-client';
import { createBalancer, type Balancer } from '../support/round-robin';
import { startServers, type ServerProcess } from '../support/server-processes';
import { signIn } from '../support/sessions';
import { adminCtx, createTestCore, type TestCore } from '../support/test-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const RACERS = 16;
/** Rounds per domain (issue 20: ≥ 100). */
const ROUNDS = 100;

let database: TestDatabase;
let dir: string;
let servers: ServerProcess[];
let balancer: Balancer;
/** The admin's handlers on the same database, for the records a case starts from. */
let setup: TestCore;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-three-'));
  servers = await startServers(['a', 'b', 'c'], { databaseUrl: database.config.url, dir, settings: { timeZone: 'Europe/Copenhagen', billingServiceUrl: '' } });
  balancer = createBalancer(servers.map((s) => s.url));
  setup = await createTestCore({ database, now: Date.now() });
}, 180_000);

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.stop()));
  await setup?.close({ keep: true });
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`${RACERS} racers × ${ROUNDS} rounds through a round-robin balancer in front of three servers`, () => {
  it.each(DOMAIN_RACES.map((race) => [race.name, race] as const))('%s: exactly one winner each round, nothing double-booked', { timeout: 600_000 }, async (_name, race) => {
    const request = await race.setup(setup.core, ROUNDS);
    const tokens =
      race.racers === 'staff'
        ? Array.from({ length: RACERS }, () => '').fill((await signIn(setup.core, 'staff')).token)
        : await Promise.all(Array.from({ length: RACERS }, async () => (await signIn(setup.core, 'client')).token));

    const r = await raceRounds(balancer, tokens, ROUNDS, request);
    console.info(`three servers, ${race.name}: ${RACERS * ROUNDS} requests in ${r.ms.toFixed(0)} ms → ${JSON.stringify(r.statuses)}, per server ${JSON.stringify(r.perServer)}`);

    expect(r.unexpected).toEqual([]);
    expect(r.winners).toEqual(Array.from({ length: ROUNDS }, () => 1));
    expect(r.statuses).toEqual({ 201: ROUNDS, 409: (RACERS - 1) * ROUNDS });
    // Every round's requests were spread over the three.
    for (const n of r.perServer) expect(n).toBeGreaterThanOrEqual(Math.floor((RACERS * ROUNDS) / 3));
    expect(await race.audit(setup.db)).toEqual([]);
    expect(await race.count(setup.db)).toBe(ROUNDS);
  });
});

interface Update {
  type: string;
  booking: { id: number; userId: number | null };
}

function openSocketIo(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function call(url: string, method: string, path: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('live events across the three servers', () => {
  it('a Socket.IO client on C hears the booking_update of a booking made through A; a /ws desk on B hears a stay changed through C', { timeout: 120_000 }, async () => {
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const h = setup.core.handlers;
    const spa = await h['serviceRooms:create']({ name: 'Spa room live', roomType: 'treatment', capacity: 2, hourlyRate: 90_000, isActive: true }, adminCtx);
    await h['timeslots:generate']({ roomId: spa.id, startDate: '2031-06-03', endDate: '2031-06-03', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    const slot = (await setup.db.get<{ id: number }>('SELECT id FROM timeslots WHERE room_id = ? ORDER BY start_ms', spa.id))!;
    const room = await h['rooms:create']({ number: 501, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 5, housekeeping: 'clean' }, adminCtx);
    await h['rooms:create']({ number: 502, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 5, housekeeping: 'clean' }, adminCtx);
    const alice = await signIn(setup.core, 'client', { username: 'alice.live' });
    const staff = await signIn(setup.core, 'staff', { username: 'desk.live' });

    // Seed 003's client on C, in its own booking room.
    const onC = await openSocketIo(c.url, alice.token);
    const deskOnB = await openSignedInLiveSocket(b.url, staff.token);
    try {
      expect(await new Promise((resolve) => onC.emit('join_booking_room', { userId: alice.userId }, resolve))).toMatchObject({ ok: true });
      const heardOnC = new Promise<Update>((resolve) => onC.on('booking_update', (u: Update) => u.type === 'created' && resolve(u)));
      const booked = await call(a.url, 'POST', '/api/v1/bookings', alice.token, { timeslotId: slot.id, roomId: spa.id });
      expect(booked.status).toBe(201);
      const { booking } = (await booked.json()) as { booking: { id: number } };
      expect(await heardOnC).toMatchObject({ type: 'created', booking: { id: booking.id, userId: alice.userId } });

      // A stay booked through C, then moved through C: the desk on B hears both.
      const createdOnB = deskOnB.next('stay.changed');
      const created = await call(c.url, 'POST', '/api/v1/stays', staff.token, { roomId: room.id, checkin: '2031-07-01', checkout: '2031-07-03', guestName: 'Mette Hansen', guests: 1 });
      expect(created.status).toBe(201);
      const stay = (await created.json()) as { id: number };
      expect(await createdOnB).toMatchObject({ type: 'stay.changed', action: 'created', stay: { id: stay.id } });
      const heardOnB = deskOnB.next('stay.changed');
      const moved = await call(c.url, 'POST', `/api/v1/stays/${stay.id}/move`, staff.token, { roomId: room.id + 1 });
      expect(moved.status).toBe(200);
      expect(await heardOnB).toMatchObject({ type: 'stay.changed', action: 'moved', stay: { id: stay.id, roomNumber: 502 } });
    } finally {
      onC.disconnect();
      deskOnB.ws.close();
    }
  });
});
