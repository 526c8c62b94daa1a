import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let ids: number[];

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
  const room = (await h['rooms:create'](aRoom(), adminCtx)).id;
  for (const day of ['01', '03', '05', '07']) {
    await h['stays:create'](aStay({ roomId: room, checkin: `2026-06-${day}`, checkout: `2026-06-0${Number(day) + 1}` }), deskCtx);
  }
  ids = (await outboxRows(t.db)).map((r) => r.id);
  // What the delivery worker would have left behind: one sent, two dead after failures, one pending.
  const set = async (...row: unknown[]) => await t.db.run('UPDATE outbox SET status = ?, attempts = ?, last_error = ?, last_attempt_ms = ? WHERE id = ?', ...row);
  await set('sent', 1, null, Date.parse('2026-05-01T08:01:00Z'), ids[0]);
  await set('dead', 10, 'HTTP 500 from billing', Date.parse('2026-05-01T09:00:00Z'), ids[1]);
  await set('dead', 10, 'connect ECONNREFUSED', Date.parse('2026-05-01T09:30:00Z'), ids[2]);
});
afterEach(async () => await t.close());

describe('outbox:status', () => {
  it('counts by state, shows the latest error and the dead messages newest first', async () => {
    const status = await h['outbox:status']({}, adminCtx);
    expect(status).toMatchObject({ pending: 1, sent: 1, dead: 2, superseded: 0, blockedMessages: [] });
    expect(status.lastError).toEqual({ id: ids[2], message: 'connect ECONNREFUSED', at: '2026-05-01T11:30:00+02:00' });
    expect(status.deadMessages.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    expect(status.deadMessages[0]).toEqual({
      id: ids[2],
      target: 'billing',
      topic: 'billing.bill_update',
      path: expect.stringMatching(/^\/bills\/update\/\d+$/),
      seq: 1,
      status: 'dead',
      attempts: 10,
      lastError: 'connect ECONNREFUSED',
      createdAt: '2026-05-01T10:00:00+02:00',
      nextAttemptAt: null,
      blockedBy: null,
    });
  });

  it('is empty-handed on a fresh outbox', async () => {
    await t.db.run('DELETE FROM outbox');
    const idle = { state: 'up', failingSince: null, failures: 0, lastError: null, nextProbeAt: null, lastSuccessAt: null, recoveredAt: null, pending: 0, oldestPendingAt: null, nextAttemptAt: null };
    expect(await h['outbox:status']({}, adminCtx)).toEqual({
      pending: 0, sent: 0, dead: 0, superseded: 0, lastError: null, deadMessages: [], blockedMessages: [], broker: null,
      // Billing has its default URL; the event broker and e-mail are not set up.
      targets: [{ target: 'billing', configured: true, ...idle }, { target: 'events', configured: false, ...idle }, { target: 'email', configured: false, ...idle }],
    });
  });

  it('shows each target: what waits for it, and while it fails since when, how often, why, and its next probe', async () => {
    await t.db.run(`INSERT INTO outbox_target_health (target, failing_since_ms, failures, last_error, last_failure_ms, next_probe_ms, last_success_ms)
      VALUES ('billing', ?, 7, 'HTTP 503 Service Unavailable', ?, ?, ?)`, Date.parse('2026-05-01T08:05:00Z'), Date.parse('2026-05-01T08:09:00Z'), Date.parse('2026-05-01T08:09:30Z'), Date.parse('2026-05-01T08:04:00Z'));
    const billing = (await h['outbox:status']({}, adminCtx)).targets[0];
    expect(billing).toEqual({
      target: 'billing', configured: true, state: 'failing', failingSince: '2026-05-01T10:05:00+02:00', failures: 7, lastError: 'HTTP 503 Service Unavailable',
      nextProbeAt: '2026-05-01T10:09:30+02:00', lastSuccessAt: '2026-05-01T10:04:00+02:00', recoveredAt: null,
      pending: 1, oldestPendingAt: '2026-05-01T10:00:00+02:00', nextAttemptAt: '2026-05-01T10:00:00+02:00',
    });
  });
});

describe('outbox:retry', () => {
  it('makes a dead message pending again, with no attempts, due now', async () => {
    t.clock.set(Date.parse('2026-05-02T07:00:00Z'));
    const message = await h['outbox:retry']({ id: ids[1]! }, adminCtx);
    expect(message).toMatchObject({ id: ids[1], status: 'pending', attempts: 0, nextAttemptAt: '2026-05-02T09:00:00+02:00' });
    expect((await outboxRows(t.db)).find((r) => r.id === ids[1])).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await h['outbox:status']({}, adminCtx)).toMatchObject({ pending: 2, dead: 1 });
    expect(t.events.at(-1)).toEqual({ type: 'outbox.changed' });
  });

  it('refuses a message that is not dead (409) and an unknown one (404)', async () => {
    await expectAppError(async () => await h['outbox:retry']({ id: ids[0]! }, adminCtx), 'ILLEGAL_TRANSITION', `Outbox message ${ids[0]} is sent, not dead`);
    await expectAppError(async () => await h['outbox:retry']({ id: ids[3]! }, adminCtx), 'ILLEGAL_TRANSITION');
    await expectAppError(async () => await h['outbox:retry']({ id: 999 }, adminCtx), 'NOT_FOUND', 'Outbox message 999 not found');
  });

  it('refuses a superseded message, naming the newer one that carries the stay’s state', async () => {
    const stayId = Number((await outboxRows(t.db)).find((r) => r.id === ids[1])!.path.split('/').pop());
    await h['stays:cancel']({ id: stayId }, deskCtx);
    const newest = (await outboxRows(t.db)).at(-1)!;
    expect(newest).toMatchObject({ path: `/bills/update/${stayId}`, payload: { status: 'cancelled', sequence: 2 } });
    await expectAppError(
      async () => await h['outbox:retry']({ id: ids[1]! }, adminCtx),
      'ILLEGAL_TRANSITION',
      `Outbox message ${ids[1]} is superseded by message ${newest.id}, which carries the newer state`,
    );
    expect(await h['outbox:status']({}, adminCtx)).toMatchObject({ dead: 1, superseded: 1, pending: 2 });
  });
});
