/**
 * The WAL's checkpoints made in the export's worker (core/export/export-thread.ts `lendExportWorker`,
 * db/engine/wal-checkpointer.ts): while an export runs, the checkpoints of the same file are made by
 * that worker, on a channel of their own, between its chunks — the process runs one worker thread, not
 * two — and when the export's worker is terminated mid-export the checkpoints go on in a new one.
 * From the TypeScript sources (tsx inside the worker); the host passes `lendExportWorker` to its
 * engine (core/host.ts).
 */
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_CHUNK_ROWS } from '../../../core/export/export-reader';
import { lendExportWorker, startExportWorker, type ExportPiece } from '../../../core/export/export-thread';
import { createWalCheckpointer, type WalCheckpointer } from '../../../db/engine/wal-checkpointer';
import type { Database } from '../../../db/database';
import { insertCancelledStays, insertRoom101 } from '../../support/export-stays';
import { openTestDatabase, type TestDatabase } from '../../support/test-database';

let db: Database;
let database: TestDatabase;
let closeDb: () => Promise<void>;
let writer: BetterSqlite3.Database | undefined;
let checkpointer: WalCheckpointer | undefined;

beforeEach(async () => {
  ({ db, database, close: closeDb } = await openTestDatabase('sqlite'));
  await insertRoom101(db);
  await insertCancelledStays(db, EXPORT_CHUNK_ROWS * 4);
});

afterEach(async () => {
  await checkpointer?.close();
  writer?.close();
  checkpointer = writer = undefined;
  await closeDb();
});

/** The names of this process's threads (Linux: `/proc/self/task/<tid>/comm`; a worker's thread has its `name`). */
const threadNames = () => readdirSync('/proc/self/task').map((t) => readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim());
const count = (name: string) => threadNames().filter((n) => n === name).length;

/** A second writer on the test database's file, checkpointed only by `checkpointer` (as the host's connection is). */
async function writeAndCommit(n: number) {
  writer ??= new BetterSqlite3(database.file!);
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = writer.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < n; i++) {
    writer.transaction(() => {
      for (let j = 0; j < 4; j++) insert.run('x'.repeat(1500));
    })();
    checkpointer!.committed();
    await checkpointer!.settled();
  }
}

const lentCheckpointer = () =>
  createWalCheckpointer({
    file: database.file!,
    everyFrames: 20,
    restartFrames: 1e9,
    threads: lendExportWorker,
    checkpointHere: () => {
      throw new Error('not on the writing connection here');
    },
    lend: () => Promise.reject(new Error('no lending needed')),
    fallBack: () => {
      throw new Error('no fallback expected');
    },
  });

describe.runIf(existsSync('/proc/self/task'))('checkpoints in the export worker', () => {
  it('are made by the worker running an export, between its chunks: one worker thread, and the export whole', async () => {
    const pieces: ExportPiece[] = [];
    const run = startExportWorker({ exportId: 'stays', source: db.exportSource, query: {}, env: { timeZone: 'UTC' }, window: 1 }, (p) => pieces.push(p));
    try {
      // The header is out: the export is under way, waiting for credit.
      await expect.poll(() => pieces.length, { timeout: 15_000 }).toBe(1);
      checkpointer = lentCheckpointer();
      await writeAndCommit(60);
      expect(checkpointer.stats().checkpoints).toBeGreaterThan(4);
      expect(checkpointer.stats().fellBack).toBeUndefined();
      expect(count('csv-export')).toBe(1);
      expect(count('wal-checkpoint')).toBe(0);

      run.worker.postMessage({ type: 'credit', chunks: 100 });
      expect(await run.finished).toBe(EXPORT_CHUNK_ROWS * 4);
      expect(pieces.slice(1).map((p) => p.rows)).toEqual(Array(4).fill(EXPORT_CHUNK_ROWS));
    } finally {
      await run.release();
    }
    // The export is over and the worker waits, still lent: the checkpoints go on there.
    const before = checkpointer!.stats().checkpoints;
    await writeAndCommit(20);
    expect(checkpointer!.stats().checkpoints).toBeGreaterThan(before);
    expect(count('csv-export')).toBe(1);
  });

  it('go on in a new worker when the export’s worker is terminated in the middle of an export', async () => {
    const pieces: ExportPiece[] = [];
    const run = startExportWorker({ exportId: 'stays', source: db.exportSource, query: {}, env: { timeZone: 'UTC' }, window: 1 }, (p) => pieces.push(p));
    await expect.poll(() => pieces.length, { timeout: 15_000 }).toBe(1);
    checkpointer = lentCheckpointer();
    await writeAndCommit(30);
    const before = checkpointer.stats().checkpoints;
    await run.worker.terminate();
    await expect(run.finished).rejects.toThrow(/stopped before it was complete/);
    await run.release();

    await writeAndCommit(30);
    expect(checkpointer.stats().fellBack).toBeUndefined();
    expect(checkpointer.stats().checkpoints).toBeGreaterThan(before);
    expect(count('csv-export')).toBe(1); // the terminated one is gone: this is the new one
  });
});
