/**
 * How every write is committed: the change, its outbox messages and its live events in ONE
 * IMMEDIATE transaction, the events published only after COMMIT. So a message to billing or the
 * event broker exists if and only if its change does, and no window hears of a change that was
 * rolled back. Under `core.call` the dispatcher runs the handler inside the write batch, adding the
 * command's audit row in the same savepoint; this transaction is then a savepoint of the batch, and
 * the events (held by the batch's capture) wait for the batch's COMMIT.
 *
 * Worked example, a stay booked through `POST /api/v1/stays` under load:
 *   batch BEGIN IMMEDIATE → SAVEPOINT (this commit) → insert stay, insert outbox row → RELEASE →
 *   audit row → … other writes of the turn … → COMMIT → `stay.changed`, `outbox.enqueued` published.
 */
import type { LiveEvent } from '../shared/contract/events';
import type { CoreDeps } from './context';
import { enqueueOutbox, type OutboxEntry } from './outbox/outbox-queries';

export interface Commit {
  /** The clock, read once when the transaction began. */
  readonly nowMs: number;
  /** Adds a message to the outbox, in this transaction. */
  enqueue(entry: OutboxEntry): number;
  /** Publishes `event` once the change is committed; dropped if it rolls back. */
  publish(event: LiveEvent): void;
}

export type CommitDeps = Pick<CoreDeps, 'sqlite' | 'clock' | 'events'>;

export function commit<T>(deps: CommitDeps, write: (c: Commit) => T): T {
  const events: LiveEvent[] = [];
  const value = deps.sqlite
    .transaction(() => {
      // A retried transaction (SQLITE_BUSY) starts with nothing held from an attempt that failed.
      events.length = 0;
      let enqueued = false;
      const nowMs = deps.clock();
      const result = write({
        nowMs,
        enqueue(entry) {
          enqueued = true;
          return enqueueOutbox(deps.sqlite, entry, nowMs);
        },
        publish(event) {
          events.push(event);
        },
      });
      // Wakes the outbox worker, whatever the message and its target.
      if (enqueued) events.push({ type: 'outbox.enqueued' });
      return result;
    })
    .immediate();
  for (const event of events) deps.events.publish(event);
  return value;
}
