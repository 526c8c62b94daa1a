/**
 * The repo's haproxy.cfg (what compose.yaml runs) for real, in front of two real servers on one
 * PostgreSQL database (issue 20 items 6 and 8). Server B reaches the database through a TCP relay the
 * test can cut (tests/support/tcp-relay.ts): its network to the database fails while A's does not.
 *
 * - Requests through HAProxy reach both servers in turn; a booking goes through; the live feed `/ws`
 *   and Socket.IO (long-polling first, then the WebSocket upgrade) work through it.
 * - B loses its database: its /health/ready answers 503, HAProxy takes it out, closes the live feed it
 *   had (the desk reconnects to A; A's feed stays open), and every request through HAProxy is then
 *   answered by A (bookings 201, none refused); B's database back, B is back.
 * - A server that stops: a request HAProxy cannot even connect for is sent to the other one.
 */
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../core/host';
import { startHaproxy, type Haproxy } from '../support/haproxy';
import { openSignedInLiveSocket } from '../support/live-client';
import { signIn, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { createHttpClient } from '../support/socket-client';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay';
import { adminCtx, createTestCore, type TestCore } from '../support/test-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Deployment {
  database: TestDatabase;
  a: Host;
  b: Host;
  relay: TcpRelay;
  proxy: Haproxy;
  setup: TestCore;
}

async function deploy(): Promise<Deployment> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  const direct = new URL(database.config.url);
  const relay = await startTcpRelay({ host: direct.hostname, port: Number(direct.port) });
  cleanups.push(() => relay.close());
  const viaRelay = new URL(database.config.url);
  viaRelay.port = String(relay.port);
  const start = (name: string, url: string) =>
    createHost({
      dataDir: join(database.dir, name), databaseUrl: url, serverName: name, port: 0, trustProxy: ['127.0.0.1'],
      rendererDir: join(database.dir, 'no-renderer'), adminPassword: TEST_ADMIN_PASSWORD,
      settings: { timeZone: 'Europe/Copenhagen', billingServiceUrl: '' },
    });
  const [a, b] = await Promise.all([start('a', database.config.url), start('b', viaRelay.toString())]);
  cleanups.push(() => a.close(), () => b.close());
  const proxy = await startHaproxy([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
  cleanups.push(() => proxy.stop());
  const setup = await createTestCore({ database, now: Date.now() });
  cleanups.push(() => setup.close({ keep: true }));
  return { database, a, b, relay, proxy, setup };
}

/** Who answers the next `n` readiness probes through HAProxy (null: not ready). */
async function answeredBy(url: string, n: number): Promise<(string | null)[]> {
  const client = createHttpClient(url);
  try {
    const who: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      const r = await client.send({ method: 'GET', path: '/health/ready' });
      who.push(r.status === 200 ? (JSON.parse(r.body) as { server: string }).server : null);
    }
    return who;
  } finally {
    client.close();
  }
}

/**
 * Runs a test's steps; a failure names the step it came in and carries the tail of HAProxy's log, so a
 * connection closed without an answer ("socket hang up") says what the proxy was doing at that moment.
 */
async function withProxyLog(proxy: Haproxy, steps: (step: (name: string) => void) => Promise<void>): Promise<void> {
  let current = 'the start';
  try {
    await steps((name) => (current = name));
  } catch (e) {
    await new Promise((settle) => setTimeout(settle, 300)); // HAProxy writes a request's line once it ends
    const tail = proxy.log().trim().split('\n').filter((line) => !line.includes('"POST /bookings')).slice(-30).join('\n');
    throw new Error(`in ${current}: ${e instanceof Error ? e.message : String(e)}\nHAProxy's log (last 30 lines, bookings left out):\n${tail}`, { cause: e });
  }
}

/** Booking k: room 101, the night of 2031-06-01 + k. */
function stay(k: number) {
  const day = (offset: number) => new Date(Date.UTC(2031, 5, 1) + (k + offset) * 86_400_000).toISOString().slice(0, 10);
  return { roomnumber: 101, category: 'Standard single room', checkin: `${day(0)}T14:00:00`, checkout: `${day(1)}T12:00:00` };
}

