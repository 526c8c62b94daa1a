/**
 * Applies the committed SQLite migrations with drizzle's migrator — loaded only when one is pending.
 * Every start but the first after an install or an upgrade finds the database up to date; drizzle's
 * driver and migrator are then never loaded (~3–4 MB of heap a server would otherwise keep for its
 * whole life: docs/benchmarks.md, benchmark 9). "Pending" is drizzle's own rule: a journal entry
 * newer than the newest row of `__drizzle_migrations` (migrator.cjs, `folderMillis` vs `created_at`).
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type * as DrizzleDriver from 'drizzle-orm/better-sqlite3';
import type * as DrizzleMigrator from 'drizzle-orm/better-sqlite3/migrator';
import { readJournal } from '../migration-status';

const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The newest migration's time in the journal (drizzle-kit's `meta/_journal.json`). */
function newestInJournal(migrationsFolder: string): number {
  return Math.max(0, ...readJournal(migrationsFolder).map((e) => e.when));
}

export function migrationsPending(sqlite: BetterSqlite3.Database, migrationsFolder: string): boolean {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return true;
  const last = sqlite.prepare(`SELECT max(created_at) AS at FROM ${MIGRATIONS_TABLE}`).get() as { at: number | string | null };
  return last.at === null || Number(last.at) < newestInJournal(migrationsFolder);
}

/** Brings the database up to date (synchronously, as better-sqlite3 runs). */
export function migrateSqlite(sqlite: BetterSqlite3.Database, migrationsFolder: string): void {
  if (!migrationsPending(sqlite, migrationsFolder)) return;
  const require = createRequire(import.meta.url);
  const { drizzle } = require('drizzle-orm/better-sqlite3') as typeof DrizzleDriver;
  const { migrate } = require('drizzle-orm/better-sqlite3/migrator') as typeof DrizzleMigrator;
  migrate(drizzle(sqlite), { migrationsFolder });
}
