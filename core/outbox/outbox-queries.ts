/**
 * Writing to the outbox. **Call inside the same transaction as the change that causes the message**
 * (through `commit()`, core/commit.ts), so a message exists if and only if its change was committed,
 * and its `seq` is taken in that same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Sqlite } from '../../db/open-database';
import { prepared } from '../../db/queries/prepared';
import { OUTBOX_TARGETS, type OutboxTarget } from './outbox-targets';

export interface OutboxEntry {
  target: OutboxTarget;
  topic: string;
  /** Orders messages of one record: `stay:17`. */
  aggregate: string;
  /** Relative to the target's base URL: `/bills/update/17`. */
  path: string;
  payload: unknown;
}

/** The record's next number: 1 for its first message, then 2, 3… (never reused after pruning). */
function nextSeq(db: Sqlite, aggregate: string): number {
  return prepared<{ seq: number }>(
    db,
    `INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)
     ON CONFLICT (aggregate) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq`,
  ).get(aggregate)!.seq;
}

/**
 * The record's older undelivered messages to a whole-state target become `superseded`: the new one
 * carries everything they did. One already in flight is left to the worker, which keeps the record's
 * next message back until that attempt ends (and records it `sent` if it got through).
 */
function supersedeOlder(db: Sqlite, target: OutboxTarget, aggregate: string): void {
  prepared(db, `UPDATE outbox SET status = 'superseded' WHERE aggregate = ? AND target = ? AND status IN ('pending', 'dead')`).run(aggregate, target);
}

export function enqueueOutbox(db: Sqlite, e: OutboxEntry, nowMs: number): number {
  const def = OUTBOX_TARGETS[e.target];
  const seq = nextSeq(db, e.aggregate);
  if (def.wholeState) supersedeOlder(db, e.target, e.aggregate);
  const payload = def.sequenceInBody && e.payload !== null && typeof e.payload === 'object' ? { ...e.payload, sequence: seq } : e.payload;
  const r = prepared(
    db,
    `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ).run(e.target, e.topic, e.aggregate, seq, e.path, JSON.stringify(payload), randomUUID(), nowMs, nowMs);
  return Number(r.lastInsertRowid);
}
