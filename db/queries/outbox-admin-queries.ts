/** The outbox as the admin screen sees it: counts, the last error, dead messages, and a retry. */
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

export type OutboxState = 'pending' | 'sent' | 'dead';

export interface OutboxRecord {
  id: number;
  target: string;
  topic: string;
  path: string;
  status: OutboxState;
  attempts: number;
  lastError: string | null;
  createdMs: number;
  nextAttemptMs: number;
  lastAttemptMs: number | null;
}

const OUTBOX_SELECT = `
  SELECT id, target, topic, path, status, attempts, last_error AS lastError, created_ms AS createdMs,
         next_attempt_ms AS nextAttemptMs, last_attempt_ms AS lastAttemptMs
  FROM outbox`;

export function countOutboxByStatus(db: Sqlite): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, sent: 0, dead: 0 };
  for (const r of prepared<{ status: OutboxState; n: number }>(db, 'SELECT status, count(*) AS n FROM outbox GROUP BY status').all()) {
    counts[r.status] = r.n;
  }
  return counts;
}

/** The most recent failed attempt still on record. */
export function latestOutboxError(db: Sqlite): OutboxRecord | undefined {
  return prepared<OutboxRecord>(
    db,
    `${OUTBOX_SELECT} WHERE last_error IS NOT NULL ORDER BY coalesce(last_attempt_ms, created_ms) DESC, id DESC LIMIT 1`,
  ).get();
}

export function listDeadOutbox(db: Sqlite, limit: number): OutboxRecord[] {
  return prepared<OutboxRecord>(db, `${OUTBOX_SELECT} WHERE status = 'dead' ORDER BY id DESC LIMIT ?`).all(limit);
}

export function getOutboxRecord(db: Sqlite, id: number): OutboxRecord | undefined {
  return prepared<OutboxRecord>(db, `${OUTBOX_SELECT} WHERE id = ?`).get(id);
}

/** Gives a dead message a fresh start: pending, no attempts, due now. Only a dead one changes. */
export function reviveDeadOutbox(db: Sqlite, id: number, nowMs: number): boolean {
  return (
    prepared(db, `UPDATE outbox SET status = 'pending', attempts = 0, failures = 0, next_attempt_ms = ? WHERE id = ? AND status = 'dead'`).run(nowMs, id)
      .changes === 1
  );
}
