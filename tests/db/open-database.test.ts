import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('openDatabase on an empty file', () => {
  it('creates every table and index of the schema', () => {
    sqlite = openDatabase({ file: join(dir, 'nested', 'frontdesk.db') }).sqlite;
    expect(names(sqlite, 'table')).toEqual([
      '__drizzle_migrations',
      'appointments',
      'audit_log',
      'car_rentals',
      'cars',
      'guest_rooms',
      'login_throttle',
      'outbox',
      'outbox_sequences',
      'providers',
      'room_blocks',
      'service_rooms',
      'sessions',
      'settings',
      'stay_search', // the desk's search (0007): a trigram FTS5 table and its shadow tables
      'stay_search_config',
      'stay_search_content',
      'stay_search_data',
      'stay_search_docsize',
      'stay_search_idx',
      'stays',
      'stock_bookings',
      'stock_movements',
      'stock_resources',
      'timeslots',
      'users',
    ]);
    expect(names(sqlite, 'index')).toEqual([
      'appointments_created_idx',
      'appointments_hold_idx',
      'appointments_provider_idx',
      'appointments_reminder_idx',
      'appointments_slot_idx',
      'appointments_start_idx',
      'appointments_user_idx',
      'audit_action_idx',
      'audit_actor_idx',
      'audit_at_idx',
      'audit_entity_idx',
      'car_rentals_car_idx',
      'car_rentals_dates_idx',
      'car_rentals_holding_idx',
      'car_rentals_stay_idx',
      'cars_brand_idx',
      'cars_plate_uq',
      'guest_rooms_number_uq',
      'outbox_aggregate_idx',
      'outbox_aggregate_seq_uq',
      'outbox_due_idx',
      'outbox_idempotency_uq',
      'providers_email_uq',
      'room_blocks_room_idx',
      'service_rooms_name_idx',
      'sessions_expires_idx',
      'sessions_user_idx',
      'stays_checkin_idx',
      'stays_guest_idx',
      'stays_in_house_idx',
      'stays_occupancy_idx',
      'stays_owner_idx',
      'stays_room_idx',
      'stock_bookings_due_idx',
      'stock_bookings_owner_idx',
      'stock_bookings_resource_idx',
      'stock_bookings_stay_idx',
      'stock_movements_resource_idx',
      'stock_resources_name_uq',
      'timeslots_room_date_idx',
      'timeslots_room_start_uq',
      'users_email_uq',
      'users_username_uq',
    ]);
    expect(names(sqlite, 'trigger')).toEqual([
      'audit_log_no_delete', 'audit_log_no_update', 'cars_mileage_never_down', 'stay_search_delete', 'stay_search_insert', 'stay_search_update',
      'stock_movements_no_delete', 'stock_movements_no_update', 'timeslots_no_overlap',
    ]);
  });

  it('sets the durability pragmas: WAL, synchronous FULL, foreign keys, a busy timeout', () => {
    sqlite = openDatabase({ file: join(dir, 'frontdesk.db') }).sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('reopens an existing file without re-running migrations or losing rows', () => {
    const file = join(dir, 'frontdesk.db');
    sqlite = openDatabase({ file }).sqlite;
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Kept"')`).run();
    sqlite.close();
    sqlite = openDatabase({ file }).sqlite;
    expect(sqlite.prepare(`SELECT value FROM settings WHERE key = 'hotelName'`).get()).toEqual({ value: '"Kept"' });
    const migrations = readdirSync(defaultMigrationsDir()).filter((f) => f.endsWith('.sql')).length;
    expect(migrations).toBeGreaterThanOrEqual(3);
    expect((sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(migrations);
  });

  it('opens a read-only connection beside the writer', () => {
    const file = join(dir, 'frontdesk.db');
    sqlite = openDatabase({ file }).sqlite;
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
