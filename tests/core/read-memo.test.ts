/**
 * A read answered again while its data stands (core/read-memo.ts), on the run's engine: on SQLite
 * kept until a write to a table it reads (or any commit of another connection) changes the change
 * token; on PostgreSQL, where other servers write the same database, built every time. Each test
 * states what both engines must do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createReadMemo, freezeKept, isKeptAnswer } from '../../core/read-memo';
import { openTestDatabase, testEngine } from '../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});
afterEach(async () => await close());

/** SQLite keeps answers; PostgreSQL gives no change token, so nothing is kept. */
const keeps = testEngine === 'sqlite';
const put = (key: string) => db.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');

/** A memo over the settings table whose build reads the settings' keys and counts how often it ran. */
function counted() {
  const memo = createReadMemo<{ keys: string[]; build: number }>(db, { tables: ['settings'] });
  let builds = 0;
  const read = (key = 'k') =>
    memo.read(key, async () => ({ keys: (await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key), build: ++builds }));
  return { read, builds: () => builds };
}

describe(`a kept read (${testEngine})`, () => {
  it('answers the same frozen answer while nothing is written (SQLite), or builds it again (PostgreSQL)', async () => {
    const m = counted();
    const first = await m.read();
    const again = await m.read();
    expect(again).toEqual({ ...first, build: keeps ? 1 : 2 });
    expect(again === first).toBe(keeps);
    expect([Object.isFrozen(first), isKeptAnswer(first)]).toEqual([keeps, keeps]);
    if (keeps) expect(() => ((first as { build: number }).build = 9)).toThrow(TypeError);
    expect(await db.changeToken(['settings'])).toEqual(keeps ? expect.any(String) : null);
  });

  it('builds anew after a write, and the new answer shows it', async () => {
    const m = counted();
    await m.read();
    await put('after');
    expect((await m.read()).keys).toContain('after');
    expect(m.builds()).toBe(2);
  });

  it('keeps the answer across writes to tables it does not read (SQLite)', async () => {
    const m = counted();
    await m.read();
    await db.run('INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, ?)', 'stay:1', 1);
    await m.read();
    expect(m.builds()).toBe(keeps ? 1 : 2);
  });

  it('keeps an answer per key, the two latest asked (SQLite)', async () => {
    const m = counted();
    const builds: number[] = [];
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) {
      await m.read(key);
      builds.push(m.builds());
    }
    // c drops b, the least recently asked; a stays.
    expect(builds).toEqual(keeps ? [1, 2, 2, 3, 3, 4] : [1, 2, 3, 4, 5, 6]);
  });

  it('keeps nothing read inside a transaction, whose writes may still roll back', async () => {
    const m = counted();
    await expect(
      db.unit(async () => {
        await put('uncommitted');
        expect((await m.read()).keys).toContain('uncommitted');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await m.read()).keys).not.toContain('uncommitted');
    expect(m.builds()).toBe(2);
  });
});

describe('freezeKept', () => {
  it('freezes every object and every array holding one, all the way down; leaves columns of values as they are', () => {
    const value = freezeKept({ a: [1, { b: ['x'], c: [{ d: 1 }] }], column: [1, 2, 3], e: null, f: 'text' });
    const inner = value.a[1] as { b: string[]; c: { d: number }[] };
    expect([value, value.a, inner, inner.c, inner.c[0]].every((o) => Object.isFrozen(o))).toBe(true);
    expect([Object.isFrozen(value.column), Object.isFrozen(inner.b)]).toEqual([false, false]);
    expect(() => ((value as { column: number[] }).column = [])).toThrow(TypeError);
    expect(value).toEqual({ a: [1, { b: ['x'], c: [{ d: 1 }] }], column: [1, 2, 3], e: null, f: 'text' });
  });
});
