/** The host process's life, in process over a stand-in port and host (the real child: host-process.test.ts). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../core/host';
import { createEventBus, anonymousContext } from '../../core/context';
import type { FromHost, HostStartOptions, ToHost } from '../../electron/host-protocol';
import { runHostProcess } from '../../electron/host-runner';
import { deferOptimizingCompiler, optimizingCompilerDeferred } from '../../core/optimizing-compiler';
import type { HostPort } from '../../electron/parent-port';

const options: HostStartOptions = { dataDir: '/data', rendererDir: '/r', migrationsDir: '/m', port: 0 };
const flush = () => new Promise((resolve) => setImmediate(resolve));

function fakePort() {
  let deliver: (message: unknown) => void = () => undefined;
  let gone: () => void = () => undefined;
  const posted: FromHost[] = [];
  const port: HostPort = {
    onMessage: (listener) => (deliver = listener),
    post: (message) => posted.push(message as FromHost),
    onParentGone: (listener) => (gone = listener),
  };
  return { port, posted, send: (message: ToHost) => deliver(message), parentGone: () => gone() };
}

function fakeHost() {
  const events = createEventBus();
  let finish: (value: unknown) => void = () => undefined;
  const host = {
    url: 'http://127.0.0.1:40001',
    port: 40001,
    database: '/data/frontdesk.db',
    close: vi.fn(async () => undefined),
    core: {
      deps: { events },
      contextFor: () => anonymousContext('ipc'),
      authorize: () => undefined,
      /** Answers once the test calls `finish`. */
      call: vi.fn(() => new Promise((resolve) => (finish = resolve))),
    },
  };
  return { host, events, finish: (value: unknown) => finish(value) };
}

let io: ReturnType<typeof fakePort>;
let exit: ReturnType<typeof vi.fn<(code: number) => void>>;

beforeEach(() => {
  io = fakePort();
  exit = vi.fn<(code: number) => void>();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('the host process', () => {
  it('starts the host with the first message’s options and says where it listens', async () => {
    const { host } = fakeHost();
    const start = vi.fn(async () => host as unknown as Host);
    runHostProcess(io.port, { start, exit });
    io.send({ kind: 'start', options });
    await flush();
    expect(start).toHaveBeenCalledWith(options);
    expect(io.posted).toEqual([{ kind: 'started', url: 'http://127.0.0.1:40001', port: 40001, database: '/data/frontdesk.db' }]);
  });

  it('answers a request that comes before the host runs without calling anything', async () => {
    runHostProcess(io.port, { start: () => new Promise(() => undefined), exit });
    io.send({ kind: 'call', id: 1, name: 'health:get', input: {}, token: null });
    expect(io.posted).toEqual([{ kind: 'result', id: 1, ok: false, error: { code: 'INTERNAL', message: expect.any(String) } }]);
  });

  it("switches V8's optimizing compiler on with the window's first call, not at start-up (host-start-up.ts held it back)", async () => {
    const { host, finish } = fakeHost();
    // Deferred as host-start-up.ts does, without reaching this process's V8 (its resume sets --turbofan, which it runs with anyway).
    deferOptimizingCompiler([], () => undefined);
    runHostProcess(io.port, { start: async () => host as unknown as Host, exit });
    io.send({ kind: 'start', options });
    await flush();
    expect(optimizingCompilerDeferred()).toBe(true);
    io.send({ kind: 'call', id: 1, name: 'health:get', input: {}, token: null });
    expect(optimizingCompilerDeferred()).toBe(false);
    finish({ status: 'ok' });
  });

  it('forwards every committed change as an event', async () => {
    const { host, events } = fakeHost();
    runHostProcess(io.port, { start: async () => host as unknown as Host, exit });
    io.send({ kind: 'start', options });
    await flush();
    events.publish({ type: 'outbox.changed' });
    expect(io.posted.at(-1)).toEqual({ kind: 'event', event: { type: 'outbox.changed' } });
  });

  it('reports a failed start-up and exits only when main says close', async () => {
    runHostProcess(io.port, { start: async () => Promise.reject(new Error('database is locked')), exit });
    io.send({ kind: 'start', options });
    await flush();
    expect(io.posted).toEqual([{ kind: 'start-failed', message: 'database is locked' }]);
    expect(exit).not.toHaveBeenCalled();
    io.send({ kind: 'close' });
    await flush();
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('on close, lets the requests under way finish, then closes the host once and exits 0', async () => {
    const { host, finish } = fakeHost();
    runHostProcess(io.port, { start: async () => host as unknown as Host, exit });
    io.send({ kind: 'start', options });
    await flush();
    io.send({ kind: 'call', id: 7, name: 'auth:logout', input: {}, token: 't' });
    io.send({ kind: 'close' });
    io.send({ kind: 'close' });
    io.send({ kind: 'call', id: 8, name: 'health:get', input: {}, token: null });
    await flush();
    expect(host.close).not.toHaveBeenCalled();
    expect(io.posted.at(-1)).toMatchObject({ kind: 'result', id: 8, ok: false });
    finish({ message: 'Signed out' });
    await flush();
    expect(io.posted).toContainEqual({ kind: 'result', id: 7, ok: true, value: { message: 'Signed out' } });
    expect(host.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('closes a host still starting once it has started', async () => {
    const { host } = fakeHost();
    let ready: (h: Host) => void = () => undefined;
    runHostProcess(io.port, { start: () => new Promise<Host>((resolve) => (ready = resolve)), exit });
    io.send({ kind: 'start', options });
    io.send({ kind: 'close' });
    await flush();
    expect(exit).not.toHaveBeenCalled();
    ready(host as unknown as Host);
    await flush();
    expect(host.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('closes and exits when its parent is gone', async () => {
    const { host } = fakeHost();
    runHostProcess(io.port, { start: async () => host as unknown as Host, exit });
    io.send({ kind: 'start', options });
    await flush();
    io.parentGone();
    await flush();
    expect(host.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('exits 1 when closing the host fails', async () => {
    const { host } = fakeHost();
    host.close.mockRejectedValue(new Error('disk gone'));
    runHostProcess(io.port, { start: async () => host as unknown as Host, exit });
    io.send({ kind: 'start', options });
    await flush();
    io.send({ kind: 'close' });
    await flush();
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('ignores a second start, an unknown kind, and messages that are not the protocol’s', async () => {
    const { host } = fakeHost();
    const start = vi.fn(async () => host as unknown as Host);
    runHostProcess(io.port, { start, exit });
    io.send({ kind: 'start', options });
    io.send({ kind: 'start', options });
    vi.mocked(console.error).mockClear();
    io.send({ kind: 'reboot' } as unknown as ToHost);
    io.send(null as unknown as ToHost);
    io.send({ type: 'probe:start' } as unknown as ToHost);
    await flush();
    expect(start).toHaveBeenCalledTimes(1);
    expect(io.posted).toHaveLength(1);
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(console.error).toHaveBeenCalledWith('[host] unknown message', 'reboot');
  });
});
