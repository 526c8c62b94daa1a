/**
 * Writing to the outbox. **Call inside the same transaction as the change that causes the message**,
 * so a message exists if and only if its change was committed.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/open-database';

export interface OutboxEntry {
  target: 'billing' | 'events';
  topic: string;
  /** Orders messages of one record: `stay:17`. */
  aggregate: string;
  /** Relative to the target's base URL: `/bills/update/17`. */
  path: string;
  payload: unknown;
}

const statements = new WeakMap<Sqlite, Statement<unknown[]>>();

export function enqueueOutbox(db: Sqlite, entry: OutboxEntry, nowMs: number): number {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    );
    statements.set(db, stmt);
  }
  const r = stmt.run(entry.target, entry.topic, entry.aggregate, entry.path, JSON.stringify(entry.payload), randomUUID(), nowMs, nowMs);
  return Number(r.lastInsertRowid);
}
