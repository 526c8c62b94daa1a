import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deskPaths } from '../../electron/app-paths';
import { createDeskWindow, focusWindow } from '../../electron/window';
import { FakeBrowserWindow, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const appDir = join('/opt', 'frontdesk');
const paths = deskPaths(appDir);

beforeEach(() => resetFakeElectron());

describe('the desk window', () => {
  it('is isolated, sandboxed and without Node, with our CommonJS preload', () => {
    createDeskWindow(paths);
    const [win] = FakeBrowserWindow.instances;
    expect(win!.options.webPreferences).toEqual({
      preload: join(appDir, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the built renderer from disk and shows once ready', () => {
    const win = createDeskWindow(paths) as unknown as FakeBrowserWindow;
    expect(win.loadedFile).toBe(join(appDir, 'dist', 'renderer', 'index.html'));
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('is brought forward (and restored) by focusWindow', () => {
    const win = createDeskWindow(paths) as unknown as FakeBrowserWindow;
    win.minimized = true;
    focusWindow(win as unknown as BrowserWindow);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    expect(() => focusWindow(null)).not.toThrow();
  });
});

describe('deskPaths', () => {
  it('places the renderer, migrations, preload and host process inside the app', () => {
    expect(paths).toEqual({
      rendererDir: join(appDir, 'dist', 'renderer'),
      entryFile: join(appDir, 'dist', 'renderer', 'index.html'),
      migrationsDir: join(appDir, 'db', 'migrations'),
      preloadFile: join(appDir, 'dist-electron', 'preload.cjs'),
      hostFile: join(appDir, 'dist-electron', 'host.cjs'),
    });
  });
});
