/**
 * Group commit on SQLite (db/engine/sqlite-group-commit.ts) over a real database file: the writes
 * queued in one event-loop turn share one transaction and one COMMIT, each in its own savepoint;
 * nobody hears back before the COMMIT; events follow the COMMIT; a refused write takes only itself
 * back; a failed COMMIT refuses them all. (PostgreSQL runs each write as its own unit.)
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { FifoLock } from '../../../db/engine/fifo-lock';
import { createGroupCommit } from '../../../db/engine/sqlite-group-commit';
import { openSqliteEngine, type Sqlite } from '../../../db/engine/sqlite-engine';
import { defaultMigrationsDir, openReadConnection } from '../../../db/open-database';
import type { LiveEvent } from '../../../shared/contract/events';
import { AppError, errorStatus, isAppError } from '../../../shared/errors';
import { aRoom, aStay } from '../../support/builders';
import { countRows, outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let sqlite: Sqlite;
let reader: Sqlite;
let rooms: number[];
/** Every statement the engine sent through `exec` (BEGIN, SAVEPOINT, RELEASE, COMMIT, ROLLBACK). */
let execs: string[];

beforeEach(async () => {
  t = await createTestCore();
  rooms = [];
  for (let i = 0; i < 3; i++) rooms.push((await t.core.handlers['rooms:create'](aRoom(), adminCtx)).id);
  sqlite = (t.db as Database & { sqlite: Sqlite }).sqlite;
  execs = [];
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (sql: string) => {
    execs.push(sql);
    return exec(sql);
  };
  reader = openReadConnection(t.database.file!);
  t.events.length = 0;
});

afterEach(async () => {
  reader.close();
  await t.close();
});

/** What another connection (another process) sees as committed. */
const committedStays = () => (reader.prepare('SELECT count(*) AS n FROM stays').get() as { n: number }).n;
const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;
const book = (roomIndex: number, guestName: string) => t.core.call('stays:create', aStay({ roomId: rooms[roomIndex]!, guestName }), deskCtx);
const stayEvents = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'stay.changed' ? [e.stay.guestName] : []));
const transactionStatements = () => execs.filter((s) => /^(BEGIN|COMMIT|ROLLBACK$)/.test(s));

