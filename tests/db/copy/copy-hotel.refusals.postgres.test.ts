/**
 * What `db:copy` refuses, each with one clear line and nothing written: a target that already holds a
 * hotel (or any row), a database that holds someone else's tables, and a URL that cannot be used
 * (not a postgres:// URL, a wrong password, no server, no such database). The command itself is run
 * as a user runs it (`scripts/db-copy.ts` through tsx) for its line on stderr and its exit code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyHotel, CopyError } from '../../../db/copy/copy-hotel';
import { freePort } from '../../support/postgres-cluster';
import type { TestDatabase } from '../../support/test-database';
import { demoSource, emptyPostgres, urlOf, withDb } from './copy-fixture';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** `npm run db:copy -- ARGS`, as a child process: its exit code and its stderr's lines. */
function dbCopy(...args: string[]): { status: number | null; stdout: string; errorLines: string[] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'db-copy.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, errorLines: r.stderr.split('\n').filter((l) => l.trim() !== '') };
}

/** Every table's row count, to show a refused copy wrote nothing. */
async function counts(database: TestDatabase): Promise<Record<string, number>> {
  return await withDb(database, async (db) => {
    const rows = await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
    const out: Record<string, number> = {};
    for (const { name } of rows) out[name] = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))!.n;
    return out;
  });
}

let source: TestDatabase;
const targets: TestDatabase[] = [];
async function target(): Promise<TestDatabase> {
  const t = await emptyPostgres();
  targets.push(t);
  return t;
}

beforeAll(async () => {
  source = await demoSource();
});
afterAll(async () => {
  await source?.drop();
  for (const t of targets) await t.drop();
});

describe('db:copy refuses a target that is not empty', () => {
  it('refuses to copy a hotel over a copied one, naming the tables with rows, and leaves it as it was', async () => {
    const t = await target();
    await copyHotel({ from: source.file!, to: urlOf(t) });
    const before = await counts(t);
    const second = copyHotel({ from: source.file!, to: urlOf(t) });
    await expect(second).rejects.toBeInstanceOf(CopyError);
    await expect(second).rejects.toThrow(/^The target postgres:\/\/frontdesk:\*+@127\.0\.0\.1:\d+\/\w+ is not empty \(rows in \w+, \w+, \w+ and \d+ more tables\): db:copy copies only into an empty database$/);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a target with a single row in a single table, and says so on one line with exit code 1', async () => {
    const t = await target();
    await withDb(t, (db) => db.run(`INSERT INTO settings (key, value) VALUES ('time_zone', '"Europe/Copenhagen"')`));
    const run = dbCopy('--from', source.file!, '--to', urlOf(t));
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual([expect.stringMatching(/^db:copy: The target .* is not empty \(rows in settings\): db:copy copies only into an empty database$/)]);
    expect(run.errorLines[0]).not.toContain(new URL(urlOf(t)).password);
    expect(await counts(t)).toMatchObject({ settings: 1, stays: 0, audit_log: 0 });
  });

  it("refuses a database holding tables that are not Frontdesk's, without migrating into it", async () => {
    const t = await target();
    await withDb(t, async (db) => {
      await db.run('DROP SCHEMA drizzle CASCADE');
      await db.run('DROP SCHEMA public CASCADE');
      await db.run('CREATE SCHEMA public');
      await db.run('CREATE TABLE public.invoices (id integer)');
    });
    await expect(copyHotel({ from: source.file!, to: urlOf(t) })).rejects.toThrow(/is not empty: it holds tables that are not Frontdesk's$/);
    // Read with a bare client: opening the Database would migrate it.
    const client = new pg.Client({ connectionString: urlOf(t) });
    await client.connect();
    try {
      const r = await client.query<{ name: string }>(`SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
      expect(r.rows.map((row) => row.name)).toEqual(['public.invoices']);
    } finally {
      await client.end();
    }
  });
});

describe('db:copy with a URL it cannot use: one line on stderr, a non-zero exit, no stack trace', () => {
  it('not a postgres:// URL, or no --to: the usage, exit code 2', () => {
    const run = dbCopy('--from', source.file!, '--to', 'mysql://root@localhost/hotel');
    expect(run.status).toBe(2);
    expect(run.errorLines[0]).toBe('db:copy: give --from <SQLite file> and --to <postgres:// URL>');
    expect(dbCopy('--from', source.file!).status).toBe(2);
  });

  it('a wrong password, a port nobody listens on, a database that does not exist: exit code 1 and the reason, the password hidden', async () => {
    const t = await target();
    const url = new URL(urlOf(t));
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    const down = new URL(url);
    down.port = String(await freePort());
    const missing = new URL(url);
    missing.pathname = '/no_such_hotel';
    const cases: [URL, RegExp][] = [
      [wrong, /^db:copy: PostgreSQL refused the user or password in postgres:\/\/frontdesk:\*+@127\.0\.0\.1:\d+\/\w+$/],
      [down, /^db:copy: No PostgreSQL server answers at postgres:\/\/frontdesk:\*+@127\.0\.0\.1:\d+\/\w+ \(is it running\?\)$/],
      [missing, /^db:copy: The database in postgres:\/\/frontdesk:\*+@127\.0\.0\.1:\d+\/no_such_hotel does not exist \(create it first: createdb\)$/],
    ];
    for (const [bad, line] of cases) {
      const run = dbCopy('--from', source.file!, '--to', bad.href);
      expect(run.status, bad.href).toBe(1);
      expect(run.errorLines, bad.href).toEqual([expect.stringMatching(line)]);
      expect(run.errorLines[0]).not.toContain('not-the-password');
    }
    expect(await counts(t)).toMatchObject({ stays: 0, audit_log: 0 });
  });
});
