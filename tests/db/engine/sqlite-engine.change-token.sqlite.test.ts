/**
 * SQLite's change token (`Database.changeToken`, db/engine/sqlite-engine.ts): it must differ after
 * every write that could change what a kept read answered (core/read-memo.ts keeps the board by it),
 * whoever made the write, and must not be given where the data read may still roll back.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { openDatabase } from '../../../db/open-database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase;
let db: Database;
beforeEach(async () => {
  database = await createTestDatabase('sqlite');
  db = await openDatabase(database.config, { strictUnits: true });
});
afterEach(async () => {
  await db.close();
  await database.drop();
});

const put = (key: string) => db.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');

describe('the change token on SQLite', () => {
  it('stays the same while nothing is written, reads included', async () => {
    const first = await db.changeToken();
    expect(first).toEqual(expect.any(String));
    await db.all('SELECT * FROM settings');
    expect(await db.read(() => db.changeToken())).toBe(first);
    expect(await db.changeToken()).toBe(first);
  });

  it('changes after a lone write, a unit and a group-committed write of this connection', async () => {
    const seen = new Set([await db.changeToken()]);
    await put('a');
    seen.add(await db.changeToken());
    await db.unit(() => put('b'));
    seen.add(await db.changeToken());
    await db.write(() => put('c'));
    seen.add(await db.changeToken());
    await db.run("UPDATE settings SET value = '2' WHERE key = 'a'");
    seen.add(await db.changeToken());
    expect(seen.size).toBe(5);
  });

  it("changes after another connection's commit (the import's worker, another process)", async () => {
    const before = await db.changeToken();
    const other = new BetterSqlite3(database.file!);
    try {
      other.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('from-elsewhere', '1');
    } finally {
      other.close();
    }
    expect(await db.changeToken()).not.toBe(before);
  });

  it('changes after a write that rolled back (a rebuild, never a stale answer)', async () => {
    const before = await db.changeToken();
    await expect(
      db.unit(async () => {
        await put('gone');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.get('SELECT 1 FROM settings WHERE key = ?', 'gone')).toBeUndefined();
    expect(await db.changeToken()).not.toBe(before);
  });

  it('is not given inside a transaction, where what is read may still roll back', async () => {
    expect(await db.unit(() => db.changeToken())).toBeNull();
    expect(await db.unit(async () => (await put('x'), db.changeToken()))).toBeNull();
  });

  it('for named tables, changes only with writes to them, or of unknown table, or by another connection', async () => {
    const settings = ['settings'];
    const other = ['outbox_sequences'];
    const [s0, o0] = [await db.changeToken(settings), await db.changeToken(other)];
    await put('a');
    const [s1, o1] = [await db.changeToken(settings), await db.changeToken(other)];
    expect(s1).not.toBe(s0);
    expect(o1).toBe(o0);
    await db.run("UPDATE settings SET value = '2' WHERE key = 'a'");
    await db.run("DELETE FROM settings WHERE key = 'a'");
    expect(await db.changeToken(other)).toBe(o0);
    // A write whose table is not read from its SQL counts for every table.
    await db.run("WITH v(k) AS (SELECT 'w') INSERT INTO settings (key, value) SELECT k, '1' FROM v");
    const o2 = await db.changeToken(other);
    expect(o2).not.toBe(o0);
    const elsewhere = new BetterSqlite3(database.file!);
    try {
      elsewhere.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('from-elsewhere', '1');
    } finally {
      elsewhere.close();
    }
    expect(await db.changeToken(other)).not.toBe(o2);
  });
});
