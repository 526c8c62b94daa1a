/**
 * The worker's reads and writes, each one prepared statement and one short autocommit write. The
 * worker never holds a transaction across a delivery: it reads the due heads, sends, then records
 * each outcome on its own.
 */
import type { Db } from '../../db/database';
import type { OutboxTarget } from './outbox-targets';

export interface DueMessage {
  id: number;
  target: OutboxTarget;
  aggregate: string;
  seq: number;
  path: string;
  payload: string;
  idempotencyKey: string;
  attempts: number;
  failures: number;
  failingSinceMs: number | null;
}

/**
 * The oldest undelivered message of each record (per target), if it is pending, due and its target
 * has a URL. A later message of the same record waits behind an earlier one that is pending (even
 * backing off) **or dead**, so the receiver sees create → change → cancel in order and never a
 * cancel for a create it did not get; a superseded one no longer holds it back. The NOT EXISTS is
 * answered by `outbox_aggregate_idx (aggregate, status, id)`.
 */
const DUE_HEADS = `
  SELECT o.id, o.target, o.aggregate, o.seq, o.path, o.payload, o.idempotency_key AS "idempotencyKey", o.attempts, o.failures,
         o.failing_since_ms AS "failingSinceMs"
  FROM outbox o
  WHERE o.status = 'pending' AND o.next_attempt_ms <= @now AND o.target IN (SELECT value FROM json_each(@targets))
    AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status IN ('pending', 'dead') AND p.id < o.id AND p.target = o.target)
  ORDER BY o.next_attempt_ms, o.id
  LIMIT @limit`;

export async function dueHeads(db: Db, args: { now: number; targets: readonly OutboxTarget[]; limit: number }): Promise<DueMessage[]> {
  if (args.targets.length === 0 || args.limit <= 0) return [];
  return await db.all<DueMessage>(DUE_HEADS, { now: args.now, targets: JSON.stringify(args.targets), limit: args.limit });
}

/** Delivered. A message superseded while its attempt was in flight did get through: it is sent too. */
export async function markSent(db: Db, id: number, now: number): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_ms = ?, last_attempt_ms = ?, last_error = NULL, failing_since_ms = NULL
      WHERE id = ? AND status IN ('pending', 'superseded')`, now, now, id)).changes === 1
  );
}

/** A definite refusal, or the retry window ran out. */
export async function markDead(db: Db, id: number, now: number, error: string, answered: boolean): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, failures = failures + ?, last_attempt_ms = ?, last_error = ?
      WHERE id = ? AND status = 'pending'`, answered ? 1 : 0, now, error, id)).changes === 1
  );
}

/**
 * Schedules another attempt after a transient failure; the retry window starts at the first one.
 * `answered` marks a failure the service answered (5xx, 408, 429).
 */
export async function markRetry(db: Db, id: number, now: number, nextAttemptMs: number, error: string, answered: boolean): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET attempts = attempts + 1, failures = failures + ?, next_attempt_ms = ?, last_attempt_ms = ?, last_error = ?,
        failing_since_ms = coalesce(failing_since_ms, ?)
      WHERE id = ? AND status = 'pending'`, answered ? 1 : 0, nextAttemptMs, now, error, now, id)).changes === 1
  );
}

/** Deletes delivered and superseded messages older than `cutoffMs`; pending and dead ones are kept. */
export async function pruneSent(db: Db, cutoffMs: number): Promise<number> {
  return (await db.run(`DELETE FROM outbox WHERE (status = 'sent' AND sent_ms < @cutoff) OR (status = 'superseded' AND coalesce(last_attempt_ms, created_ms) < @cutoff)`, { cutoff: cutoffMs })).changes;
}
