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
 * Units and what a unit inside a unit is: postgres-units.ts; their pipelined statements:
 * postgres-pipeline.ts; statements outside any unit, and how they share connections under load:
 * postgres-lone.ts.
 *
 * Rows come back as SQLite gives them: int8 and numeric as numbers, booleans as 1/0.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, SqlParams } from '../database';
import { readJournal, readMigrationStatus } from '../migration-status';
import { pgTypes } from './postgres-types';
import { createLoneStatements } from './postgres-lone';
import { sendable } from './postgres-pipeline';
import { assertUsable, createUnits, type Tx } from './postgres-units';
import { pgValues, toPgStatement } from './postgres-sql';
import { currentScope, runCallbacks } from './unit-scope';

export const MIN_POSTGRES_MAJOR = 15;
/** pg_advisory_lock key held while migrating, so servers starting together migrate one at a time. */
export const MIGRATION_LOCK_KEY = 7_346_201;


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

export async function openPostgresEngine(options: PostgresEngineOptions): Promise<Database & { readonly pool: pg.Pool }> {
  const version = await migrateUnderLock(options.url, options.migrationsFolder);
  // Pipeline mode: a unit's statements need not wait for each other's answers (postgres-pipeline.ts).
  const pool = new pg.Pool({ ...clientConfig(options.url), max: options.poolSize ?? 10, pipeline: true });
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

  const statementOf = (sql: string, params: SqlParams): pg.QueryConfig => {
    const statement = toPgStatement(sql);
    return { name: statement.name, text: statement.text, values: pgValues(statement, params) };
  };
  const lone = createLoneStatements(pool);
  const exec = async (query: pg.QueryConfig | pg.QueryArrayConfig) => {
    // Inside a unit the unit decides (retry, roll back); a lone query answers for itself.
    const scope = currentScope<Tx>(owner);
    if (scope) {
      assertUsable(scope.conn);
      return await scope.conn.pipe.ask(query);
    }
    return await lone.query(query);
  };

  const units = createUnits(pool, owner);

  const engine = {
    dialect: 'postgres' as const,
    pool,
    version,
    location: redactUrl(options.url),
    exportSource: { dialect: 'postgres' as const, url: options.url },
    sharedByServers: true,
    get: async <R>(sql: string, ...params: SqlParams) => (await exec(statementOf(sql, params))).rows[0] as R | undefined,
    all: async <R>(sql: string, ...params: SqlParams) => (await exec(statementOf(sql, params))).rows as R[],
    tuples: async <R>(sql: string, ...params: SqlParams) => (await exec({ ...statementOf(sql, params), rowMode: 'array' })).rows as R[],
    run: async (sql: string, ...params: SqlParams) => ({ changes: (await exec(statementOf(sql, params))).rowCount ?? 0 }),
    insert: async (sql: string, ...params: SqlParams) => Number((await exec(statementOf(`${sql} RETURNING id`, params))).rows[0].id),
    async send(sql: string, ...params: SqlParams) {
      const query = statementOf(sql, params);
      const scope = currentScope<Tx>(owner);
      if (scope && sendable(query)) {
        assertUsable(scope.conn);
        scope.conn.pipe.send(query);
      } else await exec(query);
    },
    unit: units.unit,
    read<T>(fn: () => Promise<T>): Promise<T> {
      return fn();
    },
    write<T>(fn: () => Promise<T>): Promise<T> {
      return engine.unit(fn);
    },
    afterCommit(fn: () => void, key?: string) {
      const scope = currentScope<Tx>(owner);
      if (scope) scope.add(fn, key);
      else runCallbacks([fn]);
    },
    inUnit: () => currentScope(owner) !== undefined,
    // Many writers: nothing to lend.
    lendWriter: async () => () => undefined,
    // Other servers write the same database: no token says what they did without a query of its own.
    changeToken: (_tables?: readonly string[]) => Promise.resolve(null),
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
