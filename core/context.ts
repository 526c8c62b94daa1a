/**
 * What every service receives: the one writer connection, a clock, the live event bus, and who is
 * calling. Services never import Fastify or Electron; adapters build the CallContext.
 */
import type { CommandName, CommandOutput, ParsedInput, Role } from '../shared/contract/commands';
import type { LiveEvent } from '../shared/contract/events';
import type { Drizzle, Sqlite } from '../db/open-database';

export interface Actor {
  /** Stored as `created_by`; the desk's signed-in user once sessions exist (issue 3). */
  username: string;
  role: Role;
}

export interface CallContext {
  actor: Actor;
  via: 'ipc' | 'http' | 'internal';
}

export type Clock = () => number;

export interface EventBus {
  publish(event: LiveEvent): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /**
   * Runs `fn` with its events held back: what it publishes is returned instead of delivered (and if
   * it throws, dropped). The caller publishes them once the change they announce is committed — the
   * write batcher does, after the batch's COMMIT. Inside a capture, `publish` adds to the innermost one.
   */
  capture<T>(fn: () => T): { value: T; events: LiveEvent[] };
}

export function createEventBus(): EventBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  let held: LiveEvent[] | undefined;
  return {
    publish(event) {
      if (held) {
        held.push(event);
        return;
      }
      for (const l of listeners) {
        try {
          l(event);
        } catch {
          // a broken listener (a closed socket) must never undo or fail a committed change
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    capture(fn) {
      const outer = held;
      const events: LiveEvent[] = [];
      held = events;
      try {
        return { value: fn(), events };
      } finally {
        held = outer;
      }
    },
  };
}

export interface CoreDeps {
  sqlite: Sqlite;
  orm: Drizzle;
  clock: Clock;
  events: EventBus;
}

/** Commands whose HTTP side streams a file; they have no JSON handler in the core. */
export type StreamCommandName = 'bookings:exportCsv' | 'exports:stays';
export type HandledCommandName = Exclude<CommandName, StreamCommandName>;

/** The typed handler map: IPC and REST both call exactly these. */
export type Handlers = {
  [K in HandledCommandName]: (input: ParsedInput<K>, ctx: CallContext) => CommandOutput<K>;
};
