import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_TIMEOUT_MS } from '../../core/api/live-socket';
import { LAN_BLOCKED_MESSAGE } from '../../core/settings/network-service';
import { createHost, type Host } from '../../core/host';
import type { LoginResult } from '../../shared/contract/auth';
import type { Room } from '../../shared/contract/rooms';
import type { Settings } from '../../shared/contract/settings';
import { startBillingStub, type BillingStub } from '../support/billing-stub';
import { openLiveSocket, openSignedInLiveSocket } from '../support/live-client';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';

let dir: string;
let hosts: Host[];
/** On PostgreSQL, the database of each data folder a test starts a host on (SQLite keeps it in the folder). */
let databases: Map<string, TestDatabase>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-host-'));
  hosts = [];
  databases = new Map();
});
afterEach(async () => {
  for (const h of hosts) await h.close();
  for (const d of databases.values()) await d.drop();
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

type Options = Parameters<typeof createHost>[0];

/** The options as given, on this run's engine: on PostgreSQL one database per data folder, kept across restarts. */
async function onEngine(options: Options): Promise<Options> {
  if (testEngine === 'sqlite') return options;
  let database = databases.get(options.dataDir);
  if (!database) {
    database = await createTestDatabase();
    databases.set(options.dataDir, database);
  }
  return { ...options, databaseUrl: (database.config as { url: string }).url };
}

async function start(options: Partial<Options> = {}): Promise<Host> {
  const host = await createHost(await onEngine({ dataDir: dir, port: 0, rendererDir: join(dir, 'no-renderer'), adminPassword: TEST_ADMIN_PASSWORD, ...options }));
  hosts.push(host);
  return host;
}

/** GET as the first admin, parsed. */
async function getJson<T>(host: Host, path: string): Promise<T> {
  const res = await fetch(`${host.url}${path}`, { headers: { authorization: `Bearer ${await signInOverHttp(host.url)}` } });
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

function login(host: Host, username: string, password: string): Promise<Response> {
  return fetch(`${host.url}/login/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

function listenOn(port: number): Promise<void> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

describe('createHost', () => {
  it('opens <dataDir>/frontdesk.db (or the database at databaseUrl) and serves the API on 127.0.0.1 at the port it got', async () => {
    const host = await start();
    if (testEngine === 'sqlite') {
      expect(host.database).toBe(join(dir, 'frontdesk.db'));
      expect(existsSync(host.database)).toBe(true);
    } else {
      // The URL without its password, for logs and the about box.
      const url = new URL((databases.get(dir)!.config as { url: string }).url);
      url.password = '***';
      expect(host.database).toBe(url.toString());
    }
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    const res = await fetch(`${host.url}/health`);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('seeds the demo hotel when asked, and only into an empty database', async () => {
    const first = await start({ demo: true });
    const rooms = await getJson<Room[]>(first, '/api/v1/rooms');
    expect(rooms.length).toBeGreaterThanOrEqual(20);
    const bookings = await getJson<unknown[]>(first, '/bookings');
    expect(bookings.length).toBeGreaterThan(0);
    await first.close();

    const again = await start({ demo: true });
    expect((await getJson<Room[]>(again, '/api/v1/rooms')).length).toBe(rooms.length);
  });

  it('makes the demo in Europe/Copenhagen on a server whose zone is not confirmed, and confirms it', async () => {
    const host = await start({ demo: true, settings: { timeZone: 'UTC' } });
    expect(await getJson<Settings>(host, '/api/v1/settings')).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
  });

  it('sets and confirms timeZone before anything is stored; a later start asking for another zone is refused', async () => {
    const first = await start({ timeZone: 'Europe/Helsinki', demo: true });
    expect(await getJson<Settings>(first, '/api/v1/settings')).toMatchObject({ timeZone: 'Europe/Helsinki', timeZoneConfirmed: true });
    await first.close();
    await expect(start({ timeZone: 'Europe/Helsinki' })).resolves.toBeDefined();
    await hosts.pop()!.close();
    await expect(start({ timeZone: 'Asia/Tokyo' })).rejects.toThrow(/The time zone stays Europe\/Helsinki/);
  });

  it('applies settings given at start-up', async () => {
    const host = await start({ settings: { hotelName: 'Hotel Nordlys', billingServiceUrl: '' } });
    const settings = await getJson<Settings>(host, '/api/v1/settings');
    expect(settings).toMatchObject({ hotelName: 'Hotel Nordlys', billingServiceUrl: '' });
  });

  it('answers nobody without a token: a guarded route is 401, /health is open', async () => {
    const host = await start();
    expect((await fetch(`${host.url}/api/v1/rooms`)).status).toBe(401);
    expect((await fetch(`${host.url}/health`)).status).toBe(200);
  });

  it('close() is idempotent, releases the port and closes the database', async () => {
    const host = await start();
    const { port } = host;
    await Promise.all([host.close(), host.close()]);
    await host.close();
    await expect(listenOn(port)).resolves.toBeUndefined();
    await expect(host.core.deps.db.get('SELECT 1 AS one')).rejects.toThrow();
    await expect(fetch(`${host.url}/health`)).rejects.toThrow();
  });

  it('closes open WebSockets on close(), signed in or not, at once', async () => {
    const host = await start();
    const signedIn = await openSignedInLiveSocket(host.url, await signInOverHttp(host.url));
    const waiting = await openLiveSocket(host.url);
    const started = performance.now();
    await host.close();
    await expect(Promise.all([signedIn.closed, waiting.closed])).resolves.toHaveLength(2);
    // Not the live feed's own sign-in timeout closing the second one.
    expect(performance.now() - started).toBeLessThan(AUTH_TIMEOUT_MS / 2);
  });

  it('fails with EADDRINUSE on a taken port, so the desk can retry on port 0 with the same data', async () => {
    const holder = await start();
    const error = await createHost(await onEngine({ dataDir: join(dir, 'second'), port: holder.port, rendererDir: join(dir, 'x'), adminPassword: TEST_ADMIN_PASSWORD })).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('EADDRINUSE');
    const retry = await createHost(await onEngine({ dataDir: join(dir, 'second'), port: 0, rendererDir: join(dir, 'x'), adminPassword: TEST_ADMIN_PASSWORD }));
    hosts.push(retry);
    expect(retry.port).not.toBe(holder.port);
  });

  describe('with the outbox worker', () => {
    let stub: BillingStub;
    beforeEach(async () => {
      stub = await startBillingStub();
    });
    afterEach(async () => await stub.close());

    it('delivers a booking made over HTTP to billing on its own', async () => {
      const host = await start({ settings: { billingServiceUrl: stub.url } });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${await signInOverHttp(host.url)}` };
      const room = await fetch(`${host.url}/api/v1/rooms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 }),
      });
      expect(room.status).toBe(201);
      const res = await fetch(`${host.url}/bookings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ roomnumber: 101, category: 'Standard single room', checkin: '2030-11-01T14:00:00', checkout: '2030-11-05T12:00:00' }),
      });
      expect(res.status).toBe(201);
      const booking = (await res.json()) as { id: number };
      await expect.poll(() => stub.delivered.map((r) => r.path), { timeout: 3_000 }).toEqual([`/bills/update/${booking.id}`]);
    });

    it('does not deliver when started with worker: false (while a host with its worker does)', async () => {
      // No fixed wait: both hosts commit a stay at once; once the one with a worker has delivered, the
      // one without has had the same chance, and must have sent nothing.
      const bookOn = async (host: Host, roomNumber: number) => {
        await host.core.handlers['rooms:create'](
          { number: roomNumber, category: 'Standard single room', capacity: 1, nightlyRate: 1, floor: 1, housekeeping: 'clean' },
          { actor: { userId: null, username: 't', role: 'admin' }, via: 'internal' },
        );
        await host.core.handlers['stays:create'](
          { roomId: 1, checkin: '2030-11-01', checkout: '2030-11-02', guestName: 'A', guests: 1 },
          { actor: { userId: null, username: 't', role: 'staff' }, via: 'internal' },
        );
      };
      const idle = await start({ settings: { billingServiceUrl: `${stub.url}/idle` }, worker: false });
      const working = await start({ dataDir: join(dir, 'working'), settings: { billingServiceUrl: `${stub.url}/working` } });
      await bookOn(idle, 101);
      await bookOn(working, 102);
      await expect.poll(() => stub.delivered.map((r) => r.path), { timeout: 3_000 }).toEqual(['/working/bills/update/1']);
      expect(stub.requests.filter((r) => r.path.startsWith('/idle'))).toEqual([]);
    });
  });

  describe('the first admin', () => {
    it('without a password given, is admin/admin and must change it first; the LAN API stays off', async () => {
      const host = await start({ adminPassword: undefined });
      const res = await login(host, 'admin', 'admin');
      expect(res.status).toBe(200);
      const result = (await res.json()) as LoginResult;
      expect(result.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: true });
      const rooms = await fetch(`${host.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${result.access_token}` } });
      expect(rooms.status).toBe(403);
      expect(await host.core.auth.defaultPasswordPending()).toBe(true);
    });

    it('with adminPassword, signs in with it at once, no forced change; admin/admin does not work', async () => {
      const host = await start();
      expect((await login(host, 'admin', 'admin')).status).toBe(401);
      const result = (await (await login(host, 'admin', TEST_ADMIN_PASSWORD)).json()) as LoginResult;
      expect(result.user.mustChangePassword).toBe(false);
      expect(await host.core.auth.defaultPasswordPending()).toBe(false);
    });

    it('takes FRONTDESK_ADMIN_PASSWORD from the environment when no adminPassword is given', async () => {
      vi.stubEnv('FRONTDESK_ADMIN_PASSWORD', 'Env-Admin-Password-8817');
      const host = await start({ adminPassword: undefined });
      const res = await login(host, 'admin', 'Env-Admin-Password-8817');
      expect(res.status).toBe(200);
      expect(((await res.json()) as LoginResult).user.mustChangePassword).toBe(false);
    });

    it('refuses to start with a weak first admin password, and leaves the port and database free', async () => {
      const error = await createHost(await onEngine({ dataDir: dir, port: 0, rendererDir: join(dir, 'x'), adminPassword: 'admin' })).catch((e: unknown) => e);
      expect(String(error)).toMatch(/FRONTDESK_ADMIN_PASSWORD is not acceptable/);
      const host = await start();
      expect((await login(host, 'admin', TEST_ADMIN_PASSWORD)).status).toBe(200);
    });

    it('refuses `lan: true` while the default admin password is in use, and starts with it once a password is set', async () => {
      const refused = await createHost(await onEngine({ dataDir: dir, port: 0, rendererDir: join(dir, 'x'), lan: true })).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'CONFLICT', message: LAN_BLOCKED_MESSAGE });
      const other = join(dir, 'other');
      const host = await start({ dataDir: other, lan: true, host: '127.0.0.1' });
      expect(host.core.settings.get()).toMatchObject({ lanEnabled: true, lanHost: '127.0.0.1' });
      expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    });
  });
});
