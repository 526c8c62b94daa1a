/**
 * Group commit for SQLite's writes. With `synchronous=FULL` every COMMIT waits for an fsync of the
 * WAL; one booking per COMMIT makes 50 concurrent requests queue behind 50 fsyncs. The writes that
 * arrive in one event-loop turn share ONE transaction and ONE fsync, without giving up what one
 * transaction per write guaranteed:
 *
 * - each write runs its checks and writes inside its own SAVEPOINT, so a refused write rolls back
 *   only its own rows, outbox messages and events (its `afterCommit` callbacks are dropped);
 * - nobody is answered before the COMMIT's fsync: an acknowledged booking is a durable booking. The
 *   fsync runs off the event loop (wal-sync.ts), after the batch has handed the connection back, so
 *   the next batch gathers and runs while the disk works;
 * - if the COMMIT fails, every write of the batch is refused and nothing is published;
 * - the batch holds the engine's lock, so no other unit or read interleaves with it.
 *
 * Worked example: in one turn three requests arrive — A books room 101 for 1–3 June, B books room
 * 101 for 2–4 June, C books room 102. At the end of the turn (setImmediate):
 *
 *     BEGIN IMMEDIATE
 *       SAVEPOINT  A: room 101 free? yes → insert stay + outbox row   RELEASE   (event held)
 *       SAVEPOINT  B: room 101 free? no (A) → 409                     ROLLBACK TO, RELEASE (event dropped)
 *       SAVEPOINT  C: room 102 free? yes → insert stay + outbox row   RELEASE   (event held)
 *     COMMIT (one fsync)
 *     A's and C's events go out; A and C resolve; B rejects with its ROOM_UNAVAILABLE
 *
 * At most `maxBatch` writes share a transaction; the rest go in the next turn's batch.
 */
import type { FifoLock } from './fifo-lock';

export const DEFAULT_MAX_BATCH = 64;

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A batch that has committed: its outcomes, to be handed out once `durable()` has resolved. */
export interface CommittedBatch {
  outcomes: Outcome[];
  /** Waits for the COMMIT's fsync, then publishes the batch's live events (its afterCommit callbacks). */
  durable(): Promise<void>;
}

interface Queued {
  fn: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitDeps {
  /** The engine's lock, taken as a writer (engine/writer-gate.ts: it waits while the writer is lent). */
  lock: Pick<FifoLock, 'acquire' | 'release'>;
  maxBatch?: number | undefined;
  /** Runs the writes in one transaction, each in its own savepoint (the engine's), and commits. */
  runBatch(writes: (() => Promise<unknown>)[]): Promise<CommittedBatch>;
}

export interface GroupCommitStats {
  /** COMMITs (batches) so far. */
  batches: number;
  /** Writes so far, in all batches. */
  writes: number;
  /** The largest batch so far. */
  largest: number;
}

export interface GroupCommit {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** How many writes have shared each COMMIT (benchmark 1 reports it). */
  stats(): GroupCommitStats;
}

export function createGroupCommit({ lock, maxBatch = DEFAULT_MAX_BATCH, runBatch }: GroupCommitDeps): GroupCommit {
  if (!(maxBatch >= 1)) throw new Error(`maxBatch must be at least 1, got ${maxBatch}`);
  const queue: Queued[] = [];
  let scheduled = false;
  const counts: GroupCommitStats = { batches: 0, writes: 0, largest: 0 };

  const flush = async () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length) schedule();
    counts.batches++;
    counts.writes += batch.length;
    counts.largest = Math.max(counts.largest, batch.length);
    await lock.acquire();
    let committed: CommittedBatch;
    try {
      committed = await runBatch(batch.map((q) => q.fn));
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    } finally {
      // The connection is free for the next batch and the reads while this one's fsync runs.
      lock.release();
    }
    try {
      await committed.durable();
    } catch (error) {
      // Not known to be on disk: nobody of the batch is told it succeeded.
      for (const q of batch) q.reject(error);
      return;
    }
    committed.outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    stats: () => ({ ...counts }),
  };
}
