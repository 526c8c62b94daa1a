/**
 * The live feed at /ws (issue 3 §3), over real sockets: it opens only with a valid token sent as the
 * first frame (4401 otherwise, 4403 while a password change is pending), sends each user only the
 * events it may see (a client: its own bookings), ends a session's feed at the next event after a
 * sign-out, and refuses a page from another origin before the upgrade. Issue 10 item 15: feeds are
 * capped per session and per user (the oldest closes with 4429), an event touches only the sockets of
 * its audience (counted in viewer checks), and a new role takes effect before the next event.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_FORBIDDEN, CLOSE_TOO_MANY, CLOSE_UNAUTHORIZED, liveAudienceIndex, MAX_SOCKETS_PER_TOKEN, MAX_SOCKETS_PER_USER } from '../../../core/api/live-socket';
import type { LiveEvent } from '../../../shared/contract/events';
import { openLiveSocket, openSignedInLiveSocket, type LiveClient } from '../../support/live-client';
import { signIn, signInAs, TEST_PASSWORD, type Session } from '../../support/sessions';
import { adminCtx } from '../../support/test-core';
import { startTestHost, type TestHost } from '../../support/test-host';

let th: TestHost;
const sockets: LiveClient[] = [];

beforeEach(async () => {
  th = await startTestHost();
  for (const number of [101, 102, 103]) {
    await th.host.core.handlers['rooms:create']({ number, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 1, housekeeping: 'clean' }, adminCtx);
  }
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.close();
  await th.close();
});

async function live(token: string): Promise<LiveClient> {
  const client = await openSignedInLiveSocket(th.host.url, token);
  sockets.push(client);
  return client;
}

async function book(who: Session, roomnumber: number): Promise<{ id: number }> {
  const res = await th.json('POST', '/bookings', { roomnumber, category: 'Standard double room', checkin: '2030-07-01T14:00:00', checkout: '2030-07-03T12:00:00' }, who.token);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number };
}

const stayIds = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'stay.changed' ? [e.stay.id] : []));

/** Sends `first` as the socket's first frame; resolves with how the server closed it. */
async function closedAfter(first: string): Promise<{ code: number; reason: string }> {
  const client = await openLiveSocket(th.host.url);
  client.ws.send(first);
  return client.closed;
}

/** A WebSocket upgrade request with the given Origin; the status the server answers (101 = upgraded) and its Connection header. */
async function upgradeStatus(origin?: string): Promise<number> {
  return (await upgradeAnswer(origin)).status;
}

