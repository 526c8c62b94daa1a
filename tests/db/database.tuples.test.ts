/**
 * `db.tuples` on the engine of this run (db/database.ts): the rows `all` answers, each as an array of
 * its values in the SELECT's column order, with the same values (numbers, text, NULL) on both
 * engines; inside a unit it sees the unit's own writes; and a statement shared with `all` still
 * answers objects to `all` afterwards (SQLite's raw mode is only for the one call).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let db: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  db = await database.open();
});
afterEach(async () => {
  await db.close();
  await database.drop();
});

const SELECT = `SELECT key, value, length(value) AS n, NULL AS missing FROM settings WHERE key LIKE ? ORDER BY key`;

describe(`db.tuples (${testEngine})`, () => {
  it('answers each row as an array in the column order, the values as all() gives them', async () => {
    await db.run('INSERT INTO settings (key, value) VALUES (?, ?), (?, ?)', 't.b', 'Ærø', 't.a', '12345');
    const rows = await db.tuples<[string, string, number, null]>(SELECT, 't.%');
    expect(rows).toEqual([
      ['t.a', '12345', 5, null],
      ['t.b', 'Ærø', 3, null],
    ]);
    const objects = await db.all(SELECT, 't.%');
    expect(rows).toEqual(objects.map((o) => Object.values(o)));
  });

  it('leaves all() on the same SQL answering objects', async () => {
    await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', 't.a', 'x');
    await db.tuples(SELECT, 't.%');
    expect(await db.all(SELECT, 't.%')).toEqual([{ key: 't.a', value: 'x', n: 1, missing: null }]);
    expect(await db.tuples(SELECT, 't.%')).toEqual([['t.a', 'x', 1, null]]);
  });

  it("inside a unit reads the unit's own writes", async () => {
    const seen = await db.unit(async () => {
      await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', 't.u', 'inside');
      return await db.tuples(SELECT, 't.%');
    });
    expect(seen).toEqual([['t.u', 'inside', 6, null]]);
  });

  it('answers no rows with an empty list', async () => {
    expect(await db.tuples(SELECT, 'none.%')).toEqual([]);
  });
});
