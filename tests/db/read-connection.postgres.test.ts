/**
 * The PostgreSQL snapshot reader of the CSV exports (db/read-connection.ts), when its server goes
 * away mid-export: the export's connection is cut (pg_terminate_backend, what a server killed or
 * restarted does to it) while the worker waits between two chunks. The export ends as an error, the
 * engine's 503 (UNAVAILABLE), not a crashed worker thread; the next export runs as usual.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsvFile } from '../../core/composition/csv-export';
import { startExportWorker, type ExportPiece } from '../../core/export/export-thread';
import { EXPORT_CHUNK_ROWS } from '../../core/export/export-reader';
import type { Database } from '../../db/database';
import { insertCancelledStays, insertRoom101 } from '../support/export-stays';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { join } from 'node:path';

let db: Database;
let database: TestDatabase;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, database, close } = await openTestDatabase('postgres'));
  await insertRoom101(db);
  await insertCancelledStays(db, EXPORT_CHUNK_ROWS * 3);
});
afterEach(() => close());

const exportBackends = async () =>
  (await db.get<{ n: number }>(`SELECT count(*) AS "n" FROM pg_stat_activity WHERE application_name = 'frontdesk-export' AND datname = current_database()`))!.n;

describe('a PostgreSQL export whose connection is cut mid-export', () => {
  it('ends as the engine’s 503 error, without crashing its worker, and the next export runs', async () => {
    const pieces: ExportPiece[] = [];
    // A window of one: the header goes out, then the worker waits for credit, its snapshot open.
    const { worker, finished, release } = startExportWorker({ exportId: 'stays', source: db.exportSource, query: {}, env: { timeZone: 'UTC' }, window: 1 }, (p) => pieces.push(p));
    const exited: number[] = [];
    worker.on('exit', (code) => exited.push(code));
    try {
      await expect.poll(() => pieces.length, { timeout: 20_000 }).toBe(1);
      expect(await exportBackends()).toBe(1);
      await db.get(`SELECT pg_terminate_backend(pid) AS "ok" FROM pg_stat_activity WHERE application_name = 'frontdesk-export' AND datname = current_database()`);
      await expect.poll(exportBackends).toBe(0);
      worker.postMessage({ type: 'credit', chunks: 10 });
      await expect(finished).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      // The worker reported the failure itself: it did not die of it.
      expect(exited).toEqual([]);
    } finally {
      await release();
    }
    const { rows } = await writeCsvFile(db.exportSource, 'stays', {}, join(database.dir, 'stays.csv'));
    expect(rows).toBe(EXPORT_CHUNK_ROWS * 3);
  });
});
