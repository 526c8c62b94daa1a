/**
 * Socket.IO at /socket.io/ (issue 8 §4), over real sockets with socket.io-client against a real host:
 * the token in the handshake (auth, Bearer header, `token` query), seed 003's `join_booking_room` /
 * `leave_booking_room`, each event with a `socketIo` mapping sent only to whom its audience admits,
 * ended sessions disconnected, the caps of /ws.
 *
 * No appointment event exists on this branch, so the tests give the existing `stay.changed` a
 * `socketIo` mapping (`booking_update` `{type, booking}`, as seed 003 names it) for their duration.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_TOKEN } from '../../../core/api/live-socket';
import { SOCKET_IO_ERRORS, socketIoServerOf } from '../../../core/api/socket-io';
import type { EventDef } from '../../../shared/contract/event-def';
import { liveEvents } from '../../../shared/contract/events';
import { signIn, type Session } from '../../support/sessions';
import { adminCtx } from '../../support/test-core';
import { startTestHost, type TestHost } from '../../support/test-host';

interface BookingUpdate {
  type: string;
  booking: { id: number; ownerId: number | null };
}

const stayDef = liveEvents['stay.changed'] as EventDef;
beforeAll(() => {
  stayDef.socketIo = (e: { action: string; stay: { id: number; ownerId: number | null } }) =>
    e.action === 'moved' ? null : { event: 'booking_update', data: { type: e.action, booking: e.stay } };
});
afterAll(() => {
  delete stayDef.socketIo;
});

let th: TestHost;
const clients: Socket[] = [];

beforeEach(async () => {
  th = await startTestHost();
  for (const number of [101, 102, 103]) {
    await th.host.core.handlers['rooms:create']({ number, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' }, adminCtx);
  }
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await th.close();
});

type ConnectOptions = Parameters<typeof connect>[1];

/** A socket.io-client connection (websocket only unless told); resolves once connected. */
function open(options: ConnectOptions): Promise<Socket> {
  const socket = connect(th.host.url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

/** The connect_error's message of a refused connection. */
function refused(options: ConnectOptions): Promise<string> {
  return open(options).then(
    () => 'connected',
    (e: Error) => e.message,
  );
}

/** Every `event` the socket receives, collected. */
function collect<T>(socket: Socket, event: string): T[] {
  const got: T[] = [];
  socket.on(event, (data: T) => got.push(data));
  return got;
}

function next<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (data: T) => resolve(data)));
}

async function book(who: Session | { token: string }, roomnumber: number): Promise<{ id: number }> {
  const res = await th.json('POST', '/bookings', { roomnumber, category: 'Standard double room', checkin: '2030-07-01T14:00:00', checkout: '2030-07-03T12:00:00' }, who.token);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number };
}

async function join(socket: Socket, userId: unknown): Promise<{ ok?: true; room?: string; error?: string }> {
  return (await socket.timeout(5000).emitWithAck('join_booking_room', { userId })) as { ok?: true; room?: string; error?: string };
}

describe('loaded with its first request (socket-io-gate.ts)', () => {
  it('is not loaded until a client asks; the first connection answers, over WebSocket', async () => {
    expect(socketIoServerOf(th.host.server)).toBeUndefined();
    // Other requests and /ws upgrades do not load it.
    expect((await th.json('GET', '/health/live')).status).toBe(200);
    expect(socketIoServerOf(th.host.server)).toBeUndefined();
    expect((await open({ auth: { token: th.token } })).connected).toBe(true);
    expect(socketIoServerOf(th.host.server)!.of('/').sockets.size).toBe(1);
  });

  it('the first connection answers over polling, and refuses as usual without a token', async () => {
    expect(await refused({ transports: ['polling'] })).toBe(SOCKET_IO_ERRORS.unauthorized);
    expect((await open({ auth: { token: th.token }, transports: ['polling'] })).connected).toBe(true);
  });

  it('two clients at once before it is loaded both connect', async () => {
    const [a, b] = await Promise.all([open({ auth: { token: th.token } }), open({ auth: { token: th.token }, transports: ['polling'] })]);
    expect([a.connected, b.connected]).toEqual([true, true]);
    expect(socketIoServerOf(th.host.server)!.of('/').sockets.size).toBe(2);
  });
});

