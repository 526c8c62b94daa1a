/**
 * Live events shared between servers on one PostgreSQL (issue 20 item 4; why this way:
 * docs/decisions/0003-live-events-across-servers.md). A unit of work that publishes events also
 * writes them to `live_events` in its own transaction: the rows exist if and only if the change is
 * committed. Once it has committed, a `pg_notify` wakes the other servers, which read the rows in
 * db/live-event-listener.ts. On SQLite (one process) this is a no-op: the in-process bus already
 * reaches every client.
 */
import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '../../shared/contract/events';
import type { Database } from '../database';

/** The NOTIFY channel every server LISTENs on. */
export const LIVE_EVENTS_CHANNEL = 'frontdesk_live_events';

const origins = new WeakMap<Database, string>();

/**
 * This open database's own id, stored with its events, so its listener skips the events its own
 * bus already published after COMMIT. One per `Database` (so one per server process).
 */
export function liveEventOrigin(db: Database): string {
  let origin = origins.get(db);
  if (!origin) {
    origin = randomUUID();
    origins.set(db, origin);
  }
  return origin;
}

/**
 * Makes `db` (a second connection of this same server: the import's worker thread) write its events
 * under `origin`, the host database's own, so the host's listener skips them as its own: the worker
 * hands them to the host's bus itself (core/imports/import-worker.ts).
 */
export function adoptLiveEventOrigin(db: Database, origin: string): void {
  origins.set(db, origin);
}

/**
 * Writes `events` (in order) in the current unit of work, and rings the other servers' doorbell once
 * it has committed. Call it inside the unit whose change they describe; a rollback removes them with
 * it. SQLite: nothing to do.
 *
 * **The wake-up is sent after COMMIT, not in the unit.** A transaction that NOTIFYs takes one lock
 * for the whole cluster at its COMMIT and holds it until its commit record is on disk, so notifying
 * units commit one fsync at a time, never several in one WAL flush: at 50 connections a booking unit
 * with its NOTIFY inside had one WAL flush per commit, without it ~2 commits shared one (`pg_stat_wal`),
 * and every other writer of the cluster waited behind it. A wake-up lost (the server stops between
 * COMMIT and the doorbell) is made up by the listeners' periodic read (db/live-event-listener.ts).
 */
export async function shareLiveEvents(db: Database, events: readonly LiveEvent[]): Promise<void> {
  if (db.dialect !== 'postgres' || events.length === 0) return;
  const origin = liveEventOrigin(db);
  for (const event of events) {
    await db.send('INSERT INTO live_events (origin, payload) VALUES (?, ?)', origin, JSON.stringify(event));
  }
  // One doorbell per unit however many events it wrote (an import's rows): keyed.
  db.afterCommit(() => ringDoorbell(db), 'live-events.doorbell');
}

/**
 * The wake-up as its own short transaction, which need not wait for its commit record to reach the
 * disk (nothing is lost with it but a wake-up: the events are durable with their change). Its payload
 * is the sender's origin, so the sender's own listener ignores it.
 */
const DOORBELL_SQL = `SELECT set_config('synchronous_commit', 'off', true) AS "off", pg_notify('${LIVE_EVENTS_CHANNEL}', ?) AS "notified"`;

/** Per database: a doorbell under way, and whether another commit asked for one meanwhile. */
const doorbells = new WeakMap<Database, { again: boolean }>();

/** One wake-up at a time per server: the commits that arrive while one is sent share the next. */
function ringDoorbell(db: Database): void {
  const ringing = doorbells.get(db);
  if (ringing) {
    ringing.again = true;
    return;
  }
  const state = { again: false };
  doorbells.set(db, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await db.get(DOORBELL_SQL, liveEventOrigin(db));
      } while (state.again);
    } catch {
      // The database is out of reach: the listeners read everything they missed when it is back.
    } finally {
      doorbells.delete(db);
    }
  })();
}
