/**
 * How both adapters (REST routes, IPC) call the core: `call(name, input, ctx)` → Promise of the
 * command's output. Every call is first authorized (core/auth/authorize.ts), so IPC and REST are
 * guarded by the same rules. Reads (the contract's GET commands) run the handler at once; writes go
 * through the write batcher, so the writes of one event-loop turn share one COMMIT (see
 * write-batcher.ts), and each write's audit row is written in the same savepoint as the change, so
 * a change is never without its audit row nor an audit row without its change. The handlers
 * themselves stay synchronous (but for the password commands, see ASYNC_COMMANDS) and are what
 * tests call directly.
 */
import type { Sqlite } from '../db/open-database';
import { commandNames, commands, type CommandDef, type CommandName, type CommandOutput, type ParsedInput } from '../shared/contract/commands';
import { ASYNC_COMMANDS, type CallContext, type HandledCommandName, type Handlers } from './context';
import type { WriteBatcher } from './write-batcher';

export type Dispatch = <K extends HandledCommandName>(name: K, input: ParsedInput<K>, ctx: CallContext) => Promise<CommandOutput<K>>;

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;
type Runner = (input: unknown, ctx: CallContext) => Promise<unknown>;

/**
 * Writes that run on their own, outside any batch, because their service changes in-memory state
 * that a rollback could not undo: `settings:update` reloads the settings cache (and the stay-length
 * bound) inside its transaction, so a batch whose COMMIT failed would leave the desk running on
 * settings that were never stored.
 */
export const UNBATCHED_WRITES: ReadonlySet<HandledCommandName> = new Set<HandledCommandName>(['settings:update']);

export const handledCommandNames = commandNames.filter((name) => !(commands[name] as CommandDef).http.stream) as HandledCommandName[];

export function isBatchedWrite(name: HandledCommandName): boolean {
  return (commands[name] as CommandDef).http.method !== 'GET' && !UNBATCHED_WRITES.has(name);
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
  /** For the unbatched writes' own transaction (change + audit row together). */
  sqlite?: Sqlite;
}

function runnerFor(name: HandledCommandName, handler: AnyHandler, { writes, guard, sqlite }: DispatcherDeps): Runner {
  // The password commands write in their own transactions after hashing, and audit themselves.
  if (ASYNC_COMMANDS.has(name)) return async (input, ctx) => handler(input, ctx);
  if (isBatchedWrite(name)) {
    return (input, ctx) =>
      writes.run(() => {
        const output = handler(input, ctx);
        guard.audit(name, input, output, ctx);
        return output;
      });
  }
  if (UNBATCHED_WRITES.has(name)) {
    const write = (input: unknown, ctx: CallContext) => {
      const output = handler(input, ctx);
      guard.audit(name, input, output, ctx);
      return output;
    };
    const inTransaction = sqlite ? sqlite.transaction(write) : undefined;
    return async (input, ctx) => (inTransaction ? inTransaction.immediate(input, ctx) : write(input, ctx));
  }
  return async (input, ctx) => handler(input, ctx);
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
    } catch (error) {
      return Promise.reject(error);
    }
    return run(input, ctx);
  }) as Dispatch;
}
