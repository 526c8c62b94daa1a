/**
 * The export worker thread, from the TypeScript sources (tsx inside the worker), on the stays export
 * (the largest), on this run's engine (the worker opens its own connection through
 * db/read-connection.ts: SQLite's read-only file, or a PostgreSQL REPEATABLE READ READ ONLY
 * transaction): the credit window that holds it back, one snapshot for the whole export, stopping it
 * early, its failures as `AppError` rejections, and its capped heap against the widest rows the desk
 * can hold. The bundled worker is tested with the bundles (tests/core/serve.bundle.sqlite.test.ts,
 * tests/electron/main.bundle.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport, writeCsvFile } from '../../../core/composition/csv-export';
import { EXPORT_CHUNK_ROWS } from '../../../core/export/export-reader';
import { EXPORT_INCOMPLETE, EXPORT_WINDOW, startExportWorker, type ExportPiece } from '../../../core/export/export-thread';
import type { Database, ExportSource } from '../../../db/database';
import type { Sqlite } from '../../../db/open-database';
import { insertCancelledStays, insertRoom101 } from '../../support/export-stays';
import { openTestDatabase, type TestDatabase } from '../../support/test-database';

let db: Database;
let database: TestDatabase;
let closeDb: () => Promise<void>;
let source: ExportSource;

beforeEach(async () => {
  ({ db, database, close: closeDb } = await openTestDatabase());
  source = db.exportSource;
  await insertRoom101(db);
});

afterEach(async () => await closeDb());

/** Cancelled stays of one room: any number of them fit its dates, on PostgreSQL's exclusion constraint too. */
const insertStays = (count: number, guestName?: (i: number) => string, category?: string) => insertCancelledStays(db, count, guestName, category);

/**
 * How many export snapshots are open now. SQLite: a checkpoint that cannot reset the WAL past an
 * older reader's snapshot is busy. PostgreSQL: the export's connections (`frontdesk-export`).
 */
