/**
 * The SQLite engine's transactions on its one connection (sqlite-engine.ts says how a unit stays
 * atomic): a savepoint inside a unit, a unit's own transaction, and a group commit's batch — each
 * write in a savepoint, COMMIT without SQLite's fsync, the WAL's fsync run off the event loop.
 */
import type { Sqlite } from './sqlite-connection';
import type { CommitHooks } from './sqlite-commit-hooks';
import type { Outcome } from './sqlite-group-commit';
import { runCallbacks, runInScope, UnitScope, watchTurn } from './unit-scope';
import type { WalSync } from './wal-sync';
import type { WriterGate } from './writer-gate';

export interface SqliteTransactionParts {
  sqlite: Sqlite;
  /** The engine's identity for its unit scopes. */
  owner: object;
  /** Refuse a unit that waited on real I/O (sqlite-engine.ts's `strictUnits`). */
  strict: boolean;
  writer: Pick<WriterGate, 'refuseWhileLent'>;
  commits: CommitHooks;
  wal: WalSync;
}

export function createSqliteTransactions({ sqlite, owner, strict, writer, commits, wal }: SqliteTransactionParts) {
  async function savepoint<T>(parent: UnitScope<Sqlite>, fn: () => Promise<T>): Promise<T> {
    // A write inside a read (a savepoint outside a transaction begins one) while another connection
    // holds the writer would wait in SQLite's busy handler, holding the event loop: refused instead.
    const outermost = !sqlite.inTransaction;
    if (outermost) writer.refuseWhileLent();
    const name = parent.nextSavepoint();
    const scope = new UnitScope<Sqlite>(owner, sqlite, parent);
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const value = await runInScope(scope, fn);
      if (outermost) commits.before(); // this RELEASE is the COMMIT
      sqlite.exec(`RELEASE ${name}`);
      scope.releaseInto(parent);
      return value;
    } catch (e) {
      scope.end();
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: nothing to undo then.
      if (sqlite.inTransaction) {
        sqlite.exec(`ROLLBACK TO ${name}`);
        sqlite.exec(`RELEASE ${name}`);
      }
      throw e;
    }
  }

  /** A new top-level scope; a transaction left open would turn the COMMIT into a mere RELEASE of someone else's work. */
  function topScope(): UnitScope<Sqlite> {
    if (sqlite.inTransaction) throw new Error('A unit of work found a transaction already open');
    return new UnitScope<Sqlite>(owner, sqlite, undefined);
  }

  /** BEGIN IMMEDIATE, `body`, the commit hooks' work and COMMIT; any failure rolls the whole transaction back. */
  async function committed<T>(scope: UnitScope<Sqlite>, body: () => Promise<T>): Promise<T> {
    const done = watchTurn(strict);
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const value = await body();
      done();
      commits.before();
      sqlite.exec('COMMIT');
      return value;
    } catch (e) {
      scope.end();
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  }

  /** A transaction of its own: the caller holds the lock. */
  async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    const scope = topScope();
    const value = await committed(scope, () => runInScope(scope, fn));
    commits.after();
    scope.end();
    runCallbacks(scope.committed());
    return value;
  }

  /**
   * A batch's transaction: each write in a savepoint, COMMIT without SQLite's fsync, then the fsync
   * asked for at once (before anyone else can take the connection: reads wait for it) and run off the
   * event loop. The batch's afterCommit callbacks (its live events) run only once it is done.
   */
  async function batchTransaction(writes: (() => Promise<unknown>)[]) {
    const scope = topScope();
    const outcomes: Outcome[] = [];
    // exec, not pragma(): better-sqlite3 makes a statement object for every pragma() (~15–35 µs a call).
    sqlite.exec('PRAGMA synchronous = NORMAL');
    try {
      await committed(scope, async () => {
        for (const fn of writes) {
          try {
            outcomes.push({ ok: true, value: await savepoint(scope, fn) });
          } catch (error) {
            // The whole transaction is gone (disk full, I/O error): nothing of the batch stands.
            if (!sqlite.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } finally {
      sqlite.exec('PRAGMA synchronous = FULL');
    }
    commits.after();
    scope.end();
    const synced = wal.sync();
    return {
      outcomes,
      async durable() {
        await synced;
        runCallbacks(scope.committed());
      },
    };
  }

  return { savepoint, transaction, batchTransaction };
}
