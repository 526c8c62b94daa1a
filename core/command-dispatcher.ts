/**
 * How both adapters (REST routes, IPC) call the core: `call(name, input, ctx)` → Promise of the
 * command's output. Every call is first authorized (core/auth/authorize.ts), the command and then
 * its desk-only fields, so IPC and REST are guarded by the same rules. Reads (the contract's GET
 * commands) run as one read (`db.read`: on SQLite no write lands between their queries); writes run
 * through `db.write`, so on SQLite the writes of one event-loop turn share one COMMIT
 * (db/engine/sqlite-group-commit.ts), and each write's audit row is written in the same unit as the
 * change, so a change is never without its audit row nor an audit row without its change. The
 * password commands (flagged `async`: they hash off the event loop first) open their own units.
 */
import { commandDef, commandNames, type CommandName, type CommandOutput, type ParsedInput } from '../shared/contract/commands';
import { authorizeFields } from './auth/authorize';
import { commit, type CommitDeps } from './commit';
import type { Database } from '../db/database';
import type { CallContext, HandledCommandName, Handlers } from './context';

export type Dispatch = <K extends HandledCommandName>(name: K, input: ParsedInput<K>, ctx: CallContext) => Promise<CommandOutput<K>>;

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;
type Runner = (input: unknown, ctx: CallContext) => Promise<unknown>;

/** Every command with a JSON handler: all but the exports (`export`), which stream, and the file imports (`upload`). */
export const handledCommandNames = commandNames.filter((name) => !commandDef(name).export && !commandDef(name).upload) as HandledCommandName[];

/** A write that may share a group commit: not a GET, not `async`, not `unbatched`. */
export function isBatchedWrite(name: HandledCommandName): boolean {
  const def = commandDef(name);
  return def.http.method !== 'GET' && !def.async && !def.unbatched;
}

export interface DispatchGuard {
  /** Throws 401 / 403 when the caller may not run the command. */
  authorize(name: CommandName, ctx: CallContext): void;
  /** Appends the audit row of a write that succeeded (called inside the write's unit). */
  audit(name: HandledCommandName, input: unknown, output: unknown, ctx: CallContext): Promise<void>;
}

/** Guarding nothing: for tests of the dispatching alone. */
export const OPEN_GUARD: DispatchGuard = { authorize: () => undefined, audit: async () => undefined };

export interface DispatcherDeps {
  handlers: Handlers;
  guard: DispatchGuard;
  commitDeps: CommitDeps;
}

function runnerFor(name: HandledCommandName, handler: AnyHandler, { guard, commitDeps }: DispatcherDeps): Runner {
  const def = commandDef(name);
  const db: Database = commitDeps.db;
  // The password commands write in their own units after hashing, and audit themselves.
  if (def.async) return async (input, ctx) => handler(input, ctx);
  if (def.http.method === 'GET') return (input, ctx) => db.read(async () => handler(input, ctx));
  const write = async (input: unknown, ctx: CallContext) => {
    const output = await handler(input, ctx);
    if (!def.selfAudited) await guard.audit(name, input, output, ctx);
    return output;
  };
  if (!def.unbatched) return (input, ctx) => db.write(() => write(input, ctx));
  return (input, ctx) => commit(commitDeps, () => write(input, ctx));
}

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const runners = new Map<HandledCommandName, Runner>();
  for (const name of handledCommandNames) {
    const handler = deps.handlers[name] as AnyHandler | undefined;
    if (typeof handler !== 'function') throw new Error(`No core handler for command ${name}`);
    runners.set(name, runnerFor(name, handler, deps));
  }
  return ((name: HandledCommandName, input: unknown, ctx: CallContext) => {
    const run = runners.get(name);
    if (!run) return Promise.reject(new Error(`Unknown command ${String(name)}`));
    try {
      deps.guard.authorize(name, ctx);
      // Field by field too, from the contract, whatever the guard: a client never sets what the desk sets.
      authorizeFields(name, input, ctx);
    } catch (error) {
      return Promise.reject(error);
    }
    return run(input, ctx);
  }) as Dispatch;
}
