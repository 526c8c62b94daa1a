/** Failed sign-in counts per key (`user:<name>`, `addr:<address>`), for the login back-off. */
import type { Db } from '../database';
import type { loginThrottle } from '../schema';
import { columnList, type RowOf } from './row-types';

/** `lockedUntil`: epoch ms, 0 when not locked; `updatedAt`: epoch ms of the last counted failure. */
export type ThrottleRow = RowOf<typeof loginThrottle>;

const COLUMNS = columnList<typeof loginThrottle>(['key', 'failures', 'lockedUntil', 'updatedAt']);

/**
 * PostgreSQL: the sign-ins counting on these keys take turns until COMMIT (a transaction-scoped
 * advisory lock per key, in one order), so parallel attempts count one by one as they do on SQLite's
 * one writer; a key whose row does not exist yet is locked too. Kind 6 beside db/queries/record-locks.ts's.
 */
export async function lockThrottleKeys(db: Db, keys: string[]): Promise<void> {
  if (db.dialect === 'sqlite') return;
  for (const key of [...new Set(keys)].sort()) await db.get('SELECT pg_advisory_xact_lock(6, hashtext(?))', key);
}

export async function getThrottle(db: Db, key: string): Promise<ThrottleRow | undefined> {
  return await db.get<ThrottleRow>(`SELECT ${COLUMNS} FROM login_throttle WHERE key = ?`, key);
}

export async function putThrottle(db: Db, row: ThrottleRow): Promise<void> {
  await db.run(`INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`, row.key, row.failures, row.lockedUntil, row.updatedAt);
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.run('DELETE FROM login_throttle WHERE key = ?', key);
}

/** Forgets keys whose last failure is older than `beforeMs` and which are no longer locked at `nowMs`. */
export async function pruneThrottle(db: Db, beforeMs: number, nowMs: number): Promise<number> {
  return (await db.run('DELETE FROM login_throttle WHERE updated_at < ? AND locked_until <= ?', beforeMs, nowMs)).changes;
}
