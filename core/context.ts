/**
 * What every service receives: the one writer connection, a clock, the live event bus, and who is
 * calling. Services never import Fastify or Electron; adapters build the CallContext.
 */
import type { AsyncCommandName, CallerRole, CommandName, CommandOutput, ExportCommandName, ParsedInput } from '../shared/contract/commands';
import type { LiveEvent } from '../shared/contract/events';
import type { Sqlite } from '../db/open-database';

export interface Actor {
  /** The signed-in user's id; null for nobody (`anonymous`) and for the host's own start-up work. */
  userId: number | null;
  /** Stored as `created_by` and in the audit log. */
  username: string;
  role: CallerRole;
  /** Signed in with a default or reset password: only the password change is allowed. */
  mustChangePassword?: boolean;
}

export interface CallContext {
  actor: Actor;
  via: 'ipc' | 'http' | 'internal';
  /** The session (token `jti`) the call came with, when signed in. */
  sessionId?: string;
  /** The caller's network address (HTTP), for the login back-off and the audit log. */
  address?: string;
}

export const ANONYMOUS: Actor = Object.freeze({ userId: null, username: 'anonymous', role: 'anonymous' });

/** The context of a caller with no token. */
export function anonymousContext(via: CallContext['via'], address?: string): CallContext {
  return { actor: ANONYMOUS, via, ...(address ? { address } : {}) };
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
  clock: Clock;
  events: EventBus;
}

/** Commands with a JSON handler in the core: all but the CSV exports, which stream (core/export). */
export type HandledCommandName = Exclude<CommandName, ExportCommandName>;

/**
 * The typed handler map: IPC and REST both call exactly these. A command flagged `async` returns a
 * Promise (it hashes a password off the event loop); every other handler is synchronous.
 */
export type Handlers = {
  [K in HandledCommandName]: (
    input: ParsedInput<K>,
    ctx: CallContext,
  ) => K extends AsyncCommandName ? Promise<CommandOutput<K>> : CommandOutput<K>;
};
