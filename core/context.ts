/**
 * What every service receives: the database (db/database.ts: whichever engine, units of work), a
 * clock, the live event bus, and who is calling. Services never import Fastify or Electron; adapters
 * build the CallContext.
 */
import type { CallerRole, CommandName, CommandOutput, ExportCommandName, ParsedInput, UploadCommandName } from '../shared/contract/commands';
import type { LiveEvent } from '../shared/contract/events';
import type { Database } from '../db/database';

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
  /**
   * Delivers `event` to every listener now. A change's events go through `commit()`'s `publish`
   * instead, which waits for the COMMIT (`db.afterCommit`).
   */
  publish(event: LiveEvent): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /**
   * Set on a bus that needs only the last event of each type a unit commits (the import worker's:
   * every screen reloads its view on any of them): `commit()` then keeps one pending event per type,
   * not one per row, so a 100 000-row unit's memory does not grow with its rows.
   */
  readonly coalesces?: boolean;
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
  db: Database;
  clock: Clock;
  events: EventBus;
}

/**
 * Commands with a JSON handler in the core: all but the CSV exports, which stream (core/export), and
 * the file imports, whose file travels beside the input (core/imports/import-jobs.ts).
 */
export type HandledCommandName = Exclude<CommandName, ExportCommandName | UploadCommandName>;

/**
 * A listener that delivers each event only once the one before it is delivered, though delivering
 * may wait (a feed re-checks its sessions after a sign-out before it sends): the feeds keep the
 * order of the changes. A failed delivery never stops the ones after it.
 */
export function inOrder(deliver: (event: LiveEvent) => Promise<void>): (event: LiveEvent) => void {
  let last: Promise<void> = Promise.resolve();
  return (event) => {
    last = last.then(() => deliver(event)).catch(() => undefined);
  };
}

/** The typed handler map: IPC and REST both call exactly these. */
export type Handlers = {
  [K in HandledCommandName]: (input: ParsedInput<K>, ctx: CallContext) => Promise<CommandOutput<K>>;
};
