/**
 * How both adapters (REST routes, IPC) call the core: `call(name, input, ctx)` → Promise of the
 * command's output. Reads (the contract's GET commands) run the handler at once; writes go through
 * the write batcher, so the writes of one event-loop turn share one COMMIT (see write-batcher.ts).
 * The handlers themselves stay synchronous and are what tests call directly.
 */
import { commandNames, commands, type CommandDef, type CommandOutput, type ParsedInput } from '../shared/contract/commands';
import type { CallContext, HandledCommandName, Handlers } from './context';
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

export function createDispatcher(handlers: Handlers, writes: WriteBatcher): Dispatch {
  const runners = new Map<HandledCommandName, Runner>();
  for (const name of handledCommandNames) {
    const handler = handlers[name] as AnyHandler | undefined;
    if (typeof handler !== 'function') throw new Error(`No core handler for command ${name}`);
    runners.set(
      name,
      isBatchedWrite(name)
        ? (input, ctx) => writes.run(() => handler(input, ctx))
        : async (input, ctx) => handler(input, ctx),
    );
  }
  return ((name: HandledCommandName, input: unknown, ctx: CallContext) => {
    const run = runners.get(name);
    return run ? run(input, ctx) : Promise.reject(new Error(`Unknown command ${String(name)}`));
  }) as Dispatch;
}
