/**
 * The LAN switch (issue 3 §4), over real sockets: a host listens on 127.0.0.1 only until an admin
 * turns the LAN API on; then it answers on the chosen address and port, and no longer on the old
 * one, without a restart (same process, same database, same session); turned off, it is back on
 * loopback. A port that is taken leaves the API where it was and says why in `network:status`.
 *
 * "Reachable from the LAN" is checked on this machine's own non-loopback IPv4 address; on a machine
 * without one, the same steps are checked through `network:status` and `host.url` alone.
 */
import { createServer, connect, type Server } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkStatus } from '../../shared/contract/settings';
import { openSignedInLiveSocket } from '../support/live-client';
import { startTestHost, type TestHost } from '../support/test-host';

/** This machine's first external IPv4 address, as a LAN client would reach it. */
function lanAddress(): string | undefined {
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  }
  return undefined;
}

const LAN = lanAddress();
const hosts: TestHost[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});

async function start(options: Parameters<typeof startTestHost>[0] = {}): Promise<TestHost> {
  const th = await startTestHost(options);
  hosts.push(th);
  return th;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port nothing listens on now (≥ 1024, as the setting requires). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function health(base: string): Promise<number> {
  return (await fetch(`${base}/health`)).status;
}

async function network(th: TestHost): Promise<NetworkStatus> {
  const res = await th.fetch('/api/v1/network');
  expect(res.status).toBe(200);
  return (await res.json()) as NetworkStatus;
}

async function patchSettings(th: TestHost, body: Record<string, unknown>): Promise<void> {
  const res = await th.json('PATCH', '/api/v1/settings', body);
  expect(res.status, await res.clone().text()).toBe(200);
  await th.host.settled();
}

describe('the LAN switch', () => {
  it('starts on 127.0.0.1 only while the setting is off', async () => {
    const th = await start();
    const port = th.host.port;
    expect(th.host.url).toBe(`http://127.0.0.1:${port}`);
    expect(await network(th)).toEqual({ lanEnabled: false, listening: { host: '127.0.0.1', port }, urls: [], blockedReason: null, error: null, server: th.host.core.deps.db.sharedByServers ? hostname() : null });
    expect(await accepts('127.0.0.1', port)).toBe(true);
    if (LAN) expect(await accepts(LAN, port)).toBe(false);
  });

  it('started on a free port (port 0), it keeps that port when other settings change', async () => {
    const th = await start();
    const port = th.host.port;
    await patchSettings(th, { hotelName: 'Hotel Havneblik' });
    await patchSettings(th, { selfRegistration: true });
    expect(th.host.port).toBe(port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
  });

  it('an admin turns it on (0.0.0.0, a new port): answered there at once, the old port closed; off again → loopback; no restart', async () => {
    const th = await start();
    const oldPort = th.host.port;
    const lanPort = await freePort();

    await patchSettings(th, { lanEnabled: true, lanHost: '0.0.0.0', lanPort });
    expect(th.host.port).toBe(lanPort);
    expect(th.host.url).toBe(`http://127.0.0.1:${lanPort}`);
    const on = await network(th);
    expect(on).toMatchObject({ lanEnabled: true, listening: { host: '0.0.0.0', port: lanPort }, error: null });
    expect(await accepts('127.0.0.1', oldPort)).toBe(false);
    expect(await health(th.host.url)).toBe(200);
    if (LAN) {
      expect(on.urls).toContain(`http://${LAN}:${lanPort}`);
      expect(await health(`http://${LAN}:${lanPort}`)).toBe(200);
      // The same session, from the LAN side.
      const me = await fetch(`http://${LAN}:${lanPort}/api/v1/me`, { headers: { authorization: `Bearer ${th.token}` } });
      expect(me.status).toBe(200);
    }

    await patchSettings(th, { lanEnabled: false });
    expect(await network(th)).toMatchObject({ lanEnabled: false, listening: { host: '127.0.0.1', port: lanPort }, urls: [], error: null });
    expect(th.host.url).toBe(`http://127.0.0.1:${lanPort}`);
    expect(await health(th.host.url)).toBe(200);
    if (LAN) expect(await accepts(LAN, lanPort)).toBe(false);
    // Never restarted: the same database handle still answers, and the audit log has both switches.
    const switches = await th.host.core.deps.db.get(`SELECT count(*) AS n FROM audit_log WHERE action = 'settings:update'`);
    expect(switches).toEqual({ n: 2 });
  });

  it('turning it off ends the LAN side’s open connections too, live feeds included', async () => {
    const th = await start();
    const lanPort = await freePort();
    await patchSettings(th, { lanEnabled: true, lanHost: '0.0.0.0', lanPort });
    const address = LAN ?? '127.0.0.1';
    const feed = await openSignedInLiveSocket(`http://${address}:${lanPort}`, th.token);
    const first = feed.next('room.changed');
    expect((await th.json('POST', '/api/v1/rooms', { number: 101, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 1 })).status).toBe(201);
    await first;

    await patchSettings(th, { lanEnabled: false });
    await feed.closed;
    const events = feed.events.length;
    expect((await th.json('POST', '/api/v1/rooms', { number: 102, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 1 })).status).toBe(201);
    expect(feed.events).toHaveLength(events);
  });

  it('a port already in use: the API stays where it was and network:status says why', async () => {
    const th = await start();
    const port = th.host.port;
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', r));
    const taken = (blocker.address() as { port: number }).port;

    await patchSettings(th, { lanEnabled: true, lanHost: '0.0.0.0', lanPort: taken });
    const status = await network(th);
    expect(status.error).toMatch(new RegExp(`${taken}.*EADDRINUSE|EADDRINUSE.*${taken}`));
    expect(status.listening).toEqual({ host: '127.0.0.1', port });
    expect(th.host.url).toBe(`http://127.0.0.1:${port}`);
    expect(await health(th.host.url)).toBe(200);

    // Freed, the next change gets there and the error is gone.
    await new Promise((r) => blocker.close(r));
    blockers.splice(0);
    await patchSettings(th, { lanPort: taken });
    expect(await network(th)).toMatchObject({ listening: { host: '0.0.0.0', port: taken }, error: null });
  });

  it('`lan: true` at start-up (with an admin password set) listens on the LAN address from the start', async () => {
    const th = await start({ lan: true, host: '0.0.0.0' });
    expect(await network(th)).toMatchObject({ lanEnabled: true, listening: { host: '0.0.0.0', port: th.host.port } });
    if (LAN) expect(await health(`http://${LAN}:${th.host.port}`)).toBe(200);
  });
});
