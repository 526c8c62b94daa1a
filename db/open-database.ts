/**
 * Opens the database the host runs on: SQLite (a file in the data folder; the desktop app's engine
 * and the default) or PostgreSQL (a `postgres://` URL), migrated and ready. The only place that
 * chooses an engine.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import { openSqliteEngine, sqliteMigrationsFolder } from './engine/sqlite-engine';
import type { CheckpointThreads } from './engine/wal-checkpointer';
import { STAY_SEARCH_FLUSH_SQL, STAY_SEARCH_PENDING_SQL } from './queries/stay-search-index';

export type { Database, Db, Dialect, RunResult } from './database';
export { compareVersions, MIN_SQLITE_VERSION, type Sqlite } from './engine/sqlite-engine';
export type { CheckpointThreads } from './engine/wal-checkpointer';

export const DB_FILE_NAME = 'frontdesk.db';

/** The committed migrations, one folder per engine (`sqlite/`, `postgres/`). */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize?: number };

export interface OpenOptions {
  /** The root of the migrations (holding `sqlite/` and `postgres/`); default `defaultMigrationsDir()`. */
  migrationsDir?: string;
  /** Refuse a unit of work that waits on real I/O (SQLite; default: env FRONTDESK_STRICT_UNITS=1, as the tests set it). */
  strictUnits?: boolean;
  /**
   * A private connection for one long write beside the host's (the import's worker thread), to a
   * database the host has opened and migrated already (no migrations run: the worker's bundle has
   * no migrations folder beside it): SQLite keeps its savepoint journals in memory and never refuses
   * a unit that waits on I/O (nobody else uses the connection); PostgreSQL opens one connection.
   */
  bulk?: boolean;
  /**
   * SQLite: a thread the host already has, lent for the WAL's checkpoints (the host gives its export
   * workers': core/export/export-thread.ts), so that they do not start a thread of their own.
   */
  checkpointThreads?: CheckpointThreads;
}

/** `postgres://` or `postgresql://`: PostgreSQL; anything else is not a database URL. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const root = options.migrationsDir ?? defaultMigrationsDir();
  if (config.engine === 'postgres') {
    // Loaded only here: a server on SQLite (the desk's, and serve's default) never loads pg and its
    // drizzle driver, ~5 MB of heap (docs/benchmarks.md, benchmark 9).
    const { openPostgresEngine, postgresMigrationsFolder } = await import('./engine/postgres-engine');
    return openPostgresEngine({
      url: config.url,
      migrationsFolder: options.bulk ? null : postgresMigrationsFolder(root),
      ...(options.bulk ? { poolSize: 1 } : config.poolSize === undefined ? {} : { poolSize: config.poolSize }),
    });
  }
  return openSqliteEngine({
    file: config.file,
    migrationsFolder: options.bulk ? null : sqliteMigrationsFolder(root),
    strictUnits: options.strictUnits ?? process.env.FRONTDESK_STRICT_UNITS === '1',
    // The desk's search index, brought up to date once per transaction (db/queries/stay-search-index.ts).
    beforeCommit: { pending: STAY_SEARCH_PENDING_SQL, statements: STAY_SEARCH_FLUSH_SQL },
    ...(options.bulk ? { bulk: true } : {}),
    ...(options.checkpointThreads && !options.bulk ? { checkpointThreads: options.checkpointThreads } : {}),
  });
}

export { openReadConnection } from './read-connection';
