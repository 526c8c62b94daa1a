/**
 * Opening the SQLite file: refuses a SQLite too old for the schema, sets WAL, FULL, foreign keys and
 * the busy timeout, and applies the migrations (unless none are given: a second connection of a host
 * that migrated already). The engine (sqlite-engine.ts) runs its units on what this returns.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrateSqlite } from './sqlite-migrate';

export type Sqlite = BetterSqlite3.Database;

export const MIN_SQLITE_VERSION = '3.51.3';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Opens the connection: refuses an old SQLite, sets WAL/FULL/FKs, applies the migrations (unless none are given). */
export function openSqliteConnection(file: string, migrationsFolder: string | null): Sqlite {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  try {
    const version = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
      throw new Error(`SQLite ${version} is too old: Frontdesk needs ${MIN_SQLITE_VERSION} or newer`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (migrationsFolder !== null) migrateSqlite(sqlite, migrationsFolder);
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * `stmt.all(...params)` with each row an array (`db.tuples`). Raw mode only for this call: the
 * engine's statement for this SQL is shared with `all` callers, who get objects.
 */
export function allRaw(stmt: BetterSqlite3.Statement, params: unknown[]): unknown[][] {
  stmt.raw(true);
  try {
    return stmt.all(...params) as unknown[][];
  } finally {
    stmt.raw(false);
  }
}
