/**
 * What every CSV export's chunk query is (core/export: the export's worker runs it on its own
 * snapshot, db/read-connection.ts): one keyset chunk, its first value an ascending integer key,
 * `WHERE <key> > @after … ORDER BY <key> LIMIT 250` (never OFFSET), written once for both
 * engines. Loaded by the export's worker thread: no drizzle, no zod.
 *
 * The LIMIT is a number in the SQL, not a bound parameter: SQLite's planner reads a LIMIT's value, so
 * a statement whose LIMIT is bound is planned again (re-prepared) every time its parameters are bound
 * — at every chunk, 4 000 times for a million stays. With the LIMIT written in, a 1-row chunk of the
 * desk's stays costs 29–34 → 4 µs, and the desk's million-stay export 0.87 × the CPU (docs/benchmarks.md §4,
 * thirty-fifth pass).
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

/**
 * Rows per chunk (~30 KB of stays' text). One chunk's rows and text are what the export worker's capped
 * heap holds besides its modules. With the widest rows the desk can hold (a formula and 119 quotes
 * as the name, 80 quotes as the category, every cell quoted), the worker loaded through tsx needs a
 * 10 MB old generation at 250 rows and 12 MB at 500 (1 000 rows ran out at 14 MB); 250 leaves the
 * 24 MB cap (core/export/export-thread.ts) more than the chunk again as margin.
 */
export const EXPORT_CHUNK_ROWS = 250;

/** One chunk's SELECT and its named parameters (without `@after` and `@limit`, added per chunk). */
export interface ChunkQuery {
  sql: string;
  /** The same SELECT with another LIMIT, written in (a small export's one read of up to `rows` rows on the host's thread). */
  upTo(rows: number): string;
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
 * `SELECT <columns> FROM <from> WHERE <key> > @after AND <filter> ORDER BY <key> LIMIT 250`;
 * with `lines: n`, also the chunk's line SQL joining its first `n` columns (columns whose values are
 * the cells as they are: no `cell` conversion in the export's definition).
 */
export function keysetChunk(columns: readonly ChunkColumn[], from: string, key: string, filter: SqlFilter, options: { lines?: number } = {}): ChunkQuery {
  const rest = (limit: number) => {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`a chunk's LIMIT must be a positive integer, not ${limit}`);
    return `FROM ${from}
      WHERE ${[`${key} > @after`, ...filter.clauses].join(' AND ')}
      ORDER BY ${key} LIMIT ${limit}`;
  };
  const values = `SELECT ${columns.map(columnSql).join(', ')}\n      `;
  const chunk: ChunkQuery = { sql: values + rest(EXPORT_CHUNK_ROWS), upTo: (rows) => values + rest(rows), params: filter.params };
  const cells = options.lines;
  if (cells !== undefined && cells >= 1 && cells <= columns.length) {
    const line = columns.slice(0, cells).map(lineCell).join(' || CAST(@delimiter AS TEXT) || ');
    chunk.lines = { sql: `SELECT ${[key, line, ...columns.slice(cells).map(columnSql)].join(', ')}\n      ${rest(EXPORT_CHUNK_ROWS)}`, cells };
  }
  return chunk;
}
