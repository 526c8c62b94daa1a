/**
 * Opening the database, on either engine: the migrations make every table of the one schema, a
 * reopen keeps the rows and runs no migration twice, and both engines answer a query alike (truth
 * values as 1/0, counts, sums and instants as numbers, text compared, ordered and case-folded byte by
 * byte, ASCII letters only). What only one engine does at open: open-database.sqlite.test.ts (WAL,
 * synchronous=FULL, the version guard) and open-database.postgres.test.ts (the advisory lock, the
 * connection errors, synchronous_commit, COLLATE "C").
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { journal } from './migrations/migration-steps';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';
import { SCHEMA_COLUMNS, SCHEMA_INDEXES, SCHEMA_TABLES, storedColumns } from './schema-tables';

let database: TestDatabase | undefined;
let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  await database?.drop();
  db = undefined;
  database = undefined;
});

async function open(): Promise<Database> {
  database ??= await createTestDatabase();
  db = await database.open();
  return db;
}

const migrationsApplied = async (d: Database) =>
  (await d.get<{ n: number }>(`SELECT count(*) AS n FROM ${d.dialect === 'sqlite' ? '__drizzle_migrations' : 'drizzle.__drizzle_migrations'}`))!.n;

describe(`openDatabase (${testEngine})`, () => {
  it('creates every table of the schema with exactly its columns', async () => {
    const d = await open();
    // The schema is read, not empty: the foundation's tables and indexes are among what it declares.
    expect(SCHEMA_TABLES).toEqual(expect.arrayContaining(['guest_rooms', 'stays', 'users', 'settings', 'outbox', 'audit_log']));
    expect(SCHEMA_INDEXES).toEqual(expect.arrayContaining(['stays_occupancy_idx', 'users_username_uq']));
    const stored = await storedColumns(d);
    for (const table of SCHEMA_TABLES) expect({ table, columns: stored[table] }).toEqual({ table, columns: SCHEMA_COLUMNS[table] });
  });

  it('reopens an existing database without re-running migrations or losing rows', async () => {
    let d = await open();
    await d.run(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Kept"')`);
    await d.close();
    d = await open();
    expect(await d.get(`SELECT value FROM settings WHERE key = 'hotelName'`)).toEqual({ value: '"Kept"' });
    const migrations = journal(testEngine).length;
    expect(migrations).toBeGreaterThanOrEqual(2);
    expect(await migrationsApplied(d)).toBe(migrations);
  });

  it('says which engine and version it runs, and where the data is, without a password', async () => {
    const d = await open();
    expect(d.dialect).toBe(testEngine);
    expect(d.version).toMatch(testEngine === 'sqlite' ? /^SQLite 3\.\d+\.\d+$/ : /^PostgreSQL 1\d+\.\d+/);
    expect(d.location).not.toMatch(/pw-/);
  });
});

describe(`both engines answer alike (${testEngine})`, () => {
  it('truth values come back as 1 and 0, counts, sums and 64-bit instants as numbers', async () => {
    const d = await open();
    await d.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 119500, 1, ?, 0)`, 1_893_456_000_123);
    await d.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (102, 'x', 1, 89500, 1, 0, 0)`);
    expect(
      await d.get(`SELECT 1 = 1 AS yes, 1 = 2 AS no, EXISTS (SELECT 1 FROM guest_rooms) AS "any", count(*) AS n, sum(nightly_rate) AS total,
                          max(created_at) AS latest, avg(capacity) AS "avgCapacity" FROM guest_rooms`),
    ).toEqual({ yes: 1, no: 0, any: 1, n: 2, total: 209_000, latest: 1_893_456_000_123, avgCapacity: 1 });
    expect(await d.get(`SELECT active FROM guest_rooms WHERE number = 101`)).toEqual({ active: 1 });
  });

  it('compares, orders and folds text byte by byte, ASCII letters only (Danish letters kept as they are)', async () => {
    const d = await open();
    const names = ['Øster', 'anna', 'Bo', 'æble', 'Åse', 'Zoë', 'ebbe'];
    for (const [i, name] of names.entries()) {
      await d.run(`INSERT INTO settings (key, value) VALUES (?, ?)`, `k${i}`, name);
    }
    expect((await d.all<{ value: string }>('SELECT value FROM settings ORDER BY value')).map((r) => r.value)).toEqual(['Bo', 'Zoë', 'anna', 'ebbe', 'Åse', 'Øster', 'æble']);
    expect(await d.get(`SELECT lower(?) AS l`, 'ØSTER Åse')).toEqual({ l: 'Øster Åse' });
    expect(await d.get(`SELECT lower(value) AS l FROM settings WHERE key = 'k1'`)).toEqual({ l: 'anna' });
    expect((await d.all<{ value: string }>(`SELECT value FROM settings WHERE value LIKE ? ORDER BY value`, '%E%')).map((r) => r.value)).toEqual(['ebbe', 'Åse', 'Øster', 'æble']);
    expect((await d.all<{ value: string }>(`SELECT value FROM settings WHERE value LIKE ? ORDER BY value`, 'Æ%')).map((r) => r.value)).toEqual([]);
    expect(await d.get(`SELECT count(*) AS n FROM settings WHERE value = ?`, 'ANNA')).toEqual({ n: 0 });
  });
});
