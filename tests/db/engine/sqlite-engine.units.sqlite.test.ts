/**
 * What keeps a unit of work atomic on SQLite, where better-sqlite3 cannot run an async function as a
 * transaction (db/engine/sqlite-engine.ts): the unit holds the one connection until it ends, so a
 * read outside it waits rather than see its uncommitted rows; and strict mode (the tests') refuses a
 * unit that waited on real I/O while holding it, rolling it back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { join } from 'node:path';
import { HOST_CACHE_KIB, openSqliteEngine } from '../../../db/engine/sqlite-engine';
import { defaultMigrationsDir, openDatabase } from '../../../db/open-database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase;
let db: Database;
afterEach(async () => {
  await db.close();
  await database.drop();
});

async function open(strictUnits: boolean): Promise<Database> {
  database = await createTestDatabase('sqlite');
  db = await openDatabase(database.config, { strictUnits });
  return db;
}

const put = (key: string) => db.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
const count = async () => (await db.get<{ n: number }>('SELECT count(*) AS n FROM settings'))!.n;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('strict units', () => {
  it('refuse a unit that waited on a timer while holding the database, and roll it back', async () => {
    await open(true);
    await expect(
      db.unit(async () => {
        await put('a');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }),
    ).rejects.toThrow('A unit of work waited on real I/O while holding the database');
    expect(await count()).toBe(0);
  });

  it('refuse a read that waited on real I/O as well', async () => {
    await open(true);
    await expect(db.read(async () => tick())).rejects.toThrow(/waited on real I\/O/);
  });

  it('let a unit whose awaits settle in microtasks through', async () => {
    await open(true);
    await db.unit(async () => {
      await put('a');
      await Promise.resolve();
      await db.unit(async () => put('b'));
    });
    expect(await count()).toBe(2);
  });
});

describe('a unit holding the connection (not strict: it may wait, and is only slow)', () => {
  it('makes a read outside it wait until it has committed: the read never sees its rows uncommitted', async () => {
    await open(false);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const unit = db.unit(async () => {
      await put('a');
      await gate;
    });
    await tick();
    let read: number | undefined;
    const reading = count().then((n) => (read = n));
    await tick();
    expect(read).toBeUndefined();
    release();
    await unit;
    await reading;
    expect(read).toBe(1);
  });

  it('makes a second unit wait its turn, so the first one’s check and write are never split', async () => {
    await open(false);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = db.unit(async () => {
      order.push('first checks');
      await gate;
      await put('first');
      order.push('first writes');
    });
    const second = db.unit(async () => {
      order.push(`second checks (${await count()} rows)`);
      await put('second');
    });
    await tick();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first checks', 'first writes', 'second checks (1 rows)']);
  });
});

describe("the host's page cache", () => {
  it('is 4 MiB on the host’s connection and 16 MiB on a bulk one (the import’s)', async () => {
    database = await createTestDatabase('sqlite');
    const migrationsFolder = join(defaultMigrationsDir(), 'sqlite');
    const host = openSqliteEngine({ file: database.file!, migrationsFolder });
    db = host;
    expect(HOST_CACHE_KIB).toBe(4096);
    expect(host.sqlite.pragma('cache_size', { simple: true })).toBe(-4096);
    const bulk = openSqliteEngine({ file: database.file!, migrationsFolder: null, bulk: true });
    try {
      expect(bulk.sqlite.pragma('cache_size', { simple: true })).toBe(-16_384);
    } finally {
      await bulk.close();
    }
  });
});
