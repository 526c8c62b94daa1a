/**
 * The PostgreSQL database `db:copy` writes: migrated first by the engine's own migrations
 * (`openDatabase`, under its advisory lock), then written on one connection of the copy's own in
 * **one transaction for every table**. What a failure leaves behind decides it: a copy that stops
 * half-way (a refused row, a lost connection, a verification that found a difference) rolls back to
 * the empty, migrated database, so it can simply be run again; tables committed one by one would
 * leave a half-copied hotel the next run must refuse as not empty (and the append-only tables cannot
 * even be emptied). Memory does not argue against it: the rows go in batches and PostgreSQL keeps a
 * transaction's rows on disk, not in memory.
 *
 * Every table is locked (`EXCLUSIVE`: readers may read, nobody else writes) before the target is
 * checked for emptiness, so the check holds until the COMMIT. The database's own invariants stay on:
 * the exclusion constraints, the unique indexes, the checks and the triggers check every copied row
 * as they check every booking (the append-only triggers refuse UPDATE, DELETE and TRUNCATE only, not
 * the copy's INSERTs). Only the guards' per-record advisory locks are skipped (`frontdesk.copying`):
 * with every table locked they guard against nobody, and one per timeslot of two years of a spa's
 * bookings (about 20 000) overflows a default server's lock table ("out of shared memory").
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import { describeConnectError, redactUrl } from '../engine/postgres-engine';
import { openDatabase } from '../open-database';
import { CopyError } from './copy-error';
import type { CopyTable } from './copy-plan';
import type { CopyValue } from './row-checksum';

const OID = { int2: 21, int4: 23, int8: 20 } as const;
/** Integers come back as BigInt (the copy compares exact values); everything else as `pg` parses it. */
const exactTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int2 || oid === OID.int4 || oid === OID.int8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresTarget {
  /** The URL without its password. */
  location: string;
  version: string;
  /** BEGIN, lock every table, refuse a target that is not empty or not shaped as the plan says. */
  begin(tables: CopyTable[]): Promise<void>;
  /** Inserts rows (arrays in the plan's column order) in one statement. */
  insert(table: CopyTable, rows: CopyValue[][]): Promise<void>;
  /** Reads the table back in key order, `batch` rows at a time, inside the copy's transaction. */
  read(table: CopyTable, batch: number): AsyncGenerator<CopyValue[][]>;
  /** Sets the identity sequence so the next insert gets `last + 1` (1 when `last` is 0). */
  setSequence(table: CopyTable, last: bigint): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: exactTypes, application_name: 'frontdesk-db-copy', options: '-c synchronous_commit=on' });
  try {
    await client.connect();
  } catch (e) {
    throw new CopyError(describeConnectError(e, url), { cause: e });
  }
  return client;
}

/** A database holding tables but never migrated by Frontdesk is someone else's: never migrated into. */
async function refuseForeignDatabase(client: pg.Client, url: string): Promise<void> {
  const r = await client.query<{ tables: bigint; ours: boolean }>(
    `SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE') AS tables,
            to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ours`,
  );
  const row = r.rows[0]!;
  if (row.tables > 0n && !row.ours) throw new CopyError(`The target ${redactUrl(url)} is not empty: it holds tables that are not Frontdesk's`);
}

async function migrate(url: string): Promise<string> {
  try {
    const db = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
    await db.close();
    return db.version;
  } catch (e) {
    throw new CopyError(`Could not migrate the target: ${(e as Error).message}`, { cause: e });
  }
}

/** Refuses a target whose tables do not have the plan's columns (another release's schema). */
async function checkColumns(client: pg.Client, tables: CopyTable[]): Promise<void> {
  const r = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  for (const t of tables) {
    const found = r.rows.filter((c) => c.table_name === t.name).map((c) => c.column_name);
    const wanted = t.columns.map((c) => c.name);
    if (found.join() !== wanted.join()) {
      throw new CopyError(`The target's table ${t.name} has the columns (${found.join(', ')}), this Frontdesk's schema (${wanted.join(', ')})`);
    }
  }
}

async function refuseRows(client: pg.Client, tables: CopyTable[], location: string): Promise<void> {
  const exists = tables.map((t) => `SELECT ${pg.escapeLiteral(t.name)} AS name WHERE EXISTS (SELECT 1 FROM ${quote(t.name)})`).join(' UNION ALL ');
  const r = await client.query<{ name: string }>(exists);
  if (r.rows.length > 0) {
    const more = r.rows.length > 3 ? ` and ${r.rows.length - 3} more tables` : '';
    const names = `${r.rows.slice(0, 3).map((row) => row.name).join(', ')}${more}`;
    throw new CopyError(`The target ${location} is not empty (rows in ${names}): db:copy copies only into an empty database`);
  }
}

export async function openPostgresTarget(url: string): Promise<PostgresTarget> {
  const location = redactUrl(url);
  const client = await connect(url);
  try {
    await refuseForeignDatabase(client, url);
    const version = await migrate(url);
    let open = false;
    return {
      location,
      version,
      async begin(tables) {
        await client.query('BEGIN');
        open = true;
        await client.query(`LOCK TABLE ${tables.map((t) => quote(t.name)).join(', ')} IN EXCLUSIVE MODE`);
        // Nobody else writes now: the guards' per-record locks would only fill the lock table
        // (db/migrations/postgres/0001_postgres_invariants.sql); their checks still run on every row.
        await client.query(`SET LOCAL frontdesk.copying = 'on'`);
        await checkColumns(client, tables);
        await refuseRows(client, tables, location);
      },
      async insert(table, rows) {
        const columns = table.columns.map((c) => quote(c.name)).join(', ');
        const arrays = table.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
        const values = table.columns.map((_, i) => rows.map((row) => row[i]));
        await client.query({ name: `fd_copy_${table.name}`, text: `INSERT INTO ${quote(table.name)} (${columns}) SELECT * FROM unnest(${arrays})`, values });
      },
      async *read(table, batch) {
        const columns = table.columns.map((c) => quote(c.name)).join(', ');
        const cursor = client.query(new Cursor<CopyValue[]>(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${quote(table.key)}`, [], { rowMode: 'array', types: exactTypes }));
        try {
          for (;;) {
            const rows = await cursor.read(batch);
            if (rows.length === 0) return;
            yield rows;
          }
        } finally {
          await cursor.close();
        }
      },
      async setSequence(table, last) {
        await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)', [quote(table.name), table.key, last > 0n ? last : 1n, last > 0n]);
      },
      async commit() {
        await client.query('COMMIT');
        open = false;
      },
      async rollback() {
        if (open) await client.query('ROLLBACK').catch(() => undefined);
        open = false;
      },
      async close() {
        if (open) await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      },
    };
  } catch (e) {
    await client.end();
    throw e;
  }
}
