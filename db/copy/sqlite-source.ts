/**
 * The desk's SQLite file as `db:copy` reads it: **read-only** (the copy never changes the hotel's
 * original, the way back if the move goes wrong), in **one read transaction**, so every table comes
 * from the same moment even if a desk still writes (WAL lets a reader keep its snapshot), with
 * integers read as BigInt (no rounding on the way).
 *
 * **The file must be at this release's latest migration; the copy does not migrate it.** Migrating is
 * a one-way change to the hotel's original, which a read-only copy must not make, and it is what
 * Frontdesk itself does at every start: opening the file once with this release (`npm run serve --
 * --data DIR`, or the desktop app) brings it up to date. A file from a newer release is refused too:
 * its tables may hold what this release's PostgreSQL schema has no place for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DB_FILE_NAME, defaultMigrationsDir } from '../open-database';
import { openReadConnection } from '../read-connection';
import { CopyError } from './copy-error';
import type { CopyTable } from './copy-plan';
import type { CopyValue } from './row-checksum';

interface JournalEntry {
  when: number;
  tag: string;
}

export interface SqliteSource {
  file: string;
  /** The migration the file is at (its tag). */
  migration: string;
  /** Every table of the file (sqlite_master), internal ones included. */
  tables(): string[];
  columns(table: string): string[];
  count(table: string): number;
  /** SQLite's AUTOINCREMENT counter of `table` (sqlite_sequence), or 0n. */
  sequence(table: string): bigint;
  /** The rows in key order, as arrays in the plan's column order. */
  rows(table: CopyTable): IterableIterator<CopyValue[]>;
  close(): void;
}

/** A data folder stands for the `frontdesk.db` in it. */
export function sourceFile(from: string): string {
  return existsSync(from) && statSync(from).isDirectory() ? join(from, DB_FILE_NAME) : from;
}

function journal(): JournalEntry[] {
  const file = join(defaultMigrationsDir(), 'sqlite', 'meta', '_journal.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** Refuses a file that is not a Frontdesk database, or not at this release's latest migration. */
function checkMigration(sqlite: BetterSqlite3.Database, file: string): string {
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasTable) throw new CopyError(`${file} is not a Frontdesk database (it has no migrations table)`);
  const last = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').safeIntegers(false).get() as { at: number | null };
  const entries = journal();
  const latest = entries[entries.length - 1]!;
  const at = entries.find((e) => e.when === last.at);
  if (last.at === latest.when) return latest.tag;
  if (last.at !== null && last.at > latest.when) {
    throw new CopyError(`${file} was migrated by a newer Frontdesk than this one (its latest migration is unknown here): copy it with that release`);
  }
  throw new CopyError(
    `${file} is at migration ${at?.tag ?? 'none'}, this Frontdesk's latest is ${latest.tag}: start Frontdesk on it once ` +
      `(npm run serve -- --data <its folder>, or the desktop app) so it migrates, then copy it`,
  );
}

export function openSqliteSource(from: string): SqliteSource {
  const file = sourceFile(from);
  if (!existsSync(file)) throw new CopyError(`${file} does not exist`);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = openReadConnection(file);
  } catch (e) {
    throw new CopyError(`Could not open ${file} read-only: ${(e as Error).message}`, { cause: e });
  }
  try {
    // One snapshot for the whole copy: the read transaction starts with the first read below.
    sqlite.exec('BEGIN');
    const migration = checkMigration(sqlite, file);
    return {
      file,
      migration,
      tables: () => (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name),
      columns: (table) => (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((r) => r.name),
      count: (table) => Number((sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n),
      sequence(table) {
        const hasCounters = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'`).get();
        if (!hasCounters) return 0n;
        const row = sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').safeIntegers(true).get(table) as { seq: bigint } | undefined;
        return row?.seq ?? 0n;
      },
      rows(table) {
        const list = table.columns.map((c) => `"${c.name}"`).join(', ');
        return sqlite.prepare(`SELECT ${list} FROM "${table.name}" ORDER BY "${table.key}"`).raw(true).safeIntegers(true).iterate() as IterableIterator<CopyValue[]>;
      },
      close() {
        if (sqlite.inTransaction) sqlite.exec('COMMIT');
        sqlite.close();
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
