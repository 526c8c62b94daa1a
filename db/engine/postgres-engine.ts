/**
 * PostgreSQL 15+ under the seam, for `npm run serve -- --database postgres://…` (seeds 001, 002 and
 * 004's production database), possibly several servers on one database.
 *
 * **How a unit of work stays correct here**: each unit is a READ COMMITTED transaction on a pooled
 * connection, and the invariants are held by the database itself, whatever runs concurrently: the
 * exclusion constraints (no two occupying stays/blocks of a room, rentals of a car, or appointments
 * of a provider overlap), row locks where a count is checked (a timeslot's seats), guarded UPDATEs
 * and CHECKs (stock), unique indexes (names, case rules included) and triggers (the append-only
 * audit log). Two overlapping requests both pass their check; one COMMITs, the other hits the
 * constraint (23P01/23505) or a serialization failure or deadlock (40001/40P01), is rolled back and
 * run again from the start, now sees the winner, and refuses with the same message as on SQLite
 * (postgres-errors.ts). Every COMMIT is durable: `synchronous_commit = on` on every connection.
 *
 * Rows come back as SQLite gives them: int8 and numeric as numbers, booleans as 1/0.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, SqlParams, UnitOptions } from '../database';
import { readJournal, readMigrationStatus } from '../migration-status';
import { isConnectionLost, isRetryable, toCallerError } from './postgres-errors';
import { pgTypes } from './postgres-types';
import { pgValues, toPgStatement } from './postgres-sql';
import { currentScope, runCallbacks, runInScope, UnitScope } from './unit-scope';

export const MIN_POSTGRES_MAJOR = 15;
/** pg_advisory_lock key held while migrating, so servers starting together migrate one at a time. */
export const MIGRATION_LOCK_KEY = 7_346_201;
const DEFAULT_RETRIES = 8;


export interface PostgresEngineOptions {
  url: string;
  /** The PostgreSQL migrations (`db/migrations/postgres`); null for a second connection of a host that migrated already. */
  migrationsFolder: string | null;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** The URL without its password, for logs and the about box. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

function clientConfig(url: string): pg.ClientConfig {
  return {
    connectionString: url,
    types: pgTypes,
    application_name: 'frontdesk',
    // Durable acknowledgements whatever the server's default; a leaked transaction is ended.
    options: '-c synchronous_commit=on -c idle_in_transaction_session_timeout=60000',
    connectionTimeoutMillis: 10_000,
  };
}

/** One clear line for what went wrong while connecting (a wrong URL, a refused password, a server that is down). */
export function describeConnectError(error: unknown, url: string): string {
  const code = (error as { code?: string }).code;
  const where = redactUrl(url);
  if (code === '28P01' || code === '28000') return `PostgreSQL refused the user or password in ${where}`;
  if (code === '3D000') return `The database in ${where} does not exist (create it first: createdb)`;
  if (code === 'ECONNREFUSED') return `No PostgreSQL server answers at ${where} (is it running?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host in ${where} cannot be found`;
  return `Could not connect to PostgreSQL at ${where}: ${error instanceof Error ? error.message : String(error)}`;
}

async function migrateUnderLock(url: string, migrationsFolder: string | null): Promise<string> {
  const client = new pg.Client(clientConfig(url));
  try {
    await client.connect();
  } catch (e) {
    throw new Error(describeConnectError(e, url), { cause: e });
  }
  try {
    const version = String((await client.query('SHOW server_version')).rows[0].server_version);
    const major = Number.parseInt(version, 10);
    if (!(major >= MIN_POSTGRES_MAJOR)) throw new Error(`PostgreSQL ${version} is too old: Frontdesk needs ${MIN_POSTGRES_MAJOR} or newer`);
    if (migrationsFolder !== null) {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migrate(drizzle(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    }
    return `PostgreSQL ${version.split(' ')[0]}`;
  } finally {
    await client.end();
  }
}

type Client = pg.PoolClient;

// eslint-disable-next-line max-lines-per-function -- the engine's pool, retries and error map are one closure; its methods are each short
export async function openPostgresEngine(options: PostgresEngineOptions): Promise<Database & { readonly pool: pg.Pool }> {
  const version = await migrateUnderLock(options.url, options.migrationsFolder);
  const pool = new pg.Pool({ ...clientConfig(options.url), max: options.poolSize ?? 10 });
  // An idle client that loses its server is dropped by the pool; without a listener it would crash the host.
  pool.on('error', () => undefined);
  // pg-pool listens for a client's errors only while it is idle. A server that goes away while a unit
  // holds the client (between two of its queries) makes the client emit 'error', which would crash the
  // host unheard: every client listens for its whole life, and the next query (or the COMMIT) fails
  // with the lost connection instead (a 503, the unit rolled back).
  pool.on('connect', (client) => client.on('error', () => undefined));
  const owner = {};
  // A bulk connection (no migrations folder: the import's worker) is never asked for its migrations.
  const journal = options.migrationsFolder === null ? null : readJournal(options.migrationsFolder);

  const exec = async (client: Client | pg.Pool, sql: string, params: SqlParams) => {
    const statement = toPgStatement(sql);
    try {
      return await client.query({ name: statement.name, text: statement.text, values: pgValues(statement, params) });
    } catch (e) {
      // Inside a unit the unit decides (retry, roll back); a lone query answers for itself.
      throw client === pool ? toCallerError(e) : e;
    }
  };
  const on = () => currentScope<Client>(owner)?.conn ?? pool;

  async function savepoint<T>(parent: UnitScope<Client>, fn: () => Promise<T>): Promise<T> {
    const name = parent.nextSavepoint();
    const client = parent.conn;
    const scope = new UnitScope<Client>(owner, client, parent);
    await client.query(`SAVEPOINT ${name}`);
    try {
      const value = await runInScope(scope, fn);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      scope.releaseInto(parent);
      return value;
    } catch (e) {
      scope.end();
      if (!isConnectionLost(e)) await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw e;
    }
  }

  /** A savepoint that lost a race is rolled back and run again, the transaction around it kept. */
  async function savepointWithRetries<T>(parent: UnitScope<Client>, fn: () => Promise<T>, retries: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await savepoint(parent, fn);
      } catch (e) {
        if (!isRetryable(e) || attempt >= retries) throw e;
      }
    }
  }

  async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    let client: Client;
    try {
      client = await pool.connect();
    } catch (e) {
      throw toCallerError(e);
    }
    const scope = new UnitScope<Client>(owner, client, undefined);
    try {
      await client.query('BEGIN');
      const value = await runInScope(scope, fn);
      await client.query('COMMIT');
      scope.end();
      client.release();
      runCallbacks(scope.committed());
      return value;
    } catch (e) {
      scope.end();
      const lost = isConnectionLost(e);
      if (!lost) await client.query('ROLLBACK').catch(() => undefined);
      client.release(lost ? (e as Error) : undefined);
      throw e;
    }
  }

