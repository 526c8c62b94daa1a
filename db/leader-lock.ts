/**
 * Leadership for work that must run on one server at a time (core/jobs: jobs that run `'once'`).
 *
 * - PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) on a connection of its own,
 *   outside the pool. Whoever holds it leads; PostgreSQL releases it when that session ends (the
 *   server died, its connection was cut, `close()`), and the next `tryAcquire()` of another server
 *   takes it. The holder checks its connection at every `check()` (a `SELECT 1` with a timeout), so
 *   a leader whose connection died learns it has lost the lock and stops.
 * - SQLite: one process owns the file, so it always leads.
 *
 * The key is `(JOB_LOCK_KIND, hash of the name)` in the two-key space, apart from the record locks'
 * kinds (db/queries/record-locks.ts, 1–5) and the migration lock (a one-key lock).
 */
import type pg from 'pg';
import type { Database } from './database';

/** The first key of every leader lock (record locks use 1–5). */
export const JOB_LOCK_KIND = 100;
const CHECK_TIMEOUT_MS = 10_000;

export interface LeaderLock {
  /** Tries to take the lock (or confirms it still holds); true while this process leads. */
  tryAcquire(): Promise<boolean>;
  /** Whether this process held the lock at the last acquire or check. */
  readonly held: boolean;
  /** Checks that the lock's connection is still alive; false (and `onLost`) when it is not. */
  check(): Promise<boolean>;
  /** Called once each time a held lock is lost (its connection ended). */
  onLost(listener: () => void): void;
  /** Gives the lock up and closes its connection. */
  close(): Promise<void>;
}

/** A 32-bit signed key from a name (FNV-1a), the same in every process. */
export function lockKeyOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function leaderLock(db: Database, name: string): LeaderLock {
  const source = db.exportSource;
  if (source.dialect === 'sqlite') return alwaysLeader();
  return postgresLeaderLock(source.url, lockKeyOf(name));
}

function alwaysLeader(): LeaderLock {
  return {
    tryAcquire: async () => true,
    held: true,
    check: async () => true,
    onLost: () => undefined,
    close: async () => undefined,
  };
}

type PgClient = pg.Client;

function postgresLeaderLock(url: string, key: number): LeaderLock {
  let client: PgClient | undefined;
  let held = false;
  let closed = false;
  const listeners: (() => void)[] = [];

  /** Drops the connection (and with it the lock, server-side); tells the listeners if it was held. */
  function drop(c: PgClient): void {
    if (client !== c) return;
    client = undefined;
    void c.end().catch(() => undefined);
    if (held) {
      held = false;
      for (const l of listeners) l();
    }
  }

  async function connect(): Promise<PgClient> {
    // Loaded only here: a host on SQLite never loads the PostgreSQL client for this.
    const { default: pgModule } = await import('pg');
    const c = new pgModule.Client({ connectionString: url, application_name: 'frontdesk-leader', connectionTimeoutMillis: CHECK_TIMEOUT_MS, query_timeout: CHECK_TIMEOUT_MS, keepAlive: true });
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    await c.connect();
    return c;
  }

  return {
    get held() {
      return held;
    },
    async tryAcquire() {
      if (closed) return false;
      if (held) return await this.check();
      try {
        client ??= await connect();
        const row = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [JOB_LOCK_KIND, key])).rows[0];
        held = row?.ok === true && !closed;
      } catch {
        if (client) drop(client);
        held = false;
      }
      return held;
    },
    async check() {
      const c = client;
      if (!held || !c) return false;
      try {
        await c.query('SELECT 1');
      } catch {
        drop(c);
      }
      return held;
    },
    onLost(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      held = false;
      const c = client;
      client = undefined;
      // Ending the session releases its advisory locks.
      await c?.end().catch(() => undefined);
    },
  };
}
