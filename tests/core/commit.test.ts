/**
 * The one commit helper: a change, its outbox messages and its live events stand or fall together,
 * and the events go out only after COMMIT (inside a write, after that write's COMMIT: on SQLite the
 * group commit's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commit } from '../../core/commit';
import type { LiveEvent } from '../../shared/contract/events';
import { aRoom } from '../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../support/test-core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const outboxRows = async (core: TestCore) => (await core.db.get<{ n: number }>('SELECT count(*) AS n FROM outbox'))!.n;
const entry = { target: 'billing' as const, topic: 'test.topic', aggregate: 'test:1', path: '/test/1', payload: { a: 1 } };
const changed: LiveEvent = { type: 'outbox.changed' };

describe('commit', () => {
  it('writes the change and its outbox row together, then publishes its events and wakes the outbox', async () => {
    t = await createTestCore();
    const seen: LiveEvent[] = [];
    const value = await commit(t.core.deps, async (c) => {
      await c.enqueue(entry);
      c.publish(changed);
      // Not yet: nothing is published before COMMIT.
      seen.push(...t!.events);
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual([]);
    expect(await outboxRows(t)).toBe(1);
    expect(t.events).toEqual([changed, { type: 'outbox.enqueued' }]);
  });

  it('leaves nothing behind when the write throws: no row, no message, no event', async () => {
    t = await createTestCore();
    await expect(
      commit(t.core.deps, async (c) => {
        await c.enqueue(entry);
        c.publish(changed);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await outboxRows(t)).toBe(0);
    expect(t.events).toEqual([]);
  });

  it('inside a write (the group commit on SQLite), holds the events until that write commits', async () => {
    t = await createTestCore();
    const core = t.core;
    let inside: LiveEvent[] | undefined;
    const running = core.deps.db.write(async () => {
      await commit(core.deps, async (c) => c.publish(changed));
      // The commit's own unit is over, but it was a savepoint of the write: nothing published yet.
      inside = [...t!.events];
    });
    expect(t.events).toEqual([]);
    await running;
    expect(inside).toEqual([]);
    expect(t.events).toEqual([changed]);
  });

  it('is how the services commit: a stay booked through the core carries its billing message and its event', async () => {
    t = await createTestCore();
    const room = await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx);
    t.events.length = 0;
    const stay = await t.core.handlers['stays:create']({ roomId: room.id, checkin: '2026-05-02', checkout: '2026-05-04', guestName: 'Ada', guests: 1 }, deskCtx);
    expect(await outboxRows(t)).toBe(1);
    expect(t.events.map((e) => e.type)).toEqual(['stay.changed', 'outbox.enqueued']);
    expect(stay.status).toBe('booked');
  });
});
