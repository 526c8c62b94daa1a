/**
 * How any export is read and formatted; runs inside the export's worker thread (export-worker.ts).
 * Its own connection with one snapshot while the writers keep booking (db/read-connection.ts, on
 * either engine), keyset chunks in raw (array) mode. Imports nothing that loads drizzle or zod.
 */
import type { ExportSource } from '../../db/database';
import { openSnapshotQueries, openSnapshotReader, type SnapshotQueries, type SnapshotReader } from '../../db/read-connection';
import type { CsvOptions, ExportDef, ExportEnv } from './export-def';
import { linesFormatter, rowsFormatter } from './export-format';
import { EXPORT_CHUNK_ROWS } from '../../db/queries/exports/chunk-query';

/** Rows per chunk: the chunk queries' LIMIT (db/queries/exports/chunk-query.ts), and a computed export's pieces. */
export { EXPORT_CHUNK_ROWS };

/**
 * The export connection's page cache, in KiB. One pass in key order reads each page once:
 * better-sqlite3's default 16 MB cache would only fill with pages never read again. 256 KiB holds
 * the B-trees' inner pages and a joined table's (the rooms).
 */
const EXPORT_CACHE_KIB = 256;

export interface ExportReader {
  /**
   * The next chunk as CSV text and its row count; 0 rows at the end. `via`: whether the lines were
   * joined by SQL (`lines`) or the text formatted here from the rows' values (`values`).
   */
  next(): Promise<{ text: string; rows: number; via: 'lines' | 'values' }>;
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
  // SQL joins each line's leading cells when the chunk says how and those columns' values are their cells as they are.
  let lines: { format: (rows: unknown[][]) => string | undefined; args: Record<string, string | number> } | undefined;
  if (def.rows) {
    reader = await computedReader(source, (db) => def.rows(db, query, env));
    args = { after: 0, limit: EXPORT_CHUNK_ROWS };
  } else {
    const chunk = def.chunkQuery(query, env);
    const byLine = chunk.lines !== undefined && def.columns.slice(0, chunk.lines.cells).every((c) => typeof c === 'string') ? chunk.lines : undefined;
    reader = await openSnapshotReader(source, chunk.sql, { cacheKiB: EXPORT_CACHE_KIB, ...(byLine ? { linesSql: byLine.sql } : {}) });
    args = { ...chunk.params, after: 0 };
    if (byLine) lines = { format: linesFormatter(def, query, env, byLine.cells), args: { ...args, delimiter: query.delimiter ?? ',' } };
  }
  return {
    // One chunk: its lines as SQL joined them, or its raw rows formatted into one string.
    async next() {
      if (lines && reader.lines) {
        const chunk = await reader.lines(lines.args);
        if (chunk.length === 0) return { text: '', rows: 0, via: 'lines' };
        const text = lines.format(chunk);
        if (text !== undefined) {
          lines.args.after = args.after = chunk[chunk.length - 1]![0] as number;
          return { text, rows: chunk.length, via: 'lines' };
        }
      }
      const rows = await reader.chunk(args);
      if (rows.length === 0) return { text: '', rows: 0, via: 'values' };
      args.after = def.rows ? (args.after as number) + rows.length : (rows[rows.length - 1]![0] as number);
      if (lines) lines.args.after = args.after;
      return { text: format(rows), rows: rows.length, via: 'values' };
    },
    close: () => reader.close(),
  };
}
