/**
 * Candidate B on PostgreSQL (`pg`): the same handle, the same SQL text.
 *
 * - `?` placeholders become `$1, $2, …` once per SQL text (cached with a statement name), and
 *   `INDEXED BY <index>` (SQLite's guard that an index still serves a query) is dropped for PostgreSQL.
 *   The spike's rewrite is a regex: the real one must skip string literals, quoted names and comments.
 * - Named prepared statements (`{ name, text, values }`): each pooled connection parses a statement
 *   once and binds it afterwards.
 * - int8 (count(*), bigint ids and `*_ms`) and numeric are parsed to JS numbers (`PG_TYPES`).
 * - Each unit of work is its own READ COMMITTED transaction on one pooled client; a query inside the
 *   unit finds that client through AsyncLocalStorage, a query outside runs on any pooled client.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { AsyncDb } from './b-sqlite';

/** Number for int8 and numeric (ids, counts and epoch ms stay far below 2^53). */
export const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

interface Compiled {
  name: string;
  text: string;
}

export function toPgSql(sql: string): string {
  let n = 0;
  return sql.replace(/\s+INDEXED BY\s+\w+/gi, '').replace(/\?/g, () => `$${++n}`);
}

export function pgAsyncDb(pool: pg.Pool): AsyncDb {
  const compiled = new Map<string, Compiled>();
  const compile = (sql: string): Compiled => {
    let c = compiled.get(sql);
    if (!c) {
      c = { name: `b${compiled.size + 1}`, text: toPgSql(sql) };
      compiled.set(sql, c);
    }
    return c;
  };
  const als = new AsyncLocalStorage<pg.PoolClient>();
  const query = (sql: string, values: unknown[]) => {
    const c = compile(sql);
    return (als.getStore() ?? pool).query<Record<string, unknown>>({ name: c.name, text: c.text, values });
  };

  return {
    engine: 'postgres',
    get: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows as T[],
    run: async (sql: string, ...params: unknown[]) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    insert: async (sql: string, ...params: unknown[]) => (await query(`${sql} RETURNING id`, params)).rows[0]!.id as number,
    async write<T>(fn: () => Promise<T>): Promise<T> {
      if (als.getStore()) return fn(); // a unit inside a unit: same transaction
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await als.run(client, fn);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
