/**
 * core/outbox/outbox-enqueue.ts on this run's engine: a record's messages are numbered 1, 2, 3…; a
 * record created in the same unit (`first`) starts at 1 without the number being read back; and a
 * `first` message for a record that already has messages is refused, never numbered twice; each
 * message's Idempotency-Key is a UUID that begins with the time it was made (v7).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox, type OutboxEntry } from '../../../core/outbox/outbox-enqueue';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => await t.close());

const bill = (aggregate: string, first = false): OutboxEntry => ({ target: 'billing', topic: 'billing.bill_update', aggregate, path: '/bills/update/7', payload: { status: 'booked' }, first });
const rows = async (aggregate: string) =>
  (await t.db.all<{ seq: number; payload: string }>('SELECT seq, payload FROM outbox WHERE aggregate = ? ORDER BY id', aggregate)).map((r) => [r.seq, (JSON.parse(r.payload) as { sequence: number }).sequence]);

describe('enqueueOutbox', () => {
  it("numbers a record's messages 1, 2, 3, a new record's first one included", async () => {
    await t.db.unit(() => enqueueOutbox(t.db, bill('stay:7', true), t.clock.now()));
    await t.db.unit(() => enqueueOutbox(t.db, bill('stay:7'), t.clock.now()));
    await t.db.unit(() => enqueueOutbox(t.db, bill('stay:7'), t.clock.now()));
    expect(await rows('stay:7')).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it('gives each message a new UUID (v7) that begins with its millisecond: its index grows at one end, not on a random page', async () => {
    for (let i = 0; i < 20; i++) await t.db.unit(() => enqueueOutbox(t.db, bill(`stay:${100 + i}`, true), t.clock.now()));
    const keys = (await t.db.all<{ k: string }>('SELECT idempotency_key AS k FROM outbox ORDER BY id')).map((r) => r.k);
    expect(keys).toHaveLength(20);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(20);
    // The first 48 bits are the time: never earlier than the key before (within one millisecond the rest is random).
    const times = keys.map((k) => k.slice(0, 13));
    expect([...times].sort()).toEqual(times);
  });

  it('refuses a first message for a record that already has messages, and keeps nothing of it', async () => {
    await t.db.unit(() => enqueueOutbox(t.db, bill('stay:8'), t.clock.now()));
    await expect(t.db.unit(() => enqueueOutbox(t.db, bill('stay:8', true), t.clock.now()))).rejects.toThrow();
    expect(await rows('stay:8')).toEqual([[1, 1]]);
  });
});
