/**
 * drizzle's migrator is loaded only when a migration is pending (db/engine/sqlite-migrate.ts): the
 * check must agree with drizzle's own rule, or a start would skip a migration it needs.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, migrationsPending } from '../../../db/engine/sqlite-migrate';
import { sqliteMigrationsFolder } from '../../../db/engine/sqlite-engine';
import { defaultMigrationsDir } from '../../../db/open-database';

const folder = sqliteMigrationsFolder(defaultMigrationsDir());
let dir: string;
let db: BetterSqlite3.Database;

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): BetterSqlite3.Database {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-'));
  db = new BetterSqlite3(join(dir, 'frontdesk.db'));
  return db;
}

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
