import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../core/host';
import type { Room, Settings } from '../../shared/contract/schemas';
import { startBillingStub, type BillingStub } from '../support/billing-stub';

let dir: string;
let hosts: Host[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-host-'));
  hosts = [];
});
afterEach(async () => {
  for (const h of hosts) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Partial<Parameters<typeof createHost>[0]> = {}): Promise<Host> {
  const host = await createHost({ dataDir: dir, port: 0, rendererDir: join(dir, 'no-renderer'), ...options });
  hosts.push(host);
  return host;
}

function listenOn(port: number): Promise<void> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

describe('createHost', () => {
  it('opens <dataDir>/frontdesk.db and serves the API on 127.0.0.1 at the port it got', async () => {
    const host = await start();
    expect(host.dbFile).toBe(join(dir, 'frontdesk.db'));
    expect(existsSync(host.dbFile)).toBe(true);
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    const res = await fetch(`${host.url}/health`);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('seeds the demo hotel when asked, and only into an empty database', async () => {
    const first = await start({ demo: true });
    const rooms = (await (await fetch(`${first.url}/api/v1/rooms`)).json()) as Room[];
    expect(rooms.length).toBeGreaterThanOrEqual(20);
    const bookings = (await (await fetch(`${first.url}/bookings`)).json()) as unknown[];
    expect(bookings.length).toBeGreaterThan(0);
    await first.close();

    const again = await start({ demo: true });
    expect(((await (await fetch(`${again.url}/api/v1/rooms`)).json()) as Room[]).length).toBe(rooms.length);
  });

  it('applies settings given at start-up', async () => {
    const host = await start({ settings: { hotelName: 'Hotel Nordlys', billingServiceUrl: '' } });
    const settings = (await (await fetch(`${host.url}/api/v1/settings`)).json()) as Settings;
    expect(settings).toMatchObject({ hotelName: 'Hotel Nordlys', billingServiceUrl: '' });
  });

  it('close() is idempotent, releases the port and closes the database', async () => {
    const host = await start();
    const { port } = host;
    await Promise.all([host.close(), host.close()]);
    await host.close();
    await expect(listenOn(port)).resolves.toBeUndefined();
    expect(host.core.deps.sqlite.open).toBe(false);
    await expect(fetch(`${host.url}/health`)).rejects.toThrow();
  });

  it('closes open WebSockets on close()', async () => {
    const host = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    const closed = new Promise((resolve) => ws.addEventListener('close', resolve));
    await host.close();
    await expect(closed).resolves.toBeDefined();
  });

  it('fails with EADDRINUSE on a taken port, so the desk can retry on port 0 with the same data', async () => {
    const holder = await start();
    const error = await createHost({ dataDir: join(dir, 'second'), port: holder.port, rendererDir: join(dir, 'x') }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('EADDRINUSE');
    const retry = await createHost({ dataDir: join(dir, 'second'), port: 0, rendererDir: join(dir, 'x') });
    hosts.push(retry);
    expect(retry.port).not.toBe(holder.port);
  });

  describe('with the outbox worker', () => {
    let stub: BillingStub;
    beforeEach(async () => {
      stub = await startBillingStub();
    });
    afterEach(() => stub.close());

    it('delivers a booking made over HTTP to billing on its own', async () => {
      const host = await start({ settings: { billingServiceUrl: stub.url } });
      await fetch(`${host.url}/api/v1/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1 }),
      });
      const res = await fetch(`${host.url}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ roomnumber: 101, category: 'Standard single room', checkin: '2030-11-01T14:00:00', checkout: '2030-11-05T12:00:00' }),
      });
      const booking = (await res.json()) as { id: number };
      await expect.poll(() => stub.delivered.map((r) => r.path), { timeout: 3_000 }).toEqual([`/bills/update/${booking.id}`]);
    });

    it('does not deliver when started with worker: false', async () => {
      const host = await start({ settings: { billingServiceUrl: stub.url }, worker: false });
      host.core.handlers['rooms:create'](
        { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 1, floor: 1, housekeeping: 'clean' },
        { actor: { userId: null, username: 't', role: 'admin' }, via: 'internal' },
      );
      host.core.handlers['stays:create'](
        { roomId: 1, checkin: '2030-11-01', checkout: '2030-11-02', guestName: 'A', guests: 1 },
        { actor: { userId: null, username: 't', role: 'staff' }, via: 'internal' },
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(stub.requests).toEqual([]);
    });
  });
});
