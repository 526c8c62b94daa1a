/**
 * Candidate C: Kysely, one query-builder source for both dialects (`SqliteDialect` over
 * better-sqlite3, `PostgresDialect` over pg), with `CamelCasePlugin` (camelCase in TypeScript,
 * snake_case in SQL, every result row's keys converted back).
 *
 * - Types: the Kysely `DB` interface is derived from the drizzle schema objects (db/schema.ts), so a
 *   column is declared once. (drizzle-orm/kysely's `Kyselify` keys by SQL column names, which fights
 *   CamelCasePlugin; `KTable` below keys by the drizzle property names.)
 * - Kysely's SQLite driver calls `db.prepare(sql)` for EVERY query (sqlite-driver.js,
 *   `SqliteConnection.executeQuery`). `cachedStatements` wraps the better-sqlite3 object so the
 *   driver gets a cached statement instead: candidate "C+cache".
 * - Units of work: on SQLite group-committed like B (one connection held for the batch through
 *   `db.connection()`, `BEGIN IMMEDIATE`, a SAVEPOINT per unit, one COMMIT), the unit gets the
 *   connection's `Kysely` to query with (no AsyncLocalStorage: Kysely passes the transaction
 *   explicitly). On PostgreSQL one `db.transaction()` per unit.
 */
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { InferInsertModel, InferSelectModel, Table } from 'drizzle-orm';
import { CamelCasePlugin, type ColumnType, Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import type { auditLog, guestRooms, outbox, outboxSequences, roomBlocks, stays, stockBookings, stockResources } from '../../db/schema';

type KTable<T extends Table> = {
  [K in keyof InferSelectModel<T>]: ColumnType<
    InferSelectModel<T>[K],
    K extends keyof InferInsertModel<T> ? InferInsertModel<T>[K] : never,
    InferSelectModel<T>[K]
  >;
};

export interface SpikeDB {
  guestRooms: KTable<typeof guestRooms>;
  stays: KTable<typeof stays>;
  roomBlocks: KTable<typeof roomBlocks>;
  outbox: KTable<typeof outbox>;
  outboxSequences: KTable<typeof outboxSequences>;
  auditLog: KTable<typeof auditLog>;
  stockResources: KTable<typeof stockResources>;
  stockBookings: KTable<typeof stockBookings>;
}

export type KDb = Kysely<SpikeDB>;

/** The better-sqlite3 object with `prepare` answered from a Map by SQL text. */
export function cachedStatements(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let s = cache.get(text);
      if (!s) {
        s = sqlite.prepare(text);
        cache.set(text, s);
      }
      return s;
    },
  } as unknown as SqliteDatabase;
}

export function kyselySqlite(sqlite: Database.Database, cache: boolean): KDb {
  const database = cache ? cachedStatements(sqlite) : (sqlite as unknown as SqliteDatabase);
  return new Kysely<SpikeDB>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
}

export function kyselyPg(pool: pg.Pool): KDb {
  return new Kysely<SpikeDB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

export interface KWriter {
  write<T>(fn: (trx: KDb) => Promise<T>): Promise<T>;
}

interface Queued {
  fn: (trx: KDb) => Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/** Group commit on SQLite, as B does, on top of Kysely's single-connection mutex. */
export function kyselySqliteWriter(db: KDb, maxBatch = 64): KWriter {
  const queue: Queued[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  };
  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length) schedule();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          for (const q of batch) {
            await sql`savepoint unit`.execute(conn);
            try {
              outcomes.push({ ok: true, value: await q.fn(conn) });
              await sql`release unit`.execute(conn);
            } catch (error) {
              await sql`rollback to unit`.execute(conn);
              await sql`release unit`.execute(conn);
              outcomes.push({ ok: false, error });
            }
          }
          await sql`commit`.execute(conn);
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
  }
  return {
    write<T>(fn: (trx: KDb) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        schedule();
      });
    },
  };
}

export function kyselyPgWriter(db: KDb): KWriter {
  return { write: (fn) => db.transaction().execute((trx) => fn(trx)) };
}
