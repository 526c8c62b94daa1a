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
}

export function createEventBus(): EventBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    publish(event) {
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
