/**
 * The desktop app's life: one instance; once the app is ready, the host (database, core, REST
 * server, outbox) started in its own utility process; IPC registered; the window opened on the
 * sign-in screen and fed live events while it has a session; a window closed is signed out; a
 * quit signs every window out, then closes the host process exactly once. A host that dies under
 * the desk is reported and the app quits, rather than leave a window that can do nothing.
 */
import { app, dialog, ipcMain, utilityProcess, type BrowserWindow } from 'electron';
import { DESK_HOST_MALLOC_ENV, withMallocEnv } from '../core/malloc-env';
import { LIVE_EVENT_CHANNEL } from '../shared/contract/ipc-channels';
import { deskPaths } from './app-paths';
import { createDeskSessions, endSession, type DeskSessions } from './desk-sessions';
import { createDeskExporter } from './export-dialog';
import { registerImportDialog } from './import-dialog';
import { registerPrintHandler } from './print-dialog';
import { startHostClient, type HostClient, type UtilityProcessLike } from './host-client';
import { HOST_EXEC_ARGV } from './host-protocol';
import { registerIpcHandlers } from './ipc-handlers';
import { createSenderCheck, hardenApp, hardenSession } from './security';
import { chromiumLocale, languageOfEvent, readUiLanguage, rememberUiLanguage } from './ui-language';
import { createDeskWindow, focusWindow } from './window';

/** The host's process: its V8 flags, and glibc's allocator settings in its environment (read only as a process starts). */
export function forkHost(hostFile: string): UtilityProcessLike {
  return utilityProcess.fork(hostFile, [], { serviceName: 'Frontdesk host', execArgv: [...HOST_EXEC_ARGV], env: withMallocEnv(process.env, DESK_HOST_MALLOC_ENV), stdio: 'inherit' });
}

function logFailure(what: string) {
  return (error: unknown) => console.error(`[desk] ${what} failed`, error);
}

function hostStopped(code: number): void {
  dialog.showErrorBox(
    'Frontdesk stopped',
    `The desk's database and server process stopped unexpectedly (exit code ${code}). Frontdesk will close; start it again.`,
  );
  app.exit(1);
}

/** Signs every window out, then closes the host process, exactly once; the quit goes on after. */
function closeHostOnQuit(host: HostClient, sessions: DeskSessions, endings: Set<Promise<void>>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    (async () => {
      await Promise.allSettled([...endings, ...sessions.windowIds().map((id) => endSession(sessions, host, id))]);
      await host.close();
    })()
      .catch(logFailure('closing the host'))
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
  // Before ready, or Chromium has already chosen the machine's locale (ui-language.ts).
  const dataDir = app.getPath('userData');
  let language = readUiLanguage(dataDir);
  app.commandLine.appendSwitch('lang', chromiumLocale(language));

  await app.whenReady();
  hardenSession();
  let host: HostClient;
  try {
    host = await startHostClient({
      spawn: () => forkHost(paths.hostFile),
      options: { dataDir, rendererDir: paths.rendererDir, migrationsDir: paths.migrationsDir },
      onCrash: hostStopped,
    });
  } catch (error) {
    console.error('[desk] start-up failed', error);
    dialog.showErrorBox('Frontdesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const sessions = createDeskSessions();
  /** Logouts of closed windows still under way: the quit waits for them before the host closes. */
  const endings = new Set<Promise<void>>();
  closeHostOnQuit(host, sessions, endings);
  host.onEvent((event) => {
    const next = languageOfEvent(event);
    if (next === null || next === language) return;
    language = next;
    rememberUiLanguage(dataDir, next);
  });

  const importer = registerImportDialog({
    ipcMain, host, sessions, getWindow: () => win, isTrustedSender: createSenderCheck(() => win, paths.rendererDir), defaultDir: app.getPath('documents'),
  });
  registerIpcHandlers({
    ipcMain,
    host,
    sessions,
    exportFile: createDeskExporter({ host, getWindow: () => win, defaultDir: app.getPath('documents') }),
    importFile: importer.importFile,
    isTrustedSender: createSenderCheck(() => win, paths.rendererDir),
  });
  registerPrintHandler({ ipcMain, getWindow: () => win, isTrustedSender: createSenderCheck(() => win, paths.rendererDir), defaultDir: app.getPath('documents') });

  const openWindow = () => {
    const opened = createDeskWindow(paths);
    // Read now: a closed window's webContents can no longer be asked.
    const windowId = opened.webContents.id;
    const unsubscribe = host.onEvent((event) => {
      if (!opened.isDestroyed() && sessions.receivesEvent(windowId, event)) opened.webContents.send(LIVE_EVENT_CHANNEL, event);
    });
    opened.on('closed', () => {
      unsubscribe();
      importer.forget(windowId);
      const ending = endSession(sessions, host, windowId).catch(logFailure('signing the closed window out'));
      endings.add(ending);
      void ending.finally(() => endings.delete(ending));
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
