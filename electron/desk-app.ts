/**
 * The desktop app's life: one instance, the host (database + core + loopback REST server) started
 * once the app is ready, IPC registered, the window opened and fed live events, and a clean quit
 * that closes the host (and with it the database) exactly once.
 */
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { createHost, type Host } from '../core/host';
import { LIVE_EVENT_CHANNEL } from '../shared/contract/events';
import { deskPaths, type DeskPaths } from './app-paths';
import { createStaysExporter } from './export-dialog';
import { registerIpcHandlers } from './ipc-handlers';
import { createSenderCheck, hardenApp, hardenSession } from './security';
import { createDeskWindow, focusWindow } from './window';

/** The desk's REST port. Loopback only: the LAN switch comes with its own issue. */
export const DESK_PORT = 8787;
const DESK_HOST = '127.0.0.1';

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** The desk must open even when another program holds the port: then the REST server takes any free one. */
export async function startHost(dataDir: string, paths: DeskPaths): Promise<Host> {
  const options = { dataDir, host: DESK_HOST, rendererDir: paths.rendererDir, migrationsDir: paths.migrationsDir };
  try {
    return await createHost({ ...options, port: DESK_PORT });
  } catch (error) {
    if (errorCode(error) !== 'EADDRINUSE') throw error;
    console.warn(`[desk] port ${DESK_PORT} is taken; the REST API listens on a free port instead`);
    return createHost({ ...options, port: 0 });
  }
}

function closeHostOnQuit(host: Host): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    host
      .close()
      .catch((error: unknown) => console.error('[desk] closing the host failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

export async function runDesk(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever a future window forgets to set.
  app.enableSandbox();
  const paths = deskPaths(app.getAppPath());
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => focusWindow(win));
  hardenApp(paths.entryFile);

  await app.whenReady();
  hardenSession();
  let host: Host;
  try {
    host = await startHost(app.getPath('userData'), paths);
  } catch (error) {
    console.error('[desk] start-up failed', error);
    dialog.showErrorBox('Frontdesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  closeHostOnQuit(host);

  registerIpcHandlers({
    ipcMain,
    call: host.core.call,
    exportStays: createStaysExporter({ dbFile: host.dbFile, getWindow: () => win, defaultDir: app.getPath('documents') }),
    isTrustedSender: createSenderCheck(() => win, paths.rendererDir),
  });

  const openWindow = () => {
    const opened = createDeskWindow(paths);
    const unsubscribe = host.core.deps.events.subscribe((event) => {
      if (!opened.isDestroyed()) opened.webContents.send(LIVE_EVENT_CHANNEL, event);
    });
    opened.on('closed', () => {
      unsubscribe();
      if (win === opened) win = null;
    });
    win = opened;
  };
  openWindow();
  // macOS keeps the app alive with no window; clicking the dock icon opens the desk again.
  app.on('activate', () => {
    if (!win) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