async function openSnapshots(): Promise<number> {
  if (db.dialect === 'sqlite') {
    const sqlite = (db as Database & { sqlite: Sqlite }).sqlite;
    return (sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy;
  }
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'frontdesk-export' AND datname = current_database()`);
  return row!.n;
}

/** Where nothing can be read: a SQLite file that does not exist, a PostgreSQL database that does not. */
function missingSource(): ExportSource {
  if (source.dialect === 'sqlite') return { dialect: 'sqlite', file: join(database.dir, 'missing.db') };
  const url = new URL(source.url);
  url.pathname = '/frontdesk_missing';
  return { dialect: 'postgres', url: url.toString() };
}

/**
 * A while in which a worker that ignored its window would post more. The one wait here that is no
 * condition: what it proves is that nothing comes (a worker waiting for credit shows no sign of it).
 */
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the export worker', () => {
  it('posts at most its window of pieces ahead, one more per credit, then the rest', async () => {
    await insertStays(EXPORT_CHUNK_ROWS * 5);
    const pieces: ExportPiece[] = [];
    const { worker, finished } = startExportWorker({ exportId: 'stays', source, query: {}, env: { timeZone: 'UTC' }, window: 2 }, (piece) => pieces.push(piece));
    try {
      // A cold worker (a new isolate, its modules through tsx) can take over a second on a loaded machine.
      await expect.poll(() => pieces.length, { timeout: 15_000 }).toBe(2);
      await tick(300);
      expect(pieces.map((p) => p.rows)).toEqual([0, EXPORT_CHUNK_ROWS]); // the header, one chunk, and it waits

      worker.postMessage({ type: 'credit', chunks: 1 });
      await expect.poll(() => pieces.length, { timeout: 15_000 }).toBe(3);
      await tick(300);
      expect(pieces).toHaveLength(3);

      worker.postMessage({ type: 'credit', chunks: 10 });
      expect(await finished).toBe(EXPORT_CHUNK_ROWS * 5);
      expect(pieces.map((p) => p.rows)).toEqual([0, ...Array(5).fill(EXPORT_CHUNK_ROWS)]);
    } finally {
      await worker.terminate();
    }
  });

  it('reads one snapshot: rows written once its first chunk is read are not in the export', async () => {
    await insertStays(EXPORT_CHUNK_ROWS * 3);
    const gen = streamCsvExport(source, 'stays', {});
    let text = (await gen.next()).value as string; // the header: the first chunk has been read
    await insertStays(EXPORT_CHUNK_ROWS * 2, (i) => `Later ${i}`);
    await db.run(`UPDATE stays SET guest_name = 'Renamed' WHERE id = ?`, EXPORT_CHUNK_ROWS * 2 + 1);
    for await (const piece of gen) text += piece;
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(EXPORT_CHUNK_ROWS * 3);
    expect(rows.filter((r) => r[7] !== `Guest ${Number(r[0]) - 1}`)).toEqual([]);
  });

  it('stops when the stream is closed early, which ends its read transaction', async () => {
    await insertStays(EXPORT_CHUNK_ROWS * (EXPORT_WINDOW + 5)); // more than the worker may read ahead
    const gen = streamCsvExport(source, 'stays', {});
    await gen.next(); // the header: the worker's snapshot is taken
    await insertStays(5); // newer than that snapshot (on SQLite, a checkpoint cannot reset the WAL past it)
    expect(await openSnapshots()).toBe(1);

    await gen.return(undefined);
    await expect.poll(openSnapshots).toBe(0);
  });

  it('turns a failure in the worker into an AppError rejection, for the stream and for the file', async () => {
    const missing = missingSource();
    // The caller learns the export is not whole; what went wrong is the cause, for the log only.
    const streamed = streamCsvExport(missing, 'stays', {}).next();
    await expect(streamed).rejects.toMatchObject({ name: 'AppError', code: 'INTERNAL', message: EXPORT_INCOMPLETE, reason: 'export.incomplete' });
    const cause = (await streamed.catch((e: Error) => e.cause)) as Error;
    expect(cause.message).toMatch(/^export worker \(thread \d+, export stays; heap cap: young 2 MB, old \d+ MB\): /);
    await expect(writeCsvFile(missing, 'stays', {}, join(database.dir, 'out.csv'))).rejects.toMatchObject({ name: 'AppError', code: 'INTERNAL', reason: 'export.notSaved', params: { file: 'out.csv' } });
  });

  it('fits the widest rows the desk can hold in its capped heap (a formula and 119 quotes as the name, 80 quotes as the category)', async () => {
    const rows = 3000;
    const name = (i: number) => `=${'"'.repeat(119 - String(i).length)}${i}`;
    const category = '"'.repeat(80);
    await insertStays(rows, name, category);

    const target = join(database.dir, 'wide.csv');
    expect(await writeCsvFile(source, 'stays', {}, target)).toEqual({ rows });
    let streamed = '';
    for await (const piece of streamCsvExport(source, 'stays', {})) streamed += piece;
    const file = readFileSync(target, 'utf8');
    expect(streamed).toBe(file);

    const parsed = Papa.parse<string[]>(file, { skipEmptyLines: true }).data.slice(1);
    expect(parsed).toHaveLength(rows);
    expect(parsed[7]![7]).toBe(`'${name(7)}`);
    expect(parsed[7]![2]).toBe(category);
  });
});

describe('the waiting worker', () => {
  it('runs the next export in the worker that finished the last one cleanly, any export alike', async () => {
    await insertStays(3);
    const first = startExportWorker({ exportId: 'stays', source, query: {}, env: { timeZone: 'UTC' }, window: 10 });
    expect(await first.finished).toBe(3);
    await first.release();
    const second = startExportWorker({ exportId: 'audit', source, query: {}, env: { timeZone: 'UTC' }, window: 10 });
    try {
      expect(second.worker.threadId).toBe(first.worker.threadId);
      expect(await second.finished).toBe(0);
    } finally {
      await second.worker.terminate();
    }
  });

  it('is not one that failed or was stopped early', async () => {
    const failing = startExportWorker({ exportId: 'stays', source: missingSource(), query: {}, env: { timeZone: 'UTC' } });
    await expect(failing.finished).rejects.toMatchObject({ code: 'INTERNAL' });
    await failing.release();
    const next = startExportWorker({ exportId: 'stays', source, query: {}, env: { timeZone: 'UTC' }, window: 10 });
    try {
      expect(next.worker.threadId).not.toBe(failing.worker.threadId);
      expect(await next.finished).toBe(0);
    } finally {
      await next.worker.terminate();
    }
  });
});
