/**
 * Issue 20 items 1 and 5: two real hosts (A and B) on one PostgreSQL database, named as an admin
 * names them (`--server-name`). The hotel's settings are one: a change through A reaches B's
 * settings and B's desks. Where a server listens is its own: A's new LAN port moves A's listener
 * only, and each server's network status says which server it describes.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../core/host';
import type { NetworkStatus, Settings } from '../../shared/contract/settings';
import { openSignedInLiveSocket, type LiveClient } from '../support/live-client';
import { bearer, signIn, TEST_ADMIN_PASSWORD } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
const hosts: Host[] = [];
const feeds: LiveClient[] = [];

async function startHost(name: string): Promise<Host> {
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  const host = await createHost({
    dataDir: join(database.dir, name),
    databaseUrl: database.config.url,
    serverName: name,
    port: 0,
    worker: false,
    appointmentScheduler: false,
    rendererDir: join(database.dir, 'no-renderer'),
    adminPassword: TEST_ADMIN_PASSWORD,
    settings: { timeZone: 'Europe/Copenhagen' },
  });
  hosts.push(host);
  return host;
}

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const f of feeds.splice(0)) f.ws.close();
  for (const h of hosts.splice(0)) await h.close();
  await database.drop();
});

/** A port free right now (the listener takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function get<T>(host: Host, path: string, token: string): Promise<T> {
  const res = await fetch(`${host.url}${path}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('settings on several servers', () => {
  it('a hotel setting changed through A reaches B and its desks; A’s LAN port moves A’s listener only', async () => {
    const hostA = await startHost('desk-a');
    const hostB = await startHost('desk-b');
    const admin = await signIn(hostA.core, 'admin', { username: 'manager' });
    const staff = await signIn(hostA.core, 'staff', { username: 'desk.one' });
    const deskOnB = await openSignedInLiveSocket(hostB.url, staff.token);
    feeds.push(deskOnB);
    const bHears = deskOnB.next('settings.changed');
    const portOfB = hostB.port;
    const newPortOfA = await freePort();

    const res = await fetch(`${hostA.url}/api/v1/settings`, {
      method: 'PATCH',
      headers: { ...bearer(admin.token), 'content-type': 'application/json' },
      body: JSON.stringify({ hotelName: 'Hotel Nordlys', lanPort: newPortOfA }),
    });
    expect(res.status).toBe(200);
    await hostA.settled();
    expect(hostA.port).toBe(newPortOfA);

    // B's desk hears the hotel's new name, with B's own listener settings in it.
    const heard = (await bHears) as { settings: Settings };
    expect(heard.settings.hotelName).toBe('Hotel Nordlys');
    expect(heard.settings.lanPort).not.toBe(newPortOfA);
    expect(hostB.core.settings.get().hotelName).toBe('Hotel Nordlys');
    await hostB.settled();
    expect(hostB.port).toBe(portOfB);

    const viaB = await get<Settings>(hostB, '/api/v1/settings', admin.token);
    expect(viaB).toMatchObject({ hotelName: 'Hotel Nordlys' });
    expect(viaB.lanPort).not.toBe(newPortOfA);
    expect(await get<NetworkStatus>(hostA, '/api/v1/network', admin.token)).toMatchObject({ server: 'desk-a', listening: { port: newPortOfA } });
    expect(await get<NetworkStatus>(hostB, '/api/v1/network', admin.token)).toMatchObject({ server: 'desk-b', listening: { port: portOfB } });
  });

  it('a server keeps its own LAN port across a restart, and a new server starts from the defaults', async () => {
    const first = await startHost('desk-a');
    await first.core.handlers['settings:update']({ lanPort: 39_501, hotelName: 'Hotel Syd' }, { actor: { userId: null, username: 'host', role: 'admin' }, via: 'internal' });
    await first.close();
    hosts.splice(0);

    const again = await startHost('desk-a');
    const other = await startHost('desk-c');
    expect(again.core.settings.get()).toMatchObject({ lanPort: 39_501, hotelName: 'Hotel Syd' });
    expect(other.core.settings.get()).toMatchObject({ lanPort: 8787, hotelName: 'Hotel Syd' });
  });
});
