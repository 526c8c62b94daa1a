/**
 * Statements outside any unit of work ("lone": the bearer token's session read on every request, a
 * doorbell, a lone read), each its own implicit transaction. While the pool has a connection to
 * spare, each takes one, as `pool.query` does, so reads asked together (the board's four) run at
 * once on several connections. **When every connection is taken**, the lone statements that arrive
 * until one is free no longer queue for one each: they share the next one, all sent in one write in
 * pipeline mode, each still its own implicit transaction (its own Sync: one that fails fails alone),
 * and the connection goes back to the pool when the last one is answered.
 *
 * Why: at 50 requests in flight on a pool of 10, every request's session read waited its turn for a
 * connection (as long as a booking's whole unit) and then held it for a round trip of its own; a
 * shared connection answers the session reads of many requests in one round trip, and the pool's
 * turns go to the units (docs/postgresql.md, "Speed"). A lone statement's wait behind others on the
 * shared connection is bounded by `SHARED_MAX` statements, and only happens when it would have waited
 * for a connection anyway.
 */
import type pg from 'pg';
import type { Writable } from 'node:stream';
import { isConnectionLost, toCallerError } from './postgres-errors';

/** At most this many lone statements share one connection. */
export const SHARED_MAX = 16;

type Query = pg.QueryConfig | pg.QueryArrayConfig;

interface Waiting {
  query: Query;
  resolve(result: pg.QueryResult): void;
  reject(error: unknown): void;
}

/** One connection the lone statements share: those that wait for it, then those it carries. */
interface Shared {
  client?: pg.PoolClient;
  waiting: Waiting[];
  count: number;
  inFlight: number;
  /** Joinable: not yet full, and not past the turn in which its connection came. */
  open: boolean;
  released: boolean;
  lost?: Error;
}

function socketOf(client: pg.PoolClient): Writable | undefined {
  const stream = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
  return typeof stream?.cork === 'function' ? stream : undefined;
}

export function createLoneStatements(pool: pg.Pool) {
  let open: Shared | undefined;

  const release = (shared: Shared) => {
    if (shared.open || shared.inFlight > 0 || !shared.client || shared.released) return;
    shared.released = true;
    shared.client.release(shared.lost);
  };

  const send = (shared: Shared, w: Waiting) => {
    shared.inFlight++;
    shared.client!.query(w.query).then(
      (result) => {
        shared.inFlight--;
        w.resolve(result);
        release(shared);
      },
      (error: unknown) => {
        shared.inFlight--;
        if (isConnectionLost(error)) shared.lost = error as Error;
        w.reject(toCallerError(error));
        release(shared);
      },
    );
  };

  const close = (shared: Shared) => {
    shared.open = false;
    if (open === shared) open = undefined;
    release(shared);
  };

  const start = (): Shared => {
    const shared: Shared = { waiting: [], count: 0, inFlight: 0, open: true, released: false };
    open = shared;
    pool.connect().then(
      (client) => {
        shared.client = client;
        // Everything that waited, and what joins in this same turn, leaves in one write.
        const socket = socketOf(client);
        socket?.cork();
        for (const w of shared.waiting.splice(0)) send(shared, w);
        process.nextTick(() => {
          socket?.uncork();
          close(shared);
        });
      },
      (error: unknown) => {
        close(shared);
        for (const w of shared.waiting.splice(0)) w.reject(toCallerError(error));
      },
    );
    return shared;
  };

  return {
    async query(query: Query): Promise<pg.QueryResult> {
      const spare = pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10);
      if (!open && spare) {
        try {
          return await pool.query(query);
        } catch (e) {
          throw toCallerError(e);
        }
      }
      const shared = open ?? start();
      shared.count++;
      if (shared.count >= SHARED_MAX && open === shared) open = undefined;
      return await new Promise<pg.QueryResult>((resolve, reject) => {
        const w = { query, resolve, reject };
        if (shared.client) send(shared, w);
        else shared.waiting.push(w);
      });
    },
  };
}
