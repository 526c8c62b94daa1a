/**
 * Opens the one writer connection the host owns, and read-only connections for long reads (exports).
 * **Durability:** WAL + `synchronous=FULL`, so a booking acknowledged after COMMIT survives a crash
 * or power cut. Refuses SQLite older than 3.51.3.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Sqlite = Database.Database;

export const MIN_SQLITE_VERSION = '3.51.3';
export const DB_FILE_NAME = 'frontdesk.db';

export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function sqliteVersion(db: Sqlite): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

function applyPragmas(db: Sqlite): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrationsDir?: string;
}

export interface OpenedDatabase {
  sqlite: Sqlite;
}

/** Opens (creating if needed) and migrates the database. The caller owns and closes it. */
export function openDatabase({ file, migrationsDir = defaultMigrationsDir() }: OpenOptions): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    const version = sqliteVersion(sqlite);
    if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
      throw new Error(`SQLite ${version} is too old: Frontdesk needs ${MIN_SQLITE_VERSION} or newer`);
    }
    applyPragmas(sqlite);
    // drizzle applies the committed migrations; queries are prepared SQL (db/queries), not the ORM.
    migrate(drizzle(sqlite), { migrationsFolder: migrationsDir });
    return { sqlite };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export { openReadConnection } from './read-connection';
