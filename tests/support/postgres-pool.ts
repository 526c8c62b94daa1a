/**
 * A test file's own PostgreSQL database opened with a pool of the size a test asks for, closed and
 * dropped after each test: for the engine tests that watch how the pool's connections are shared.
 */
import type pg from 'pg';
import { afterEach } from 'vitest';
import type { Database } from '../../db/database';
import { openDatabase } from '../../db/open-database';
import { createTestDatabase, type TestDatabase } from './test-database';

export type PooledDatabase = Database & { pool: pg.Pool };

/** Registers the clean-up and returns `open(poolSize)`, one database a test. */
export function postgresWithPool(): (poolSize: number) => Promise<PooledDatabase> {
  let database: TestDatabase | undefined;
  let db: PooledDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    await database?.drop();
    db = undefined;
    database = undefined;
  });
  return async (poolSize) => {
    database = await createTestDatabase('postgres');
    if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
    db = (await openDatabase({ ...database.config, poolSize })) as PooledDatabase;
    return db;
  };
}
