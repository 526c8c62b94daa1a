/**
 * SQLite under the seam: the desktop app's engine and the default of `npm run serve`.
 *
 * **How a unit of work stays atomic here, though better-sqlite3 cannot run an async function as a
 * transaction.** The host owns one connection. A unit takes a FIFO lock, runs BEGIN IMMEDIATE, runs
 * its async function, then COMMITs and hands the lock on. The function's queries are synchronous
 * underneath (better-sqlite3), so its `await`s settle in microtasks: no other unit, and no read
 * (reads take the same lock), can touch the connection until the unit has committed or rolled back.
 * The rule that keeps this true: **no real I/O inside a unit** (no fetch, timer or password hash).
 * A unit that breaks it is still atomic, only slow, since it holds the lock while it waits; with
 * `strictUnits` (the tests) it is refused, so the rule is checked rather than remembered.
 *
 * Durability: WAL with `synchronous=FULL`, so a write acknowledged after its COMMIT survives a kill
 * or a power cut. Group commit (sqlite-group-commit.ts) lets the writes of one turn share that fsync,
 * which it runs off the event loop (wal-sync.ts): its COMMIT is made with `synchronous=NORMAL` and
 * nobody hears of the batch before the WAL's fsync. A lone write outside a unit (autocommit) is
 * committed and answered the same way. Reads wait for that fsync too before they answer (a read never
 * shows a change that a power cut could still take back), as they did when the fsync held the event
 * loop. A unit's own COMMIT keeps SQLite's fsync. The WAL's checkpoints run in a worker thread
 * (wal-checkpointer.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { Database, SqlParams, UnitOptions } from '../database';
import { readJournal, readMigrationStatus } from '../migration-status';
import { FifoLock } from './fifo-lock';
import { createCommitHooks, type BeforeCommitWork } from './sqlite-commit-hooks';
import { allRaw, openSqliteConnection, type Sqlite } from './sqlite-connection';
import { createGroupCommit } from './sqlite-group-commit';
import { createSqliteTransactions } from './sqlite-transactions';
import { checkpointOffTheLoop, type CheckpointThreads } from './wal-checkpointer';
import { createWalSync, type WalSync } from './wal-sync';
import { currentScope, runCallbacks, runInScope, UnitScope, watchTurn } from './unit-scope';
import { createWriterGate } from './writer-gate';
import { createWriteCounts } from './write-counts';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

export { compareVersions, MIN_SQLITE_VERSION, openSqliteConnection, type Sqlite } from './sqlite-connection';

export interface SqliteEngineOptions {
  /** A file path (created if missing). */
  file: string;
  /** The SQLite migrations (`db/migrations/sqlite`); null for a second connection of a host that migrated already. */
  migrationsFolder: string | null;
  /** Most writes per group commit (default 64). */
  maxBatch?: number;
  /** Refuse a unit of work that waited on real I/O (the tests set it; see the file's comment). */
  strictUnits?: boolean;
  /** The batches' fsync (default: wal-sync.ts on `<file>-wal`); tests hold it back to see who waits for it. */
  walSync?: WalSync;
  /** Done in each transaction just before its COMMIT (the search index: sqlite-commit-hooks.ts). */
  beforeCommit?: BeforeCommitWork;
  /**
   * A private connection for one long write (the import's worker, core/imports/import-worker.ts):
   * a 16 MiB page cache. Nobody else uses the connection, so its units may wait on I/O (never strict).
   */
  bulk?: boolean;
  /** A thread the process has, lent for the WAL's checkpoints (wal-checkpointer.ts); else they get a worker of their own. */
  checkpointThreads?: CheckpointThreads;
}

/**
 * The host's page cache, in KiB: 4 MiB, not better-sqlite3's 16 MiB. What it holds past a few MiB is
 * index pages the OS's file cache holds anyway, while each MiB of it is the host's own memory. Under
 * benchmark 4's desk requests on the 1 000 000-stay hotel the 16 MiB cache filled (the main malloc
 * arena 7.6 → 25 MB); with 4 MiB the desk's host peaked 169 / 171 MB against 190 / 183 MB during the
 * export, and the 300 × 90 board took 17.9 / 17.6 ms against 18.7 / 23.0 ms (docs/benchmarks.md §4).
 */
