/**
 * Writing to the outbox. **Call inside the same transaction as the change that causes the message**
 * (through `commit()`, core/commit.ts), so a message exists if and only if its change was committed,
 * and its `seq` is taken in that same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
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
async function nextSeq(db: Db, aggregate: string): Promise<number> {
  return (await db.get<{ seq: number }>(`INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)
     ON CONFLICT (aggregate) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1 RETURNING last_seq AS seq`, aggregate))!.seq;
}

/**
 * The record's older undelivered messages to a whole-state target become `superseded`: the new one
 * carries everything they did. One already in flight is left to the worker, which keeps the record's
 * next message back until that attempt ends (and records it `sent` if it got through).
 */
async function supersedeOlder(db: Db, target: OutboxTarget, aggregate: string): Promise<void> {
  await db.run(`UPDATE outbox SET status = 'superseded' WHERE aggregate = ? AND target = ? AND status IN ('pending', 'dead')`, aggregate, target);
}

export async function enqueueOutbox(db: Db, e: OutboxEntry, nowMs: number): Promise<number> {
  const def = OUTBOX_TARGETS[e.target];
  const seq = await nextSeq(db, e.aggregate);
  if (def.wholeState) await supersedeOlder(db, e.target, e.aggregate);
  const payload = def.sequenceInBody && e.payload !== null && typeof e.payload === 'object' ? { ...e.payload, sequence: seq } : e.payload;
  return db.insert(`INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`, e.target, e.topic, e.aggregate, seq, e.path, JSON.stringify(payload), randomUUID(), nowMs, nowMs);
}
