/**
 * The outbox's SQL: the writes that enqueue a message (inside the transaction of the change that
 * causes it, through core/commit.ts) and the delivery worker's reads and single-statement writes.
 * The admin's view is outbox-admin-queries.ts. Which targets exist and how they behave is the core's
 * registry (core/outbox/outbox-targets.ts); here a target is a name.
 *
 * **Order per record, on both engines.** `nextOutboxSeq` updates the record's row in
 * `outbox_sequences`, so two transactions enqueueing for one record take turns there: on PostgreSQL
 * the second waits for the first's COMMIT (its row lock) before it numbers its message and inserts
 * it. So a record's messages are committed in `seq` and `id` order, and the worker, reading only
 * committed rows, never sees a later message of a record without the earlier ones.
 */
import type { outbox } from '../schema';
import type { Db } from '../database';

type OutboxColumns = typeof outbox.$inferSelect;

export interface OutboxWrite {
  target: string;
  topic: string;
  aggregate: string;
  seq: number;
  path: string;
  /** The JSON body. */
  payload: string;
  idempotencyKey: string;
}

/** The record's next number: 1 for its first message, then 2, 3… (never reused after pruning). */
export async function nextOutboxSeq(db: Db, aggregate: string): Promise<number> {
  return (await db.get<{ seq: number }>(`INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)
     ON CONFLICT (aggregate) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1 RETURNING last_seq AS seq`, aggregate))!.seq;
}

/** A new record's numbering, starting at 1 (enqueueOutbox's `first`): written, not read back. */
export async function startOutboxSeq(db: Db, aggregate: string): Promise<1> {
  await db.send('INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)', aggregate);
  return 1;
}

/**
 * The record's older undelivered messages to `target` become `superseded` (a whole-state target: the
 * new one carries everything they did). One already in flight is left to the worker, which keeps the
 * record's next message back until that attempt ends (and records it `sent` if it got through).
 */
export async function supersedeOutbox(db: Db, target: string, aggregate: string): Promise<void> {
  await db.send(`UPDATE outbox SET status = 'superseded' WHERE aggregate = ? AND target = ? AND status IN ('pending', 'dead')`, aggregate, target);
}

export async function insertOutboxMessage(db: Db, m: OutboxWrite, nowMs: number): Promise<void> {
  await db.send(`INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES (@target, @topic, @aggregate, @seq, @path, @payload, @idempotencyKey, 'pending', 0, @now, @now)`, { ...m, now: nowMs });
}

// ---- the delivery worker: each read or write one statement, never a transaction across a delivery ----

export type DueMessage = Pick<
  OutboxColumns,
  'id' | 'target' | 'topic' | 'aggregate' | 'seq' | 'path' | 'payload' | 'idempotencyKey' | 'attempts' | 'failures' | 'failingSinceMs' | 'nextAttemptMs'
>;

/**
 * The oldest undelivered message of each record (per target), if it is pending, due and its target
 * is one of `targets` (those with a URL). A later message of the same record waits behind an earlier
 * one that is pending (even backing off) **or dead**, so the receiver sees create → change → cancel in
 * order and never a cancel for a create it did not get; a superseded one no longer holds it back.
 * The NOT EXISTS is answered by `outbox_aggregate_idx (aggregate, status, id)`.
 */
export async function dueHeads(db: Db, args: { now: number; targets: readonly string[]; limit: number }): Promise<DueMessage[]> {
  if (args.targets.length === 0 || args.limit <= 0) return [];
  // One named parameter per target: `IN (@t0, @t1)` reads the same on both engines.
  const targets = Object.fromEntries(args.targets.map((t, i) => [`t${i}`, t]));
  return await db.all<DueMessage>(
    `SELECT o.id, o.target, o.topic, o.aggregate, o.seq, o.path, o.payload, o.idempotency_key AS "idempotencyKey", o.attempts, o.failures,
         o.failing_since_ms AS "failingSinceMs", o.next_attempt_ms AS "nextAttemptMs"
     FROM outbox o
     WHERE o.status = 'pending' AND o.next_attempt_ms <= @now AND o.target IN (${Object.keys(targets).map((k) => `@${k}`).join(', ')})
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status IN ('pending', 'dead') AND p.id < o.id AND p.target = o.target)
     ORDER BY o.next_attempt_ms, o.id
     LIMIT @limit`,
    { now: args.now, limit: args.limit, ...targets },
  );
}

/**
 * Takes a due message for one attempt, so that of several workers on one database (several servers
 * on one PostgreSQL, or two processes on one SQLite file) exactly one sends it: the message stops
 * being due until `leaseUntilMs`, which the worker's outcome (sent, retry, dead) then replaces.
 * False when another worker took it first or it is no longer pending: the caller leaves it. On
 * PostgreSQL a second claimer waits for the first one's row lock, then re-reads the row and finds it
 * no longer due; on SQLite the writes take turns. A worker that dies mid-attempt leaves the lease to
 * run out: the message is sent again after it, with the same Idempotency-Key.
 */
export async function claimDue(db: Db, id: number, now: number, leaseUntilMs: number): Promise<boolean> {
  return (await db.run(`UPDATE outbox SET next_attempt_ms = ? WHERE id = ? AND status = 'pending' AND next_attempt_ms <= ?`, leaseUntilMs, id, now)).changes === 1;
}

/** `claimDue` for several due messages in one statement (one write, one fsync): the ids it took. */
export async function claimDueMany(db: Db, ids: readonly number[], now: number, leaseUntilMs: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const named = Object.fromEntries(ids.map((id, i) => [`i${i}`, id]));
  const rows = await db.all<{ id: number }>(
    `UPDATE outbox SET next_attempt_ms = @lease WHERE id IN (${Object.keys(named).map((k) => `@${k}`).join(', ')}) AND status = 'pending' AND next_attempt_ms <= @now RETURNING id`,
    { lease: leaseUntilMs, now, ...named },
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Gives back a claim whose attempt did not happen (the worker stopped): due again when it was due before. */
export async function releaseClaim(db: Db, id: number, leaseUntilMs: number, dueMs: number): Promise<void> {
  await db.run(`UPDATE outbox SET next_attempt_ms = ? WHERE id = ? AND status = 'pending' AND next_attempt_ms = ?`, dueMs, id, leaseUntilMs);
}

/** Delivered. A message superseded while its attempt was in flight did get through: it is sent too. */
export async function markSent(db: Db, id: number, now: number): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_ms = ?, last_attempt_ms = ?, last_error = NULL, failing_since_ms = NULL
      WHERE id = ? AND status IN ('pending', 'superseded')`, now, now, id)).changes === 1
  );
}

/** `markSent` for several messages in one statement (the worker's group commit): the ids it marked. */
export async function markSentMany(db: Db, ids: readonly number[], now: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const named = Object.fromEntries(ids.map((id, i) => [`i${i}`, id]));
  const rows = await db.all<{ id: number }>(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_ms = @now, last_attempt_ms = @now, last_error = NULL, failing_since_ms = NULL
      WHERE id IN (${Object.keys(named).map((k) => `@${k}`).join(', ')}) AND status IN ('pending', 'superseded') RETURNING id`,
    { now, ...named },
  );
  return new Set(rows.map((r) => Number(r.id)));
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
