import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult } from '../../shared/contract/auth';
import { ipcCommandNames } from '../../shared/contract/commands';
import { IMPORT_OPEN_CHANNEL, PRINT_PDF_CHANNEL } from '../../shared/contract/ipc-channels';
import type { LiveEvent } from '../../shared/contract/events';
import { LIVE_EVENT_CHANNEL } from '../../shared/contract/ipc-channels';
import type { FromHost, HostRequest, ToHost } from '../../electron/host-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { readUiLanguage, UI_LANGUAGE_FILE } from '../../electron/ui-language';
import { fake, fakeEvent, FakeBrowserWindow, resetFakeElectron, type FakeUtilityProcess } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { runDesk } = await import('../../electron/desk-app');

const appDir = join('/opt', 'frontdesk');
const flush = () => new Promise((resolve) => setImmediate(resolve));
const windows = () => FakeBrowserWindow.instances;

function loginResult(token: string): LoginResult {
  return {
    access_token: token,
    token_type: 'bearer',
    expires_at: '2999-01-01T00:00:00Z',
    user: { id: 2, username: 'sam', email: 'sam@hotel.test', role: 'staff', active: true, mustChangePassword: false, createdAt: '2026-01-01T00:00:00Z', lastLoginAt: null },
  };
}

/**
 * Stands in for host.cjs in every utility process the desk forks: answers `start`, signs anyone in
 * (tokens tok-1, tok-2, …), echoes other calls with the token they came with, exits on `close`.
 */
function standInHost(options: { startFails?: string; exitOnClose?: boolean } = {}) {
  const state = { child: null as FakeUtilityProcess | null, requests: [] as HostRequest[], closes: 0, tokens: 0, log: [] as string[] };
  fake.onUtilityFork = (child) => {
    state.child = child;
    const reply = (message: FromHost) => queueMicrotask(() => child.emit('message', message));
    child.on('posted', (message: ToHost) => {
      if (message.kind === 'start') {
        reply(options.startFails ? { kind: 'start-failed', message: options.startFails } : { kind: 'started', url: 'http://127.0.0.1:8787', port: 8787, database: '/data/frontdesk.db' });
      } else if (message.kind === 'close') {
        state.closes += 1;
        state.log.push('close');
        if (options.exitOnClose !== false) queueMicrotask(() => child.emit('exit', 0));
      } else {
        state.requests.push(message);
        if (message.kind === 'call') state.log.push(`${message.name} ${message.token}`);
        const value = message.kind === 'call' && message.name === 'auth:login' ? loginResult(`tok-${++state.tokens}`) : { by: message.kind, token: message.token };
        reply({ kind: 'result', id: message.id, ok: true, value });
      }
    });
  };
  return state;
}

/** Starts the desk against the fakes and waits until it has opened its window (or given up). */
async function start(): Promise<void> {
  const running = runDesk();
  fake.app.markReady();
  await running;
}

function from(win: FakeBrowserWindow) {
  return { sender: win.webContents, senderFrame: win.webContents.mainFrame };
}

const signIn = (win: FakeBrowserWindow) => fake.ipcMain.invoke('auth:login', from(win), { username: 'sam', password: 'Tide-pool lantern 42' });

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  resetFakeElectron();
  fake.app.appPath = appDir;
});

afterEach(() => vi.restoreAllMocks());

