/**
 * Group commit over a real database file: the writes queued in one event-loop turn share one
 * transaction, each in its own savepoint; nobody hears back before the COMMIT; events follow the
 * COMMIT; a refused write takes only itself back; a failed COMMIT refuses them all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../core/write-batcher';
import { openReadConnection, type Sqlite } from '../../db/open-database';
import type { LiveEvent } from '../../shared/contract/events';
import { AppError, errorStatus, isAppError } from '../../shared/errors';
import { aRoom, aStay } from '../support/builders';
import { countRows, outboxRows } from '../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../support/test-core';

let t: TestCore;
let reader: Sqlite;
let rooms: number[];

beforeEach(async () => {
  t = await createTestCore();
  rooms = [1, 2, 3].map(async () => (await t.core.handlers['rooms:create'](aRoom(), adminCtx)).id);
  reader = openReadConnection(t.dbFile);
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

describe('better-sqlite3 nesting, which the batcher stands on', () => {
  it('turns an .immediate() transaction inside a transaction into a savepoint that rolls back alone', () => {
    const insert = t.db.prepare("INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, created_by, created_at) VALUES (?, 'a', 'b', 0, 1, ?, 'x', 0)");
    const inner = t.db.transaction((reason: string) => {
      insert.run(rooms[0], reason);
      if (reason === 'refused') throw new AppError('CONFLICT', 'refused');
    });
    t.db
      .transaction(() => {
        inner.immediate('kept');
        expect(() => inner.immediate('refused')).toThrow(AppError);
        expect(t.db.inTransaction).toBe(true);
        inner.immediate('kept too');
      })
      .immediate();
    const reasons = t.db.prepare('SELECT reason FROM room_blocks ORDER BY id').pluck().all();
    expect(reasons).toEqual(['kept', 'kept too']);
  });
});

describe('createWriteBatcher via core.call', () => {
  it('runs the writes of one turn in one transaction and answers only after its COMMIT', async () => {
    const versionBefore = dataVersion();
    let seenInside: { committed: number; own: number; version: number } | undefined;
    const a = await book(0, 'Ada');
    const b = await book(1, 'Bob');
    const probe = t.core.writes.run(async () => {
      seenInside = { committed: committedStays(), own: await countRows(t.db, 'stays'), version: dataVersion() };
    });
    const seenByAnswers: number[] = [];
    const answered = [a, b, probe].map((p) => p.then(() => seenByAnswers.push(committedStays())));

    expect(await countRows(t.db, 'stays')).toBe(0); // nothing runs before the end of the turn
    await Promise.all(answered);

    // Inside the batch the writer saw Ada and Bob; another connection saw neither: not yet committed.
    expect(seenInside).toEqual({ committed: 0, own: 2, version: versionBefore });
    expect(seenByAnswers).toEqual([2, 2, 2]);
    expect(dataVersion()).not.toBe(versionBefore);
    expect(await outboxRows(t.db)).toHaveLength(2);
  });

  it('rolls back only a refused write (its stay, its outbox row, its event) and rejects only its promise', async () => {
    const a = book(0, 'Ada');
    const refused = t.core.writes.run(async () => {
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
    const idOf = (r: PromiseSettledResult<{ id: number }>) => (r as PromiseFulfilledResult<{ id: number }>).value.id;
    expect((await outboxRows(t.db)).map((r) => r.aggregate)).toEqual([`stay:${idOf(ra)}`, `stay:${idOf(rc)}`]);
    expect(stayEvents(t.events)).toEqual(['Ada', 'Cleo']);
  });

  it('publishes a batch’s events only after its COMMIT, when other connections already see the change', async () => {
    const seenAtEvent: { guest: string; committed: number; inTransaction: boolean }[] = [];
    t.core.deps.events.subscribe((e) => {
      if (e.type === 'stay.changed') seenAtEvent.push({ guest: e.stay.guestName, committed: committedStays(), inTransaction: t.db.inTransaction });
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
    t.db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    const a = book(0, 'Ada');
    const dangling = t.core.writes.run(() => t.db.run('INSERT INTO child (parent_id) VALUES (99)'));
    const c = book(2, 'Cleo');

    const results = await Promise.allSettled([a, dangling, c]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(t.db.inTransaction).toBe(false);
    expect(await countRows(t.db, 'stays')).toBe(0);
    expect(await countRows(t.db, 'outbox')).toBe(0);
    expect(t.events).toEqual([]);
  });

  it('refuses the whole batch, running nothing more outside it, when SQLite drops the transaction mid-batch', async () => {
    // What a disk-full or I/O error does: SQLite rolls back the whole transaction, not one savepoint.
    const a = book(0, 'Ada');
    const lost = t.core.writes.run(() => t.db.exec('ROLLBACK'));
    const c = book(2, 'Cleo');

    const results = await Promise.allSettled([a, lost, c]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await countRows(t.db, 'stays')).toBe(0); // Cleo did not run in autocommit after the rollback
    expect(t.events).toEqual([]);
  });
});

describe('createWriteBatcher on its own', () => {
  it('puts at most maxBatch writes in one transaction; the rest go in the next batches', async () => {
    const batcher = createWriteBatcher({ sqlite: t.db, events: t.core.deps.events, maxBatch: 3 });
    const insert = t.db.prepare("INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, created_by, created_at) VALUES (?, 'a', 'b', 0, 1, 'x', 'x', 0)");
    const committedBlocks = () => (reader.prepare('SELECT count(*) AS n FROM room_blocks').get() as { n: number }).n;
    // Each write notes how many writes were committed before its batch began.
    const seen = await Promise.all(
      Array.from({ length: 7 }, () =>
        batcher.run(() => {
          const before = committedBlocks();
          insert.run(rooms[0]);
          return before;
        }),
      ),
    );
    expect(seen).toEqual([0, 0, 0, 3, 3, 3, 6]);
  });

  it('resolves each write with its own value and writes queued while a batch settles join the next one', async () => {
    const batcher = createWriteBatcher({ sqlite: t.db, events: t.core.deps.events });
    const later: Promise<string>[] = [];
    const first = batcher.run(() => 'first').then((v) => {
      later.push(batcher.run(() => 'second'));
      return v;
    });
    expect(await first).toBe('first');
    expect(await later[0]).toBe('second');
  });

  it('refuses to run when a transaction is already open, rather than commit inside it', async () => {
    const batcher = createWriteBatcher({ sqlite: t.db, events: t.core.deps.events });
    t.db.exec('BEGIN');
    try {
      await expect(batcher.run(() => 1)).rejects.toThrow(/transaction is already open/);
    } finally {
      t.db.exec('ROLLBACK');
    }
  });

  it('refuses maxBatch below 1', () => {
    expect(() => createWriteBatcher({ sqlite: t.db, events: t.core.deps.events, maxBatch: 0 })).toThrow(/maxBatch/);
  });
});
