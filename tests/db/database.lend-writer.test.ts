/**
 * Lending the database's writer to another connection of the process (db/engine/writer-gate.ts, the
 * import's worker) and the long unit's helpers, on the engine of this run:
 * - SQLite: while lent, this connection's writes (units, group commits, autocommit statements) wait
 *   without holding the event loop and its reads go on; the other connection writes meanwhile; given
 *   back, the waiting writes run. PostgreSQL: nothing to lend, writes go on.
 * - keyed `afterCommit`: one callback per key however many savepoints register one, a rolled-back
 *   savepoint's dropped (a 100 000-row import keeps one pending live event per type).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openDatabase } from '../../db/open-database';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let db: Database;
let bulk: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  db = await database.open();
  bulk = await openDatabase(database.config, { bulk: true });
});
afterEach(async () => {
  await bulk.close();
  await db.close();
  await database.drop();
});

const put = (on: Database, key: string) => on.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
const keys = async (on: Database) => (await on.all<{ key: string }>(`SELECT key FROM settings WHERE key LIKE 't.%' ORDER BY key`)).map((r) => r.key);
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe(`lending the writer (${testEngine})`, () => {
  it('lets the other connection write while this one keeps reading; its own writes wait, then run in order', async () => {
    const giveBack = await db.lendWriter();
    const done: string[] = [];
    const unit = db.unit(async () => put(db, 't.unit')).then(() => done.push('unit'));
    const batched = db.write(async () => put(db, 't.write')).then(() => done.push('write'));
    const lone = put(db, 't.lone').then(() => done.push('lone'));
    await bulk.unit(async () => {
      await put(bulk, 't.bulk');
      // The event loop turns (no busy wait) and this connection still reads, the bulk write unseen
      // (SQLite: and its own writes still waiting; PostgreSQL has many writers, they went on).
      await turns(5);
      expect(await keys(db)).not.toContain('t.bulk');
      if (testEngine === 'sqlite') expect(await keys(db)).toEqual([]);
    });
    await turns(5);
    if (testEngine === 'sqlite') {
      expect(done).toEqual([]);
      expect(await keys(db)).toEqual(['t.bulk']);
    }
    giveBack();
    await Promise.all([unit, batched, lone]);
    expect(await keys(db)).toEqual(['t.bulk', 't.lone', 't.unit', 't.write']);
    if (testEngine === 'sqlite') expect(done.sort()).toEqual(['lone', 'unit', 'write']);
  });

  it('waits for the unit under way before it lends, and a second lender waits for the first to give it back', async () => {
    const order: string[] = [];
    const unit = db.unit(async () => {
      await put(db, 't.first');
      order.push('unit');
    });
    const first = db.lendWriter().then((giveBack) => (order.push('lent'), giveBack));
    const second = db.lendWriter().then((giveBack) => (order.push('lent again'), giveBack));
    await unit;
    const giveBack = await first;
    await turns(5);
    if (testEngine === 'sqlite') expect(order).toEqual(['unit', 'lent']);
    giveBack();
    (await second)();
    // PostgreSQL lends nothing: each "lends" at once, whatever runs.
    if (testEngine === 'sqlite') expect(order).toEqual(['unit', 'lent', 'lent again']);
    else expect(order.sort()).toEqual(['lent', 'lent again', 'unit']);
  });

  it('refuses, never waits in SQLite\'s busy handler, a write inside a read while the writer is lent', async () => {
    const giveBack = await db.lendWriter();
    try {
      const writeInRead = db.read(async () => db.unit(async () => put(db, 't.inread')));
      if (testEngine === 'sqlite') await expect(writeInRead).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      else await writeInRead;
    } finally {
      giveBack();
    }
  });
});

describe(`keyed afterCommit (${testEngine})`, () => {
  it('runs the latest standing callback of each key once, after COMMIT; a rolled-back savepoint\'s is dropped', async () => {
    const ran: string[] = [];
    await db.unit(async () => {
      for (const row of ['1', '2', '3']) {
        await db.unit(async () => {
          db.afterCommit(() => ran.push(`stay ${row}`), 'stay');
          db.afterCommit(() => ran.push(`each ${row}`));
        });
      }
      await db
        .unit(async () => {
          db.afterCommit(() => ran.push('stay 4'), 'stay');
          throw new Error('row 4 refused');
        })
        .catch(() => undefined);
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['each 1', 'each 2', 'each 3', 'stay 3']);
  });
});
