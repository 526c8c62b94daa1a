/**
 * The delivery worker's SQL (core/outbox/outbox-worker.ts), written once for SQLite and PostgreSQL:
 * which messages are due, the **claims** that keep each one to one worker, and the outcomes. Never a
 * transaction across a delivery, and each write one statement (two workers may even share a thread:
 * two connections in one process, as the tests run two servers).
 *
 * **Claims (leases).** Several servers on one PostgreSQL (or two processes on one SQLite file) each
 * run a worker. Before it sends, a worker claims the messages it will send: `claimed_until_ms` moves
 * to a lease past the longest time its sends may take, so no other worker takes them (nor any later
 * message of their record) while the claim holds. The outcome ends the claim; a worker that stops
 * gives its claims back; one that dies leaves them to run out, and the messages go again after the
 * lease with the same idempotency key. A second claimer of a row waits for the first one's row lock
 * (PostgreSQL) or its turn (SQLite), then finds the row taken: every claim is a guarded UPDATE.
 *
 * **Chains.** A worker claims a record's due head together with the record's next pending messages
 * (its chain, at most `max`), so it can send each one as soon as the one before is through, without
 * a write in between (`claimMessages`). It keeps successors only behind a head it took.
 */
import type { outbox } from '../schema';
import type { Db } from '../database';
import { placeholders } from './sql-list';

type OutboxColumns = typeof outbox.$inferSelect;

export type DueMessage = Pick<
  OutboxColumns,
  'id' | 'target' | 'topic' | 'aggregate' | 'seq' | 'path' | 'payload' | 'idempotencyKey' | 'attempts' | 'failures' | 'failingSinceMs' | 'nextAttemptMs'
>;

const COLUMNS = `o.id, o.target, o.topic, o.aggregate, o.seq, o.path, o.payload, o.idempotency_key AS "idempotencyKey", o.attempts, o.failures,
  o.failing_since_ms AS "failingSinceMs", o.next_attempt_ms AS "nextAttemptMs"`;

/**
 * The writes by a list of ids say `NOT INDEXED` (dropped for PostgreSQL: db/engine/postgres-sql.ts):
 * without the table's statistics SQLite would rather walk `outbox_due_idx` over every pending
 * message and test each against the list, so each write of a draining backlog cost time in
 * proportion to the backlog; by the rowid each costs its list's length.
 *
 * A list is `IN (?, ?, …)`, the values bound by position (the same on both engines): binding them by
 * name cost an object of up to a thousand keys per claim, built and read back, a tenth of the
 * worker's own CPU (docs/benchmarks.md, benchmark 12). The list is padded to a power of two with its
 * last value (IN ignores a repeat), so a worker sending lists of every length prepares a dozen
 * statements per connection, not one per length.
 */
function listOf<T>(values: readonly T[]): { list: string; values: T[] } {
  const padded = [...values];
  while (padded.length & (padded.length - 1)) padded.push(values.at(-1)!);
  return { list: placeholders(padded.length), values: padded };
}


/** A record's due head, as the due query finds it: the message and its record. */
export interface DueHead {
  id: number;
  aggregate: string;
}

/**
 * The oldest undelivered message of each record to `target`, if it is pending, unclaimed and due by
 * `dueBy` (now; or any time, for a probe): its id and record only (the chain's read, `pendingChains`,
 * reads the messages). A later message of a record waits behind an earlier one that is pending (even
 * backing off) **or dead**, so the receiver sees create → change → cancel in order and never a
 * cancel for a create it did not get; a superseded one holds it back only while a worker still holds
 * its claim (its attempt is in flight). Each NOT EXISTS is a range of
 * `outbox_aggregate_idx (aggregate, status, id)`: what it costs does not grow with the record's
 * history of sent messages (one NOT EXISTS with an OR of the statuses went by the record alone).
 */
