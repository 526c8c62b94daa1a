/**
 * A database as an older release left it, for the migrations' tests: a copy of one engine's
 * migrations folder holding only the first `count` migrations, applied to a fresh database. A
 * migration's test fills that database with rows, then opens it with every migration (as the new
 * release does) and checks what the step did to them.
 *
 * - SQLite (`migrationStep`): a temp file, through the engine's own connection (raw better-sqlite3:
 *   these tests are of SQLite's migrations, `<tag>.sqlite.test.ts`).
 * - PostgreSQL (`postgresMigrationStep`): a new empty database in the run's cluster, opened through
 *   the engine (the advisory lock, drizzle's journal), `<tag>.postgres.test.ts`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, Dialect } from '../../../db/database';
import { openSqliteConnection, type Sqlite } from '../../../db/engine/sqlite-engine';
import { defaultMigrationsDir, openDatabase } from '../../../db/open-database';
import { adminQuery, pgBaseUrl } from '../../support/test-database';

export interface JournalEntry {
  idx: number;
  tag: string;
}

/** One engine's migrations, in order (`db/migrations/<engine>/meta/_journal.json`). */
export function journal(engine: Dialect = 'sqlite', root = defaultMigrationsDir()): JournalEntry[] {
  return (JSON.parse(readFileSync(join(root, engine, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** What the migrations after `tag` create (tables, indexes, constraints by name), read from their SQL. */
export interface CreatedLater {
  tables: Set<string>;
  indexes: Set<string>;
  constraints: Set<string>;
  /** `table.column` for each column a later migration adds to a table made before it. */
  columns: Set<string>;
}

/**
 * The tables, indexes and named constraints `engine`'s migrations after `tag` create: a step's test
 * checks what the step made against the schema without them, so a later migration (a new domain's
 * tables) needs no line in an older one's test.
 */
export function createdAfter(engine: Dialect, tag: string, root = defaultMigrationsDir()): CreatedLater {
  const entries = journal(engine, root);
  const at = entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no ${engine} migration ${tag} in the journal`);
  const found: CreatedLater = { tables: new Set(), indexes: new Set(), constraints: new Set(), columns: new Set() };
  const name = String.raw`["\x60]?(\w+)["\x60]?`;
  for (const e of entries.slice(at + 1)) {
    const sql = readFileSync(join(root, engine, `${e.tag}.sql`), 'utf8');
    for (const m of sql.matchAll(new RegExp(String.raw`CREATE TABLE (?:IF NOT EXISTS )?${name}`, 'gi'))) found.tables.add(m[1]!);
    for (const m of sql.matchAll(new RegExp(String.raw`CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?${name}`, 'gi'))) found.indexes.add(m[1]!);
    for (const m of sql.matchAll(new RegExp(String.raw`ADD CONSTRAINT ${name}`, 'gi'))) found.constraints.add(m[1]!);
    for (const m of sql.matchAll(new RegExp(String.raw`ALTER TABLE ${name} ADD (?:COLUMN )?${name}`, 'gi'))) found.columns.add(`${m[1]!}.${m[2]!}`);
  }
  return found;
}

/** A copy of the migrations root (both engines' folders) in `dir`, keeping only `engine`'s migrations before `tag`. */
function olderMigrations(dir: string, engine: Dialect, tag: string): string {
  const entries = journal(engine);
  const count = entries.findIndex((e) => e.tag === tag);
  if (count < 0) throw new Error(`no ${engine} migration ${tag} in the journal`);
  const root = join(dir, 'migrations');
  cpSync(defaultMigrationsDir(), root, { recursive: true });
  for (const e of entries.slice(count)) rmSync(join(root, engine, `${e.tag}.sql`));
  const dialect = engine === 'sqlite' ? 'sqlite' : 'postgresql';
  writeFileSync(join(root, engine, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect, entries: entries.slice(0, count) }));
  return root;
}

export interface MigrationStep {
  /** The database with every migration before `tag` applied. */
  before: Sqlite;
  /** Closes `before` and opens the same file with every migration, as the new release does. */
  migrate(): Sqlite;
  /** Closes what is open and removes the folder. */
  dispose(): void;
}

/** A SQLite database migrated up to, but not including, the migration `tag`. */
export function migrationStep(tag: string): MigrationStep {
  const dir = mkdtempSync(join(tmpdir(), `frontdesk-${tag}-`));
  const older = olderMigrations(dir, 'sqlite', tag);
  const file = join(dir, 'frontdesk.db');
  let open: Sqlite | undefined = openSqliteConnection(file, join(older, 'sqlite'));
  return {
    before: open,
    migrate() {
      open?.close();
      open = openSqliteConnection(file, join(defaultMigrationsDir(), 'sqlite'));
      return open;
    },
    dispose() {
      open?.close();
      open = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sqliteNames = (db: Sqlite, type: 'table' | 'index' | 'trigger'): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);

export interface PostgresMigrationStep {
  /** The URL of the step's own database (empty until `before()` or `migrate()` opens it). */
  url: string;
  /** Opens the database with every migration before `tag` applied. */
  before(): Promise<Database>;
  /** Closes what is open and opens the same database with every migration, as the new release does. */
  migrate(): Promise<Database>;
  /** Closes what is open, drops the database and removes the folder. */
  dispose(): Promise<void>;
}

let counter = 0;

/** A new, empty PostgreSQL database in the run's cluster, to be migrated up to (not including) `tag`. */
export async function postgresMigrationStep(tag: string): Promise<PostgresMigrationStep> {
  const dir = mkdtempSync(join(tmpdir(), `frontdesk-pg-${tag}-`));
  const older = olderMigrations(dir, 'postgres', tag);
  const name = `m_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
  const url = `${pgBaseUrl()}/${name}`;
  let open: Database | undefined;
  const reopen = async (migrationsDir: string) => {
    await open?.close();
    open = await openDatabase({ engine: 'postgres', url }, { migrationsDir });
    return open;
  };
  return {
    url,
    before: () => reopen(older),
    migrate: () => reopen(defaultMigrationsDir()),
    async dispose() {
      await open?.close();
      open = undefined;
      rmSync(dir, { recursive: true, force: true });
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
