/**
 * How both adapters (REST routes, IPC) call the core: `call(name, input, ctx)` → Promise of the
 * command's output. Every call is first authorized (core/auth/authorize.ts), the command and then
 * its desk-only fields, so IPC and REST are guarded by the same rules. Reads (the contract's GET commands) run the handler at once; writes go
 * through the write batcher, so the writes of one event-loop turn share one COMMIT (see
 * write-batcher.ts), and each write's audit row is written in the same savepoint as the change, so
 * a change is never without its audit row nor an audit row without its change. The handlers
 * themselves stay synchronous (but for the password commands, flagged `async` in the contract) and are what
 * tests call directly.
 */
import { commandDef, commandNames, type CommandName, type CommandOutput, type ParsedInput } from '../shared/contract/commands';
import { authorizeFields } from './auth/authorize';
import { commit, type CommitDeps } from './commit';
import type { CallContext, HandledCommandName, Handlers } from './context';
import type { WriteBatcher } from './write-batcher';

export type Dispatch = <K extends HandledCommandName>(name: K, input: ParsedInput<K>, ctx: CallContext) => Promise<CommandOutput<K>>;

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;
type Runner = (input: unknown, ctx: CallContext) => Promise<unknown>;

/** Every command with a JSON handler: all but the exports (`export`), which stream. */
export const handledCommandNames = commandNames.filter((name) => !commandDef(name).export) as HandledCommandName[];

/** A write that the write batcher group-commits: not a GET, not `async`, not `unbatched`. */
export function isBatchedWrite(name: HandledCommandName): boolean {
  const def = commandDef(name);
  return def.http.method !== 'GET' && !def.async && !def.unbatched;
}

export interface DispatchGuard {
  /** Throws 401 / 403 when the caller may not run the command. */
  authorize(name: CommandName, ctx: CallContext): void;
  /** Appends the audit row of a write that succeeded (called inside the write's transaction). */
  audit(name: HandledCommandName, input: unknown, output: unknown, ctx: CallContext): void;
}

/** Guarding nothing: for tests of the batching alone. */
export const OPEN_GUARD: DispatchGuard = { authorize: () => undefined, audit: () => undefined };

export interface DispatcherDeps {
  handlers: Handlers;
  writes: WriteBatcher;
  guard: DispatchGuard;
  /** For the unbatched writes' own transaction (change + audit row together, through `commit`). */
  commitDeps?: CommitDeps;
}

function runnerFor(name: HandledCommandName, handler: AnyHandler, { writes, guard, commitDeps }: DispatcherDeps): Runner {
  const def = commandDef(name);
  // The password commands write in their own transactions after hashing, and audit themselves.
  if (def.async) return async (input, ctx) => handler(input, ctx);
  if (def.http.method === 'GET') return async (input, ctx) => handler(input, ctx);
  const write = (input: unknown, ctx: CallContext) => {
    const output = handler(input, ctx);
    if (!def.selfAudited) guard.audit(name, input, output, ctx);
    return output;
  };
  if (!def.unbatched) return (input, ctx) => writes.run(() => write(input, ctx));
  return async (input, ctx) => (commitDeps ? commit(commitDeps, () => write(input, ctx)) : write(input, ctx));
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
