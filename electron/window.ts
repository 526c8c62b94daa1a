/** The one desk window: sandboxed, isolated, no Node, showing only our built renderer. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { DeskPaths } from './app-paths';

export function deskWindowOptions(paths: DeskPaths): BrowserWindowConstructorOptions {
  return {
    title: 'Frontdesk',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: paths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function createDeskWindow(paths: DeskPaths): BrowserWindow {
  const win = new BrowserWindow(deskWindowOptions(paths));
  win.once('ready-to-show', () => win.show());
  win.loadFile(paths.entryFile).catch((error: unknown) => console.error('[window] could not load the desk page', error));
  return win;
}

/** A second launch brings the existing window forward instead of opening another desk. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
