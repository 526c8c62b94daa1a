/**
 * Row types and column lists derived from the drizzle schema (db/schema.ts), so a query's row shape
 * follows the table instead of a hand-written copy of it (issue 16 item 2).
 *
 * A query that selects `col AS "prop"` under the schema's own property names gets its row type from
 * `RowOf<typeof table>` (or `RowPick<…>`), and its column list from `columnList(table, props)`. A
 * column that is computed, joined or renamed is added to the derived type explicitly, where it is used.
 */
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

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

/**
 * The SELECT list for `props` of `table`: `room_id AS "roomId"`, or the bare column where its name is
 * the property's (`price`). The alias is quoted, since PostgreSQL folds an unquoted name to lower case.
 * `qualifier` prefixes each column with a table alias (`a.room_id AS "roomId"`) for joins.
 */
export function columnList<T extends Table>(table: T, props: readonly PropOf<T>[], qualifier?: string): string {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return props
    .map((prop) => {
      const name = columns[prop]!.name;
      const column = qualifier ? `${qualifier}.${name}` : name;
      return name === prop ? column : `${column} AS "${prop}"`;
    })
    .join(', ');
}
