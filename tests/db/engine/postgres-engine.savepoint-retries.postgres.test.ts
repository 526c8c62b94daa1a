/**
 * PostgreSQL: a unit inside a unit given `retries` (an import's row: core/imports/import-rows.ts) is
 * rolled back to its savepoint and run again when it lost a race (a constraint another transaction
 * won), the transaction around it and what it wrote before kept; without `retries` it is not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase;
let db: Database;
beforeEach(async () => {
  database = await createTestDatabase('postgres');
  db = await database.open();
});
afterEach(async () => {
  await db.close();
  await database.drop();
});

const put = (key: string) => db.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
const keys = async () => (await db.all<{ key: string }>(`SELECT key FROM settings WHERE key LIKE 't.%' ORDER BY key`)).map((r) => r.key);
const lostRace = () => Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' });

describe('a savepoint with retries', () => {
  it('runs again when it lost a race, keeping what the transaction wrote before it', async () => {
    let attempts = 0;
    await db.unit(async () => {
      await put('t.before');
      await db.unit(async () => {
        attempts += 1;
        await put(`t.attempt${attempts}`);
        if (attempts < 3) throw lostRace();
      }, { retries: 8 });
    });
    expect(attempts).toBe(3);
    expect(await keys()).toEqual(['t.attempt3', 't.before']);
  });

  it('is not run again without retries: the error goes to the caller', async () => {
    let attempts = 0;
    await db.unit(async () => {
      await put('t.before');
      await expect(db.unit(async () => {
        attempts += 1;
        throw lostRace();
      })).rejects.toMatchObject({ code: '23P01' });
    });
    expect(attempts).toBe(1);
    expect(await keys()).toEqual(['t.before']);
  });
});
