/**
 * Row types and column lists derived from the drizzle schema (db/schema.ts), so a query's row shape
 * follows the table instead of a hand-written copy of it (issue 16 item 2).
 *
 * A query that selects `col AS "prop"` under the schema's own property names gets its row type from
 * `RowOf<typeof table>` (or `RowPick<…>`), and its column list from `columnList<typeof table>(props)`. A
 * column that is computed, joined or renamed is added to the derived type explicitly, where it is used.
 */
import type { InferSelectModel, Table } from 'drizzle-orm';

/**
 * What the drivers hand back for a schema type: a flag (an `integer(…, { mode: 'boolean' })` column)
 * is 1/0 on both engines (db/engine/postgres-types.ts), never a JS boolean; everything else as typed.
 */
type DbValue<V> = V extends boolean ? number : V;

/** A table's whole row as a query reads it, under the schema's property names. */
export type RowOf<T extends Table> = { [K in keyof InferSelectModel<T>]: DbValue<InferSelectModel<T>[K]> };

/** Some of a table's columns, as a query reads them. */
export type RowPick<T extends Table, K extends keyof InferSelectModel<T>> = Pick<RowOf<T>, K>;

/** A schema property name of a table. */
export type PropOf<T extends Table> = keyof InferSelectModel<T> & string;

/** The column a property names: the schema names every column as its property in snake_case. */
export function columnName(prop: string): string {
  return prop.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The SELECT list for `props` of table `T`: `room_id AS "roomId"`, or the bare column where its name
 * is the property's (`price`). The alias is quoted, since PostgreSQL folds an unquoted name to lower
 * case. `qualifier` prefixes each column with a table alias (`a.room_id AS "roomId"`) for joins.
 *
 * The table is a type argument only (`columnList<typeof stays>([...])`): the type checks each
 * property against the schema, and the column is its snake_case (tests/db/queries/row-types.test.ts holds
 * every column of the schema to that). No schema object is loaded at run time, so the CSV export's
 * worker, which loads these modules under a 12 MB heap (core/export/export-thread.ts), stays small.
 */
export function columnList<T extends Table>(props: readonly PropOf<T>[], qualifier?: string): string {
  return props
    .map((prop) => {
      const name = columnName(prop);
      const column = qualifier ? `${qualifier}.${name}` : name;
      return name === prop ? column : `${column} AS "${prop}"`;
    })
    .join(', ');
}
