/**
 * Writing to the outbox. **Call inside the same transaction as the change that causes the message**
 * (through `commit()`, core/commit.ts), so a message exists if and only if its change was committed,
 * and its `seq` is taken in that same transaction. What the target's registry entry says (a
 * whole-state target supersedes the record's older messages; `sequence` in the body) is applied here;
 * the SQL is db/queries/outbox-queries.ts.
 */
import { randomUUIDv7 } from 'node:crypto';
import type { Db } from '../../db/database';
import { insertFirstOutboxMessage, insertOutboxMessage, nextOutboxSeq, supersedeOutbox } from '../../db/queries/outbox-queries';
import { OUTBOX_TARGETS, type OutboxTarget } from './outbox-targets';

export interface OutboxEntry {
  target: OutboxTarget;
  topic: string;
  /** Orders messages of one record: `stay:17`. */
  aggregate: string;
  /** Relative to the target's base URL: `/bills/update/17`. */
  path: string;
  payload: unknown;
  /**
   * The record was created in this same unit, so this is its first message: `seq` 1, known without
   * asking (its numbering row is written without waiting: one round trip fewer on PostgreSQL). Its
   * id is new (never reused), so no numbering row can exist yet; if one did, the write would fail.
   */
  first?: boolean;
}

export async function enqueueOutbox(db: Db, e: OutboxEntry, nowMs: number): Promise<void> {
  const def = OUTBOX_TARGETS[e.target];
  const seq = e.first ? 1 : await nextOutboxSeq(db, e.aggregate);
  // A record's first message (seq 1: numbers are never reused) has nothing before it to supersede.
  if (def.wholeState && seq > 1) await supersedeOutbox(db, e.target, e.aggregate);
  const payload = def.sequenceInBody && e.payload !== null && typeof e.payload === 'object' ? { ...e.payload, sequence: seq } : e.payload;
  const { first: _first, ...entry } = e;
  // A v7 UUID starts with the time: each key sorts after the last, so the key's unique index grows at
  // its end instead of touching a random page per message (~8 % of a booking's CPU in the host under
  // 50 connections: docs/benchmarks.md, issue 22 §3). It is as unique, and says nothing but when.
  const message = { ...entry, payload: JSON.stringify(payload), idempotencyKey: randomUUIDv7() };
  // The first one writes its record's numbering row with it.
  if (seq === 1 && e.first) await insertFirstOutboxMessage(db, { ...message, seq }, nowMs);
  else await insertOutboxMessage(db, { ...message, seq }, nowMs);
}