  const engine = {
    dialect: 'postgres' as const,
    pool,
    version,
    location: redactUrl(options.url),
    exportSource: { dialect: 'postgres' as const, url: options.url },
    sharedByServers: true,
    get: async <R>(sql: string, ...params: SqlParams) => (await exec(on(), sql, params)).rows[0] as R | undefined,
    all: async <R>(sql: string, ...params: SqlParams) => (await exec(on(), sql, params)).rows as R[],
    run: async (sql: string, ...params: SqlParams) => ({ changes: (await exec(on(), sql, params)).rowCount ?? 0 }),
    insert: async (sql: string, ...params: SqlParams) => Number((await exec(on(), `${sql} RETURNING id`, params)).rows[0].id),
    async unit<T>(fn: () => Promise<T>, unitOptions?: UnitOptions): Promise<T> {
      const parent = currentScope<Client>(owner);
      if (parent) return await savepointWithRetries(parent, fn, unitOptions?.retries ?? 0);
      const retries = unitOptions?.retries ?? DEFAULT_RETRIES;
      for (let attempt = 0; ; attempt++) {
        try {
          return await transaction(fn);
        } catch (e) {
          if (!isRetryable(e) || attempt >= retries) throw toCallerError(e);
          // Jittered, growing pause: the racers that lost do not collide again at once.
          await new Promise((r) => setTimeout(r, Math.random() * 2 ** Math.min(attempt, 6)));
        }
      }
    },
    read<T>(fn: () => Promise<T>): Promise<T> {
      return fn();
    },
    write<T>(fn: () => Promise<T>): Promise<T> {
      return engine.unit(fn);
    },
    afterCommit(fn: () => void, key?: string) {
      const scope = currentScope<Client>(owner);
      if (scope) scope.add(fn, key);
      else runCallbacks([fn]);
    },
    inUnit: () => currentScope(owner) !== undefined,
    // Many writers: nothing to lend.
    lendWriter: async () => () => undefined,
    migrationStatus: () => (journal ? readMigrationStatus(engine, 'drizzle.__drizzle_migrations', journal) : Promise.reject(new Error('A connection opened without migrations knows no migration status'))),
    async close() {
      await pool.end();
    },
  };
  return engine;
}

export function postgresMigrationsFolder(migrationsRoot: string): string {
  return join(migrationsRoot, 'postgres');
}
