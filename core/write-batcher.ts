/**
 * Group commit for write commands. With `synchronous=FULL` every COMMIT waits for an fsync of the
 * WAL; one booking per COMMIT makes 50 concurrent requests queue behind 50 fsyncs. The batcher lets
 * the writes that arrive in one event-loop turn share ONE transaction and ONE fsync, without giving
 * up what one transaction per write guaranteed:
 *
 * - each write still runs its checks and writes synchronously, inside its own SAVEPOINT (a
 *   service's `sqlite.transaction(fn).immediate()` called inside a transaction becomes a savepoint
 *   in better-sqlite3), so a refused write rolls back only its own writes and outbox row;
 * - nobody is answered before the COMMIT: an acknowledged booking is a committed booking;
 * - live events are held (`EventBus.capture`) and published only after the COMMIT; a refused write's
 *   events are dropped with its savepoint; if the COMMIT fails, every write of the batch is refused
 *   and nothing is published;
 * - nothing is awaited inside the transaction: the whole batch runs in one synchronous call.
 *
 * Worked example: in one turn three requests arrive — A books room 101 for 1–3 June, B books room
 * 101 for 2–4 June, C books room 102. At the end of the turn (setImmediate):
 *
 *     BEGIN IMMEDIATE
 *       SAVEPOINT  A: room 101 free? yes → insert stay + outbox row   RELEASE   (event held)
 *       SAVEPOINT  B: room 101 free? no (A) → 409                     ROLLBACK TO, RELEASE (event dropped)
 *       SAVEPOINT  C: room 102 free? yes → insert stay + outbox row   RELEASE   (event held)
 *     COMMIT (one fsync)
 *     publish A's and C's events; resolve A and C; reject B with its ROOM_UNAVAILABLE
 *
 * At most `maxBatch` writes share a transaction; the rest go in the next turn's batch.
 */
import type { Sqlite } from '../db/open-database';
import type { LiveEvent } from '../shared/contract/events';
import type { EventBus } from './context';

export interface WriteBatcher {
  /** Runs `fn` (synchronous: checks + writes) in the next batch; settles after that batch's COMMIT. */
  run<T>(fn: () => T): Promise<T>;
}

export interface WriteBatcherDeps {
  sqlite: Sqlite;
  events: EventBus;
  /** Most writes per transaction (default 64): bounds how long one batch holds the event loop. */
  maxBatch?: number;
}

interface Queued {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown; events: LiveEvent[] } | { ok: false; error: unknown };

export const DEFAULT_MAX_BATCH = 64;

export function createWriteBatcher({ sqlite, events, maxBatch = DEFAULT_MAX_BATCH }: WriteBatcherDeps): WriteBatcher {
  if (!(maxBatch >= 1)) throw new Error(`maxBatch must be at least 1, got ${maxBatch}`);
  const queue: Queued[] = [];
  let scheduled = false;

  // Only ever called inside the batch's transaction, so it always opens a SAVEPOINT.
  const inSavepoint = sqlite.transaction((fn: () => unknown) => fn());

  const runOne = (fn: () => unknown): Outcome => {
    try {
      const { value, events: held } = events.capture(() => inSavepoint(fn));
      return { ok: true, value, events: held };
    } catch (error) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then nothing of
      // the batch stands, and the next write must not run outside it in autocommit.
      if (!sqlite.inTransaction) throw error;
      return { ok: false, error };
    }
  };

  const runBatch = sqlite.transaction((batch: Queued[]) => batch.map((q) => runOne(q.fn)));

  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length) schedule();

    let outcomes: Outcome[];
    try {
      // A transaction left open across turns would turn this COMMIT into a mere RELEASE.
      if (sqlite.inTransaction) throw new Error('Write batch refused: a transaction is already open');
      outcomes = runBatch.immediate(batch);
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    }
    for (const o of outcomes) if (o.ok) for (const e of o.events) events.publish(e);
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    run<T>(fn: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
