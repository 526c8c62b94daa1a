/**
 * How any export is read and formatted; runs inside the export's worker thread (export-worker.ts).
 * Its own connection with one snapshot while the writers keep booking (db/read-connection.ts, on
 * either engine), keyset chunks in raw (array) mode. Imports nothing that loads drizzle or zod.
 */
import type { ExportSource } from '../../db/database';
import { openSnapshotQueries, openSnapshotReader, type SnapshotQueries, type SnapshotReader } from '../../db/read-connection';
import type { CsvOptions, ExportDef, ExportEnv } from './export-def';
import { rowsFormatter } from './export-format';

/**
 * Rows per chunk (~30 KB of stays' text). One chunk's rows and text are what the worker's capped
 * heap holds besides its modules. With the widest rows the desk can hold (a formula and 119 quotes
 * as the name, 80 quotes as the category, every cell quoted), the worker loaded through tsx needs a
 * 10 MB old generation at 250 rows and 12 MB at 500 (1 000 rows ran out at 14 MB); 250 leaves the
 * 24 MB cap (export-thread.ts) more than the chunk again as margin. Small chunks cost nothing measurable: each keyset query
 * starts where the last one ended, and an export's CPU was the same with 250, 500 and 1 000 rows.
 */
export const EXPORT_CHUNK_ROWS = 250;

/**
 * The export connection's page cache, in KiB. One pass in key order reads each page once:
 * better-sqlite3's default 16 MB cache would only fill with pages never read again. 256 KiB holds
 * the B-trees' inner pages and a joined table's (the rooms).
 */
const EXPORT_CACHE_KIB = 256;

export interface ExportReader {
  /** The next chunk as CSV text and its row count; 0 rows at the end. */
  next(): Promise<{ text: string; rows: number }>;
  /** Ends the read transaction and closes the connection. */
  close(): Promise<void>;
}

/**
 * A computed export's rows, read in one snapshot of its own connection (closed before the first
 * piece goes out: a report's rows are at most one per day of its period), handed out as chunks:
 * `after` counts the rows already handed out.
 */
async function computedReader(source: ExportSource, compute: (db: SnapshotQueries) => Promise<unknown[][]>): Promise<SnapshotReader> {
  const db = await openSnapshotQueries(source, { cacheKiB: EXPORT_CACHE_KIB });
  let rows: unknown[][];
  try {
    rows = await compute(db);
  } finally {
    await db.close();
  }
  return {
    chunk: async ({ after, limit }) => rows.slice(Number(after), Number(after) + Number(limit)),
    close: async () => undefined,
  };
}

/** Opens the export's own connection and begins the snapshot (on SQLite, on the first chunk's read). */
export async function openExportReader(source: ExportSource, def: ExportDef, query: CsvOptions, env: ExportEnv): Promise<ExportReader> {
  const format = rowsFormatter(def, query, env);
  let reader: SnapshotReader;
  let args: Record<string, string | number>;
  if (def.rows) {
    reader = await computedReader(source, (db) => def.rows(db, query, env));
    args = { after: 0, limit: EXPORT_CHUNK_ROWS };
  } else {
    const { sql, params } = def.chunkQuery(query, env);
    reader = await openSnapshotReader(source, sql, { cacheKiB: EXPORT_CACHE_KIB });
    args = { ...params, after: 0, limit: EXPORT_CHUNK_ROWS };
  }
  return {
    // One chunk of raw rows, formatted into one string.
    async next() {
      const rows = await reader.chunk(args);
      if (rows.length === 0) return { text: '', rows: 0 };
      args.after = def.rows ? (args.after as number) + rows.length : (rows[rows.length - 1]![0] as number);
      return { text: format(rows), rows: rows.length };
    },
    close: () => reader.close(),
  };
}
