/**
 * `npm run serve` on PostgreSQL (issue 16): the database named by `--database`, else
 * FRONTDESK_DATABASE_URL, else DATABASE_URL (seed 001's name); a bad URL, a server that is not there
 * or a refused password is one clear line and a non-zero exit, never a stack trace; the password is
 * printed and logged nowhere. On this run's private cluster (tests/support/postgres-global-setup.ts),
 * from the TypeScript source as tests/core/serve.test.ts runs it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres-cluster';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const REPO = resolve(__dirname, '../..');
const stops: (() => void)[] = [];
let dir: string;
let database: TestDatabase;
let url: string;
let password: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-serve-db-'));
  database = await createTestDatabase('postgres');
  if (database.config.engine !== 'postgres') throw new Error('expected a PostgreSQL test database');
  url = database.config.url;
  password = decodeURIComponent(new URL(url).password);
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

interface Run {
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function serve(args: string[], env: Record<string, string> = {}): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('FRONTDESK_') && k !== 'DATABASE_URL' && !k.endsWith('_SERVICE_URL')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/serve.ts', '--data', dir, '--port', '0', ...args], {
    cwd: REPO,
    env: { ...clean, ...env },
    stdio: 'pipe',
  });
  stops.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { pid: child.pid!, output: () => out, exited, kill: (signal) => child.kill(signal) };
}

/** A URL of the same cluster with a port where nothing listens. */
async function unreachableUrl(): Promise<string> {
  const u = new URL(url);
  u.port = String(await freePort());
  return u.toString();
}

function withPassword(text: string, pw: string): string {
  const u = new URL(text);
  u.password = pw;
  return u.toString();
}

/** Starts, says it runs on this test's database (password hidden), answers /health from PostgreSQL; then stops with 0. */
async function expectServesThisDatabase(run: Run): Promise<void> {
  await expect.poll(() => run.output(), { timeout: 30_000, interval: 50 }).toMatch(/Frontdesk listening on http:\/\/127\.0\.0\.1:\d+/);
  const base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())![1]!;
  const dbName = new URL(url).pathname;
  expect(run.output()).toContain(`(database: postgres://frontdesk:***@127.0.0.1:${new URL(url).port}${dbName})`);
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { database: string }).database).toMatch(/^PostgreSQL 1\d/);
  // On Linux with glibc it started itself again with serve's allocator settings: 1 MiB, so neither a socket read nor a board's answer is a mapping of its own (core/malloc-env.ts).
  const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;
  if (process.platform === 'linux' && glibc) expect(readFileSync(`/proc/${run.pid}/environ`, 'latin1').split('\0')).toContain('MALLOC_MMAP_THRESHOLD_=1048576');
  // The first admin was made in this very database, not in a SQLite file in the data folder.
  expect(await database.open().then(async (db) => {
    try {
      return await db.get<{ n: number }>('SELECT count(*) AS n FROM users');
    } finally {
      await db.close();
    }
  })).toEqual({ n: 1 });
  expect(readdirSync(dir)).not.toContain('frontdesk.db');
  run.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expectNoPassword(run);
}

function expectNoPassword(run: Run): void {
  expect(run.output()).not.toContain(password);
  expect(run.output()).not.toContain(encodeURIComponent(password));
  const logs = join(dir, 'logs');
  for (const file of readdirSync(logs, { withFileTypes: true }).filter((f) => f.isFile())) {
    expect(readFileSync(join(logs, file.name), 'utf8')).not.toContain(password);
  }
}

/** One line saying what went wrong, no stack trace, a non-zero exit, the password nowhere. */
async function expectOneLineRefusal(run: Run, says: RegExp, secret: string): Promise<void> {
  const code = await run.exited;
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  const out = run.output();
  expect(out).toMatch(says);
  expect(out.trimEnd().split('\n')).toHaveLength(1);
  expect(out).not.toContain(secret);
  expect(out).not.toContain(encodeURIComponent(secret));
}

describe('npm run serve on PostgreSQL: naming the database', () => {
  it('--database URL: runs on that database, prints it without the password, logs no password', async () => {
    await expectServesThisDatabase(serve(['--database', url]));
  });

  it('FRONTDESK_DATABASE_URL and DATABASE_URL name it too', async () => {
    await expectServesThisDatabase(serve([], { FRONTDESK_DATABASE_URL: url }));
    await expectServesThisDatabase(serve([], { DATABASE_URL: url }));
  });

  it('the flag wins over FRONTDESK_DATABASE_URL, which wins over DATABASE_URL', async () => {
    const nowhere = await unreachableUrl();
    await expectServesThisDatabase(serve(['--database', url], { FRONTDESK_DATABASE_URL: nowhere, DATABASE_URL: nowhere }));
    await expectServesThisDatabase(serve([], { FRONTDESK_DATABASE_URL: url, DATABASE_URL: nowhere }));
  });
});

describe('npm run serve on PostgreSQL: one clear line and a non-zero exit', () => {
  it.each([
    ['--database', 'mysql://user:hunter2-secret@db:3306/frontdesk', /^--database must be a PostgreSQL URL such as postgres:\/\//],
    ['--database', 'not a url hunter2-secret', /^--database must be a PostgreSQL URL/],
    ['DATABASE_URL', 'postgres://user:hunter2-secret@', /^DATABASE_URL must be a PostgreSQL URL/],
  ])('a URL that is no PostgreSQL URL (%s %s): usage, exit 2', async (from, bad, says) => {
    const run = from === '--database' ? serve(['--database', bad]) : serve([], { [from]: bad });
    await expectOneLineRefusal(run, says, 'hunter2-secret');
    expect(await run.exited).toBe(2);
  });

  it('no server at that address: says so in one line, exit 1', async () => {
    const run = serve(['--database', await unreachableUrl()]);
    await expectOneLineRefusal(run, /^Frontdesk could not start: No PostgreSQL server answers at postgres:\/\/frontdesk:\*\*\*@127\.0\.0\.1:\d+\/\S+ \(is it running\?\)\n?$/, password);
    expect(await run.exited).toBe(1);
  });

  it('a refused password: says so in one line without the wrong password nor the right one, exit 1', async () => {
    const wrong = 'wrong-pw-7f3a9';
    const run = serve([], { FRONTDESK_DATABASE_URL: withPassword(url, wrong) });
    await expectOneLineRefusal(run, /^Frontdesk could not start: PostgreSQL refused the user or password in postgres:\/\/frontdesk:\*\*\*@127\.0\.0\.1:\d+\/\S+\n?$/, wrong);
    expect(run.output()).not.toContain(password);
    expect(await run.exited).toBe(1);
  });

  it('a database that does not exist: says so in one line, exit 1', async () => {
    const u = new URL(url);
    u.pathname = '/no_such_frontdesk_db';
    const run = serve(['--database', u.toString()]);
    await expectOneLineRefusal(run, /^Frontdesk could not start: The database in postgres:\/\/frontdesk:\*\*\*@127\.0\.0\.1:\d+\/no_such_frontdesk_db does not exist/, password);
  });
});