describe('the handshake', () => {
  it('cannot connect without a token, with a bad one, or with a revoked one', async () => {
    expect(await refused({})).toBe(SOCKET_IO_ERRORS.unauthorized);
    expect(await refused({ auth: { token: 'not-a-token' } })).toBe(SOCKET_IO_ERRORS.unauthorized);
    const [header, payload] = th.token.split('.');
    expect(await refused({ auth: { token: `${header}.${payload}.forged` } })).toBe(SOCKET_IO_ERRORS.unauthorized);
    const staff = await signIn(th.host.core, 'staff');
    expect((await th.json('POST', '/logout/', undefined, staff.token)).status).toBe(200);
    expect(await refused({ auth: { token: staff.token } })).toBe(SOCKET_IO_ERRORS.unauthorized);
    expect(socketIoServerOf(th.host.server)!.of('/').sockets.size).toBe(0);
  });

  it('takes the token from auth, an Authorization: Bearer header, or the token query parameter; over polling too', async () => {
    expect((await open({ auth: { token: th.token } })).connected).toBe(true);
    expect((await open({ extraHeaders: { Authorization: `Bearer ${th.token}` } })).connected).toBe(true);
    expect((await open({ query: { token: th.token } })).connected).toBe(true);
    expect((await open({ auth: { token: th.token }, transports: ['polling'] })).connected).toBe(true);
    expect(socketIoServerOf(th.host.server)!.of('/').sockets.size).toBe(4);
  });

  it('refuses a page from another origin; /ws still upgrades beside it', async () => {
    expect(await refused({ auth: { token: th.token }, transports: ['polling'], extraHeaders: { Origin: 'http://evil.example' } })).not.toBe('connected');
    const ws = new WebSocket(`${th.host.url.replace(/^http/, 'ws')}/ws`);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve);
      ws.addEventListener('error', reject);
    });
    ws.close();
  });
});

describe('booking rooms (seed 003)', () => {
  it('a client joins its own room and receives its updates, and only its own', async () => {
    const anna = await signIn(th.host.core, 'client', { username: 'anna.sio' });
    const bo = await signIn(th.host.core, 'client', { username: 'bo.sio' });
    const annaSocket = await open({ auth: { token: anna.token } });
    const boSocket = await open({ auth: { token: bo.token } });
    expect(await join(annaSocket, anna.userId)).toEqual({ ok: true, room: `user_${anna.userId}` });
    expect(await join(boSocket, String(bo.userId))).toEqual({ ok: true, room: `user_${bo.userId}` });
    const annaGot = collect<BookingUpdate>(annaSocket, 'booking_update');
    const boGot = collect<BookingUpdate>(boSocket, 'booking_update');

    const annaNext = next<BookingUpdate>(annaSocket, 'booking_update');
    const annas = await book(anna, 101);
    expect(await annaNext).toMatchObject({ type: 'created', booking: { id: annas.id, ownerId: anna.userId } });
    await book(th, 102); // the desk's own booking: no client hears of it
    const boNext = next<BookingUpdate>(boSocket, 'booking_update');
    const bos = await book(bo, 103);
    await boNext;
    const annaAgain = next<BookingUpdate>(annaSocket, 'booking_update');
    expect((await th.json('POST', `/api/v1/stays/${annas.id}/cancel`)).status).toBe(200);
    expect(await annaAgain).toMatchObject({ type: 'cancelled', booking: { id: annas.id } });

    expect(annaGot.map((u) => [u.type, u.booking.id])).toEqual([
      ['created', annas.id],
      ['cancelled', annas.id],
    ]);
    expect(boGot.map((u) => [u.type, u.booking.id])).toEqual([['created', bos.id]]);
  });

  it('a client is refused another user’s room (an error event with a clear message) and hears nothing of that user', async () => {
    const anna = await signIn(th.host.core, 'client');
    const bo = await signIn(th.host.core, 'client');
    const annaSocket = await open({ auth: { token: anna.token } });
    const errors = collect<{ event: string; error: string }>(annaSocket, 'error');
    expect(await join(annaSocket, bo.userId)).toEqual({ event: 'join_booking_room', error: SOCKET_IO_ERRORS.accessDenied });
    expect(errors).toEqual([{ event: 'join_booking_room', error: SOCKET_IO_ERRORS.accessDenied }]);
    // Fire-and-forget, as a Flask-SocketIO client emits: the error event still comes.
    const errorEvent = next<{ error: string }>(annaSocket, 'error');
    annaSocket.emit('join_booking_room', { userId: bo.userId });
    expect(await errorEvent).toEqual({ event: 'join_booking_room', error: SOCKET_IO_ERRORS.accessDenied });
    expect(await join(annaSocket, undefined)).toEqual({ event: 'join_booking_room', error: SOCKET_IO_ERRORS.userIdRequired });
    expect(await join(annaSocket, 'x')).toEqual({ event: 'join_booking_room', error: SOCKET_IO_ERRORS.userIdRequired });

    const got = collect<BookingUpdate>(annaSocket, 'booking_update');
    const desk = await open({ auth: { token: th.token } });
    const deskHears = next<BookingUpdate>(desk, 'booking_update');
    const bos = await book(bo, 101);
    expect(await deskHears).toMatchObject({ booking: { id: bos.id } });
    expect(got).toEqual([]);
  });

  it('leave_booking_room stops a client’s updates; without joining it receives none', async () => {
    const anna = await signIn(th.host.core, 'client');
    const socket = await open({ auth: { token: anna.token } });
    const got = collect<BookingUpdate>(socket, 'booking_update');
    const desk = await open({ auth: { token: th.token } });
    let deskHears = next(desk, 'booking_update');
    await book(anna, 101);
    await deskHears;
    expect(got).toEqual([]);
    await join(socket, anna.userId);
    const arrives = next(socket, 'booking_update');
    await book(anna, 102);
    await arrives;
    expect(await socket.timeout(5000).emitWithAck('leave_booking_room', { userId: anna.userId })).toEqual({ ok: true, room: `user_${anna.userId}` });
    deskHears = next(desk, 'booking_update');
    await book(anna, 103);
    await deskHears;
    expect(got).toHaveLength(1);
  });

  it('staff receive every update without joining, may join any user’s room, and get each update once', async () => {
    const anna = await signIn(th.host.core, 'client');
    const staff = await signIn(th.host.core, 'staff');
    const desk = await open({ auth: { token: staff.token } });
    expect(await join(desk, anna.userId)).toEqual({ ok: true, room: `user_${anna.userId}` });
    const got = collect<BookingUpdate>(desk, 'booking_update');
    const ids = [(await book(anna, 101)).id, (await book(th, 102)).id];
    const last = next<BookingUpdate>(desk, 'booking_update');
    ids.push((await book(staff, 103)).id);
    await last;
    expect(got.map((u) => u.booking.id)).toEqual(ids);
  });

  it('an event whose mapping says null is not sent; events without a mapping never are', async () => {
    const desk = await open({ auth: { token: th.token } });
    const all: string[] = [];
    desk.onAny((event: string) => all.push(event));
    const stay = await book(th, 101);
    expect((await th.json('PUT', '/api/v1/rooms/1/housekeeping', { housekeeping: 'dirty' })).status).toBe(200); // room.changed: no mapping
    const moved = await th.json('POST', `/api/v1/stays/${stay.id}/move`, { roomId: 2 });
    expect(moved.status).toBe(200); // stay.changed 'moved' → null
    const last = next(desk, 'booking_update');
    await book(th, 103);
    await last;
    expect(all).toEqual(['booking_update', 'booking_update']);
  });
});