describe("the repo's haproxy.cfg in front of two servers", () => {
  it('spreads requests over both, and passes a booking, /ws and Socket.IO (polling, then the upgrade) through', { timeout: 120_000 }, async () => {
    const d = await deploy();
    await expect.poll(async () => new Set(await answeredBy(d.proxy.url, 4)), { timeout: 30_000 }).toEqual(new Set(['a', 'b']));
    expect(await answeredBy(d.proxy.url, 6)).toEqual(expect.arrayContaining(['a', 'b']));

    await d.setup.core.handlers['rooms:create']({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1, housekeeping: 'clean' }, adminCtx);
    const staff = await signIn(d.setup.core, 'staff');
    const desk = await openSignedInLiveSocket(d.proxy.url, staff.token);
    cleanups.push(() => desk.ws.close());
    const socket = connect(d.proxy.url, { transports: ['polling', 'websocket'], reconnection: false, forceNew: true, auth: { token: staff.token } });
    cleanups.push(() => void socket.disconnect());
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await expect.poll(() => socket.io.engine.transport.name).toBe('websocket');

    const heard = desk.next('stay.changed');
    const client = createHttpClient(d.proxy.url, { token: staff.token });
    cleanups.push(() => client.close());
    const booked = await client.send({ method: 'POST', path: '/bookings', body: stay(0) });
    expect(booked.status).toBe(201);
    expect(await heard).toMatchObject({ type: 'stay.changed', action: 'created' });
  });

  it('drains a server that lost its database (503 at /health/ready) and takes it back once it has it again; a stopped server\'s requests go to the other', { timeout: 120_000 }, async () => {
    const d = await deploy();
    await withProxyLog(d.proxy, async (step) => {
      step('the first round of both servers');
      await expect.poll(async () => new Set(await answeredBy(d.proxy.url, 4)), { timeout: 30_000 }).toEqual(new Set(['a', 'b']));
      await d.setup.core.handlers['rooms:create']({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1, housekeeping: 'clean' }, adminCtx);
      const staff = await signIn(d.setup.core, 'staff');
      // Two desks' live feeds: HAProxy's round robin puts one on each server.
      const feeds = [await openSignedInLiveSocket(d.proxy.url, staff.token), await openSignedInLiveSocket(d.proxy.url, staff.token)];
      const closed = [false, false];
      feeds.forEach((feed, i) => {
        cleanups.push(() => feed.ws.close());
        void feed.closed.then(() => (closed[i] = true));
      });

      step('the cut of B\'s database');
      await d.relay.cut();
      const cutAt = performance.now();
      expect((await fetch(`${d.b.url}/health/ready`)).status).toBe(503);
      expect((await fetch(`${d.b.url}/health/live`)).status).toBe(200);
      // HAProxy's checks take B out (two failed checks, a second apart); from then on A answers everything.
      await expect.poll(() => answeredBy(d.proxy.url, 6), { timeout: 30_000 }).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
      console.info(`haproxy.cfg: server b, its database cut, out of the rotation ${((performance.now() - cutAt) / 1000).toFixed(1)} s later`);
      // B's live feed is closed with it (its desk reconnects to A); A's stays open.
      step('the live feeds once B is out');
      await expect.poll(() => closed.filter(Boolean).length, { timeout: 10_000 }).toBe(1);
      step('the bookings while B is out');
      const client = createHttpClient(d.proxy.url, { token: staff.token });
      cleanups.push(() => client.close());
      const statuses: number[] = [];
      for (let k = 0; k < 30; k++) statuses.push((await client.send({ method: 'POST', path: '/bookings', body: stay(k) })).status);
      expect(statuses).toEqual(Array.from({ length: 30 }, () => 201));

      step('B\'s return');
      await d.relay.restore();
      await expect.poll(async () => new Set(await answeredBy(d.proxy.url, 4)), { timeout: 30_000 }).toEqual(new Set(['a', 'b']));

      // A stops (its port closes): before any check notices, a request HAProxy cannot connect for goes to B.
      step('the requests after A stopped');
      await d.a.close();
      expect(await answeredBy(d.proxy.url, 6)).toEqual(['b', 'b', 'b', 'b', 'b', 'b']);
      expect(d.proxy.log()).toMatch(/frontdesk-servers\/frontdesk-2 is DOWN|Server frontdesk-servers\/frontdesk-2 is DOWN/);
    });
  });
});
