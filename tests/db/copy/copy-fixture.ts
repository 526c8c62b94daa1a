/**
 * What the db:copy tests copy: the demo hotel on a SQLite test core (seedDemoHotel), with a row in
 * every table (a signed-in admin, a failed sign-in, a cancelled stay, billing failing once), and an empty PostgreSQL
 * database of the run's cluster to copy it into. A host on either answers over HTTP as
 * `npm run serve` would, on the test core's fixed clock.
 */
import { join } from 'node:path';
import { anonymousContext } from '../../../core/context';
import { seedDemoHotel } from '../../../core/demo/demo-hotel';
import { createHost, type Host } from '../../../core/host';
import type { Database } from '../../../db/database';
import { recordTargetFailure } from '../../../db/queries/outbox-target-queries';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../../support/sessions';
import { createTestCore, DEFAULT_NOW, deskCtx } from '../../support/test-core';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** The demo hotel in a SQLite file, closed (ready to be copied). */
export async function demoSource(): Promise<TestDatabase> {
  const database = await createTestDatabase('sqlite');
  const t = await createTestCore({ database });
  try {
    await seedDemoHotel(t.core);
    await t.core.auth.ensureFirstRunAdmin(TEST_ADMIN_PASSWORD);
    await t.core.auth.login({ username: 'admin', password: TEST_ADMIN_PASSWORD }, anonymousContext('http', '127.0.0.1'));
    await t.core.auth.login({ username: 'admin', password: 'not-the-password' }, anonymousContext('http', '10.0.0.9')).catch(() => undefined);
    const booked = await t.db.get<{ id: number }>(`SELECT id FROM stays WHERE status = 'booked' AND checkin_ms > ? ORDER BY id LIMIT 1`, DEFAULT_NOW + 86_400_000);
    await t.core.handlers['stays:cancel']({ id: booked!.id }, deskCtx);
    // Billing unreachable once: a row of the outbox targets' health, as a worker leaves it.
    await recordTargetFailure(t.db, 'billing', DEFAULT_NOW, 'Network error: ECONNREFUSED', () => 1_000);
  } finally {
    await t.close({ keep: true });
  }
  return database;
}

/** A fresh, migrated, empty PostgreSQL database. */
export function emptyPostgres(): Promise<TestDatabase> {
  return createTestDatabase('postgres');
}

export function urlOf(database: TestDatabase): string {
  if (database.config.engine !== 'postgres') throw new Error('not a PostgreSQL database');
  return database.config.url;
}

/** Runs `fn` on the database opened, then closes it. */
export async function withDb<T>(database: TestDatabase, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await database.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export interface SignedInHost {
  host: Host;
  get(path: string): Promise<Response>;
}

/** A host on `database` (its SQLite file or its PostgreSQL URL) at the test core's clock, signed in as the admin. */
export async function hostOn(database: TestDatabase): Promise<SignedInHost> {
  const host = await createHost({
    dataDir: database.dir,
    ...(database.config.engine === 'postgres' ? { databaseUrl: database.config.url } : {}),
    port: 0,
    clock: () => DEFAULT_NOW,
    worker: false,
    appointmentScheduler: false,
    rendererDir: join(database.dir, 'no-renderer'),
  });
  const token = await signInOverHttp(host.url);
  return { host, get: (path) => fetch(`${host.url}${path}`, { headers: { authorization: `Bearer ${token}` } }) };
}
