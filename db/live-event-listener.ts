/**
 * Brings the live events other servers committed on this PostgreSQL to this server's bus (issue 20
 * item 4; docs/decisions/0003-live-events-across-servers.md). A dedicated connection LISTENs for the
 * wake-up (db/queries/live-event-queries.ts); on each wake-up, and after every (re)connection, it
 * reads the events committed since its last read, in order, and hands the other servers' ones to
 * `deliver` (its own were published by its bus after COMMIT).
 *
 * **Read by transaction horizon, not by id**: an id is taken at INSERT, not at COMMIT, so a reader
 * that remembered "the last id seen" would skip a smaller id committed after a bigger one. Each row
 * keeps its transaction's id (`xid`); a read returns the rows of the transactions older than the
 * oldest one still running (`pg_snapshot_xmin`), which are all finished and visible, and moves its
 * cursor to that horizon. Every transaction is read exactly once, whatever the order of COMMITs and
 * however long the connection was lost. Rows older than `retainMs` are pruned.
 *
 * On SQLite: nothing to do (one process; `startLiveEventListener` returns a no-op).
 */
import pg from 'pg';
import type { LiveEvent } from '../shared/contract/events';
import type { Database } from './database';
import { LIVE_EVENTS_CHANNEL, liveEventOrigin } from './queries/live-event-queries';

/** The `application_name` of the listening connection (what an operator sees in pg_stat_activity). */
export const LIVE_LISTENER_APP = 'frontdesk-live-events';

export interface LiveEventListenerOptions {
  /** Receives each event another server committed, in order. */
  deliver(event: LiveEvent): void;
  /** Told when a read or a connection fails (it is retried). */
  onError?(error: unknown): void;
  /** How long events are kept for a listener that lost its connection (default 10 minutes). */
  retainMs?: number;
  /** Pause before connecting again after the connection was lost (default 250 ms, growing to 5 s). */
  reconnectMs?: number;
}

export interface LiveEventListener {
  stop(): Promise<void>;
}

interface Row {
  id: string | null;
  origin: string | null;
  payload: string | null;
  horizon: string;
  waiting: boolean;
}

const READ_SQL = `WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
SELECT e.id::text AS id, e.origin, e.payload, s.horizon::text AS horizon,
  EXISTS (SELECT 1 FROM live_events w WHERE w.xid >= s.horizon) AS waiting
FROM s LEFT JOIN live_events e ON e.xid >= $1::xid8 AND e.xid < s.horizon
ORDER BY e.id`;

const PRUNE_SQL = `DELETE FROM live_events WHERE created_ms < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - $1`;

/** Starts listening; resolves once the first connection listens (events committed after that reach `deliver`). */
// eslint-disable-next-line max-lines-per-function -- one LISTEN connection's life (catch-up, notifications, reconnect) over one state
export async function startLiveEventListener(db: Database, options: LiveEventListenerOptions): Promise<LiveEventListener> {
  const source = db.exportSource;
  if (source.dialect !== 'postgres') return { stop: async () => undefined };
  const url = source.url;
  const origin = liveEventOrigin(db);
  const retainMs = options.retainMs ?? 600_000;
  const baseDelay = options.reconnectMs ?? 250;
  const report = (e: unknown) => options.onError?.(e);
  let client: pg.Client | undefined;
  let cursor: string | undefined;
  let stopped = false;
  let reading: Promise<void> = Promise.resolve();
  let again = false;
  let lastPrune = 0;
  let retry: NodeJS.Timeout | undefined;
  let delay = baseDelay;
  let recheckMs = 0;
  let recheckTimer: NodeJS.Timeout | undefined;

  function recheck(): void {
    if (recheckTimer || stopped) return;
    recheckMs = Math.min(Math.max(recheckMs * 2, 5), 1_000);
    recheckTimer = setTimeout(() => {
      recheckTimer = undefined;
      void read();
    }, recheckMs);
  }

  async function readOnce(on: pg.Client): Promise<void> {
    if (cursor === undefined) {
      cursor = String((await on.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h')).rows[0].h);
      return;
    }
    const rows = (await on.query<Row>(READ_SQL, [cursor])).rows;
    for (const row of rows) {
      if (row.payload === null || row.origin === origin) continue;
      try {
        options.deliver(JSON.parse(row.payload) as LiveEvent);
      } catch (e) {
        report(e);
      }
    }
    const [first] = rows;
    if (!first) return;
    cursor = first.horizon;
    // Committed events behind an older transaction still running (which may send no wake-up):
    // read again shortly, until that transaction ends.
    if (first.waiting) recheck();
    else recheckMs = 0;
    if (Date.now() - lastPrune > retainMs / 10) {
      lastPrune = Date.now();
      await on.query(PRUNE_SQL, [retainMs]);
    }
  }

  /** Reads now, or once more after the read under way (wake-ups coalesce; none is missed). */
  function read(): Promise<void> {
    if (again) return reading;
    again = true;
    reading = reading.then(async () => {
      again = false;
      const on = client;
      if (!on || stopped) return;
      try {
        await readOnce(on);
      } catch (e) {
        report(e);
      }
    });
    return reading;
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: LIVE_LISTENER_APP, connectionTimeoutMillis: 10_000 });
    next.on('error', (e) => lost(next, e));
    next.on('end', () => lost(next, new Error('live events: connection ended')));
    next.on('notification', () => void read());
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
    } catch (e) {
      await next.end().catch(() => undefined);
      throw e;
    }
    client = next;
    delay = baseDelay;
    // Catch up: whatever was committed while no connection listened.
    await read();
  }

  function lost(which: pg.Client, error: unknown): void {
    if (client !== which || stopped) return;
    client = undefined;
    report(error);
    which.end().catch(() => undefined);
    schedule();
  }

  function schedule(): void {
    if (stopped) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((e: unknown) => {
        report(e);
        delay = Math.min(delay * 2, 5_000);
        schedule();
      });
    }, delay);
  }

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (recheckTimer) clearTimeout(recheckTimer);
      await reading;
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