describe('group commit via core.call', () => {
  it('runs the writes of one turn in ONE transaction, each in its savepoint, and answers only after its COMMIT', async () => {
    const versionBefore = dataVersion();
    let seenInside: { committed: number; own: number; version: number } | undefined;
    const a = book(0, 'Ada');
    const b = book(1, 'Bob');
    const probe = t.db.write(async () => {
      seenInside = { committed: committedStays(), own: await countRows(t.db, 'stays'), version: dataVersion() };
    });
    const seenByAnswers: number[] = [];
    const answered = [a, b, probe].map((p) => p.then(() => seenByAnswers.push(committedStays())));

    expect(execs).toEqual([]); // nothing runs before the end of the turn
    await Promise.all(answered);

    // Inside the batch the writer saw Ada and Bob; another connection saw neither: not yet committed.
    expect(seenInside).toEqual({ committed: 0, own: 2, version: versionBefore });
    expect(seenByAnswers).toEqual([2, 2, 2]);
    expect(dataVersion()).not.toBe(versionBefore);
    expect(transactionStatements()).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    // One savepoint per write of the batch (its own, around the command and its audit row)…
    const outer = execs.filter((s) => s.startsWith('SAVEPOINT')).length;
    expect(outer).toBeGreaterThanOrEqual(3);
    expect(execs.filter((s) => s.startsWith('RELEASE')).length).toBe(outer);
    expect(await outboxRows(t.db)).toHaveLength(2);
  });

  it('commits a batch with synchronous NORMAL (the fsync is its own, after) and leaves the connection at FULL for units and lone writes', async () => {
    const seen: number[] = [];
    await Promise.all([book(0, 'Ada'), t.db.write(async () => void seen.push(sqlite.pragma('synchronous', { simple: true }) as number))]);
    expect(seen).toEqual([1]);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps the savepoints’ journals in memory (temp_store = MEMORY), where a booking’s pages spilled to a temporary file', () => {
    // 2 = MEMORY: SQLite's statement journal for a savepoint is then never a file (db/engine/sqlite-engine.ts).
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('rolls back only a refused write (its stay, its outbox row, its event) and rejects only its promise', async () => {
    const a = book(0, 'Ada');
    const refused = t.db.write(async () => {
      await t.core.handlers['stays:create'](aStay({ roomId: rooms[1]!, guestName: 'Refused' }), deskCtx);
      throw new AppError('VALIDATION', 'changed its mind after writing');
    });
    const c = book(2, 'Cleo');

    const [ra, rb, rc] = await Promise.allSettled([a, refused, c]);
    expect(ra).toMatchObject({ status: 'fulfilled', value: { guestName: 'Ada' } });
    expect(rc).toMatchObject({ status: 'fulfilled', value: { guestName: 'Cleo' } });
    expect(rb.status).toBe('rejected');
    const error = (rb as PromiseRejectedResult).reason as AppError;
    expect(isAppError(error) && error.code).toBe('VALIDATION');
    expect(error.message).toBe('changed its mind after writing');

    const stored = reader.prepare('SELECT guest_name FROM stays ORDER BY id').pluck().all();
    expect(stored).toEqual(['Ada', 'Cleo']);
    expect(transactionStatements()).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    expect(execs.filter((s) => s.startsWith('ROLLBACK TO')).length).toBeGreaterThanOrEqual(1);
    const idOf = (r: PromiseSettledResult<{ id: number }>) => (r as PromiseFulfilledResult<{ id: number }>).value.id;
    expect((await outboxRows(t.db)).map((r) => r.aggregate)).toEqual([`stay:${idOf(ra)}`, `stay:${idOf(rc)}`]);
    expect(stayEvents(t.events)).toEqual(['Ada', 'Cleo']);
  });

  it('publishes a batch’s events only after its COMMIT, when other connections already see the change', async () => {
    const seenAtEvent: { guest: string; committed: number; inTransaction: boolean }[] = [];
    t.core.deps.events.subscribe((e) => {
      if (e.type === 'stay.changed') seenAtEvent.push({ guest: e.stay.guestName, committed: committedStays(), inTransaction: sqlite.inTransaction });
    });
    await Promise.all([book(0, 'Ada'), book(1, 'Bob')]);
    expect(seenAtEvent).toEqual([
      { guest: 'Ada', committed: 2, inTransaction: false },
      { guest: 'Bob', committed: 2, inTransaction: false },
    ]);
  });

  it('of two overlapping bookings in one batch books the first and refuses the second with 409', async () => {
    const [first, second] = await Promise.allSettled([book(0, 'Ada'), book(0, 'Bob')]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { guestName: 'Ada' } });
    const error = (second as PromiseRejectedResult).reason as AppError;
    expect(error.code).toBe('ROOM_UNAVAILABLE');
    expect(errorStatus[error.code]).toBe(409);
    expect(committedStays()).toBe(1);
    expect(await countRows(t.db, 'outbox')).toBe(1);
    expect(stayEvents(t.events)).toEqual(['Ada']);
  });

  it('refuses every write of the batch and publishes nothing when the COMMIT fails', async () => {
    // A deferred foreign key is checked at COMMIT, not when the savepoint is released.
    sqlite.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    execs.length = 0;
    const a = book(0, 'Ada');
    const dangling = t.db.write(() => t.db.run('INSERT INTO child (parent_id) VALUES (99)'));
    const c = book(2, 'Cleo');

    const results = await Promise.allSettled([a, dangling, c]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(sqlite.inTransaction).toBe(false);
    expect(transactionStatements()).toEqual(['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK']);
    expect(await countRows(t.db, 'stays')).toBe(0);
    expect(await countRows(t.db, 'outbox')).toBe(0);
    expect(t.events).toEqual([]);
  });

  it('refuses the whole batch, running nothing more outside it, when SQLite drops the transaction mid-batch', async () => {
    // What a disk-full or I/O error does: SQLite rolls back the whole transaction, not one savepoint.
    const a = book(0, 'Ada');
    const lost = t.db.write(async () => sqlite.exec('ROLLBACK'));
    const c = book(2, 'Cleo');

    const results = await Promise.allSettled([a, lost, c]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await countRows(t.db, 'stays')).toBe(0); // Cleo did not run in autocommit after the rollback
    expect(t.events).toEqual([]);
  });
});

describe('the group commit of an engine of its own', () => {
  let engine: Database & { sqlite: Sqlite };
  afterEach(async () => engine.close());

  const open = (maxBatch?: number) => {
    engine = openSqliteEngine({ file: t.database.file!, migrationsFolder: join(defaultMigrationsDir(), 'sqlite'), strictUnits: true, ...(maxBatch ? { maxBatch } : {}) });
    return engine;
  };

  it('puts at most maxBatch writes in one transaction; the rest go in the next batches', async () => {
    const db = open(3);
    const committedBlocks = () => (reader.prepare('SELECT count(*) AS n FROM room_blocks').get() as { n: number }).n;
    // Each write notes how many writes were committed before its batch began.
    const seen = await Promise.all(
      Array.from({ length: 7 }, () =>
        db.write(async () => {
          const before = committedBlocks();
          await db.run("INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, created_by, created_at) VALUES (?, 'a', 'b', 0, 1, 'x', 'x', 0)", rooms[0]);
          return before;
        }),
      ),
    );
    expect(seen).toEqual([0, 0, 0, 3, 3, 3, 6]);
  });

  it('resolves each write with its own value, and writes queued while a batch settles join the next one', async () => {
    const db = open();
    const later: Promise<string>[] = [];
    const first = db.write(async () => 'first').then((v) => {
      later.push(db.write(async () => 'second'));
      return v;
    });
    expect(await first).toBe('first');
    expect(await later[0]).toBe('second');
  });

  it('refuses to run when a transaction is already open, rather than commit inside it', async () => {
    const db = open();
    db.sqlite.exec('BEGIN');
    try {
      await expect(db.write(async () => 1)).rejects.toThrow(/transaction already open/);
    } finally {
      db.sqlite.exec('ROLLBACK');
    }
  });

  it('refuses maxBatch below 1', () => {
    expect(() => createGroupCommit({ lock: new FifoLock(), maxBatch: 0, runBatch: async () => ({ outcomes: [], durable: async () => undefined }) })).toThrow(/maxBatch/);
  });
});
