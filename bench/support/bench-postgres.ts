/**
 * PostgreSQL for the benchmarks' side-by-side runs (issue 16 item 8): one private cluster per
 * `npm run bench` (PostgreSQL 15+ from Debian's `postgresql` package, started as the `postgres` user
 * with `fsync` and `synchronous_commit` on, as in production), kept in `bench/.cache/postgres` so
 * the dense hotel copied into it (1 000 000 stays, several minutes through `db:copy`) is built once
 * and reused, like the SQLite file it is copied from.
 */
import { basename, join } from 'node:path';
import pg from 'pg';
import { copyHotel } from '../../db/copy/copy-hotel';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgres-cluster';
import { CACHE_DIR, type DatasetInfo } from './hotel-dataset';

let cluster: PostgresCluster | undefined;

/** The benchmarks' cluster, started on first use. */
export async function benchPostgres(): Promise<PostgresCluster> {
  cluster ??= await startPostgresCluster({ persistentRoot: join(CACHE_DIR, 'postgres'), settings: { shared_buffers: '256MB' } });
  return cluster;
}

/** The cluster's `PostgreSQL 15.18`, if a benchmark started it. */
export async function benchPostgresVersion(): Promise<string | undefined> {
  if (!cluster) return undefined;
  const v = await admin((client) => client.query<{ v: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') AS v"));
  return v.rows[0]!.v;
}

/** Stops the cluster (its folder, with the cached hotels, stays). */
export function stopBenchPostgres(): void {
  cluster?.stop();
  cluster = undefined;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const c = await benchPostgres();
  const client = new pg.Client({ connectionString: c.url('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database (dropped first if a run before left it); its URL. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return (await benchPostgres()).url(name);
}

/**
 * The SQLite hotel `data` copied into PostgreSQL by `db:copy` (one database per cached SQLite file,
 * named after it): built on first use, reused while the SQLite file is the same. The copy is one
 * transaction, so a database holding stays is a whole copy.
 */
export async function postgresCopyOf(data: DatasetInfo, log: (line: string) => void): Promise<string> {
  const name = `bench_${basename(data.file, '.db').replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`.slice(0, 60);
  const c = await benchPostgres();
  const url = c.url(name);
  const ready = await admin(async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return found.rowCount === 1;
  });
  if (ready) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    try {
      const r = await probe.query<{ n: string }>('SELECT count(*) AS n FROM stays');
      if (Number(r.rows[0]!.n) > 0) return url;
    } catch {
      // not migrated: copy again below
    } finally {
      await probe.end();
    }
  }
  await freshPostgresDatabase(name);
  log(`  copying ${data.file} into PostgreSQL (${name}; once, then cached) …`);
  const started = performance.now();
  let lastLine = started;
  await copyHotel({
    from: data.file,
    to: url,
    onProgress: (e) => {
      if (e.kind === 'rows' && performance.now() - lastLine > 15_000) {
        lastLine = performance.now();
        log(`    ${e.table} ${e.done.toLocaleString('en')} / ${e.total.toLocaleString('en')}`);
      }
    },
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('VACUUM ANALYZE');
  } finally {
    await db.end();
  }
  log(`  copied in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return url;
}
