/**
 * A fresh database for one test, on the engine the test run is for: `npm test` runs every test that
 * touches storage twice, once per engine (vitest.config.ts: projects `fast` and `postgres`).
 *
 * - SQLite: a temp-file database with the real migrations, removed by `drop()`.
 * - PostgreSQL: a new database in the run's private cluster (tests/support/postgres-global-setup.ts
 *   starts it and migrates a template once), made with `CREATE DATABASE … TEMPLATE`, so every test
 *   starts empty, on the real migrations, in a few milliseconds; dropped by `drop()`.
 *
 * `reopen` opens the same database again (a restart of the host): the file, or the same PostgreSQL
 * database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, Dialect } from '../../db/database';
import { DB_FILE_NAME, openDatabase, type DatabaseConfig } from '../../db/open-database';

/** The engine this test run is for (vitest's `postgres` project sets FRONTDESK_TEST_ENGINE). */
export const testEngine: Dialect = process.env.FRONTDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The run's cluster (set by the global setup of the `postgres` project). */
export const PG_BASE_URL_ENV = 'FRONTDESK_TEST_PG_URL';
export const PG_TEMPLATE_DB = 'frontdesk_template';

export interface TestDatabase {
  config: DatabaseConfig;
  /** The SQLite file (on SQLite only: tests of the file itself). */
  file?: string;
  /** A temp folder of this database's own (logs, exports, a host's data folder). */
  dir: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

let counter = 0;

export function pgBaseUrl(): string {
  const url = process.env[PG_BASE_URL_ENV];
  if (!url) throw new Error(`${PG_BASE_URL_ENV} is not set: the postgres test project starts its cluster in its global setup`);
  return url;
}

/** Runs one statement on the cluster's `postgres` database (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${pgBaseUrl()}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty, migrated database (not opened yet), on this run's engine unless `engine` says. */
export async function createTestDatabase(engine: Dialect = testEngine): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  if (engine === 'sqlite') {
    const file = join(dir, DB_FILE_NAME);
    const config: DatabaseConfig = { engine: 'sqlite', file };
    return {
      config,
      file,
      dir,
      open: () => openDatabase(config),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  const config: DatabaseConfig = { engine: 'postgres', url: `${pgBaseUrl()}/${name}` };
  return {
    config,
    dir,
    open: () => openDatabase(config),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh database, opened. `close()` closes and drops it. */
export async function openTestDatabase(engine: Dialect = testEngine): Promise<{ db: Database; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase(engine);
  const db = await database.open();
  return {
    db,
    database,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}
