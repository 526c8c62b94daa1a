/**
 * What the one drizzle schema (db/schema.ts and its db/schema/*.ts) declares, and what a migrated
 * database of either engine holds, for the tests of the migrations and of the derived PostgreSQL
 * schema: every table and index a domain adds is expected with no line of its own, and a migration
 * that forgets one fails.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/database';
import * as schema from '../../db/schema';

export const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => is(v, SQLiteTable))
  .map((table) => getTableConfig(table));
export const SCHEMA_TABLES = schemaTables.map((c) => c.name);
/** PostgreSQL's own tables, from its hand-written migrations (0002: the live events shared between servers). */
export const POSTGRES_ONLY_TABLES = ['live_events'];
export const SCHEMA_INDEXES = schemaTables.flatMap((c) => c.indexes.map((i) => i.config.name));
/** Each table's columns, by name, sorted. */
export const SCHEMA_COLUMNS: Record<string, string[]> = Object.fromEntries(schemaTables.map((c) => [c.name, c.columns.map((col) => col.name).sort()]));

export const sorted = (list: Iterable<string>): string[] => [...list].sort();

/** The columns of every table the database holds (PostgreSQL: in the `public` schema), by table. */
export async function storedColumns(db: Db): Promise<Record<string, string[]>> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ table: string; column: string }>(
          `SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.name`,
        )
      : await db.all<{ table: string; column: string }>(
          `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
           WHERE table_schema = 'public' ORDER BY table_name, column_name`,
        );
  const byTable: Record<string, string[]> = {};
  for (const r of rows) (byTable[r.table] ??= []).push(r.column);
  return byTable;
}
