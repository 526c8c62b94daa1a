/**
 * What the export's worker thread takes from db/: snapshot readers for long reads (the CSV exports) —
 * their own connection, one read-only snapshot while the writers keep booking, keyset chunks of raw
 * (array) rows — and the other end of the WAL's checkpoints it is lent for (`serveCheckpoints`,
 * engine/checkpoint-channel.ts). Kept free of drizzle, the migrations and the engine (open-database.ts
 * loads them all), so the worker loads none of them: in the packaged desk it could not (a worker
 * thread requires nothing from app.asar, electron-builder.yml), and resolving `drizzle-orm/migrator`
 * has Node read and keep drizzle-orm's 178 KB package.json (~3 MB of native memory with its parser's
 * buffers, measured in the host's main thread: docs/benchmarks.md, fifty-sixth pass).
 *
 * - SQLite: a read-only connection with a small page cache, one read transaction (WAL lets it run
 *   beside the writer), one prepared statement.
 * - PostgreSQL: one connection, `REPEATABLE READ READ ONLY` (one snapshot for the whole export), the
 *   same SQL through the same placeholder rewrite as the engine's (engine/postgres-sql.ts). A server
 *   that goes away mid-export (killed, restarted, the connection cut) while the reader waits between
 *   two chunks makes the client emit 'error': it is listened for, so the export's worker is not
 *   crashed by it, and the next chunk fails with the engine's 503 (UNAVAILABLE), which ends the
 *   download or the file as an error.
 */
import Database from 'better-sqlite3';
import type { ExportSource } from './database';
import { pgValues, toPgStatement, type PgStatement } from './engine/postgres-sql';

export { serveCheckpoints, type LentThread } from './engine/checkpoint-channel';

export function openReadConnection(file: string, options: { cacheKiB?: number } = {}): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (options.cacheKiB !== undefined) sqlite.pragma(`cache_size = -${options.cacheKiB}`);
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export type ChunkParams = Record<string, string | number>;

export interface SnapshotReader {
  /** The rows of one chunk query, as arrays, read in the reader's one snapshot. */
  chunk(params: ChunkParams): Promise<unknown[][]>;
  /** With `linesSql`: the same chunk's `[key, line, …]` rows (db/queries/exports/chunk-query.ts), in the same snapshot. */
  lines?(params: ChunkParams): Promise<unknown[][]>;
  /** Ends the snapshot and closes the connection. */
  close(): Promise<void>;
}

export async function openSnapshotReader(source: ExportSource, sql: string, options: { cacheKiB?: number; linesSql?: string } = {}): Promise<SnapshotReader> {
  if (source.dialect === 'postgres') return openPostgresSnapshot(source.url, sql, options.linesSql);
  const db = openReadConnection(source.file, options);
  try {
    const stmt = db.prepare(sql).raw(true);
    const linesStmt = options.linesSql === undefined ? undefined : db.prepare(options.linesSql).raw(true);
    db.exec('BEGIN');
    return {
      // One `.all()` of raw rows per chunk (faster than iterating row by row).
      chunk: async (params) => stmt.all(params) as unknown[][],
      ...(linesStmt ? { lines: async (params: ChunkParams) => linesStmt.all(params) as unknown[][] } : {}),
      async close() {
        if (db.inTransaction) db.exec('COMMIT');
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

async function openPostgresSnapshot(url: string, sql: string, linesSql: string | undefined): Promise<SnapshotReader> {
  // Loaded only here: an export worker on SQLite never loads the PostgreSQL client. (The build notes the
  // import of postgres-errors as ineffective: so it is in a bundle that also holds the PostgreSQL engine,
  // which imports it itself; the export worker's bundle keeps it in a chunk loaded only on PostgreSQL.)
  const { default: pg } = await import('pg');
  const { pgTypes } = await import('./engine/postgres-types');
  const { toCallerError } = await import('./engine/postgres-errors');
  const client = new pg.Client({ connectionString: url, types: pgTypes, application_name: 'frontdesk-export' });
  // Unheard, a lost connection's 'error' would be thrown out of the socket's handler and stop the thread.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const query = async (statement: PgStatement, params: ChunkParams) => {
      try {
        return (await client.query({ name: statement.name, text: statement.text, values: pgValues(statement, [params]), rowMode: 'array' })).rows as unknown[][];
      } catch (e) {
        // A lost connection is the engine's 503, not an internal failure of the export.
        throw toCallerError(e);
      }
    };
    const rows = toPgStatement(sql);
    const lines = linesSql === undefined ? undefined : toPgStatement(linesSql);
    return {
      chunk: (params) => query(rows, params),
      ...(lines ? { lines: (params: ChunkParams) => query(lines, params) } : {}),
      async close() {
        await client.query('COMMIT').catch(() => undefined);
        await client.end();
      },
    };
  } catch (e) {
    await client.end();
    throw e;
  }
}

/** Any number of queries read in one snapshot: what a computed export (a report's CSV) reads with. */
export interface SnapshotQueries {
  all<R = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<R[]>;
  /** Ends the snapshot and closes the connection. */
  close(): Promise<void>;
}

/** Its own connection, one read-only snapshot (as `openSnapshotReader`), for queries named as they run. */
export async function openSnapshotQueries(source: ExportSource, options: { cacheKiB?: number } = {}): Promise<SnapshotQueries> {
  if (source.dialect === 'postgres') {
    const { default: pg } = await import('pg');
    const { pgTypes } = await import('./engine/postgres-types');
    const client = new pg.Client({ connectionString: source.url, types: pgTypes, application_name: 'frontdesk-export' });
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    } catch (e) {
      await client.end();
      throw e;
    }
    return {
      async all<R>(sql: string, ...params: unknown[]) {
        const statement = toPgStatement(sql);
        return (await client.query({ name: statement.name, text: statement.text, values: pgValues(statement, params) })).rows as R[];
      },
      async close() {
        await client.query('COMMIT').catch(() => undefined);
        await client.end();
      },
    };
  }
  const db = openReadConnection(source.file, options);
  try {
    db.exec('BEGIN');
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    all: async <R>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as R[],
    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}
