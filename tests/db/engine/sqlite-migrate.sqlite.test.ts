/**
 * The SQLite migrations are applied as drizzle's migrator applies them (db/engine/sqlite-migrate.ts):
 * the same schema and the same rows in `__drizzle_migrations`, so a database migrated by either is
 * current for the other; and the "pending" check agrees with drizzle's own rule, or a start would skip
 * a migration it needs.
 */
import BetterSqlite3 from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, migrationsPending } from '../../../db/engine/sqlite-migrate';
import { sqliteMigrationsFolder } from '../../../db/engine/sqlite-engine';
import { defaultMigrationsDir } from '../../../db/open-database';

const folder = sqliteMigrationsFolder(defaultMigrationsDir());
let dir: string;
let db: BetterSqlite3.Database;
const others: BetterSqlite3.Database[] = [];

afterEach(() => {
  db.close();
  for (const o of others.splice(0)) o.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): BetterSqlite3.Database {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-'));
  db = new BetterSqlite3(join(dir, 'frontdesk.db'));
  return db;
}

function openAnother(name: string): BetterSqlite3.Database {
  const other = new BetterSqlite3(join(dir, name));
  others.push(other);
  return other;
}

const schemaOf = (d: BetterSqlite3.Database) => d.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all();
const recordedIn = (d: BetterSqlite3.Database) => d.prepare(`SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY id`).all() as { id: number; hash: string; created_at: number }[];

describe('migrateSqlite', () => {
  it("makes the schema and records the rows drizzle's own migrator makes", () => {
    open();
    migrateSqlite(db, folder);
    const byDrizzle = openAnother('by-drizzle.db');
    migrate(drizzle(byDrizzle), { migrationsFolder: folder });
    expect(schemaOf(db)).toEqual(schemaOf(byDrizzle));
    expect(recordedIn(db)).toEqual(recordedIn(byDrizzle));
    expect(recordedIn(db).length).toBeGreaterThan(10);
  });

  it("leaves drizzle's migrator nothing to do, and applies only what is newer than the last recorded", () => {
    open();
    migrateSqlite(db, folder);
    const before = recordedIn(db);
    migrate(drizzle(db), { migrationsFolder: folder });
    expect(recordedIn(db)).toEqual(before);

    // one migration behind: only the newest runs again (every other one would fail on its CREATE TABLE)
    const newest = before.at(-1)!;
    db.exec(`DELETE FROM __drizzle_migrations WHERE created_at = ${newest.created_at}`);
    migrateSqlite(db, folder);
    expect(recordedIn(db).map(({ hash, created_at }) => ({ hash, created_at }))).toEqual(before.map(({ hash, created_at }) => ({ hash, created_at })));
  });

  it('rolls a failing migration back whole: nothing of it written, nothing recorded', () => {
    open();
    migrateSqlite(db, folder);
    const schema = schemaOf(db);
    const recorded = recordedIn(db);
    // this release's migrations and one more, whose second statement fails after its first succeeded
    const withBad = join(dir, 'migrations');
    cpSync(folder, withBad, { recursive: true });
    const journalFile = join(withBad, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_bad' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(withBad, '9999_bad.sql'), 'CREATE TABLE `fresh` (`id` integer);\n--> statement-breakpoint\nCREATE TABLE `stays` (`id` integer);');
    expect(() => migrateSqlite(db, withBad)).toThrow(/table `stays` already exists/);
    expect(schemaOf(db)).toEqual(schema);
    expect(recordedIn(db)).toEqual(recorded);
  });
});

describe('migrationsPending', () => {
  it('is true for a new database, false once migrated, and true again when the newest migration is missing', () => {
    open();
    expect(migrationsPending(db, folder)).toBe(true);
    migrateSqlite(db, folder);
    expect(migrationsPending(db, folder)).toBe(false);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'stays'`).get()).toEqual({ n: 1 });

    db.exec(`DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`);
    expect(migrationsPending(db, folder)).toBe(true);
  });

  it('leaves an up-to-date database as it is', () => {
    open();
    migrateSqlite(db, folder);
    const rows = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get();
    migrateSqlite(db, folder);
    expect(db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual(rows);
  });
});
