/**
 * What the SQLite engine (sqlite-engine.ts) does around each COMMIT, besides committing:
 *
 * - `before()`, in the transaction just before its COMMIT (a unit's, a batch's, an outermost
 *   savepoint's RELEASE): work done once per transaction rather than with each write, so it commits
 *   or rolls back with it — the desk's search index (db/queries/stay-search-index.ts), which costs a
 *   new FTS5 segment per savepoint when written row by row;
 * - `after()`, once committed: the WAL's checkpoints, off the event loop (wal-checkpointer.ts);
 * - `alone(value)`, after a write made outside any transaction (autocommit): the work in a short
 *   transaction of its own, then `after()`. Nothing in the app writes a stay that way; it keeps the
 *   index whole if something does.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { WalCheckpointer } from './wal-checkpointer';

export interface BeforeCommitWork {
  /** A one-value query: truthy when there is work to do. */
  pending: string;
  /** The work, in order. */
  statements: readonly string[];
}

export interface CommitHooks {
  before(): void;
  after(): void;
  /** Hands the write's value on. */
  alone<T>(value: T): T;
}

export function createCommitHooks(sqlite: BetterSqlite3.Database, work: BeforeCommitWork | undefined, checkpoints: WalCheckpointer | undefined): CommitHooks {
  // Prepared on first use: the connection has run its migrations by then.
  let pending: BetterSqlite3.Statement | undefined;
  let statements: BetterSqlite3.Statement[] | undefined;
  const isPending = () => {
    if (!work) return false;
    pending ??= sqlite.prepare(work.pending).pluck();
    return Boolean(pending.get());
  };
  const run = () => {
    statements ??= work!.statements.map((sql) => sqlite.prepare(sql));
    for (const s of statements) s.run();
  };
  const after = () => checkpoints?.committed();
  return {
    before() {
      if (isPending()) run();
    },
    after,
    alone(value) {
      if (isPending()) {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          run();
          sqlite.exec('COMMIT');
        } catch {
          // The write itself has committed: it is not refused for this. The work stays noted and is
          // done by the next transaction, whose COMMIT fails loudly if the cause persists.
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        }
      }
      after();
      return value;
    },
  };
}
