/**
 * What every CSV export's chunk query is (core/export: the export's worker runs it on its own
 * snapshot, db/read-connection.ts): one keyset chunk, its first value an ascending integer key,
 * `WHERE <key> > @after … ORDER BY <key> LIMIT @limit` (never OFFSET), written once for both
 * engines. Loaded by the export's worker thread: no drizzle, no zod.
 */
import type { SqlFilter } from '../sql-filter';

/** One chunk's SELECT and its named parameters (without `@after` and `@limit`, added per chunk). */
export interface ChunkQuery {
  sql: string;
  params: Record<string, string | number>;
}

/** `SELECT <columns> FROM <from> WHERE <key> > @after AND <filter> ORDER BY <key> LIMIT @limit`. */
export function keysetChunk(columns: readonly string[], from: string, key: string, filter: SqlFilter): ChunkQuery {
  const sql = `SELECT ${columns.join(', ')}
      FROM ${from}
      WHERE ${[`${key} > @after`, ...filter.clauses].join(' AND ')}
      ORDER BY ${key} LIMIT @limit`;
  return { sql, params: filter.params };
}