function upgradeAnswer(origin?: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    // A connection of its own: one that answered a refused upgrade is not reused for the next request.
    const req = request(`${th.host.url}/ws`, {
      agent: false,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), ...(origin ? { origin } : {}) },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('signing in to the live feed', () => {
  it('a valid token → {"type":"ready"}, then the events', async () => {
    const feed = await live(th.token);
    const next = feed.next('stay.changed');
    const booked = await book({ token: th.token } as Session, 101);
    expect(await next).toMatchObject({ type: 'stay.changed', action: 'created', stay: { id: booked.id } });
  });

  it('closes with 4401 for a bad token, an expired-looking one, a first frame that is no auth message, or junk', async () => {
    const [header, payload] = th.token.split('.');
    for (const first of [
      JSON.stringify({ type: 'auth', token: 'not-a-token' }),
      JSON.stringify({ type: 'auth', token: `${header}.${payload}.forged` }),
      JSON.stringify({ type: 'auth' }),
      JSON.stringify({ type: 'hello', token: th.token }),
      JSON.stringify({ type: 'auth', token: th.token.repeat(40) }),
      '{"type":"auth","token":',
      'x',
    ]) {
      expect(await closedAfter(first), first.slice(0, 40)).toMatchObject({ code: CLOSE_UNAUTHORIZED });
    }
  });

  it('closes with 4403 while the user must still change its password', async () => {
    const user = await signIn(th.host.core, 'staff');
    await th.host.core.users.resetPassword({ id: user.userId, newPassword: 'Reset-Password-9931' }, adminCtx);
    const pending = await signInAs(th.host.core, user.username, 'Reset-Password-9931');
    expect(await closedAfter(JSON.stringify({ type: 'auth', token: pending.token }))).toMatchObject({ code: CLOSE_FORBIDDEN });
  });

  it('refuses a page from another origin before the upgrade (403); same origin and no origin are upgraded', async () => {
    expect(await upgradeAnswer('http://evil.example')).toEqual({ status: 403, connection: 'close' });
    expect(await upgradeStatus('null')).toBe(403);
    expect(await upgradeStatus(th.host.url)).toBe(101);
    expect(await upgradeStatus()).toBe(101);
  });
});

describe('who gets which event', () => {
  it('a client receives only its own bookings’ stay.changed; staff receive every change', async () => {
    const anna = await signIn(th.host.core, 'client', { username: 'anna.live' });
    const bo = await signIn(th.host.core, 'client', { username: 'bo.live' });
    const staff = await signIn(th.host.core, 'staff');
    const [annaFeed, boFeed, deskFeed] = [await live(anna.token), await live(bo.token), await live(staff.token)];

    const annaGets = annaFeed.next('stay.changed');
    const annas = await book(anna, 101);
    expect(await annaGets).toMatchObject({ stay: { id: annas.id, ownerId: anna.userId } });
    const boGets = boFeed.next('stay.changed');
    const bos = await book(bo, 102);
    expect(await boGets).toMatchObject({ stay: { id: bos.id, ownerId: bo.userId } });
    // The desk books too (nobody's), and changes a room: clients see neither.
    await book(staff, 103);
    const roomChange = deskFeed.next('room.changed');
    expect((await th.json('PUT', '/api/v1/rooms/1/housekeeping', { housekeeping: 'dirty' })).status).toBe(200);
    await roomChange;
    // One more of Anna's: everything sent before it has arrived by the time it does.
    const annaAgain = annaFeed.next('stay.changed');
    const cancel = await th.json('POST', `/api/v1/stays/${annas.id}/cancel`);
    expect(cancel.status).toBe(200);
    await annaAgain;

    expect(stayIds(annaFeed.events)).toEqual([annas.id, annas.id]);
    expect(annaFeed.events.every((e) => e.type === 'stay.changed')).toBe(true);
    expect(stayIds(boFeed.events)).toEqual([bos.id]);
    expect(boFeed.events).toHaveLength(1);
    expect(stayIds(deskFeed.events)).toEqual([annas.id, bos.id, bos.id + 1, annas.id]);
    expect(deskFeed.events.some((e) => e.type === 'room.changed')).toBe(true);
  });
});

describe('ending a feed', () => {
  it('after POST /logout/, the next event closes the socket with 4401 instead of arriving', async () => {
    const staff = await signIn(th.host.core, 'staff');
    const feed = await live(staff.token);
    expect((await th.json('POST', '/logout/', undefined, staff.token)).status).toBe(200);
    expect((await th.json('POST', '/api/v1/rooms', { number: 201, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 2 })).status).toBe(201);
    expect(await feed.closed).toMatchObject({ code: CLOSE_UNAUTHORIZED });
    expect(feed.events).toEqual([]);
  });

  it('a deactivated user’s feed ends the same way', async () => {
    const staff = await signIn(th.host.core, 'staff');
    const feed = await live(staff.token);
    expect((await th.json('PATCH', `/api/v1/users/${staff.userId}`, { active: false })).status).toBe(200);
    await book({ token: th.token } as Session, 101);
    expect(await feed.closed).toMatchObject({ code: CLOSE_UNAUTHORIZED });
    expect(stayIds(feed.events)).toEqual([]);
  });
});

describe('a new role', () => {
  it('takes effect before the next event: a staff user made a client no longer hears the desk', async () => {
    const staff = await signIn(th.host.core, 'staff');
    const feed = await live(staff.token);
    expect((await th.json('PATCH', `/api/v1/users/${staff.userId}`, { role: 'client' })).status).toBe(200);
    expect((await th.json('POST', '/api/v1/rooms', { number: 202, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 2 })).status).toBe(201);
    const desk = await live(th.token);
    const deskHears = desk.next('room.changed');
    expect((await th.json('POST', '/api/v1/rooms', { number: 203, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 2 })).status).toBe(201);
    await deskHears;
    expect(feed.events).toEqual([]);
  });
});

describe('caps and cost (issue 10 item 15)', () => {
  it(`keeps at most ${MAX_SOCKETS_PER_TOKEN} feeds per session: one more closes the oldest with 4429, the others still get events`, async () => {
    const staff = await signIn(th.host.core, 'staff');
    const feeds: LiveClient[] = [];
    for (let i = 0; i <= MAX_SOCKETS_PER_TOKEN; i++) feeds.push(await live(staff.token));
    expect(await feeds[0]!.closed).toEqual({ code: CLOSE_TOO_MANY, reason: 'too many live feeds for this session' });
    const heard = feeds.slice(1).map((feed) => feed.next('room.changed'));
    expect((await th.json('POST', '/api/v1/rooms', { number: 204, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 2 })).status).toBe(201);
    expect((await Promise.all(heard)).map((e) => e.type)).toEqual(Array(MAX_SOCKETS_PER_TOKEN).fill('room.changed'));
    expect(liveAudienceIndex(th.host.server)!.ofToken(staff.token)).toHaveLength(MAX_SOCKETS_PER_TOKEN);
  });

  it(`keeps at most ${MAX_SOCKETS_PER_USER} feeds per user across sessions: one more closes that user’s oldest with 4429`, async () => {
    const first = await signIn(th.host.core, 'client');
    const sessions = [first];
    const perSession = MAX_SOCKETS_PER_TOKEN;
    while (sessions.length * perSession <= MAX_SOCKETS_PER_USER) sessions.push(await signInAs(th.host.core, first.username, TEST_PASSWORD));
    const feeds: LiveClient[] = [];
    for (const session of sessions) {
      for (let i = 0; i < perSession && feeds.length <= MAX_SOCKETS_PER_USER; i++) feeds.push(await live(session.token));
    }
    expect(feeds).toHaveLength(MAX_SOCKETS_PER_USER + 1);
    expect(await feeds[0]!.closed).toEqual({ code: CLOSE_TOO_MANY, reason: 'too many live feeds for this user' });
    expect(liveAudienceIndex(th.host.server)!.ofUser(first.userId)).toHaveLength(MAX_SOCKETS_PER_USER);
  });

  it('checks only the desk’s sockets for a desk event, however many feeds one client opens, and never sends it a desk booking', async () => {
    const desk = await live(th.token);
    const index = liveAudienceIndex(th.host.server)!;
    const room = (number: number) => th.json('POST', '/api/v1/rooms', { number, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 2 });
    index.viewerChecks = 0;
    let heard = desk.next('room.changed');
    expect((await room(210)).status).toBe(201);
    await heard;
    const checksWithOneFeed = index.viewerChecks;

    const anna = await signIn(th.host.core, 'client');
    const annaFeeds: LiveClient[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_TOKEN; i++) annaFeeds.push(await live(anna.token));
    for (let s = 0; s < 3; s++) {
      const again = await signInAs(th.host.core, anna.username, TEST_PASSWORD);
      for (let i = 0; i < MAX_SOCKETS_PER_TOKEN; i++) annaFeeds.push(await live(again.token));
    }
    expect(index.size).toBe(1 + annaFeeds.length);
    index.viewerChecks = 0;
    heard = desk.next('room.changed');
    expect((await room(211)).status).toBe(201);
    await heard;
    expect(index.viewerChecks).toBe(checksWithOneFeed);
    expect(checksWithOneFeed).toBe(1);

    const booked = desk.next('stay.changed');
    await book({ token: th.token } as Session, 101);
    await booked;
    expect(annaFeeds.every((f) => f.events.length === 0)).toBe(true);
  });
});
