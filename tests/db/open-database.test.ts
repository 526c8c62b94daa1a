import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { compareVersions, defaultMigrationsDir, MIN_SQLITE_VERSION, openDatabase, openReadConnection, sqliteVersion, type Sqlite } from '../../db/open-database';

let dir: string;
let sqlite: Sqlite | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrations-'));
});

afterEach(() => {
  sqlite?.close();
  sqlite = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const names = (db: Sqlite, type: 'table' | 'index' | 'trigger') =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map(
    (r) => r.name,
  );

/**
 * What the drizzle schema declares (db/schema.ts and its db/schema/*.ts): every table and index a
 * domain adds is expected here with no line of its own, and a migration that forgets one fails.
 */
const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((table) => getTableConfig(table));
const SCHEMA_TABLES = schemaTables.map((c) => c.name);
const SCHEMA_INDEXES = schemaTables.flatMap((c) => c.indexes.map((i) => i.config.name));

/** What only the migrations' SQL makes, beside the schema's. */
const SQL_ONLY_TABLES = [
  '__drizzle_migrations',
  'stay_search', // the desk's search (0007): a trigram FTS5 table and its shadow tables
  'stay_search_config',
  'stay_search_content',
  'stay_search_data',
  'stay_search_docsize',
  'stay_search_idx',
];
/** The checked-in stays by departure (0007): a partial index only the migration's SQL makes. */
const SQL_ONLY_INDEXES = ['stays_in_house_idx'];

const sorted = (list: string[]) => [...list].sort();

describe('openDatabase on an empty file', () => {
  it('creates every table and index of the schema', async () => {
    sqlite = (await openDatabase({ file: join(dir, 'nested', 'frontdesk.db') })).sqlite;
    // The schema is read, not empty: the foundation's tables and indexes are among what it declares.
    expect(SCHEMA_TABLES).toEqual(expect.arrayContaining(['guest_rooms', 'stays', 'users', 'settings', 'outbox', 'audit_log']));
    expect(SCHEMA_INDEXES).toEqual(expect.arrayContaining(['stays_occupancy_idx', 'users_username_uq']));
    expect(names(sqlite, 'table')).toEqual(sorted([...SCHEMA_TABLES, ...SQL_ONLY_TABLES]));
    expect(names(sqlite, 'index')).toEqual(sorted([...SCHEMA_INDEXES, ...SQL_ONLY_INDEXES]));
    expect(names(sqlite, 'trigger')).toEqual([
      'audit_log_no_delete', 'audit_log_no_update', 'cars_mileage_never_down', 'room_blocks_kind_insert_ck', 'room_blocks_kind_update_ck',
      'stay_search_delete', 'stay_search_insert', 'stay_search_update',
      'stock_movements_no_delete', 'stock_movements_no_update', 'timeslots_no_overlap',
    ]);
  });

  it('sets the durability pragmas: WAL, synchronous FULL, foreign keys, a busy timeout', async () => {
    sqlite = (await openDatabase({ file: join(dir, 'frontdesk.db') })).sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('reopens an existing file without re-running migrations or losing rows', async () => {
    const file = join(dir, 'frontdesk.db');
    sqlite = (await openDatabase({ file })).sqlite;
    db.run(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Kept"')`);
    sqlite.close();
    sqlite = (await openDatabase({ file })).sqlite;
    expect(db.get(`SELECT value FROM settings WHERE key = 'hotelName'`)).toEqual({ value: '"Kept"' });
    const migrations = readdirSync(defaultMigrationsDir()).filter((f) => f.endsWith('.sql')).length;
    expect(migrations).toBeGreaterThanOrEqual(3);
    expect((db.get('SELECT count(*) AS n FROM __drizzle_migrations') as { n: number }).n).toBe(migrations);
  });

  it('opens a read-only connection beside the writer', async () => {
    const file = join(dir, 'frontdesk.db');
    sqlite = (await openDatabase({ file })).sqlite;
    const reader = openReadConnection(file);
    try {
      expect(() => reader.prepare(`INSERT INTO settings (key, value) VALUES ('a', '1')`).run()).toThrow(/readonly/);
      expect(reader.prepare('SELECT count(*) AS n FROM stays').get()).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
  });
});

describe('the SQLite version check', () => {
  it('refuses 3.51.2 and accepts 3.51.3, newer ones and the one we run', () => {
    expect(compareVersions('3.51.2', MIN_SQLITE_VERSION)).toBe(-1);
    expect(compareVersions('3.51.3', MIN_SQLITE_VERSION)).toBe(0);
    expect(compareVersions('3.52.0', MIN_SQLITE_VERSION)).toBe(1);
    expect(compareVersions('3.9.0', '3.10.0')).toBe(-1);
    const db = new Database(':memory:');
    try {
      expect(compareVersions(sqliteVersion(db), MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
    } finally {
      db.close();
    }
  });
});
