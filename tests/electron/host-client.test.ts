/** The main side of the host protocol against a scripted stand-in process (the real one: host-process.test.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHostClient, type HostClient } from '../../electron/host-client';
import type { FromHost, HostRequest, ToHost } from '../../electron/host-protocol';
import { FakeUtilityProcess } from '../support/fake-electron';

const options = { dataDir: '/data', rendererDir: '/app/dist/renderer', migrationsDir: '/app/db/migrations' };
const started: FromHost = { kind: 'started', url: 'http://127.0.0.1:8787', port: 8787, database: '/data/frontdesk.db' };

let child: FakeUtilityProcess;
let onCrash: ReturnType<typeof vi.fn<(code: number) => void>>;

const reply = (message: FromHost) => child.emit('message', message);
const posted = () => child.posted as ToHost[];
const requests = () => posted().filter((m): m is HostRequest => m.kind === 'call' || m.kind === 'authorize' || m.kind === 'export');

function start(closeGraceMs?: number): Promise<HostClient> {
  return startHostClient({ spawn: () => child, options, onCrash, ...(closeGraceMs === undefined ? {} : { closeGraceMs }) });
}

async function running(): Promise<HostClient> {
  // The host answers `started` after the client has asked: reply before waiting on the answer.
  const client = start();
  reply(started);
  return await client;
}

beforeEach(() => {
  child = new FakeUtilityProcess('/app/dist-electron/host.cjs', [], {});
  onCrash = vi.fn<(code: number) => void>();
});

afterEach(() => vi.useRealTimers());

describe('starting the host process', () => {
  it('sends the options first and resolves with where the host listens', async () => {
    const client = start();
    expect(posted()).toEqual([{ kind: 'start', options }]);
    reply(started);
    await expect(client).resolves.toMatchObject({ url: 'http://127.0.0.1:8787', port: 8787, database: '/data/frontdesk.db' });
  });

  it('rejects with the host’s reason when its start-up fails, and closes it', async () => {
    const client = start();
    reply({ kind: 'start-failed', message: 'SQLite 3.40.0 is older than 3.51.3' });
    await expect(client).rejects.toThrow('SQLite 3.40.0 is older than 3.51.3');
    expect(posted().at(-1)).toEqual({ kind: 'close' });
    child.emit('exit', 0);
    expect(onCrash).not.toHaveBeenCalled();
  });

  it('rejects when the process dies before it has started, and does not call that a crash', async () => {
    const client = start();
    child.emit('exit', 1);
    await expect(client).rejects.toThrow(/stopped while starting \(exit code 1\)/);
    expect(onCrash).not.toHaveBeenCalled();
  });
});

describe('requests', () => {
  it('sends each request with its own id and the token, and matches answers arriving in any order', async () => {
    const client = await running();
    const a = client.call('stays:get', { id: 1 }, 'token-a');
    const b = client.call('rooms:list', {}, null);
    const [ra, rb] = requests();
    expect(ra).toEqual({ kind: 'call', id: expect.any(Number), name: 'stays:get', input: { id: 1 }, token: 'token-a' });
    expect(rb).toMatchObject({ kind: 'call', name: 'rooms:list', token: null });
    expect(ra!.id).not.toBe(rb!.id);
    reply({ kind: 'result', id: rb!.id, ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } });
    reply({ kind: 'result', id: ra!.id, ok: true, value: { id: 1 } });
    await expect(a).resolves.toEqual({ ok: true, value: { id: 1 } });
    await expect(b).resolves.toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } });
  });

  it('sends authorize and export requests with their fields', async () => {
    const client = await running();
    void client.authorize('audit:export', 't');
    void client.exportFile('stays:export', { delimiter: ';' }, 't', '/home/desk/stays.csv');
    expect(requests()).toEqual([
      { kind: 'authorize', id: expect.any(Number), name: 'audit:export', token: 't' },
      { kind: 'export', id: expect.any(Number), name: 'stays:export', input: { delimiter: ';' }, token: 't', file: '/home/desk/stays.csv' },
    ]);
  });

  it('ignores an answer to no request', async () => {
    const client = await running();
    const pending = client.call('health:get', {}, null);
    reply({ kind: 'result', id: 999, ok: true, value: 'stray' });
    reply({ kind: 'result', id: requests()[0]!.id, ok: true, value: 'mine' });
    await expect(pending).resolves.toEqual({ ok: true, value: 'mine' });
  });
});

describe('live events', () => {
  it('hands each event to every subscriber until it unsubscribes, a failing one not stopping the rest', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = await running();
    const seen: unknown[] = [];
    client.onEvent(() => {
      throw new Error('listener broke');
    });
    const unsubscribe = client.onEvent((event) => seen.push(event));
    reply({ kind: 'event', event: { type: 'outbox.changed' } });
    unsubscribe();
    reply({ kind: 'event', event: { type: 'outbox.changed' } });
    expect(seen).toEqual([{ type: 'outbox.changed' }]);
  });
});

describe('closing', () => {
  it('asks the host to close once and resolves when it has exited', async () => {
    const client = await running();
    let closed = false;
    const first = client.close().then(() => (closed = true));
    const second = client.close();
    expect(posted().filter((m) => m.kind === 'close')).toHaveLength(1);
    await Promise.resolve();
    expect(closed).toBe(false);
    child.emit('exit', 0);
    await Promise.all([first, second]);
    expect(closed).toBe(true);
    expect(child.killed).toBe(false);
    expect(onCrash).not.toHaveBeenCalled();
  });

  it('kills a host that has not exited after the grace period', async () => {
    vi.useFakeTimers();
    const client = start(1_000);
    reply(started);
    const closing = (await client).close();
    vi.advanceTimersByTime(999);
    expect(child.killed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(child.killed).toBe(true);
    child.emit('exit', 143);
    await closing;
    expect(onCrash).not.toHaveBeenCalled();
  });

  it('answers requests made once closing has begun at once, without sending them', async () => {
    const client = await running();
    void client.close();
    await expect(client.call('health:get', {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(requests()).toEqual([]);
  });
});

describe('a crash', () => {
  it('answers every pending request with INTERNAL and reports the exit code once', async () => {
    const client = await running();
    const pending = [client.call('board:get', { from: '2026-05-01', days: 7 }, 't'), client.exportFile('stays:export', {}, 't', '/x.csv')];
    child.emit('exit', 139);
    for (const result of await Promise.all(pending)) expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onCrash).toHaveBeenCalledTimes(1);
    expect(onCrash).toHaveBeenCalledWith(139);
    await expect(client.call('health:get', {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await expect(client.close()).resolves.toBeUndefined();
  });

  it('answers at once when the process can no longer be posted to', async () => {
    const client = await running();
    child.postMessage = () => {
      throw new Error('channel closed');
    };
    await expect(client.call('health:get', {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
