/**
 * Serializes the units of work that check a record's bookings and then write one, on engines that
 * run transactions side by side. Call it first thing in such a unit, before the check:
 *
 *   await db.unit(async () => { await lockRecord(db, 'timeslot', slotId); count seats; insert });
 *
 * On SQLite there is nothing to do: a unit holds the one writer, so no other unit runs between its
 * check and its write. On PostgreSQL it takes a transaction-scoped advisory lock on (kind, id),
 * released at COMMIT or ROLLBACK; a second unit on the same record waits, and its check (a new
 * statement, so a new snapshot) sees the first one's committed row. What a constraint can hold
 * (overlaps that do not depend on the clock) the database holds itself
 * (db/migrations/postgres/0001_postgres_invariants.sql); the lock covers what depends on the clock,
 * such as a pending booking whose hold runs out. Two records are locked in ascending (kind, id)
 * order, so two units never wait on each other.
 */
import type { Db } from '../database';

/**
 * The lock kinds; the numbers are the first key of `pg_advisory_xact_lock` (kept in the migration's
 * comment too). 6 is the sign-in throttle's, by key text (login-throttle-queries.ts).
 */
const LOCK_KIND = { room: 1, car: 2, provider: 3, timeslot: 4, resource: 5 } as const;

export type LockKind = keyof typeof LOCK_KIND;

/**
 * Resolves true when it took locks (PostgreSQL): another unit may have written the records between
 * an earlier read in this unit and the lock, so what was read before must be read again under it.
 * False on SQLite, where nothing can have: a row read earlier in the unit is still the row.
 */
export async function lockRecords(db: Db, ...records: [LockKind, number][]): Promise<boolean> {
  if (db.dialect === 'sqlite') return false;
  const sorted = records
    .map(([kind, id]) => [LOCK_KIND[kind], id] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [kind, id] of sorted) await db.get('SELECT pg_advisory_xact_lock(?, ?)', kind, id);
  return true;
}

export function lockRecord(db: Db, kind: LockKind, id: number): Promise<boolean> {
  return lockRecords(db, [kind, id]);
}
