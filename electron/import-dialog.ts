/**
 * The desktop side of a file import (issue 17 §3; docs/imports.md): the window asks for a file
 * (`IMPORT_OPEN_CHANNEL`), main asks the host first whether the window's user may import at all (a
 * refused import shows no dialog), shows the open dialog as a sheet of the window, and keeps the
 * chosen path for that window; the window learns only the file's name and size. Its next file import
 * (`imports:runFile`, relayed by ipc-handlers.ts) goes to the host with that path, and the host reads
 * the file from disk in its import worker: no CSV crosses IPC, and the page can never name a path
 * of its own. Only the desk's own page may ask; cancelling is not an error.
 */
import { dialog, type BrowserWindow, type IpcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_OPEN_CHANNEL, type FileImportName, type ImportOpenRequest, type ImportOpenResult } from '../shared/contract/ipc-channels';
import type { IpcResult } from '../shared/contract/commands';
import type { DeskSessions } from './desk-sessions';
import type { HostClient } from './host-client';

type Result = IpcResult<unknown>;

/** The desktop side of a file import for a signed-in window: the host reads the file the window chose. */
export type ImportFile = (name: FileImportName, input: unknown, windowId: number, token: string) => Promise<Result>;

export interface DeskImporter {
  importFile: ImportFile;
  /** Forgets a closed window's chosen file. */
  forget(windowId: number): void;
}

export interface DeskImporterOptions {
  ipcMain: Pick<IpcMain, 'handle'>;
  host: Pick<HostClient, 'authorize' | 'importFile'>;
  sessions: Pick<DeskSessions, 'tokenFor'>;
  getWindow: () => BrowserWindow | null;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Where the dialog starts (the user's Documents folder). */
  defaultDir: string;
  /** The file's size (default: `fs.stat`). */
  sizeOf?: (path: string) => Promise<number>;
}

const FORBIDDEN: Result = { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the desk.' } };
const CHOOSE_FIRST: Result = { ok: false, error: { code: 'VALIDATION', message: 'Choose a file to import first', reason: 'imports.noFile' } };

/** A short title for the dialog, or null. */
function requestOf(input: unknown): ImportOpenRequest | null {
  if (typeof input !== 'object' || input === null) return null;
  const { title } = input as Record<string, unknown>;
  return typeof title === 'string' && title.length <= 200 ? { title } : null;
}

export function registerImportDialog(options: DeskImporterOptions): DeskImporter {
  const { ipcMain, host, sessions, getWindow, isTrustedSender, defaultDir, sizeOf = async (path) => (await fs.stat(path)).size } = options;
  const chosen = new Map<number, string>();

  ipcMain.handle(IMPORT_OPEN_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<ImportOpenResult>> => {
    if (!isTrustedSender(event)) return FORBIDDEN as IpcResult<ImportOpenResult>;
    const request = requestOf(input);
    if (!request) return { ok: false, error: { code: 'VALIDATION', message: 'expected a title of at most 200 characters' } };
    const windowId = event.sender.id;
    const allowed = await host.authorize('imports:runFile', sessions.tokenFor(windowId));
    if (!allowed.ok) return allowed as IpcResult<ImportOpenResult>;
    const dialogOptions: OpenDialogOptions = {
      title: request.title,
      defaultPath: defaultDir,
      properties: ['openFile'],
      filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: '*', extensions: ['*'] }],
    };
    const win = getWindow();
    const choice = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    const path = choice.canceled ? undefined : choice.filePaths[0];
    if (!path) return { ok: true, value: null };
    chosen.set(windowId, path);
    return { ok: true, value: { fileName: basename(path), bytes: await sizeOf(path) } };
  });

  return {
    async importFile(name, input, windowId, token) {
      const path = chosen.get(windowId);
      return path === undefined ? CHOOSE_FIRST : await host.importFile(name, input, token, path);
    },
    forget: (windowId) => void chosen.delete(windowId),
  };
}
