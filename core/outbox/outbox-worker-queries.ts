/**
 * The worker's reads and writes, each one prepared statement and one short autocommit write. The
 * worker never holds a transaction across a delivery: it reads a batch, sends, then records each
 * outcome on its own.
 */
import type { Sqlite } from '../../db/open-database';
import { prepared } from '../../db/queries/prepared';

export interface DueMessage {
  id: number;
  target: 'billing' | 'events';
  path: string;
  payload: string;
  idempotencyKey: string;
  attempts: number;
  failures: number;
}

/**
 * The oldest pending message of each aggregate, if it is due and its target has a URL. A later
 * message of the same stay waits behind an earlier pending one (even one backing off), so billing
 * sees create → change → cancel in order; a dead message no longer holds its aggregate back.
 * The NOT EXISTS is answered by `outbox_aggregate_idx (aggregate, status, id)`.
 */
const DUE_HEADS = `
  SELECT o.id, o.target, o.path, o.payload, o.idempotency_key AS idempotencyKey, o.attempts, o.failures
  FROM outbox o
  WHERE o.status = 'pending' AND o.next_attempt_ms <= @now AND o.target IN (@billing, @events)
    AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status = 'pending' AND p.id < o.id)
  ORDER BY o.next_attempt_ms, o.id
  LIMIT @limit`;

export function dueHeads(db: Sqlite, args: { now: number; targets: ReadonlySet<string>; limit: number }): DueMessage[] {
  // An unconfigured target is matched by an impossible name, so its messages stay pending.
  return prepared<DueMessage>(db, DUE_HEADS).all({
    now: args.now,
    billing: args.targets.has('billing') ? 'billing' : '',
    events: args.targets.has('events') ? 'events' : '',
    limit: args.limit,
  });
}

export function markSent(db: Sqlite, id: number, now: number): boolean {
  return (
    prepared(db, `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_ms = ?, last_attempt_ms = ?, last_error = NULL
      WHERE id = ? AND status = 'pending'`).run(now, now, id).changes === 1
  );
}

export function markDead(db: Sqlite, id: number, now: number, error: string): boolean {
  return (
    prepared(db, `UPDATE outbox SET status = 'dead', attempts = attempts + 1, failures = failures + 1, last_attempt_ms = ?, last_error = ?
      WHERE id = ? AND status = 'pending'`).run(now, error, id).changes === 1
  );
}

/** Schedules another attempt; `answered` marks a retryable failure the service answered (5xx, 408, 429). */
export function markRetry(db: Sqlite, id: number, now: number, nextAttemptMs: number, error: string, answered: boolean): boolean {
  return (
    prepared(db, `UPDATE outbox SET attempts = attempts + 1, failures = failures + ?, next_attempt_ms = ?, last_attempt_ms = ?, last_error = ?
      WHERE id = ? AND status = 'pending'`).run(answered ? 1 : 0, nextAttemptMs, now, error, id).changes === 1
  );
}

/** Deletes delivered messages sent before `cutoffMs`; pending and dead ones are kept. */
export function pruneSent(db: Sqlite, cutoffMs: number): number {
  return prepared(db, `DELETE FROM outbox WHERE status = 'sent' AND sent_ms < ?`).run(cutoffMs).changes;
}
