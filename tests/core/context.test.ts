/**
 * The live event bus: delivery, order, and holding events back until the change they announce is
 * committed (`db.afterCommit`, on whichever engine runs: held by the unit, dropped with a rollback).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, inOrder } from '../../core/context';
import type { LiveEvent } from '../../shared/contract/events';
import { openTestDatabase } from '../support/test-database';

const outboxChanged: LiveEvent = { type: 'outbox.changed' };
const enqueued: LiveEvent = { type: 'outbox.enqueued' };

function recordingBus() {
  const bus = createEventBus();
  const delivered: LiveEvent[] = [];
  bus.subscribe((e) => delivered.push(e));
  return { bus, delivered };
}

describe('createEventBus', () => {
  it('delivers to every listener, survives a throwing one, and stops after unsubscribe', () => {
    const bus = createEventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('closed socket');
    });
    const off = bus.subscribe((e) => got.push(e.type));
    bus.publish(outboxChanged);
    off();
    bus.publish(outboxChanged);
    expect(got).toEqual(['outbox.changed']);
  });
});

describe('inOrder', () => {
  it('delivers each event after the one before it, though delivering waits, and goes on after a failure', async () => {
    const got: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const listener = inOrder(async (e) => {
      if (got.length === 0) {
        await slow;
        got.push(e.type);
        throw new Error('the socket closed');
      }
      got.push(e.type);
    });
    listener(outboxChanged);
    listener(enqueued);
    await Promise.resolve();
    expect(got).toEqual([]);
    release();
    await expect.poll(() => got).toEqual(['outbox.changed', 'outbox.enqueued']);
  });
});

describe('events held until COMMIT (db.afterCommit)', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => await close?.());

  async function setup() {
    const opened = await openTestDatabase();
    close = opened.close;
    return { db: opened.db, ...recordingBus() };
  }

  it('holds what a unit publishes until it commits', async () => {
    const { db, bus, delivered } = await setup();
    const value = await db.unit(async () => {
      db.afterCommit(() => bus.publish(outboxChanged));
      expect(delivered).toEqual([]);
      return 7;
    });
    expect(value).toBe(7);
    expect(delivered).toEqual([outboxChanged]);
  });

  it('drops the events of a unit that throws, and rethrows', async () => {
    const { db, bus, delivered } = await setup();
    await expect(
      db.unit(async () => {
        db.afterCommit(() => bus.publish(outboxChanged));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(delivered).toEqual([]);
  });

  it('nested units: a released one’s events wait for the outer COMMIT, a rolled-back one’s are dropped', async () => {
    const { db, bus, delivered } = await setup();
    await db.unit(async () => {
      db.afterCommit(() => bus.publish(outboxChanged));
      await db.unit(async () => db.afterCommit(() => bus.publish(enqueued)));
      await expect(
        db.unit(async () => {
          db.afterCommit(() => bus.publish({ type: 'outbox.changed' }));
          throw new Error('inner rolled back');
        }),
      ).rejects.toThrow('inner rolled back');
      expect(delivered).toEqual([]);
    });
    expect(delivered).toEqual([outboxChanged, enqueued]);
  });

  it('outside a unit, runs at once', async () => {
    const { db, bus, delivered } = await setup();
    db.afterCommit(() => bus.publish(outboxChanged));
    expect(delivered).toEqual([outboxChanged]);
  });
});
