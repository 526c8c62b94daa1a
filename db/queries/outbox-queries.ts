/**
 * The outbox's SQL: the writes that enqueue a message (inside the transaction of the change that
 * causes it, through core/commit.ts), and the retention's. The delivery worker's claims and outcomes
 * are outbox-claim-queries.ts, its targets' health outbox-target-queries.ts, the admin's view
 * outbox-admin-queries.ts. Which targets exist and how they behave is the core's
 * registry (core/outbox/outbox-targets.ts); here a target is a name.
 *
 * **Order per record, on both engines.** `nextOutboxSeq` updates the record's row in
 * `outbox_sequences`, so two transactions enqueueing for one record take turns there: on PostgreSQL
 * the second waits for the first's COMMIT (its row lock) before it numbers its message and inserts
 * it. So a record's messages are committed in `seq` and `id` order, and the worker, reading only
 * committed rows, never sees a later message of a record without the earlier ones.
 */
import type { Db } from '../database';

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
/**
 * A record's first message (it was created in this unit: `seq` 1) with its numbering row, which no
 * record can have yet (its id is new; if one did, the write fails). On PostgreSQL one statement, the
 * numbering in a data-modifying WITH (one statement fewer per booking); on SQLite the two in turn.
 */
export async function insertFirstOutboxMessage(db: Db, m: OutboxWrite & { seq: 1 }, nowMs: number): Promise<void> {
  if (db.dialect === 'postgres') {
    await db.send(`WITH numbered AS (INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (@aggregate, 1))
     ${INSERT_OUTBOX_SQL}`, { ...m, now: nowMs });
    return;
  }
  await db.send('INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)', m.aggregate);
  await insertOutboxMessage(db, m, nowMs);
}

/**
 * The record's older undelivered messages to `target` become `superseded` (a whole-state target: the
 * new one carries everything they did). One already in flight is left to the worker, which keeps the
 * record's next message back until that attempt ends (and records it `sent` if it got through).
 */
export async function supersedeOutbox(db: Db, target: string, aggregate: string): Promise<void> {
  await db.send(`UPDATE outbox SET status = 'superseded' WHERE aggregate = ? AND target = ? AND status IN ('pending', 'dead')`, aggregate, target);
}

const INSERT_OUTBOX_SQL = `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
     VALUES (@target, @topic, @aggregate, @seq, @path, @payload, @idempotencyKey, 'pending', 0, @now, @now)`;

export async function insertOutboxMessage(db: Db, m: OutboxWrite, nowMs: number): Promise<void> {
  await db.send(INSERT_OUTBOX_SQL, { ...m, now: nowMs });
}

/** Deletes delivered and superseded messages older than `cutoffMs`; pending and dead ones are kept. */
export async function pruneSent(db: Db, cutoffMs: number): Promise<number> {
  return (await db.run(`DELETE FROM outbox WHERE (status = 'sent' AND sent_ms < @cutoff) OR (status = 'superseded' AND coalesce(last_attempt_ms, created_ms) < @cutoff)`, { cutoff: cutoffMs })).changes;
}
