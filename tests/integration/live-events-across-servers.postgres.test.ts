/**
 * Issue 20 item 4, end to end: two real hosts (A and B) on one PostgreSQL database. A Socket.IO
 * client on B hears seed 003's `booking_update` of an appointment booked through A, and a `/ws` desk
 * on B hears a stay booked and changed through A, with the audience rules of a single server: the
 * owner hears its own, another client does not.
 *
 * "Not heard" is checked without a pause: each server delivers its events in order, so once the
 * other client has heard a later event of its own, the earlier one it must not hear would be there.
 */
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../core/host';
import type { LiveEvent } from '../../shared/contract/events';
import { openSignedInLiveSocket, type LiveClient } from '../support/live-client';
import { signIn, TEST_ADMIN_PASSWORD, type Session } from '../support/sessions';
import { adminCtx } from '../support/test-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let hostA: Host;
let hostB: Host;
const sockets: Socket[] = [];
const feeds: LiveClient[] = [];

async function startHost(name: string): Promise<Host> {
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  return createHost({
    dataDir: join(database.dir, name),
    databaseUrl: database.config.url,
    port: 0,
    worker: false,
    appointmentScheduler: false,
    rendererDir: join(database.dir, 'no-renderer'),
    adminPassword: TEST_ADMIN_PASSWORD,
    settings: { timeZone: 'Europe/Copenhagen' },
  });
}

beforeEach(async () => {
  database = await createTestDatabase();
  hostA = await startHost('a');
  hostB = await startHost('b');
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const f of feeds.splice(0)) f.ws.close();
  await hostA.close();
  await hostB.close();
  await database.drop();
});

function call(host: Host, method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${host.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function openSocketIo(host: Host, token: string): Promise<Socket> {
  const socket = connect(host.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function openFeed(host: Host, token: string): Promise<LiveClient> {
  const feed = await openSignedInLiveSocket(host.url, token);
  feeds.push(feed);
  return feed;
}

interface Update {
  type: string;
  booking: { id: number; userId: number | null; status: string };
}
const join_ = (s: Socket, userId: number) => new Promise<unknown>((resolve) => s.emit('join_booking_room', { userId }, resolve));
const collect = <T>(s: Socket, event: string): T[] => {
  const got: T[] = [];
  s.on(event, (d: T) => got.push(d));
  return got;
};
const nextOf = <T>(s: Socket, event: string, match: (d: T) => boolean) =>
  new Promise<T>((resolve) => {
    const on = (d: T) => {
      if (!match(d)) return;
      s.off(event, on);
      resolve(d);
    };
    s.on(event, on);
  });

describe('live events across two servers on one PostgreSQL', () => {
  it("a Socket.IO client on B hears the booking_update of an appointment booked through A; another client does not", async () => {
    const h = hostA.core.handlers;
    await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 2, hourlyRate: 90_000, isActive: true }, adminCtx);
    await h['timeslots:generate']({ roomId: 1, startDate: '2030-06-03', endDate: '2030-06-03', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    const alice: Session = await signIn(hostA.core, 'client', { username: 'alice' });
    const bob: Session = await signIn(hostA.core, 'client', { username: 'bob' });
    const staff: Session = await signIn(hostA.core, 'staff', { username: 'desk.one' });
    const [a, b, d] = await Promise.all([openSocketIo(hostB, alice.token), openSocketIo(hostB, bob.token), openSocketIo(hostB, staff.token)]);
    expect(await join_(a, alice.userId)).toMatchObject({ ok: true });
    expect(await join_(b, bob.userId)).toMatchObject({ ok: true });
    const toBob = collect<Update>(b, 'booking_update');
    const aliceHears = nextOf<Update>(a, 'booking_update', (u) => u.type === 'created');
    const deskHears = nextOf<Update>(d, 'booking_update', (u) => u.type === 'created');

    const res = await call(hostA, 'POST', '/api/v1/bookings', alice.token, { timeslotId: 1, roomId: 1 });
    expect(res.status).toBe(201);
    const { booking } = (await res.json()) as { booking: { id: number } };
    expect(await aliceHears).toMatchObject({ type: 'created', booking: { id: booking.id, userId: alice.userId, status: 'pending' } });
    expect(await deskHears).toMatchObject({ type: 'created', booking: { id: booking.id } });

    // Bob's own booking, through A: once B has delivered it to him, alice's would have come first.
    const bobHears = nextOf<Update>(b, 'booking_update', (u) => u.type === 'created');
    const mine = (await (await call(hostA, 'POST', '/api/v1/bookings', bob.token, { timeslotId: 2, roomId: 1 })).json()) as { booking: { id: number } };
    expect((await bobHears).booking.id).toBe(mine.booking.id);
    expect(toBob.map((u) => u.booking.id)).toEqual([mine.booking.id]);
  });

  it('a /ws desk on B hears a stay booked and changed through A; a client hears only its own', async () => {
    const roomIds: number[] = [];
    for (const number of [101, 102]) {
      roomIds.push((await hostA.core.handlers['rooms:create']({ number, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' }, adminCtx)).id);
    }
    const alice: Session = await signIn(hostA.core, 'client', { username: 'alice' });
    const bob: Session = await signIn(hostA.core, 'client', { username: 'bob' });
    const staff: Session = await signIn(hostA.core, 'staff', { username: 'desk.one' });
    const [desk, aliceFeed, bobFeed] = [await openFeed(hostB, staff.token), await openFeed(hostB, alice.token), await openFeed(hostB, bob.token)];
    const deskHearsBooking = desk.next('stay.changed');
    const aliceHearsBooking = aliceFeed.next('stay.changed');

    const res = await call(hostA, 'POST', '/bookings', alice.token, { roomnumber: 101, category: 'Standard double room', checkin: '2030-07-01T14:00:00', checkout: '2030-07-03T12:00:00' });
    expect(res.status).toBe(201);
    const stay = (await res.json()) as { id: number };
    expect(await deskHearsBooking).toMatchObject({ type: 'stay.changed', action: 'created', stay: { id: stay.id } });
    expect(await aliceHearsBooking).toMatchObject({ type: 'stay.changed', action: 'created', stay: { id: stay.id } });

    const deskHearsChange = desk.next('stay.changed');
    const moved = await call(hostA, 'POST', `/api/v1/stays/${stay.id}/move`, staff.token, { roomId: roomIds[1] });
    expect(moved.status).toBe(200);
    expect(await deskHearsChange).toMatchObject({ type: 'stay.changed', action: 'moved', stay: { id: stay.id, roomNumber: 102 } });

    // Bob's own booking through A: once B has sent it to him, alice's stay would have come first.
    const bobHears = bobFeed.next('stay.changed');
    const his = (await (await call(hostA, 'POST', '/bookings', bob.token, { roomnumber: 101, category: 'Standard double room', checkin: '2030-08-01T14:00:00', checkout: '2030-08-03T12:00:00' })).json()) as { id: number };
    expect(await bobHears).toMatchObject({ stay: { id: his.id } });
    const stayIds = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'stay.changed' ? [e.stay.id] : []));
    expect(stayIds(bobFeed.events)).toEqual([his.id]);
  });
});
