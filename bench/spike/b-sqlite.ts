/**
 * Candidate B on SQLite: the thin async handle over one better-sqlite3 connection.
 *
 * - Statements prepared once per connection (a Map by SQL text), as db/queries/prepared.ts does.
 * - A unit of work (`write(fn)`) is group-committed: the units queued in one event-loop turn run in
 *   ONE `BEGIN IMMEDIATE … COMMIT`, each in its own SAVEPOINT (a refused unit rolls back only its
 *   own writes), nobody is answered before the COMMIT — what core/write-batcher.ts does today.
 * - Atomicity without an async transaction API: a FIFO lock is held from BEGIN to COMMIT, so nothing
 *   else runs SQL on the connection meanwhile; a query issued inside a unit (found through
 *   AsyncLocalStorage) runs at once on the open transaction; one issued outside waits for the lock
 *   (or runs at once when nobody holds it). A unit must do no real I/O: all its awaits are of
 *   queries that settle at once, so the whole batch still runs in one macrotask.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

export interface AsyncDb {
  readonly engine: 'sqlite' | 'postgres';
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  run(sql: string, ...params: unknown[]): Promise<{ changes: number }>;
  /**
   * An INSERT's new id: `lastInsertRowid` on SQLite, `RETURNING id` added on PostgreSQL. (SQLite's
   * RETURNING costs up to 15 µs more per insert than reading lastInsertRowid, measured in the spike.)
   */
  insert(sql: string, ...params: unknown[]): Promise<number>;
  /** One unit of work: all its queries commit together or not at all. */
  write<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class FifoLock {
  held = false;
  private waiters: (() => void)[] = [];
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

interface Queued {
  fn: () => Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

const IN_UNIT = { inUnit: true };

export function sqliteAsyncDb(sqlite: Database.Database, maxBatch = 64): AsyncDb {
  const cache = new Map<string, Statement<unknown[], unknown>>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const als = new AsyncLocalStorage<typeof IN_UNIT>();
  const lock = new FifoLock();

  /** Runs `f` now when inside a unit or when the connection is free; else after the current batch. */
  async function exec<R>(f: () => R): Promise<R> {
    if (als.getStore() !== undefined || !lock.held) return f();
    await lock.acquire();
    try {
      return f();
    } finally {
      lock.release();
    }
  }

  const queue: Queued[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length) schedule();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    await lock.acquire();
    try {
      stmt('BEGIN IMMEDIATE').run();
      for (const q of batch) {
        stmt('SAVEPOINT unit').run();
        try {
          const value = await als.run(IN_UNIT, q.fn);
          stmt('RELEASE unit').run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!sqlite.inTransaction) throw error; // SQLite rolled the whole batch back (disk full, I/O)
          stmt('ROLLBACK TO unit').run();
          stmt('RELEASE unit').run();
          outcomes.push({ ok: false, error });
        }
      }
      stmt('COMMIT').run();
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      for (const q of batch) q.reject(error);
      return;
    } finally {
      lock.release();
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
  }

  return {
    engine: 'sqlite',
    get: <T>(sql: string, ...params: unknown[]) => exec(() => stmt(sql).get(...params) as T | undefined),
    all: <T>(sql: string, ...params: unknown[]) => exec(() => stmt(sql).all(...params) as T[]),
    run: (sql: string, ...params: unknown[]) => exec(() => ({ changes: stmt(sql).run(...params).changes })),
    insert: (sql: string, ...params: unknown[]) => exec(() => Number(stmt(sql).run(...params).lastInsertRowid)),
    async write<T>(fn: () => Promise<T>): Promise<T> {
      if (als.getStore() !== undefined) {
        // A unit inside a unit (a reaction of another domain): a nested savepoint of the same batch.
        stmt('SAVEPOINT nested').run();
        try {
          const value = await fn();
          stmt('RELEASE nested').run();
          return value;
        } catch (error) {
          if (sqlite.inTransaction) {
            stmt('ROLLBACK TO nested').run();
            stmt('RELEASE nested').run();
          }
          throw error;
        }
      }
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
    async close() {
      sqlite.close();
    },
  };
}
