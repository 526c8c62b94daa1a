/**
 * The IPC adapter: one `ipcMain.handle` per IPC command of the contract, each a few steps: trusted
 * sender → validate with the command's input schema → relay to the host process with the window's
 * session token (desk-sessions.ts) → the host's `{ ok, value } | { ok, error }` as is. The core
 * authorizes every relayed call; a window with no session is anonymous there (401 for all but the
 * public commands). Unexpected errors in main never carry internals either.
 *
 * Three commands also touch the session here: `auth:login` (the token is kept, the page gets the
 * value with `access_token: ''`), `auth:logout` (forgotten) and `auth:changePassword` (events flow
 * again). The file exports go to the save dialog (export-dialog.ts), the file imports read the file
 * chosen in the open dialog (import-dialog.ts).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { LoginResult } from '../shared/contract/auth';
import { commands, ipcCommandNames, type CommandName, type IpcResult } from '../shared/contract/commands';
import { INTERNAL_MESSAGE, invalidInputRefusal } from '../shared/errors';
import type { HandledCommandName } from '../core/context';
import type { DeskSessions } from './desk-sessions';
import type { HostClient } from './host-client';
import { isFileExport, isFileImport, type FileExportName } from './host-protocol';
import type { ImportFile } from './import-dialog';

type Result = IpcResult<unknown>;

/** The desktop side of a file export for a signed-in window: a save dialog, then the host writes the file. */
export type ExportFile = (name: FileExportName, input: unknown, token: string) => Promise<Result>;

export interface IpcHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  host: Pick<HostClient, 'call'>;
  sessions: DeskSessions;
  exportFile: ExportFile;
  /** The file imports: the host reads the file the window chose in the open dialog (import-dialog.ts). */
  importFile: ImportFile;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Where unexpected errors go (main's log); the renderer only ever sees INTERNAL. */
  logError?: (channel: string, error: unknown) => void;
}

export const SIGN_IN_FIRST: Result = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first', reason: 'auth.signInFirst' } };

/** "roomId: expected number, received NaN; checkout: expected a date YYYY-MM-DD" (zod's generic prefix dropped, as REST does). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const message = i.message.replace(/^Invalid input: /, '');
      return i.path.length ? `${i.path.join('.')}: ${message}` : message;
    })
    .join('; ');
}

async function login(input: unknown, windowId: number, deps: IpcHandlerDeps): Promise<Result> {
  const result = await deps.host.call('auth:login', input, null);
  if (!result.ok) return result;
  const value = result.value as LoginResult;
  const replaced = deps.sessions.signIn(windowId, value);
  if (replaced) await deps.host.call('auth:logout', {}, replaced);
  // The page learns who signed in and until when, never the token: main holds it (desk-sessions.ts).
  return { ok: true, value: { ...value, access_token: '' } };
}

async function relay(name: CommandName, input: unknown, windowId: number, deps: IpcHandlerDeps): Promise<Result> {
  const { host, sessions } = deps;
  if (name === 'auth:login') return login(input, windowId, deps);
  if (name === 'auth:logout') {
    // Forgotten before the host is asked, so no event reaches the window once it has signed out.
    return host.call(name, input, sessions.forget(windowId));
  }
  const token = sessions.tokenFor(windowId);
  if (isFileExport(name)) return token ? deps.exportFile(name, input, token) : SIGN_IN_FIRST;
  if (isFileImport(name)) return token ? deps.importFile(name, input, windowId, token) : SIGN_IN_FIRST;
  const result = await host.call(name as HandledCommandName, input, token);
  // Expired, revoked (a deactivated user) or from another installation: the window is signed out.
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && token) sessions.forgetToken(windowId, token);
  if (result.ok && name === 'auth:changePassword') sessions.passwordChanged(windowId);
  return result;
}

function defaultLogError(channel: string, error: unknown): void {
  console.error(`[ipc] ${channel} failed`, error);
}

/** Registers exactly the contract's IPC commands; returns their channel names. */
export function registerIpcHandlers(deps: IpcHandlerDeps): CommandName[] {
  for (const name of ipcCommandNames) {
    deps.ipcMain.handle(name, async (event, input: unknown): Promise<Result> => {
      if (!deps.isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the desk.' } };
      const parsed = commands[name].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: describeIssues(parsed.error), ...invalidInputRefusal(parsed.error.issues.map((i) => i.path.join('.'))) } };
      try {
        return await relay(name, parsed.data, event.sender.id, deps);
      } catch (error) {
        (deps.logError ?? defaultLogError)(name, error);
        return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
      }
    });
  }
  return [...ipcCommandNames];
}
