import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      'audit_log',
      'guest_rooms',
      'login_throttle',
      'outbox',
      'outbox_sequences',
      'room_blocks',
      'sessions',
      'settings',
      'stays',
      'users',
    ]);
    expect(names(sqlite, 'index')).toEqual([
      'audit_action_idx',
      'audit_actor_idx',
      'audit_at_idx',
      'audit_entity_idx',
      'guest_rooms_number_uq',
      'outbox_aggregate_idx',
      'outbox_aggregate_seq_uq',
      'outbox_due_idx',
      'outbox_idempotency_uq',
      'room_blocks_room_idx',
      'sessions_expires_idx',
      'sessions_user_idx',
      'stays_checkin_idx',
      'stays_guest_idx',
      'stays_occupancy_idx',
      'stays_owner_idx',
      'stays_room_idx',
      'users_email_uq',
      'users_username_uq',
    ]);
    expect(names(sqlite, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
  });

  it('makes usernames and e-mails unique regardless of case (indexes on lower())', () => {
    sqlite = openDatabase({ file: join(dir, 'frontdesk.db') }).sqlite;
    for (const index of ['users_username_uq', 'users_email_uq']) {
      const { sql } = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(index) as { sql: string };
      expect(sql).toMatch(/^CREATE UNIQUE INDEX .* \(lower\("(username|email)"\)\)$/);
    }
  });

  it('keeps the audit log append-only: UPDATE and DELETE abort', () => {
    sqlite = openDatabase({ file: join(dir, 'frontdesk.db') }).sqlite;
    sqlite.prepare(`INSERT INTO audit_log (at, actor, role, action, entity, via) VALUES (1, 'eva', 'staff', 'a:b', 'a', 'http')`).run();
    expect(() => sqlite!.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow('audit_log is append-only');
    expect(() => sqlite!.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(sqlite.prepare('SELECT actor, detail FROM audit_log').get()).toEqual({ actor: 'eva', detail: '{}' });
  });

  it('makes stays_occupancy_idx partial over the occupying statuses', () => {
    sqlite = openDatabase({ file: join(dir, 'frontdesk.db') }).sqlite;
    const { sql } = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'stays_occupancy_idx'`).get() as { sql: string };
    expect(sql).toContain("WHERE status IN ('booked', 'checked_in', 'checked_out')");
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

  it('enforces foreign keys and the stay interval check', () => {
    sqlite = openDatabase({ file: join(dir, 'frontdesk.db') }).sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
       VALUES (?, 'x', 'g', 'a', 'b', ?, ?, 1, 0, 't', 0, 0)`,
    );
    expect(() => insert.run(999, 1, 2)).toThrow(/FOREIGN KEY/);
    sqlite.prepare(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`).run();
    expect(() => insert.run(1, 2, 2)).toThrow(/CHECK constraint/);
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

/** A copy of the migrations folder holding only the first `count` migrations: the database as an older release left it. */
function migrationsUpTo(count: number): string {
  const older = join(dir, `migrations-${count}`);
  cpSync(defaultMigrationsDir(), older, { recursive: true });
  const journalFile = join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  for (const e of journal.entries.slice(count)) rmSync(join(older, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return older;
}

describe('migration 0003: outbox sequence and retry window', () => {
  it('numbers existing messages 1, 2, 3… per record in written order, continues each count, and drops outboxMaxAttempts', () => {
    const file = join(dir, 'frontdesk.db');
    sqlite = openDatabase({ file, migrationsDir: migrationsUpTo(3) }).sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, failures, next_attempt_ms, created_ms)
       VALUES ('billing', 'billing.bill_update', ?, '/bills/update/1', '{}', ?, ?, 3, 2, 0, 0)`,
    );
    const written = [['stay:1', 'sent'], ['stay:2', 'dead'], ['stay:1', 'dead'], ['stay:1', 'pending'], ['stay:2', 'pending']] as const;
    written.forEach(([aggregate, status], i) => insert.run(aggregate, `k${i}`, status));
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('outboxMaxAttempts', '3'), ('hotelName', '"Kept"')`).run();
    sqlite.close();

    sqlite = openDatabase({ file }).sqlite;
    expect(sqlite.prepare('SELECT aggregate, seq, status, failing_since_ms AS failingSince FROM outbox ORDER BY id').all()).toEqual([
      { aggregate: 'stay:1', seq: 1, status: 'sent', failingSince: null },
      { aggregate: 'stay:2', seq: 1, status: 'dead', failingSince: null },
      { aggregate: 'stay:1', seq: 2, status: 'dead', failingSince: null },
      { aggregate: 'stay:1', seq: 3, status: 'pending', failingSince: null },
      { aggregate: 'stay:2', seq: 2, status: 'pending', failingSince: null },
    ]);
    expect(sqlite.prepare('SELECT aggregate, last_seq AS lastSeq FROM outbox_sequences ORDER BY aggregate').all()).toEqual([
      { aggregate: 'stay:1', lastSeq: 3 },
      { aggregate: 'stay:2', lastSeq: 2 },
    ]);
    expect(sqlite.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([{ key: 'hotelName' }]);
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