describe('ending sessions', () => {
  it('a signed-out session’s socket is disconnected before the next update reaches it', async () => {
    const staff = await signIn(th.host.core, 'staff');
    const socket = await open({ auth: { token: staff.token } });
    const got = collect(socket, 'booking_update');
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await th.json('POST', '/logout/', undefined, staff.token)).status).toBe(200);
    await book(th, 101);
    expect(await gone).toBe('io server disconnect');
    expect(got).toEqual([]);
  });

  it('a deactivated client is disconnected, and its room hears nothing more', async () => {
    const anna = await signIn(th.host.core, 'client');
    const socket = await open({ auth: { token: anna.token } });
    await join(socket, anna.userId);
    const got = collect(socket, 'booking_update');
    const stay = await book(anna, 101);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await th.json('PATCH', `/api/v1/users/${anna.userId}`, { active: false })).status).toBe(200);
    expect((await th.json('POST', `/api/v1/stays/${stay.id}/cancel`)).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(got).toHaveLength(1);
  });

  it('a staff user made a client stops hearing the desk’s updates at once: the role change ends the session, and its socket', async () => {
    const staff = await signIn(th.host.core, 'staff');
    const socket = await open({ auth: { token: staff.token } });
    const got = collect(socket, 'booking_update');
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await th.json('PATCH', `/api/v1/users/${staff.userId}`, { role: 'client' })).status).toBe(200);
    const desk = await open({ auth: { token: th.token } });
    const deskHears = next(desk, 'booking_update');
    await book(th, 101);
    await deskHears;
    expect(await gone).toBe('io server disconnect');
    expect(got).toEqual([]);
  });

  it(`keeps at most ${MAX_SOCKETS_PER_TOKEN} connections per session: one more disconnects the oldest`, async () => {
    const staff = await signIn(th.host.core, 'staff');
    const sockets: Socket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_TOKEN; i++) sockets.push(await open({ auth: { token: staff.token } }));
    const oldestGone = new Promise<string>((resolve) => sockets[0]!.once('disconnect', (reason) => resolve(reason)));
    sockets.push(await open({ auth: { token: staff.token } }));
    expect(await oldestGone).toBe('io server disconnect');
    const heard = sockets.slice(1).map((s) => next(s, 'booking_update'));
    await book(th, 101);
    expect(await Promise.all(heard)).toHaveLength(MAX_SOCKETS_PER_TOKEN);
  });
});
