/**
 * Global setup of the `postgres` test project: one private cluster for the run
 * (tests/support/postgres-cluster.ts), a template database migrated once, and its URL handed to the
 * test workers (FRONTDESK_TEST_PG_URL) and to the processes they start. Without PostgreSQL's binaries
 * the whole project fails here, saying how to install them: it never passes by skipping.
 */
import pg from 'pg';
import { openDatabase } from '../../db/open-database';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { PG_BASE_URL_ENV, PG_TEMPLATE_DB } from './test-database';

let cluster: PostgresCluster | undefined;

export async function setup(): Promise<void> {
  cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ engine: 'postgres', url: cluster.url(PG_TEMPLATE_DB) });
  await db.close();
  process.env[PG_BASE_URL_ENV] = cluster.baseUrl;
}

export async function teardown(): Promise<void> {
  cluster?.stop();
}
