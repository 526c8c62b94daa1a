/** The outbox as the admin screen sees it: counts, the last error, dead and blocked messages, a retry. */
import type { Db } from '../database';

export type OutboxState = 'pending' | 'sent' | 'dead' | 'superseded';

export interface OutboxRecord {
  id: number;
  target: string;
  topic: string;
  aggregate: string;
  seq: number;
  path: string;
  status: OutboxState;
  attempts: number;
  lastError: string | null;
  createdMs: number;
  nextAttemptMs: number;
  lastAttemptMs: number | null;
  /** The earliest dead message of the same record and target that this pending one waits behind. */
  blockedBy: number | null;
}

/** `blockedBy` is only ever set for a pending message (the due query's rule, seen from the admin's side). */
const OUTBOX_SELECT = `
  SELECT o.id, o.target, o.topic, o.aggregate, o.seq, o.path, o.status, o.attempts, o.last_error AS "lastError", o.created_ms AS "createdMs",
         o.next_attempt_ms AS "nextAttemptMs", o.last_attempt_ms AS "lastAttemptMs",
         CASE WHEN o.status = 'pending' THEN (SELECT min(d.id) FROM outbox d
           WHERE d.aggregate = o.aggregate AND d.status = 'dead' AND d.id < o.id AND d.target = o.target) END AS "blockedBy"
  FROM outbox o`;

export async function countOutboxByStatus(db: Db): Promise<Record<OutboxState, number>> {
  const counts: Record<OutboxState, number> = { pending: 0, sent: 0, dead: 0, superseded: 0 };
  for (const r of await db.all<{ status: OutboxState; n: number }>('SELECT status, count(*) AS n FROM outbox GROUP BY status')) {
    counts[r.status] = r.n;
  }
  return counts;
}

/** The most recent failed attempt still on record. */
export async function latestOutboxError(db: Db): Promise<OutboxRecord | undefined> {
  return await db.get<OutboxRecord>(`${OUTBOX_SELECT} WHERE o.last_error IS NOT NULL ORDER BY coalesce(o.last_attempt_ms, o.created_ms) DESC, o.id DESC LIMIT 1`);
}

export async function listDeadOutbox(db: Db, limit: number): Promise<OutboxRecord[]> {
  return await db.all<OutboxRecord>(`${OUTBOX_SELECT} WHERE o.status = 'dead' ORDER BY o.id DESC LIMIT ?`, limit);
}

/** Pending messages held back by a dead one of their record, oldest first. */
export async function listBlockedOutbox(db: Db, limit: number): Promise<OutboxRecord[]> {
  return await db.all<OutboxRecord>(`SELECT * FROM (${OUTBOX_SELECT} WHERE o.status = 'pending') AS pending WHERE "blockedBy" IS NOT NULL ORDER BY id LIMIT ?`, limit);
}

export async function getOutboxRecord(db: Db, id: number): Promise<OutboxRecord | undefined> {
  return await db.get<OutboxRecord>(`${OUTBOX_SELECT} WHERE o.id = ?`, id);
}

/** The newest message of a record to a target: what superseded an older one. */
export async function newestOutboxOf(db: Db, target: string, aggregate: string): Promise<OutboxRecord | undefined> {
  return await db.get<OutboxRecord>(`${OUTBOX_SELECT} WHERE o.aggregate = ? AND o.target = ? ORDER BY o.id DESC LIMIT 1`, aggregate, target);
}

/** Gives a dead message a fresh start: pending, no attempts, a new retry window, due now. Only a dead one changes. */
export async function reviveDeadOutbox(db: Db, id: number, nowMs: number): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET status = 'pending', attempts = 0, failures = 0, failing_since_ms = NULL, next_attempt_ms = ? WHERE id = ? AND status = 'dead'`, nowMs, id)).changes === 1
  );
}
