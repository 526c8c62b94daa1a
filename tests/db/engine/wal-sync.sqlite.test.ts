/**
 * Group commit's fsync off the event loop (db/engine/wal-sync.ts, sqlite-engine.ts): a batch's
 * writers, its live events and every read that may have seen it wait for an fsync of the WAL that
 * started after its COMMIT — the promise `synchronous=FULL` kept by holding the event loop. The
 * fsync is held back here (a WalSync the test releases) to see who waits for it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEngine } from '../../../db/engine/sqlite-engine';
import { createWalSync, type WalSync } from '../../../db/engine/wal-sync';
import { defaultMigrationsDir, openReadConnection, type Sqlite } from '../../../db/open-database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** A WalSync whose fsyncs finish only when the test says so. */
function heldWalSync() {
  const pending: (() => void)[] = [];
  let inFlight = 0;
  const wal: WalSync = {
    sync: () =>
      new Promise<void>((resolve) => {
        inFlight++;
        pending.push(() => {
          inFlight--;
          resolve();
        });
      }),
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => pending.push(resolve))),
    pending: () => inFlight > 0,
    close: () => undefined,
  };
  return { wal, release: () => pending.splice(0).forEach((f) => f()), waiting: () => inFlight };
}

const flushTurns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

let database: TestDatabase;
let reader: Sqlite;

beforeEach(async () => {
  database = await createTestDatabase('sqlite');
  await openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite') }).close();
  reader = openReadConnection(database.file!);
});
afterEach(async () => {
  reader.close();
  await database.drop();
});

const insertBlock = `INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (?, 'Standard', 1, 1, 1, 0, 0)`;
const roomsSeenByOthers = () => (reader.prepare('SELECT count(*) AS n FROM guest_rooms').get() as { n: number }).n;

describe('a batch commits, then waits for the fsync of the WAL', () => {
  it('answers its writers, runs its afterCommit callbacks and answers reads only after that fsync', async () => {
    const held = heldWalSync();
    const db = openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite'), strictUnits: true, walSync: held.wal });
    try {
      const told: string[] = [];
      const write = db.write(async () => {
        await db.run(insertBlock, 101);
        db.afterCommit(() => told.push('event'));
        return 'booked';
      });
      void write.then(() => told.push('answer'));
      await flushTurns();

      // Committed (another connection sees it), not yet on disk: nobody has heard of it.
      expect(roomsSeenByOthers()).toBe(1);
      expect(held.waiting()).toBe(1);
      expect(told).toEqual([]);

      // The connection is free meanwhile: a read runs, but answers only once the batch is on disk.
      let readAnswered = false;
      const read = db.read(async () => (await db.get<{ n: number }>('SELECT count(*) AS n FROM guest_rooms'))!.n).then((n) => ((readAnswered = true), n));
      await flushTurns();
      expect(readAnswered).toBe(false);

      held.release();
      expect(await write).toBe('booked');
      expect(await read).toBe(1);
      expect(told).toEqual(['event', 'answer']);
    } finally {
      held.release();
      await db.close();
    }
  });

  it('refuses the whole batch when the fsync fails, and publishes nothing', async () => {
    const failing: WalSync = { sync: () => Promise.reject(new Error('EIO: fsync failed')), settled: () => Promise.resolve(), pending: () => false, close: () => undefined };
    const db = openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite'), walSync: failing });
    try {
      const told: string[] = [];
      const writes = [101, 102].map((n) => db.write(async () => (await db.run(insertBlock, n), db.afterCommit(() => told.push(`event ${n}`)))));
      for (const w of writes) await expect(w).rejects.toThrow(/fsync failed/);
      expect(told).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('a lone write outside a unit commits, then waits for the fsync of the WAL', () => {
  it('answers only after that fsync, off the event loop: the connection serves reads meanwhile, which answer after it too', async () => {
    const held = heldWalSync();
    // What another connection saw when each fsync was asked for: it must start after the COMMIT.
    const seenAtSync: number[] = [];
    const walSync: WalSync = { ...held.wal, sync: () => (seenAtSync.push(roomsSeenByOthers()), held.wal.sync()) };
    const db = openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite'), walSync });
    try {
      let answered = false;
      const write = db.run(insertBlock, 101).then((r) => ((answered = true), r));
      await flushTurns();
      // Committed (another connection sees it), not yet on disk: its writer has not heard of it.
      expect(roomsSeenByOthers()).toBe(1);
      expect(seenAtSync).toEqual([1]);
      expect(held.waiting()).toBe(1);
      expect(answered).toBe(false);

      // The event loop and the connection went on: another write commits and waits for the next fsync, a read runs.
      const second = db.run(insertBlock, 102);
      let readAnswered = false;
      const read = db.get<{ n: number }>('SELECT count(*) AS n FROM guest_rooms').then((r) => ((readAnswered = true), r!.n));
      await flushTurns();
      expect(roomsSeenByOthers()).toBe(2);
      expect(seenAtSync).toEqual([1, 2]);
      expect(readAnswered).toBe(false);

      held.release();
      expect(await write).toEqual({ changes: 1 });
      held.release();
      await second;
      expect(await read).toBe(2);
      // Back to SQLite's own fsync for what is not a lone write (a unit's COMMIT).
      expect((await db.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous).toBe(2);
    } finally {
      held.release();
      await db.close();
    }
  });

  it('refuses the write when the fsync fails', async () => {
    const failing: WalSync = { sync: () => Promise.reject(new Error('EIO: fsync failed')), settled: () => Promise.resolve(), pending: () => false, close: () => undefined };
    const db = openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite'), walSync: failing });
    try {
      await expect(db.run(insertBlock, 101)).rejects.toThrow(/fsync failed/);
    } finally {
      await db.close();
    }
  });
});

describe('createWalSync', () => {
  it('fsyncs the WAL file; the calls made while one runs share the next', async () => {
    const db = openSqliteEngine({ file: database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite') });
    const wal = createWalSync(`${database.file!}-wal`);
    try {
      await db.run(insertBlock, 101);
      expect(wal.pending()).toBe(false);
      const first = wal.sync();
      const second = wal.sync();
      const third = wal.sync();
      expect(third).toBe(second); // asked while the first ran: one more fsync, shared
      expect(second).not.toBe(first);
      await first;
      expect(wal.pending()).toBe(true); // the shared second one is still to run
      await Promise.all([first, second, third, wal.settled()]);
      expect(wal.pending()).toBe(false);
      await expect(wal.sync()).resolves.toBeUndefined();
    } finally {
      wal.close();
      await db.close();
    }
  });
});
