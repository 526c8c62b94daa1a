/**
 * The PostgreSQL schema is derived from the one schema (db/schema-postgres.ts from db/schema.ts), so
 * the two engines cannot drift apart: the same tables, columns, keys, nullability, defaults, indexes,
 * checks and foreign keys, in PostgreSQL's types. And each engine's committed migrations are up to
 * date with it: drizzle-kit, asked to generate, finds nothing left to do (a change of db/schema.ts
 * without `npx drizzle-kit generate` for both engines fails here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { getTableName } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../db/database';
import * as sqliteSchema from '../../db/schema';
import { postgresTables } from '../../db/schema-postgres';
import { defaultMigrationsDir } from '../../db/open-database';
import { journal } from './migrations/migration-steps';
import { schemaTables, sorted } from './schema-tables';

const pgTables = Object.values(postgresTables) as PgTable[];
const pgConfig = (name: string) => {
  const table = pgTables.find((t) => getTableName(t) === name);
  if (!table) throw new Error(`no PostgreSQL table ${name}`);
  return pgTableConfig(table);
};

interface ColumnShape {
  name: string;
  notNull: boolean;
  primary: boolean;
  default: unknown;
}
const shape = (c: { name: string; notNull: boolean; primary: boolean; default?: unknown }): ColumnShape => ({
  name: c.name,
  notNull: c.notNull,
  primary: c.primary,
  // SQLite keeps a flag's default as a boolean; PostgreSQL stores it as 0/1 in a smallint.
  default: typeof c.default === 'boolean' ? Number(c.default) : c.default,
});

describe('the PostgreSQL schema derived from db/schema.ts', () => {
  it('has exactly the same tables', () => {
    expect(sorted(pgTables.map((t) => getTableName(t)))).toEqual(sorted(schemaTables.map((c) => c.name)));
  });

  it.each(schemaTables.map((c) => [c.name, c] as const))('%s: the same columns, keys, nullability and defaults', (name, sqlite) => {
    const pg = pgConfig(name);
    expect(pg.columns.map(shape)).toEqual(sqlite.columns.map(shape));
  });

  it.each(schemaTables.map((c) => [c.name, c] as const))('%s: the same indexes (unique, partial), checks and foreign keys', (name, sqlite) => {
    const pg = pgConfig(name);
    const indexes = (list: { config: { name?: string; unique: boolean; where?: unknown } }[]) =>
      list.map((i) => ({ name: i.config.name, unique: i.config.unique, partial: i.config.where !== undefined }));
    expect(indexes(pg.indexes)).toEqual(indexes(sqlite.indexes));
    expect(pg.checks.map((c) => c.name)).toEqual(sqlite.checks.map((c) => c.name));
    expect(pg.foreignKeys.map((f) => f.getName())).toEqual(sqlite.foreignKeys.map((f) => f.getName()));
  });

  it('stores text as text COLLATE "C", integers as bigint, flags as smallint 0/1, and the autoincrement key as an identity', () => {
    const types = (name: string) => Object.fromEntries(pgConfig(name).columns.map((c) => [c.name, c.getSQLType()]));
    expect(types('users')).toMatchObject({ id: 'bigint', username: 'text COLLATE "C"', active: 'smallint', created_at: 'bigint' });
    const id = pgConfig('stays').columns.find((c) => c.name === 'id')!;
    expect(id.generatedIdentity?.type).toBe('byDefault');
    for (const table of pgTables) {
      for (const c of pgTableConfig(table).columns) expect(['bigint', 'smallint', 'text COLLATE "C"']).toContain(c.getSQLType());
    }
  });
});

/** The snapshot drizzle-kit wrote with the engine's last migration. */
function lastSnapshot(engine: Dialect): Record<string, unknown> {
  const last = journal(engine).at(-1)!;
  return JSON.parse(readFileSync(join(defaultMigrationsDir(), engine, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as Record<string, unknown>;
}

describe('the committed migrations', () => {
  it('of PostgreSQL leave nothing for drizzle-kit to generate from the derived schema', async () => {
    const prev = lastSnapshot('postgres');
    const current = generateDrizzleJson(postgresTables, prev.id as string);
    expect(await generateMigration(prev as never, current)).toEqual([]);
  });

  it('of SQLite leave nothing for drizzle-kit to generate from db/schema.ts', async () => {
    const prev = lastSnapshot('sqlite');
    const current = await generateSQLiteDrizzleJson(sqliteSchema, prev.id as string);
    expect(await generateSQLiteMigration(prev as never, current)).toEqual([]);
  });
});
