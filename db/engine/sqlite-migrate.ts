/**
 * Applies the committed SQLite migrations as drizzle's migrator does, on the host's own connection.
 *
 * drizzle reads the migration files (`readMigrationFiles`, drizzle-orm/migrator: the journal, each
 * file split at its breakpoints, its sha256) and this applies them: the few statements of drizzle's
 * SQLite dialect (`SQLiteSyncDialect.migrate`, drizzle-orm/sqlite-core/dialect.cjs) — the
 * `__drizzle_migrations` table made if missing, its newest row read, then in one transaction every
 * migration newer than that row run and recorded with its hash and its journal time. Written here
 * rather than called through drizzle's driver because that driver (drizzle-orm/better-sqlite3: its
 * session, dialect, query builders, 110 modules) is loaded only for this, once a database's life,
 * and then stays in the server's heap for as long as it runs: the first start after an install held
 * ~3 MB more than every later one (docs/benchmarks.md §4, twenty-seventh pass). The tests hold the
 * two to the same result: tests/db/engine/sqlite-migrate.sqlite.test.ts migrates one database each
 * way and compares the schema and the recorded rows, and drizzle's migrator finds nothing to do on
 * a database migrated here.
 *
 * "Pending" is drizzle's rule too: a journal entry newer than the newest row's `created_at`. Most
 * starts find nothing pending and read only the journal.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { readJournal } from '../migration-status';

const MIGRATIONS_TABLE = '__drizzle_migrations';
/** drizzle's own statement, to the whitespace: `sqlite_schema` keeps the text, and it reads the same either way. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (\n\t\t\t\tid SERIAL PRIMARY KEY,\n\t\t\t\thash text NOT NULL,\n\t\t\t\tcreated_at numeric\n\t\t\t)`;

/** The newest migration's time in the journal (drizzle-kit's `meta/_journal.json`). */
function newestInJournal(migrationsFolder: string): number {
  return Math.max(0, ...readJournal(migrationsFolder).map((e) => e.when));
}

/** The newest applied migration's journal time, or null when none is recorded (or no table yet). */
function lastApplied(sqlite: BetterSqlite3.Database): number | null {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return null;
  const last = sqlite.prepare(`SELECT created_at AS at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`).get() as { at: number | string | null } | undefined;
  return last === undefined || last.at === null ? null : Number(last.at);
}

export function migrationsPending(sqlite: BetterSqlite3.Database, migrationsFolder: string): boolean {
  const last = lastApplied(sqlite);
  return last === null || last < newestInJournal(migrationsFolder);
}

/** Brings the database up to date (synchronously, as better-sqlite3 runs). */
export function migrateSqlite(sqlite: BetterSqlite3.Database, migrationsFolder: string): void {
  if (!migrationsPending(sqlite, migrationsFolder)) return;
  const migrations = readMigrationFiles({ migrationsFolder });
  sqlite.exec(CREATE_MIGRATIONS_TABLE);
  const last = lastApplied(sqlite);
  const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} ("hash", "created_at") VALUES (?, ?)`);
  sqlite.exec('BEGIN');
  try {
    for (const m of migrations) {
      if (last !== null && last >= m.folderMillis) continue;
      for (const statement of m.sql) sqlite.prepare(statement).run();
      record.run(m.hash, m.folderMillis);
    }
    sqlite.exec('COMMIT');
  } catch (e) {
    sqlite.exec('ROLLBACK');
    throw e;
  }
}
