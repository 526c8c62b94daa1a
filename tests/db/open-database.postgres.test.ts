/**
 * What only PostgreSQL does when the database opens: the migrations run under an advisory lock (so
 * several servers starting at once migrate once), a wrong URL, a refused password or a server that is
 * down give one clear line, every connection commits with `synchronous_commit = on` whatever the
 * server's default, text compares as `COLLATE "C"` whatever the database's locale, and values come
 * back as SQLite gives them (1/0, numbers).
 */
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { MIGRATION_LOCK_KEY } from '../../db/engine/postgres-engine';
import { openDatabase } from '../../db/open-database';
import { freePort } from '../support/postgres-cluster';
import { adminQuery, pgBaseUrl } from '../support/test-database';
import { journal } from './migrations/migration-steps';
import { connect, someoneWaitsForALock } from './migrations/postgres-rows';
import { POSTGRES_ONLY_TABLES, SCHEMA_TABLES } from './schema-tables';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let counter = 0;

/** A new, empty database (no migration yet), dropped after the test. */
async function emptyDatabase(options = ''): Promise<{ name: string; url: string }> {
  const name = `o_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0 ${options}`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { name, url: `${pgBaseUrl()}/${name}` };
}

async function open(url: string): Promise<Database> {
  const db = await openDatabase({ engine: 'postgres', url });
  cleanups.push(() => db.close());
  return db;
}

async function client(url: string): Promise<pg.Client> {
  const c = await connect(url);
  cleanups.push(() => c.end());
  return c;
}

const migrationsApplied = async (db: Database) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations'))!.n;

describe('migrations under the advisory lock', () => {
  it('several servers opening an empty database at once migrate it once, and all open', async () => {
    const { url } = await emptyDatabase();
    const dbs = await Promise.all(Array.from({ length: 5 }, () => open(url)));
    for (const db of dbs) expect(await migrationsApplied(db)).toBe(journal('postgres').length);
    const tables = await dbs[0]!.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.name).sort()).toEqual([...SCHEMA_TABLES, ...POSTGRES_ONLY_TABLES].sort());
  });

  it('a server waits while another holds the migration lock, and migrates once it is let go', async () => {
    const { url } = await emptyDatabase();
    const holder = await client(url);
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    let opened = false;
    const opening = open(url).then((db) => {
      opened = true;
      return db;
    });
    await someoneWaitsForALock(holder);
    const waiting = await holder.query(`SELECT objid::bigint AS key FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
    expect(waiting.rows).toEqual([{ key: String(MIGRATION_LOCK_KEY) }]);
    expect(opened).toBe(false);
    expect((await holder.query(`SELECT to_regclass('public.stays') AS t`)).rows).toEqual([{ t: null }]);
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    expect(await migrationsApplied(await opening)).toBe(journal('postgres').length);
  });
});

describe('connecting', () => {
  const refusedWith = async (url: string): Promise<string> => {
    try {
      await open(url);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('the database opened');
  };
  const base = () => new URL(pgBaseUrl());

  it('a refused password gives one line naming the URL without its password', async () => {
    const { name } = await emptyDatabase();
    const url = base();
    url.password = 'not-the-password';
    url.pathname = `/${name}`;
    const message = await refusedWith(url.toString());
    expect(message).toBe(`PostgreSQL refused the user or password in postgres://frontdesk:***@127.0.0.1:${url.port}/${name}`);
  });

  it('a database that does not exist, a server that is down and a host that cannot be found each give one line', async () => {
    const url = base();
    url.pathname = '/no_such_database';
    expect(await refusedWith(url.toString())).toBe(`The database in ${url.toString().replace(url.password, '***')} does not exist (create it first: createdb)`);

    const down = base();
    down.port = String(await freePort());
    down.pathname = '/frontdesk';
    expect(await refusedWith(down.toString())).toBe(`No PostgreSQL server answers at ${down.toString().replace(down.password, '***')} (is it running?)`);

    const nowhere = base();
    nowhere.hostname = 'no-such-host.invalid';
    nowhere.pathname = '/frontdesk';
    const message = await refusedWith(nowhere.toString());
    expect(message).toBe(`The host in ${nowhere.toString().replace(nowhere.password, '***')} cannot be found`);
    expect(message).not.toContain(nowhere.password);
  });
});

describe('every connection', () => {
  it('commits with synchronous_commit = on, even where the database’s default is off', async () => {
    const { name, url } = await emptyDatabase();
    await adminQuery(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    expect((await (await client(url)).query('SHOW synchronous_commit')).rows).toEqual([{ synchronous_commit: 'off' }]);
    const db = await open(url);
    // Five units at once, so five connections of the pool, each asked inside its own transaction.
    let arrived = 0;
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    const seen = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.unit(async () => {
          const row = (await db.get<{ pid: number; sync: string }>('SELECT pg_backend_pid() AS pid, current_setting(?) AS sync', 'synchronous_commit'))!;
          if (++arrived === 5) release();
          await all;
          return row;
        }),
      ),
    );
    expect(new Set(seen.map((s) => s.pid)).size).toBe(5);
    expect(seen.map((s) => s.sync)).toEqual(['on', 'on', 'on', 'on', 'on']);
    expect(await db.get('SELECT current_setting(?) AS sync', 'synchronous_commit')).toEqual({ sync: 'on' });
  });
});

describe('answers as SQLite gives them', () => {
  it('compares, orders and folds text as "C" even in a database whose own collation is Danish', async () => {
    const { url } = await emptyDatabase(`LOCALE_PROVIDER icu ICU_LOCALE 'da-DK'`);
    const db = await open(url);
    // The database's own rules would sort and fold Danish letters…
    expect(await db.get(`SELECT lower('ÆØÅ') AS l, 'Å' > 'Z' AS "aAfterZ"`)).toEqual({ l: 'æøå', aAfterZ: 1 });
    // …the stored text and its parameters do not.
    for (const [i, value] of ['Øster', 'anna', 'Bo', 'æble', 'Åse', 'Zoë'].entries()) await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', `k${i}`, value);
    expect((await db.all<{ value: string }>('SELECT value FROM settings ORDER BY value')).map((r) => r.value)).toEqual(['Bo', 'Zoë', 'anna', 'Åse', 'Øster', 'æble']);
    expect(await db.get('SELECT lower(?) AS l', 'ÆBLE')).toEqual({ l: 'Æble' });
    expect(await db.get('SELECT count(*) AS n FROM settings WHERE value LIKE ?', 'ÆBLE')).toEqual({ n: 0 });
    expect(await db.get('SELECT count(*) AS n FROM settings WHERE value LIKE ?', 'ANNA')).toEqual({ n: 1 });
  });

  it('gives truth values as 1/0 and int8, numeric and counts as numbers; other types as pg parses them', async () => {
    const { url } = await emptyDatabase();
    const db = await open(url);
    expect(
      await db.get(`SELECT true AS t, false AS f, 9007199254740991::int8 AS big, 12.5::numeric AS num, count(*) AS n, sum(x) AS s,
                           NULL::bigint AS nothing, 'text' AS word, 3::int4 AS small
                    FROM (VALUES (1::bigint), (2::bigint)) AS v(x)`),
    ).toEqual({ t: 1, f: 0, big: 9_007_199_254_740_991, num: 12.5, n: 2, s: 3, nothing: null, word: 'text', small: 3 });
  });
});
