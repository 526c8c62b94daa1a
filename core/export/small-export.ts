/**
 * A small export, read and formatted on the host's own thread: the rows are counted up to one more
 * than `SMALL_EXPORT_ROWS` (a count allocates no rows here), and if they are no more than that, read
 * by one statement on the host's database handle (one statement is one snapshot on either engine),
 * their text in one piece after the header. Anything larger goes to the export's worker
 * (export-thread.ts), with its own snapshot. Reading the 5 001 rows instead of counting them left
 * them on the host's heap before every large export: the server's peak during a 1 000 000-row
 * download was 8 and 15 MB higher in two of three turns (docs/benchmarks.md §4, fifth pass).
 *
 * Why: most exports at a desk are small (a day's arrivals, a filtered list, a small hotel's stays),
 * and a worker is a second V8 isolate — 40–110 ms to start and ~20 MB of its own heap and arenas for
 * as long as it lives (docs/benchmarks.md §4). A small export on the host costs less than the
 * worker's start: 5 000 stays are read and formatted in ~10 ms on the benchmarks' machine (the
 * export runs at ~1.7 µs a row), about what one board answer holds the event loop, and their text
 * (~0.6 MB) is short-lived. A report's CSV (a computed export: several queries that must see one
 * snapshot) always runs in the worker.
 */
import type { Db } from '../../db/database';
import type { CsvOptions, ExportDef, ExportEnv } from './export-def';
import { exportHeader, rowsFormatter } from './export-format';

/** The most rows an export may have to be read on the host's thread (see above). */
export const SMALL_EXPORT_ROWS = 5_000;

/** What the host's database handle is asked for: a count, then one raw read. */
export type SmallExportDb = Pick<Db, 'get' | 'tuples'>;

/**
 * The whole export as its text — the header piece, then the rows' piece when there are rows — if it
 * has at most `limit` rows; `undefined` when it has more (or is a computed export): the worker's.
 */
export async function readSmallExport(db: SmallExportDb, def: ExportDef, query: CsvOptions, env: ExportEnv, limit: number = SMALL_EXPORT_ROWS): Promise<{ pieces: string[]; rows: number } | undefined> {
  if (def.rows) return undefined;
  const chunk = def.chunkQuery(query, env);
  const sql = chunk.upTo(limit + 1);
  const args = { ...chunk.params, after: 0 };
  // Counted first, so a large export leaves no rows behind on this thread's heap for nothing.
  const counted = await db.get<{ n: number | string }>(`SELECT count(*) AS n FROM (${sql}) AS chunk`, args);
  if (Number(counted?.n ?? 0) > limit) return undefined;
  // The rows are read by one statement of their own; any written since the count only make it larger.
  const rows = await db.tuples<unknown[]>(sql, args);
  if (rows.length > limit) return undefined;
  const header = exportHeader(def, query, env);
  return { pieces: rows.length === 0 ? [header] : [header, rowsFormatter(def, query, env)(rows)], rows: rows.length };
}