describe('the desk app', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.app.hasLock = false;
    await runDesk();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.utilityForks).toHaveLength(0);
  });

  it("runs the host as a utility process with a small young generation and glibc's settings, on the packaged files", async () => {
    const host = standInHost();
    await start();
    expect(fake.utilityForks).toHaveLength(1);
    const child = fake.utilityForks[0]!;
    expect(child.modulePath).toBe(join(appDir, 'dist-electron', 'host.cjs'));
    const { env, ...options } = child.options as { env: NodeJS.ProcessEnv };
    expect(options).toEqual({ serviceName: 'Frontdesk host', execArgv: ['--max-semi-space-size=4', '--max-old-space-size=256', '--no-maglev', '--no-parallel-scavenge', '--no-memory-reducer'], stdio: 'inherit' });
    // main's own environment, with one malloc arena and the mmap threshold under it (core/malloc-env.ts).
    expect(env).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '1', ...process.env });
    expect(child.posted[0]).toEqual({
      kind: 'start',
      options: { dataDir: '/home/desk/.config/Frontdesk', rendererDir: join(appDir, 'dist', 'renderer'), migrationsDir: join(appDir, 'db', 'migrations') },
    });
    expect(host.requests).toEqual([]);
  });

  it('registers the IPC commands and the print-to-PDF channel, and opens one window on the built page', async () => {
    standInHost();
    await start();
    expect(fake.app.sandboxEnforced).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...ipcCommandNames, PRINT_PDF_CHANNEL, IMPORT_OPEN_CHANNEL].sort());
    expect(windows()).toHaveLength(1);
    expect(windows()[0]!.loadedFile).toBe(join(appDir, 'dist', 'renderer', 'index.html'));
  });

  it('hardens the session (CSP, no permissions) and the window (no navigation away) before the page loads', async () => {
    standInHost();
    await start();
    expect(fake.session.headersListener).not.toBeNull();
    const callback = vi.fn();
    fake.session.headersListener!({ url: 'file:///opt/frontdesk/dist/renderer/index.html', responseHeaders: {} }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(fake.session.permissionCheckHandler!({}, 'media', 'file://')).toBe(false);
    const navigation = fakeEvent({ url: 'https://evil.example/' });
    windows()[0]!.webContents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    expect(windows()[0]!.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('opens every window isolated, sandboxed, without Node and with web security', async () => {
    standInHost();
    await start();
    windows()[0]!.close();
    fake.app.emit('activate');
    expect(windows()).toHaveLength(2);
    for (const win of windows()) {
      const prefs = win.options.webPreferences as Record<string, unknown>;
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
      expect(prefs.webSecurity).not.toBe(false);
      expect(win.webContents.windowOpenHandler).not.toBeNull();
    }
  });

  it('relays IPC from its own window and refuses a subframe or a foreign page without relaying', async () => {
    const host = standInHost();
    await start();
    const win = windows()[0]!;
    await expect(fake.ipcMain.invoke('health:get', from(win), {})).resolves.toMatchObject({ ok: true });
    const subframe = { sender: win.webContents, senderFrame: { url: win.webContents.mainFrame.url, parent: win.webContents.mainFrame } };
    await expect(fake.ipcMain.invoke('health:get', subframe, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    win.webContents.mainFrame.url = 'https://evil.example/';
    await expect(fake.ipcMain.invoke('health:get', from(win), {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.requests).toHaveLength(1);
  });

  it('keeps the sign-in token in main: the page gets none, later calls carry it', async () => {
    const host = standInHost();
    await start();
    const win = windows()[0]!;
    const login = await signIn(win);
    expect(login).toMatchObject({ ok: true, value: { access_token: '', user: { username: 'sam' } } });
    await fake.ipcMain.invoke('rooms:list', from(win), {});
    expect(host.requests.at(-1)).toMatchObject({ kind: 'call', name: 'rooms:list', token: 'tok-1' });
  });

  it('pushes live events to the window only while it is signed in', async () => {
    standInHost();
    await start();
    const win = windows()[0]!;
    const child = fake.utilityForks[0]!;
    const event: LiveEvent = { type: 'block.changed', action: 'removed', block: { id: 1, roomId: 1, roomNumber: 101, from: '', to: '', fromDate: '', toDate: '', reason: 'paint', kind: 'blocked', createdAt: '' } };
    child.emit('message', { kind: 'event', event });
    expect(win.webContents.sent).toEqual([]);
    await signIn(win);
    child.emit('message', { kind: 'event', event });
    expect(win.webContents.sent).toEqual([{ channel: LIVE_EVENT_CHANNEL, args: [event] }]);
    await fake.ipcMain.invoke('auth:logout', from(win), {});
    child.emit('message', { kind: 'event', event });
    expect(win.webContents.sent).toHaveLength(1);
  });

  it("sends a window only the events its user's role is in the audience of", async () => {
    standInHost();
    await start();
    const win = windows()[0]!;
    const child = fake.utilityForks[0]!;
    await signIn(win);
    // The outbox screen is the admins': a staff desk does not hear of it.
    child.emit('message', { kind: 'event', event: { type: 'outbox.changed' } });
    expect(win.webContents.sent).toEqual([]);
  });

  it('signs a closed window out and sends it nothing more', async () => {
    const host = standInHost();
    await start();
    const win = windows()[0]!;
    await signIn(win);
    win.close();
    await flush();
    expect(host.log).toContain('auth:logout tok-1');
    fake.utilityForks[0]!.emit('message', { kind: 'event', event: { type: 'outbox.changed' } });
    expect(win.webContents.sent).toEqual([]);
  });

  it('on quit signs every window out, then closes the host exactly once, then quits for real', async () => {
    const host = standInHost({ exitOnClose: false });
    await start();
    await signIn(windows()[0]!);
    const quitEvents: ReturnType<typeof fakeEvent>[] = [];
    fake.app.on('before-quit', (e) => quitEvents.push(e));

    fake.app.quit();
    fake.app.quit();
    await flush();
    expect(host.log.slice(-2)).toEqual(['auth:logout tok-1', 'close']);
    expect(host.closes).toBe(1);
    expect(quitEvents.map((e) => e.defaultPrevented)).toEqual([true, true]);

    fake.utilityForks[0]!.emit('exit', 0);
    await flush();
    expect(fake.app.quitCalls).toBe(3);
    expect(quitEvents[2]!.defaultPrevented).toBe(false);
    expect(host.closes).toBe(1);
  });

  it('closes the host only after a closed window’s sign-out has been answered', async () => {
    const host = standInHost();
    await start();
    const win = windows()[0]!;
    await signIn(win);
    const child = fake.utilityForks[0]!;
    // Hold the host's answers back: the sign-out is still under way when the quit begins.
    const held: FromHost[] = [];
    const emit = child.emit.bind(child);
    child.emit = ((name: string, message: FromHost) => (name === 'message' && message.kind === 'result' ? (held.push(message), true) : emit(name, message))) as typeof child.emit;
    win.close();
    fake.app.quit();
    await flush();
    expect(host.closes).toBe(0);
    child.emit = emit;
    for (const message of held) emit('message', message);
    await flush();
    expect(host.log.slice(-2)).toEqual(['auth:logout tok-1', 'close']);
  });

  it('shows why and exits when the host cannot start', async () => {
    standInHost({ startFails: 'SQLite 3.40.0 is older than 3.51.3' });
    await start();
    expect(fake.errorBoxes).toEqual([{ title: 'Frontdesk could not start', content: 'SQLite 3.40.0 is older than 3.51.3' }]);
    expect(fake.app.exitCode).toBe(1);
    expect(windows()).toHaveLength(0);
  });

  it('shows an error and exits when the host process dies under the desk', async () => {
    standInHost();
    await start();
    const win = windows()[0]!;
    await signIn(win);
    fake.utilityForks[0]!.emit('exit', 139);
    expect(fake.errorBoxes).toEqual([{ title: 'Frontdesk stopped', content: expect.stringContaining('exit code 139') }]);
    expect(fake.app.exitCode).toBe(1);
    await expect(fake.ipcMain.invoke('rooms:list', from(win), {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('focuses the existing window when a second instance starts', async () => {
    standInHost();
    await start();
    const win = windows()[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(windows()).toHaveLength(1);
  });

  describe('the UI language', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-desk-'));
      fake.app.paths.userData = dataDir;
    });
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    const settingsEvent = (locale: 'da' | 'en') => ({ kind: 'event', event: { type: 'settings.changed', settings: { locale } } });

    it('starts Chromium in Danish (--lang before the app is ready) on a first start', async () => {
      standInHost();
      await start();
      expect(fake.app.switches).toEqual([{ name: 'lang', value: 'da', afterReady: false }]);
    });

    it('remembers the hotel\'s language from the settings the host reports, and starts in it next time', async () => {
      standInHost();
      await start();
      fake.utilityForks[0]!.emit('message', settingsEvent('en'));
      expect(readFileSync(join(dataDir, UI_LANGUAGE_FILE), 'utf8').trim()).toBe('en');

      resetFakeElectron();
      fake.app.paths.userData = dataDir;
      standInHost();
      await start();
      expect(fake.app.switches).toEqual([{ name: 'lang', value: 'en-GB', afterReady: false }]);
    });

    it('takes an unreadable or unknown remembered language for Danish', () => {
      writeFileSync(join(dataDir, UI_LANGUAGE_FILE), 'klingon');
      expect(readUiLanguage(dataDir)).toBe('da');
      expect(readUiLanguage(join(dataDir, 'missing'))).toBe('da');
    });
  });
});
