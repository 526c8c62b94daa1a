/**
 * The outbox's retention job (core/outbox/outbox-retention-job.ts): sent and superseded messages older
 * than `outboxRetentionDays` go, dead and pending ones stay; the admin's screen hears of it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../../core/outbox/outbox-enqueue';
import { outboxRetentionJob, pruneOutbox } from '../../../core/outbox/outbox-retention-job';
import { createTestCore, type TestCore } from '../../support/test-core';

const DAY = 86_400_000;
let t: TestCore;

beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => await t.close());

async function message(aggregate: string, status: 'sent' | 'dead' | 'pending', sentMs: number | null = null): Promise<number> {
  const id = await enqueueOutbox(t.db, { target: 'events', topic: 'car.changed', aggregate, path: '', payload: {} }, t.clock.now());
  await t.db.run('UPDATE outbox SET status = ?, sent_ms = ? WHERE id = ?', status, sentMs, id);
  return id;
}
const ids = async () => (await t.db.all<{ id: number }>('SELECT id FROM outbox ORDER BY id')).map((r) => r.id);
const changed = () => t.events.filter((e) => e.type === 'outbox.changed').length;

describe('outbox retention', () => {
  it('deletes sent messages older than outboxRetentionDays, keeping newer sent, dead and pending ones', async () => {
    const old = await message('a', 'sent', t.clock.now() - 8 * DAY); // retention is 7 days by default
    const recent = await message('b', 'sent', t.clock.now() - 6 * DAY);
    const dead = await message('c', 'dead');
    const pending = await message('d', 'pending');
    expect(await pruneOutbox(t.core)).toBe(1);
    expect(await ids()).toEqual([recent, dead, pending]);
    expect(changed()).toBe(1);
    expect(await pruneOutbox(t.core)).toBe(0);
    expect(changed()).toBe(1); // nothing pruned: nothing to tell
    expect(old).toBeLessThan(recent);
  });

  it('runs at once when its job starts, and stops', async () => {
    await message('a', 'sent', t.clock.now() - 30 * DAY);
    const job = outboxRetentionJob.start({ core: t.core, db: t.db, onError: (_job, e) => { throw e; } });
    await expect.poll(async () => (await ids()).length).toBe(0);
    await job.stop();
  });
});
