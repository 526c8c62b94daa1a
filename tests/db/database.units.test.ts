/**
 * Units of work on the engine of this run (db/database.ts): a unit is a transaction, a unit inside a
 * unit a SAVEPOINT (a refused inner unit rolls back only itself), `afterCommit` runs only after the
 * outermost COMMIT — when another connection already sees the change — and not at all on a rollback,
 * and a query after its unit ended throws rather than land outside the transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let db: Database;
/** Another connection to the same database (another process, as far as the data goes). */
let other: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  db = await database.open();
  other = await database.open();
});
afterEach(async () => {
  await other.close();
  await db.close();
  await database.drop();
});

const put = (on: Database, key: string) => on.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
const keys = async (on: Database) => (await on.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);

class Refused extends Error {}

describe(`units of work (${testEngine})`, () => {
  it('commit as one: nothing is seen by another connection before the COMMIT, everything after it', async () => {
    let seenInside: string[] = [];
    await db.unit(async () => {
      await put(db, 'a');
      await put(db, 'b');
      expect(db.inUnit()).toBe(true);
      expect(await keys(db)).toEqual(['a', 'b']);
      seenInside = await keys(other);
    });
    expect(db.inUnit()).toBe(false);
    expect(seenInside).toEqual([]);
    expect(await keys(other)).toEqual(['a', 'b']);
  });

  it('roll back as one when the function throws, and the caller gets its error', async () => {
    await expect(
      db.unit(async () => {
        await put(db, 'a');
        throw new Refused('no');
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await keys(db)).toEqual([]);
  });

  it('nest as savepoints: a refused inner unit rolls back only itself, the outer one carries on and commits', async () => {
    const result = await db.unit(async () => {
      await put(db, 'outer-before');
      await db.unit(async () => put(db, 'inner-kept'));
      await expect(
        db.unit(async () => {
          await put(db, 'inner-refused');
          await db.unit(async () => put(db, 'inner-refused-child'));
          throw new Refused('inner');
        }),
      ).rejects.toBeInstanceOf(Refused);
      await put(db, 'outer-after');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await keys(other)).toEqual(['inner-kept', 'outer-after', 'outer-before']);
  });

  it('an inner unit that held is still undone when the outer one fails', async () => {
    await expect(
      db.unit(async () => {
        await db.unit(async () => put(db, 'inner'));
        throw new Refused('outer');
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await keys(other)).toEqual([]);
  });

  it('run afterCommit callbacks only after the outermost COMMIT, in order, when other connections see the change', async () => {
    const log: string[] = [];
    const seenAtCallback: Promise<string[]>[] = [];
    await db.unit(async () => {
      await put(db, 'a');
      db.afterCommit(() => {
        log.push('outer');
        seenAtCallback.push(keys(other));
      });
      await db.unit(async () => {
        await put(db, 'b');
        db.afterCommit(() => log.push('inner, released'));
      });
      await db
        .unit(async () => {
          db.afterCommit(() => log.push('inner, rolled back'));
          throw new Refused('inner');
        })
        .catch(() => undefined);
      log.push('unit body done');
    });
    expect(log).toEqual(['unit body done', 'outer', 'inner, released']);
    expect(await Promise.all(seenAtCallback)).toEqual([['a', 'b']]);
  });

  it('run no afterCommit callback of a unit that rolls back; outside a unit, at once', async () => {
    const log: string[] = [];
    await db
      .unit(async () => {
        db.afterCommit(() => log.push('never'));
        await db.unit(async () => db.afterCommit(() => log.push('never either')));
        throw new Refused('outer');
      })
      .catch(() => undefined);
    expect(log).toEqual([]);
    db.afterCommit(() => log.push('at once'));
    expect(log).toEqual(['at once']);
  });

  it('a callback that throws neither fails the COMMIT nor stops the other callbacks', async () => {
    const log: string[] = [];
    await db.unit(async () => {
      await put(db, 'a');
      db.afterCommit(() => {
        throw new Error('a closed socket');
      });
      db.afterCommit(() => log.push('second'));
    });
    expect(log).toEqual(['second']);
    expect(await keys(other)).toEqual(['a']);
  });

  it('throws when a query runs after its unit ended (a promise left running past db.unit), writing nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let leaked!: Promise<unknown>;
    await db.unit(async () => {
      await put(db, 'inside');
      leaked = gate.then(() => put(db, 'leaked'));
    });
    release();
    await expect(leaked).rejects.toThrow('A query ran after its unit of work had ended');
    expect(await keys(other)).toEqual(['inside']);
  });

  it('keep a read’s queries together, and a write’s value and error as the function gave them', async () => {
    await put(db, 'a');
    expect(await db.read(async () => [await keys(db), await keys(db)])).toEqual([['a'], ['a']]);
    expect(await db.write(async () => {
      await put(db, 'b');
      return 42;
    })).toBe(42);
    await expect(db.write(async () => {
      await put(db, 'c');
      throw new Refused('write');
    })).rejects.toBeInstanceOf(Refused);
    expect(await keys(other)).toEqual(['a', 'b']);
  });
});
