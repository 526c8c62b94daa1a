/**
 * Live events shared between servers on one PostgreSQL (issue 20 item 4; why this way:
 * docs/decisions/0003-live-events-across-servers.md). A unit of work that publishes events also
 * writes them to `live_events` and sends a `pg_notify` wake-up, both in its own transaction: the
 * rows exist, and the wake-up is sent, if and only if the change is committed. Each server reads
 * them back in db/live-event-listener.ts. On SQLite (one process) this is a no-op: the in-process
 * bus already reaches every client.
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
 * Writes `events` (in order) and the wake-up in the current unit of work. Call it inside the unit
 * whose change they describe; a rollback removes them with it. SQLite: nothing to do.
 */
export async function shareLiveEvents(db: Database, events: readonly LiveEvent[]): Promise<void> {
  if (db.dialect !== 'postgres' || events.length === 0) return;
  const origin = liveEventOrigin(db);
  for (const event of events) {
    await db.run('INSERT INTO live_events (origin, payload) VALUES (?, ?)', origin, JSON.stringify(event));
  }
  // Sent at COMMIT, once per transaction whatever the number of calls (same channel and payload).
  await db.get(`SELECT pg_notify('${LIVE_EVENTS_CHANNEL}', '') AS "notified"`);
}
