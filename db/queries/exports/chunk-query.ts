/**
 * What every CSV export's chunk query is (core/export: the export's worker runs it on its own
 * snapshot, db/read-connection.ts): one keyset chunk, its first value an ascending integer key,
 * `WHERE <key> > @after … ORDER BY <key> LIMIT @limit` (never OFFSET), written once for both
 * engines. Loaded by the export's worker thread: no drizzle, no zod.
 *
 * A chunk may also say how the database joins each row's leading cells into its CSV line (`lines`):
 * the same rows as `[key, line, …the other columns' values]`, the first `cells` cells joined with
 * `@delimiter` by SQL's `||`. Building one string per row in SQL instead of a dozen values joined in
 * JS takes ~11 % off a million-stay export's CPU, the check below included (docs/benchmarks.md §4, sixth
 * pass). The line is only taken when it is what `csvLine` would write for those cells: the reader
 * tests each line (`isPlainLine`) and reads the chunk as values when one is not. NULL anywhere in the
 * joined cells makes the line NULL on both engines, which the reader takes the same way. The columns
 * after them (a cell the core converts: a price from minor units) come as values, as in the chunk.
 */
import type { SqlFilter } from '../sql-filter';

/** One chunk's SELECT and its named parameters (without `@after` and `@limit`, added per chunk). */
export interface ChunkQuery {
  sql: string;
  params: Record<string, string | number>;
  /** The same chunk as `[key, line, …values of the columns after the first `cells`]`; takes `@delimiter` besides the chunk's parameters. */
  lines?: { sql: string; cells: number };
}

/**
 * A column whose value is an integer by the schema: in the line it is written only when it is one
 * (`x = CAST(x AS BIGINT)`; else NULL, so the row is formatted from its values). SQLite keeps what a
 * column is given, and a REAL or a text in an INTEGER column would be written by SQL (`0.3`, `1.0e+21`)
 * otherwise than by JS (`0.30000000000000004`, `1e+21`).
 */
export interface IntegerColumn {
  integer: string;
}

/**
 * A chunk's column: its SQL. A plain string is a text column, the key, or an expression whose values
 * are integer literals (a `CASE … THEN 0 ELSE 1 END`): SQL's text of them is JS's.
 */
export type ChunkColumn = string | IntegerColumn;

const columnSql = (c: ChunkColumn) => (typeof c === 'string' ? c : c.integer);
const lineCell = (c: ChunkColumn) => (typeof c === 'string' ? c : `CASE WHEN ${c.integer} = CAST(${c.integer} AS BIGINT) THEN ${c.integer} END`);

/**
 * `SELECT <columns> FROM <from> WHERE <key> > @after AND <filter> ORDER BY <key> LIMIT @limit`;
 * with `lines: n`, also the chunk's line SQL joining its first `n` columns (columns whose values are
 * the cells as they are: no `cell` conversion in the export's definition).
 */
export function keysetChunk(columns: readonly ChunkColumn[], from: string, key: string, filter: SqlFilter, options: { lines?: number } = {}): ChunkQuery {
  const rest = `FROM ${from}
      WHERE ${[`${key} > @after`, ...filter.clauses].join(' AND ')}
      ORDER BY ${key} LIMIT @limit`;
  const chunk: ChunkQuery = { sql: `SELECT ${columns.map(columnSql).join(', ')}\n      ${rest}`, params: filter.params };
  const cells = options.lines;
  if (cells !== undefined && cells >= 1 && cells <= columns.length) {
    const line = columns.slice(0, cells).map(lineCell).join(' || CAST(@delimiter AS TEXT) || ');
    chunk.lines = { sql: `SELECT ${[key, line, ...columns.slice(cells).map(columnSql)].join(', ')}\n      ${rest}`, cells };
  }
  return chunk;
}
