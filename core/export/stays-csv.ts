/**
 * Stays as CSV, streamed in constant memory: the HTTP download (`streamStaysCsv`) and the desktop's
 * save dialog (`writeStaysCsvFile`). What is read and how it is formatted: stays-csv-chunks.ts.
 *
 * The reading and formatting run in a worker thread (stays-csv-thread.ts) on its own read-only
 * connection, inside one read transaction: one consistent snapshot while the writer keeps booking,
 * a main thread that keeps answering the desk while a million rows go out, and an export heap with
 * a fixed cap whatever the process's V8 flags are.
 */
import { open, rename, rm } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { type StayCsvQuery } from './stays-csv-chunks';
import { staysCsvPieces, writeStaysCsvToFd } from './stays-csv-thread';

export { STAY_CSV_CHUNK_ROWS, STAY_CSV_COLUMNS, type StayCsvQuery } from './stays-csv-chunks';

export interface CsvProgress {
  rows: number;
}

/** Refuses a query that cannot mean anything (an empty or backwards date range) before any CSV is sent. */
export function checkStayCsvQuery(query: StayCsvQuery): void {
  if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
    throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`);
  }
}

/**
 * The CSV text in pieces: the header (after an optional BOM), then one piece per chunk of rows.
 * `progress.rows` counts the data rows handed out so far. Closing the generator early (a client that
 * hangs up) stops the worker, which ends the read transaction and closes its connection. Check the
 * query first (`checkStayCsvQuery`): once a download has started, an error can only cut it short.
 */
export async function* streamStaysCsv(dbFile: string, query: StayCsvQuery = {}, progress?: CsvProgress): AsyncGenerator<string> {
  for await (const piece of staysCsvPieces(dbFile, query)) {
    if (progress) progress.rows += piece.rows;
    yield piece.text;
  }
}

/**
 * Writes the export to `filePath` (the desktop's save dialog picked it). The worker writes a sibling
 * `.part` file, renamed at the end, so a failed export never leaves half a file behind under the name
 * the user chose. This thread owns the file: it is closed here however the worker ends.
 */
export async function writeStaysCsvFile(dbFile: string, query: StayCsvQuery, filePath: string): Promise<{ rows: number }> {
  checkStayCsvQuery(query);
  const partPath = `${filePath}.part`;
  const file = await open(partPath, 'w');
  let closed = false;
  try {
    const rows = await writeStaysCsvToFd(dbFile, query, file.fd);
    closed = true;
    await file.close();
    await rename(partPath, filePath);
    return { rows };
  } catch (e) {
    if (!closed) await file.close().catch(() => undefined);
    await rm(partPath, { force: true });
    throw e;
  }
}
