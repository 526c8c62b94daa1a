/**
 * Live events between two servers on one PostgreSQL (issue 20 item 4), at the storage level: two
 * `Database`s on one database stand for servers A and B. What A commits through `commit()` reaches
 * B's listener once, in order, never A's own listener; nothing rolled back is heard; and when B's
 * listening connection is killed (pg_terminate_backend), the events committed while it had none
 * arrive after it reconnects; an event whose wake-up was never rung arrives by the periodic read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../core/context';
import { commit } from '../../core/commit';
import type { Database } from '../../db/database';
import { shareLiveEvents } from '../../db/queries/live-event-queries';
import { LIVE_LISTENER_APP, startLiveEventListener, type LiveEventListener } from '../../db/live-event-listener';
import type { LiveEvent } from '../../shared/contract/events';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let a: Database;
let b: Database;
const listeners: LiveEventListener[] = [];

beforeEach(async () => {
  database = await createTestDatabase();
  a = await database.open();
  b = await database.open();
});
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.stop();
  await a.close();
  await b.close();
  await database.drop();
});

/** Collects what a server's listener delivers; `until(n)` waits for the n-th event. */
async function listen(db: Database, reconnectMs?: number, pollMs?: number) {
  const got: LiveEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const errors: unknown[] = [];
  const listener = await startLiveEventListener(db, {
    deliver(event) {
      got.push(event);
      for (const w of waiters.filter((x) => got.length >= x.n)) w.resolve();
    },
    onError: (e) => errors.push(e),
    ...(reconnectMs === undefined ? {} : { reconnectMs }),
    ...(pollMs === undefined ? {} : { pollMs }),
  });
  listeners.push(listener);
  const until = (n: number) => new Promise<void>((resolve) => (got.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { got, errors, until };
}

const outboxChanged = (n: number): LiveEvent[] => Array.from({ length: n }, () => ({ type: 'outbox.changed' }) as LiveEvent);
const room = (number: number) => ({ type: 'room.changed', room: { number } }) as unknown as LiveEvent;

async function publishThrough(db: Database, events: LiveEvent[]): Promise<void> {
  await commit({ db, clock: Date.now, events: createEventBus() }, async (c) => {
    for (const e of events) c.publish(e);
  });
}

const listenerBackends = async (db: Database) =>
  Number((await db.get<{ n: number }>(`SELECT count(*) AS "n" FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()`, LIVE_LISTENER_APP))?.n);

describe('live events across servers on one PostgreSQL', () => {
  it("B hears A's committed events in order, A's own listener skips them, a rolled-back change is never heard", async () => {
    const atA = await listen(a);
    const atB = await listen(b);
    await expect(
      commit({ db: a, clock: Date.now, events: createEventBus() }, async (c) => {
        c.publish(room(999));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await publishThrough(a, [room(101), room(102)]);
    await publishThrough(a, [room(103)]);
    await atB.until(3);
    expect(atB.got).toEqual([room(101), room(102), room(103)]);
    // B's own event, heard by A: A's listener is alive, and had it heard its own, they would come first.
    await publishThrough(b, [room(201)]);
    await atA.until(1);
    expect(atA.got).toEqual([room(201)]);
    expect(atB.got).toHaveLength(3);
  });

  it('events committed while the listening connection is killed arrive, in order, after it reconnects', async () => {
    const atB = await listen(b, 1_500);
    await publishThrough(a, [room(1)]);
    await atB.until(1);

    await a.get(`SELECT pg_terminate_backend(pid) AS "ok" FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()`, LIVE_LISTENER_APP);
    await expect.poll(() => listenerBackends(a)).toBe(0);
    await publishThrough(a, [room(2), room(3)]);
    await publishThrough(a, outboxChanged(2));
    // Committed while B had no listening connection: no wake-up can reach it, only the catch-up read.
    expect(await listenerBackends(a)).toBe(0);

    await atB.until(5);
    expect(atB.got).toEqual([room(1), room(2), room(3), ...outboxChanged(2)]);
    expect(await listenerBackends(a)).toBe(1);
    expect(atB.errors.length).toBeGreaterThan(0);
  });

  /** A unit on A that runs `first`, then waits for `release()` before its COMMIT. */
  async function heldUnit(first: () => Promise<unknown>) {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const done = a.unit(async () => {
      await first();
      // `first` may only have sent its writes (pipelined, db.send): one answer waited for means the
      // server has run them, so the transaction holds its id before the test goes on.
      await a.get('SELECT 1 AS one');
      started();
      await held;
    });
    await running;
    return { release, done };
  }

  it('an event whose transaction commits after a later one is not skipped (read by transaction, not by id)', async () => {
    const atB = await listen(b);
    const t1 = await heldUnit(() => shareLiveEvents(a, [room(1)]));
    await publishThrough(a, [room(2)]);
    t1.release();
    await t1.done;
    await atB.until(2);
    expect(atB.got).toEqual([room(1), room(2)]);
  });

  it('an event committed behind a longer write that sends no wake-up still arrives when that write ends', async () => {
    const atB = await listen(b);
    const t0 = await heldUnit(() => a.get('SELECT pg_current_xact_id()::text AS "xid"'));
    await publishThrough(a, [room(3)]);
    t0.release();
    await t0.done;
    await atB.until(1);
    expect(atB.got).toEqual([room(3)]);
  });

  it('an event whose wake-up was never rung (its server stopped right after COMMIT) arrives by the periodic read', async () => {
    const atB = await listen(b, undefined, 200);
    // Committed as the stopped server's unit left it: the row, no NOTIFY.
    await a.run('INSERT INTO live_events (origin, payload) VALUES (?, ?)', 'a-server-that-stopped', JSON.stringify(room(7)));
    await atB.until(1);
    expect(atB.got).toEqual([room(7)]);
  });
});
