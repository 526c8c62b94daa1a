/**
 * What only SQLite does when the database opens: the exact tables, indexes and triggers of its
 * migrations (the desk's FTS5 search, the triggers that stand in for PostgreSQL's constraints), the
 * durability pragmas (WAL, synchronous=FULL), a read-only connection beside the writer, and the guard
 * against an SQLite too old to run on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConnection, type Sqlite } from '../../db/engine/sqlite-engine';
import { compareVersions, defaultMigrationsDir, MIN_SQLITE_VERSION, openReadConnection } from '../../db/open-database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { sqliteNames } from './migrations/migration-steps';
import { SCHEMA_INDEXES, SCHEMA_TABLES, sorted } from './schema-tables';
import { join } from 'node:path';

/** What only the migrations' SQL makes, beside the schema's. */
const SQL_ONLY_TABLES = [
  '__drizzle_migrations',
  'stay_search', // the desk's search (0007): a trigram FTS5 table and its shadow tables
  'stay_search_config',
  'stay_search_content',
  'stay_search_data',
  'stay_search_docsize',
  'stay_search_idx',
  'stay_search_queue', // the stays noted for the search index, indexed before each COMMIT (0011)
];
/** The checked-in stays by departure (0007): a partial index only the migration's SQL makes. */
const SQL_ONLY_INDEXES = ['stays_in_house_idx'];

let database: TestDatabase | undefined;
let sqlite: Sqlite | undefined;
afterEach(async () => {
  sqlite?.close();
  sqlite = undefined;
  await database?.drop();
  database = undefined;
});

/** The SQLite file, opened and migrated as the engine opens it. */
async function openFile(): Promise<Sqlite> {
  database ??= await createTestDatabase('sqlite');
  sqlite = openSqliteConnection(database.file!, join(defaultMigrationsDir(), 'sqlite'));
  return sqlite;
}

describe('openDatabase on an empty SQLite file', () => {
  it('creates every table and index of the schema, and the SQL-only ones and triggers of the migrations', async () => {
    const db = await openFile();
    expect(sqliteNames(db, 'table')).toEqual(sorted([...SCHEMA_TABLES, ...SQL_ONLY_TABLES]));
    expect(sqliteNames(db, 'index')).toEqual(sorted([...SCHEMA_INDEXES, ...SQL_ONLY_INDEXES]));
    expect(sqliteNames(db, 'trigger')).toEqual([
      'audit_log_no_delete', 'audit_log_no_update', 'cars_mileage_never_down', 'room_blocks_kind_insert_ck', 'room_blocks_kind_update_ck',
      'stay_search_delete', 'stay_search_insert', 'stay_search_update',
      'stock_movements_no_delete', 'stock_movements_no_update', 'timeslots_no_overlap',
    ]);
  });

  it('sets the durability pragmas: WAL, synchronous FULL, foreign keys, a busy timeout', async () => {
    const db = await openFile();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('creates the file’s folder when it is missing', async () => {
    database = await createTestDatabase('sqlite');
    sqlite = openSqliteConnection(join(database.dir, 'nested', 'deeper', 'frontdesk.db'), join(defaultMigrationsDir(), 'sqlite'));
    expect(sqliteNames(sqlite, 'table')).toContain('stays');
  });

  it('opens a read-only connection beside the writer', async () => {
    await openFile();
    const reader = openReadConnection(database!.file!);
    try {
      expect(() => reader.prepare(`INSERT INTO settings (key, value) VALUES ('a', '1')`).run()).toThrow(/readonly/);
      expect(reader.prepare('SELECT count(*) AS n FROM stays').get()).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
  });
});

describe('the SQLite version check', () => {
  it('refuses 3.51.2 and accepts 3.51.3, newer ones and the one we run', async () => {
    expect(compareVersions('3.51.2', MIN_SQLITE_VERSION)).toBe(-1);
    expect(compareVersions('3.51.3', MIN_SQLITE_VERSION)).toBe(0);
    expect(compareVersions('3.52.0', MIN_SQLITE_VERSION)).toBe(1);
    expect(compareVersions('3.9.0', '3.10.0')).toBe(-1);
    database = await createTestDatabase('sqlite');
    const db = await database.open();
    try {
      expect(db.version).toMatch(/^SQLite \d+\.\d+\.\d+$/);
      expect(compareVersions(db.version.slice('SQLite '.length), MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
    } finally {
      await db.close();
    }
  });
});
