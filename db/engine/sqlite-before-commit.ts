/**
 * Work a SQLite transaction does once, just before its COMMIT, rather than with each write: the
 * desk's search index (db/queries/stay-search-index.ts), which costs a new FTS5 segment per
 * savepoint when it is written row by row. The engine (sqlite-engine.ts) calls `inTransaction()`
 * before each COMMIT (a unit's, a batch's, an outermost savepoint's RELEASE), so the work commits or
 * rolls back with the transaction; `afterAutocommit()` after a write made outside any transaction,
 * in a short transaction of its own (nothing in the app writes a stay that way; it keeps the index
 * whole if something does).
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface BeforeCommitWork {
  /** A one-value query: truthy when there is work to do. */
  pending: string;
  /** The work, in order. */
  statements: readonly string[];
}

export interface BeforeCommit {
  inTransaction(): void;
  /** After a write that committed alone; hands its value on. */
  afterAutocommit<T>(value: T): T;
}

export function createBeforeCommit(sqlite: BetterSqlite3.Database, work: BeforeCommitWork | undefined): BeforeCommit {
  if (!work) return { inTransaction: () => undefined, afterAutocommit: (value) => value };
  // Prepared on first use: the connection has run its migrations by then.
  let pending: BetterSqlite3.Statement | undefined;
  let statements: BetterSqlite3.Statement[] | undefined;
  const isPending = () => {
    pending ??= sqlite.prepare(work.pending).pluck();
    return Boolean(pending.get());
  };
  const run = () => {
    statements ??= work.statements.map((sql) => sqlite.prepare(sql));
    for (const s of statements) s.run();
  };
  return {
    inTransaction() {
      if (isPending()) run();
    },
    afterAutocommit(value) {
      if (!isPending()) return value;
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        run();
        sqlite.exec('COMMIT');
      } catch {
        // The write itself has committed: it is not refused for this. The work stays noted and is
        // done by the next transaction, whose COMMIT fails loudly if the cause persists.
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      }
      return value;
    },
  };
}
