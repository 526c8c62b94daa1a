import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../core/context';
import { ipcCommandNames } from '../../shared/contract/commands';
import { LIVE_EVENT_CHANNEL, type LiveEvent } from '../../shared/contract/events';
import { fake, fakeEvent, FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';
import { fakeCall, fakeHandlers } from './fake-handlers';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const createHost = vi.hoisted(() => vi.fn());
vi.mock('../../core/host', () => ({ createHost }));

const { runDesk, DESK_PORT } = await import('../../electron/desk-app');

const appDir = join('/opt', 'frontdesk');

function fakeHost(port = DESK_PORT) {
  const handlers = fakeHandlers();
  return {
    core: { deps: { events: createEventBus() }, handlers, call: fakeCall(handlers) },
    url: `http://127.0.0.1:${port}`,
    port,
    dbFile: join('/home/desk/.config/Frontdesk', 'frontdesk.db'),
    close: vi.fn(async () => undefined),
  };
}

function portTaken(): Error {
  return Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8787'), { code: 'EADDRINUSE' });
}

/** Starts the desk against the fakes and waits until it has opened its window (or given up). */
async function start(): Promise<void> {
  const running = runDesk();
  fake.app.markReady();
  await running;
}

const windows = () => FakeBrowserWindow.instances;
const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  resetFakeElectron();
  fake.app.appPath = appDir;
  createHost.mockReset();
});

afterEach(() => vi.restoreAllMocks());

describe('the desk app', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.app.hasLock = false;
    await runDesk();
    expect(fake.app.quitCalls).toBe(1);
    expect(createHost).not.toHaveBeenCalled();
  });

  it('starts the host on the loopback port with the packaged renderer and migrations', async () => {
    createHost.mockResolvedValue(fakeHost());
    await start();
    expect(createHost).toHaveBeenCalledTimes(1);
    expect(createHost).toHaveBeenCalledWith({
      dataDir: '/home/desk/.config/Frontdesk',
      port: 8787,
      host: '127.0.0.1',
      rendererDir: join(appDir, 'dist', 'renderer'),
      migrationsDir: join(appDir, 'db', 'migrations'),
    });
  });

  it('registers the IPC commands and opens one window on the built page', async () => {
    createHost.mockResolvedValue(fakeHost());
    await start();
    expect(fake.app.sandboxEnforced).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...ipcCommandNames].sort());
    expect(windows()).toHaveLength(1);
    expect(windows()[0]!.loadedFile).toBe(join(appDir, 'dist', 'renderer', 'index.html'));
  });

  it('answers IPC from its own window and refuses a foreign page', async () => {
    const host = fakeHost();
    createHost.mockResolvedValue(host);
    await start();
    const win = windows()[0]!;
    const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await expect(fake.ipcMain.invoke('health:get', ours, {})).resolves.toMatchObject({ ok: true });
    win.webContents.mainFrame.url = 'https://evil.example/';
    await expect(fake.ipcMain.invoke('health:get', ours, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.core.handlers['health:get']).toHaveBeenCalledTimes(1);
  });

  it('opens anyway when the port is taken, on a free port', async () => {
    createHost.mockRejectedValueOnce(portTaken()).mockResolvedValueOnce(fakeHost(49152));
    await start();
    expect(createHost).toHaveBeenCalledTimes(2);
    expect(createHost.mock.calls[1]![0]).toMatchObject({ port: 0, host: '127.0.0.1' });
    expect(windows()).toHaveLength(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('port 8787 is taken'));
  });

  it('shows why and exits when the host cannot start for another reason', async () => {
    createHost.mockRejectedValue(new Error('SQLite 3.40.0 is older than 3.51.3'));
    await start();
    expect(createHost).toHaveBeenCalledTimes(1);
    expect(fake.errorBoxes).toEqual([{ title: 'Frontdesk could not start', content: 'SQLite 3.40.0 is older than 3.51.3' }]);
    expect(fake.app.exitCode).toBe(1);
    expect(windows()).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    createHost.mockResolvedValue(fakeHost());
    await start();
    const win = windows()[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(windows()).toHaveLength(1);
  });

  it('pushes committed changes to the window as live events, until the window closes', async () => {
    const host = fakeHost();
    createHost.mockResolvedValue(host);
    await start();
    const win = windows()[0]!;
    const event: LiveEvent = { type: 'outbox.changed' };
    host.core.deps.events.publish(event);
    expect(win.webContents.sent).toEqual([{ channel: LIVE_EVENT_CHANNEL, args: [event] }]);
    win.close();
    host.core.deps.events.publish(event);
    expect(win.webContents.sent).toHaveLength(1);
  });

  it('closes the host exactly once on quit, then quits for real', async () => {
    let finishClose: () => void = () => undefined;
    const host = fakeHost();
    host.close.mockImplementation(() => new Promise<undefined>((resolve) => (finishClose = () => resolve(undefined))));
    createHost.mockResolvedValue(host);
    await start();
    const quitEvents: ReturnType<typeof fakeEvent>[] = [];
    fake.app.on('before-quit', (e) => quitEvents.push(e));

    fake.app.quit();
    fake.app.quit();
    expect(host.close).toHaveBeenCalledTimes(1);
    expect(quitEvents.map((e) => e.defaultPrevented)).toEqual([true, true]);

    finishClose();
    await flush();
    expect(fake.app.quitCalls).toBe(3);
    expect(quitEvents[2]!.defaultPrevented).toBe(false);
    expect(host.close).toHaveBeenCalledTimes(1);
  });

  it('still quits when closing the host fails', async () => {
    const host = fakeHost();
    host.close.mockRejectedValue(new Error('disk gone'));
    createHost.mockResolvedValue(host);
    await start();
    const quitEvents: ReturnType<typeof fakeEvent>[] = [];
    fake.app.on('before-quit', (e) => quitEvents.push(e));
    fake.app.quit();
    await flush();
    expect(quitEvents.map((e) => e.defaultPrevented)).toEqual([true, false]);
  });
});
