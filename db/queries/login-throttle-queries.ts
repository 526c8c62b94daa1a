/** Failed sign-in counts per key (`user:<name>`, `addr:<address>`), for the login back-off. */
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

export interface ThrottleRow {
  key: string;
  failures: number;
  /** Epoch ms; 0 when not locked. */
  lockedUntil: number;
  /** Epoch ms of the last change (the last counted failure). */
  updatedAt: number;
}

export function getThrottle(db: Sqlite, key: string): ThrottleRow | undefined {
  return prepared<ThrottleRow>(
    db,
    'SELECT key, failures, locked_until AS lockedUntil, updated_at AS updatedAt FROM login_throttle WHERE key = ?',
  ).get(key);
}

export function putThrottle(db: Sqlite, row: ThrottleRow): void {
  prepared(
    db,
    `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
  ).run(row.key, row.failures, row.lockedUntil, row.updatedAt);
}

export function deleteThrottle(db: Sqlite, key: string): void {
  prepared(db, 'DELETE FROM login_throttle WHERE key = ?').run(key);
}

/** Forgets keys whose last failure is older than `beforeMs` and which are no longer locked at `nowMs`. */
export function pruneThrottle(db: Sqlite, beforeMs: number, nowMs: number): number {
  return prepared(db, 'DELETE FROM login_throttle WHERE updated_at < ? AND locked_until <= ?').run(beforeMs, nowMs).changes;
}