export async function dueHeads(db: Db, args: { now: number; dueBy: number; target: string; limit: number }): Promise<DueHead[]> {
  if (args.limit <= 0) return [];
  return await db.all<DueHead>(
    `SELECT o.id, o.aggregate
     FROM outbox o
     WHERE o.status = 'pending' AND o.target = @target AND o.next_attempt_ms <= @dueBy AND (o.claimed_until_ms IS NULL OR o.claimed_until_ms <= @now)
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status IN ('pending', 'dead') AND p.id < o.id AND p.target = o.target)
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.aggregate = o.aggregate AND p.status = 'superseded' AND p.id < o.id AND p.target = o.target
         AND p.claimed_until_ms > @now)
     ORDER BY o.next_attempt_ms, o.id
     LIMIT @limit`,
    { now: args.now, dueBy: args.dueBy, target: args.target, limit: args.limit },
  );
}

/**
 * The first `max` pending messages of each of these records to `target`, oldest first: a head and its
 * successors. Read in the order of `outbox_aggregate_idx` (no sort), each record cut at `max` here.
 */
export async function pendingChains(db: Db, target: string, aggregates: readonly string[], max: number): Promise<DueMessage[]> {
  if (aggregates.length === 0) return [];
  const a = listOf(aggregates);
  const rows = await db.all<DueMessage>(
    `SELECT ${COLUMNS} FROM outbox o
     WHERE o.status = 'pending' AND o.aggregate IN (${a.list}) AND o.target = ?
     ORDER BY o.aggregate, o.id`,
    ...a.values, target,
  );
  const chains: DueMessage[] = [];
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    n = k > 0 && rows[k]!.aggregate === rows[k - 1]!.aggregate ? n + 1 : 1;
    if (n <= max) chains.push(rows[k]!);
  }
  return chains;
}

/**
 * Claims these messages if each is still pending, unclaimed and due by `dueBy` (now; any time for a
 * probe): heads and their successors in one statement (one write, one fsync). Returns the ids it
 * took; the caller keeps, per record, the head and the successors after it up to the first one it did
 * not take, and gives the others back (`releaseClaims`). A successor was never tried (it waited
 * behind its head), so it is due since it was written.
 */
export async function claimMessages(db: Db, ids: readonly number[], args: { now: number; dueBy: number; leaseUntilMs: number }): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const i = listOf(ids);
  const rows = await db.all<{ id: number }>(
    `UPDATE outbox NOT INDEXED SET claimed_until_ms = ?
     WHERE id IN (${i.list}) AND status = 'pending' AND next_attempt_ms <= ? AND (claimed_until_ms IS NULL OR claimed_until_ms <= ?) RETURNING id`,
    args.leaseUntilMs, ...i.values, args.dueBy, args.now,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Gives back claims whose sends did not happen (the worker stopped, or the chain ended early). */
export async function releaseClaims(db: Db, ids: readonly number[], leaseUntilMs: number): Promise<void> {
  if (ids.length === 0) return;
  const i = listOf(ids);
  await db.run(`UPDATE outbox SET claimed_until_ms = NULL WHERE id IN (${i.list}) AND claimed_until_ms = ?`, ...i.values, leaseUntilMs);
}

/**
 * Delivered (several in one statement: the worker's group commit); returns how many changed. A
 * message superseded while in flight did get through: it is sent too.
 */
export async function markSentMany(db: Db, ids: readonly number[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const i = listOf(ids);
  return (await db.run(
    `UPDATE outbox NOT INDEXED SET status = 'sent', attempts = attempts + 1, sent_ms = ?, last_attempt_ms = ?, last_error = NULL, failing_since_ms = NULL, claimed_until_ms = NULL
      WHERE id IN (${i.list}) AND status IN ('pending', 'superseded')`,
    now, now, ...i.values,
  )).changes;
}

/** A definite refusal, or the retry window ran out. */
export async function markDead(db: Db, id: number, now: number, error: string, answered: boolean): Promise<boolean> {
  return (
    (await db.run(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, failures = failures + ?, last_attempt_ms = ?, last_error = ?, claimed_until_ms = NULL
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
        failing_since_ms = coalesce(failing_since_ms, ?), claimed_until_ms = NULL
      WHERE id = ? AND status = 'pending'`, answered ? 1 : 0, nextAttemptMs, now, error, now, id)).changes === 1
  );
}
