/**
 * The IPC adapter: one `ipcMain.handle` per IPC command of the contract, each a few steps: trusted
 * sender → validate with the command's input schema → `core.call`, as REST does (writes are
 * group-committed there) → shape the result as `IpcResult`. Errors cross as `{ code, message }`;
 * unexpected ones never carry internals.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  commands,
  ipcCommandNames,
  type CommandName,
  type CommandOutput,
  type IpcResult,
  type ParsedInput,
} from '../shared/contract/commands';
import { INTERNAL_MESSAGE, isAppError } from '../shared/errors';
import type { Dispatch } from '../core/command-dispatcher';
import type { CallContext, HandledCommandName } from '../core/context';

export type ExportStays = (query: ParsedInput<'exports:stays'>) => Promise<CommandOutput<'exports:stays'>>;

export interface IpcHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  /** The core's dispatcher (`core.call`). */
  call: Dispatch;
  /** The desktop side of `exports:stays`: a save dialog, then the CSV file. */
  exportStays: ExportStays;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Where unexpected errors go (main's log); the renderer only ever sees INTERNAL. */
  logError?: (channel: string, error: unknown) => void;
}

type AnyCall = (input: unknown, ctx: CallContext) => unknown;

// The desk window acts as the admin until sessions exist; the auth issue replaces this with the
// signed-in user's session.
const DESK_CONTEXT: CallContext = { actor: { username: 'desk', role: 'admin' }, via: 'ipc' };

/** "roomId: expected number, received NaN; checkout: expected a date YYYY-MM-DD" (zod's generic prefix dropped, as REST does). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const message = i.message.replace(/^Invalid input: /, '');
      return i.path.length ? `${i.path.join('.')}: ${message}` : message;
    })
    .join('; ');
}

function callFor(name: CommandName, deps: IpcHandlerDeps): AnyCall {
  if (name === 'exports:stays') return (input) => deps.exportStays(input as ParsedInput<'exports:stays'>);
  return (input, ctx) => deps.call(name as HandledCommandName, input as never, ctx);
}

async function invoke(name: CommandName, call: AnyCall, input: unknown, deps: IpcHandlerDeps): Promise<IpcResult<unknown>> {
  const parsed = commands[name].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: describeIssues(parsed.error) } };
  try {
    return { ok: true, value: await call(parsed.data, DESK_CONTEXT) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    (deps.logError ?? defaultLogError)(name, error);
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  }
}

function defaultLogError(channel: string, error: unknown): void {
  console.error(`[ipc] ${channel} failed`, error);
}

/** Registers exactly the contract's IPC commands; returns their channel names. */
export function registerIpcHandlers(deps: IpcHandlerDeps): CommandName[] {
  for (const name of ipcCommandNames) {
    const call = callFor(name, deps);
    deps.ipcMain.handle(name, async (event, input: unknown) => {
      if (!deps.isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the desk.' } } satisfies IpcResult<never>;
      }
      return invoke(name, call, input, deps);
    });
  }
  return [...ipcCommandNames];
}