export const HOST_CACHE_KIB = 4096;
/** The import's own connection (`bulk`): one long transaction writing 100 000 stays and their indexes. */
const BULK_CACHE_KIB = 16_384;

// eslint-disable-next-line max-lines-per-function -- the engine's one connection, its FIFO lock and group commit are one closure; its methods are each short
export function openSqliteEngine(options: SqliteEngineOptions): Database & { readonly sqlite: Sqlite } {
  const sqlite = openSqliteConnection(options.file, options.migrationsFolder);
  // Savepoint journals in memory: a batched write's savepoint copies the pages it changes there, and
  // past 64 KiB (a booking: ~20 pages) a file-backed one spilled to a temporary file, ~40 pwrites a
  // booking (docs/benchmarks.md §3). It holds one write's pages at most; durability is the WAL's.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma(`cache_size = -${options.bulk ? BULK_CACHE_KIB : HOST_CACHE_KIB}`);
  const version = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const statements = new Map<string, Statement>();
  const lock = new FifoLock();
  const owner = {};
  const strict = !options.bulk && (options.strictUnits ?? false);
  const writer = createWriterGate(lock);
  const wal = options.walSync ?? createWalSync(`${options.file}-wal`);
  // Checkpoints off the event loop (wal-checkpointer.ts); the import's own connection keeps SQLite's.
  const checkpoints = options.bulk ? undefined : checkpointOffTheLoop(sqlite, options.file, writer.lend, options.checkpointThreads);
  const commits = createCommitHooks(sqlite, options.beforeCommit, checkpoints);
  /**
   * A read answers once the writes it may have seen are on disk (a batch's fsync may be under way);
   * with no fsync under way or waiting, at once (no promise chain to wait through: the hot reads).
   */
  const durable = <T>(value: T): Promise<T> => (wal.pending() ? wal.settled().then(() => value) : Promise.resolve(value));
  // A bulk connection (no migrations folder: the import's worker) is never asked for its migrations.
  const journal = options.migrationsFolder === null ? null : readJournal(options.migrationsFolder);

  // Every write of this connection goes through `query` (the commit hooks write only the search index).
  const writeCounts = createWriteCounts();

  const prepare = (sql: string): Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };

  const synchronousNormal = sqlite.prepare('PRAGMA synchronous = NORMAL');
  const synchronousFull = sqlite.prepare('PRAGMA synchronous = FULL');

  /**
   * A write outside a unit is its own transaction, made as a group commit's batch is: its COMMIT
   * without SQLite's fsync (`synchronous=NORMAL`), then the WAL's fsync asked for at once and run off
   * the event loop (wal-sync.ts); it answers only after that fsync, as it did after SQLite's own.
   * The connection is free meanwhile (a read that may have seen it waits for the fsync too). The
   * outbox worker's claims and sent marks are such writes: their fsync held the event loop, and with
   * it every publisher confirm waiting to be read (docs/benchmarks.md, benchmark 12).
   */
  const autocommit = <T>(stmt: Statement, op: (stmt: Statement) => T): Promise<T> => {
    synchronousNormal.run();
    let value: T;
    try {
      // The commit hooks' short transaction, if any, is committed the same way: the fsync covers both.
      value = commits.alone(op(stmt));
    } finally {
      synchronousFull.run();
    }
    return wal.sync().then(() => value);
  };

  /**
   * Runs `op` on the connection: at once inside a unit (it holds the lock), else under the lock, and
   * then answers once what it read is on disk (outside a unit, a write is its own transaction:
   * `autocommit`). A statement that writes outside a unit also waits while the writer is lent.
   */
  const query = <T>(sql: string, op: (stmt: Statement) => T): Promise<T> => {
    let stmt: Statement;
    try {
      stmt = prepare(sql);
    } catch (e) {
      // A closed database or bad SQL: a rejected promise, as every query answers.
      return Promise.reject(e as Error);
    }
    const writes = !stmt.readonly;
    if (writes) writeCounts.count(sql);
    if (currentScope(owner)) return Promise.resolve(op(stmt));
    const run = () => (writes ? autocommit(stmt, op) : durable(op(stmt)));
    if (writes ? writer.tryAcquire() : lock.tryAcquire()) {
      try {
        return run();
      } catch (e) {
        return Promise.reject(e);
      } finally {
        lock.release();
      }
    }
    return (writes ? writer.acquire() : lock.acquire()).then(() => {
      try {
        return run();
      } finally {
        lock.release();
      }
    });
  };

  const { savepoint, transaction, batchTransaction } = createSqliteTransactions({ sqlite, owner, strict, writer, commits, wal });

  const groupCommit = createGroupCommit({ lock: { acquire: writer.acquire, release: () => lock.release() }, maxBatch: options.maxBatch, runBatch: batchTransaction });

  const engine = {
    dialect: 'sqlite' as const,
    sqlite,
    version: `SQLite ${version}`,
    location: options.file,
    exportSource: { dialect: 'sqlite' as const, file: options.file },
    sharedByServers: false,
    get: <R>(sql: string, ...params: SqlParams) => query(sql, (s) => s.get(...params) as R | undefined),
    all: <R>(sql: string, ...params: SqlParams) => query(sql, (s) => s.all(...params) as R[]),
    tuples: <R>(sql: string, ...params: SqlParams) => query(sql, (s) => allRaw(s, params) as unknown as R[]),
    run: (sql: string, ...params: SqlParams) => query(sql, (s) => ({ changes: s.run(...params).changes })),
    insert: (sql: string, ...params: SqlParams) => query(sql, (s) => Number(s.run(...params).lastInsertRowid)),
    send: (sql: string, ...params: SqlParams) => query(sql, (s) => void s.run(...params)),
    async unit<T>(fn: () => Promise<T>, _options?: UnitOptions): Promise<T> {
      const parent = currentScope<Sqlite>(owner);
      if (parent) return savepoint(parent, fn);
      await writer.acquire();
      try {
        return await transaction(fn);
      } finally {
        lock.release();
      }
    },
    async read<T>(fn: () => Promise<T>): Promise<T> {
      if (currentScope(owner)) return fn();
      await lock.acquire();
      const scope = new UnitScope<Sqlite>(owner, sqlite, undefined);
      const done = watchTurn(strict);
      let value: T;
      try {
        value = await runInScope(scope, fn);
        done();
      } finally {
        scope.end();
        lock.release();
        // A write made inside the read (a savepoint outside a transaction commits on release).
        runCallbacks(scope.committed());
      }
      return durable(value);
    },
    write<T>(fn: () => Promise<T>): Promise<T> {
      // Inside a unit already (a service calling a service): part of that unit.
      if (currentScope(owner)) return engine.unit(fn);
      return groupCommit.run(fn);
    },
    afterCommit(fn: () => void, key?: string) {
      const scope = currentScope<Sqlite>(owner);
      if (scope) scope.add(fn, key);
      else runCallbacks([fn]);
    },
    inUnit: () => currentScope(owner) !== undefined,
    /** Writes per COMMIT, and the checkpoints made off the event loop, so far (benchmark 1). */
    groupCommitStats: () => ({ ...groupCommit.stats(), checkpoints: checkpoints?.stats() }),
    lendWriter: () => writer.lend(),
    changeToken: (tables?: readonly string[]) =>
      query(CHANGE_TOKEN_SQL, (s) => {
        if (sqlite.inTransaction) return null;
        const { v, c } = s.get() as { v: number; c: number };
        return tables ? `${v}:${writeCounts.of(tables)}` : `${v}:${c}`;
      }),
    migrationStatus: () => (journal ? readMigrationStatus(engine, '__drizzle_migrations', journal) : Promise.reject(new Error('A connection opened without migrations knows no migration status'))),
    async close() {
      // First (a checkpoint under way may lend the writer): then the host's connection, the last, removes the WAL.
      await checkpoints?.close();
      await lock.acquire();
      try {
        await wal.settled();
        wal.close();
        if (sqlite.open) sqlite.close();
      } finally {
        lock.release();
      }
    },
  };
  return engine;
}

/** Other connections' commits (`data_version`, per connection) and this connection's own row changes, in one read. */
const CHANGE_TOKEN_SQL = 'SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c';

export function sqliteMigrationsFolder(migrationsRoot: string): string {
  return join(migrationsRoot, 'sqlite');
}
