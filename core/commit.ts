/**
 * How every write is committed: the change, its outbox messages and its live events in ONE unit of
 * work (db/database.ts), the events published only after COMMIT. So a message to billing or the
 * event broker exists if and only if its change does, and no window hears of a change that was
 * rolled back. Under `core.call` the dispatcher runs the handler inside a write (group-committed on
 * SQLite), adding the command's audit row in the same unit; this unit is then a savepoint of it, and
 * the events wait for the outermost COMMIT.
 *
 * Worked example, a stay booked through `POST /api/v1/stays` under load on SQLite:
 *   batch BEGIN IMMEDIATE → SAVEPOINT (the write) → SAVEPOINT (this commit) → insert stay, insert
 *   outbox row → RELEASE → audit row → RELEASE → … other writes of the turn … → COMMIT →
 *   `stay.changed`, `outbox.enqueued` published.
 * On PostgreSQL the same write is its own READ COMMITTED transaction, run again from the start if it
 * lost a race (db/engine/postgres-engine.ts): a retried attempt starts with nothing held from the
 * one that failed, because its events were never released.
 */
import type { LiveEvent } from '../shared/contract/events';
import { shareLiveEvents } from '../db/queries/live-event-queries';
import type { CoreDeps } from './context';
import { enqueueOutbox, type OutboxEntry } from './outbox/outbox-enqueue';

export interface Commit {
  /** The clock, read once when the unit began. */
  readonly nowMs: number;
  /** Adds a message to the outbox, in this unit. */
  enqueue(entry: OutboxEntry): Promise<void>;
  /** Publishes `event` once the change is committed; dropped if it rolls back. */
  publish(event: LiveEvent): void;
}

export type CommitDeps = Pick<CoreDeps, 'db' | 'clock' | 'events'>;

export function commit<T>(deps: CommitDeps, write: (c: Commit) => Promise<T>): Promise<T> {
  const { db, events } = deps;
  return db.unit(async () => {
    let enqueued = false;
    const published: LiveEvent[] = [];
    const nowMs = deps.clock();
    const result = await write({
      nowMs,
      enqueue(entry) {
        enqueued = true;
        return enqueueOutbox(db, entry, nowMs);
      },
      publish(event) {
        published.push(event);
        db.afterCommit(() => events.publish(event), events.coalesces ? `event:${event.type}` : undefined);
      },
    });
    // The other servers on this database hear them too, through this same unit (PostgreSQL;
    // db/queries/live-event-queries.ts, docs/decisions/0003-live-events-across-servers.md).
    await shareLiveEvents(db, published);
    // Wakes the outbox worker, whatever the message and its target.
    if (enqueued) db.afterCommit(() => events.publish({ type: 'outbox.enqueued' }), events.coalesces ? 'event:outbox.enqueued' : undefined);
    return result;
  });
}
