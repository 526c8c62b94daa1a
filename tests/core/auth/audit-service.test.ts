import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../core/context';
import { createAuthFixture, NOW, type AuthFixture } from './auth-fixture';

let f: AuthFixture;
beforeEach(async () => (f = await createAuthFixture()));
afterEach(async () => await f.close());

const eva: CallContext = { actor: { userId: 3, username: 'eva', role: 'staff' }, via: 'http', address: '10.0.0.7', sessionId: 's' };
const desk: CallContext = { actor: { userId: 1, username: 'boss', role: 'admin' }, via: 'ipc' };
const HOUR = 3_600_000;
const query = (q: Record<string, unknown> = {}) => f.audit.list({ limit: 100, ...q });

describe('audit record', () => {
  it('stores who, when, how and what, with the detail redacted, and lists it in the hotel’s zone', async () => {
    await f.audit.record(eva, { action: 'stays:create', entity: 'stays', entityId: 42, detail: { guestName: 'Ann', password: 'x' } });
    expect(await query()).toEqual({
      entries: [
        {
          id: 1, at: '2026-05-01T10:00:00+02:00', actor: 'eva', role: 'staff', action: 'stays:create', entity: 'stays',
          entityId: '42', detail: '{"guestName":"Ann"}', via: 'http', address: '10.0.0.7',
        },
      ],
      nextBeforeId: null,
    });
    expect(await f.db.get('SELECT actor_id AS a, at FROM audit_log')).toEqual({ a: 3, at: NOW });
  });

  it('keeps nulls for no entity id, no address and no user', async () => {
    await f.audit.record({ actor: { userId: null, username: 'anonymous', role: 'anonymous' }, via: 'internal' }, { action: 'x:y', entity: 'x' });
    expect((await query()).entries[0]).toMatchObject({ entityId: null, address: null, detail: '{}', role: 'anonymous' });
    expect(await f.db.get('SELECT actor_id AS a FROM audit_log')).toEqual({ a: null });
  });

  it('writes in the caller’s transaction: rolled back with it', async () => {
    await expect(
      f.db.unit(async () => {
        await f.audit.record(eva, { action: 'stays:create', entity: 'stays' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await query()).entries).toEqual([]);
  });
});

describe('audit list', () => {
  beforeEach(async () => {
    // 2026-04-29 23:30 local … one row an hour; actions alternate; actors alternate by three.
    f.advance(-(2 * 24 + 10.5) * HOUR);
    for (let i = 0; i < 60; i++) {
      await f.audit.record(i % 3 ? eva : desk, { action: i % 2 ? 'stays:cancel' : 'stays:create', entity: i % 5 ? 'stays' : 'rooms', entityId: i });
      f.advance(HOUR);
    }
  });

  it('returns the newest first and pages backwards with beforeId', async () => {
    const first = await query({ limit: 25 });
    expect(first.entries.map((e) => e.id)).toEqual(Array.from({ length: 25 }, (_, i) => 60 - i));
    expect(first.nextBeforeId).toBe(36);
    const second = await query({ limit: 25, beforeId: 36 });
    expect(second.entries[0]!.id).toBe(35);
    const last = await query({ limit: 25, beforeId: second.nextBeforeId });
    expect(last.entries.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(last.nextBeforeId).toBeNull();
    expect((await query({ limit: 60 })).nextBeforeId).toBeNull();
  });

  it('filters exactly on actor, action and entity, together', async () => {
    expect((await query({ actor: 'boss' })).entries).toHaveLength(20);
    expect((await query({ actor: 'Boss' })).entries).toHaveLength(0);
    expect((await query({ action: 'stays:cancel' })).entries).toHaveLength(30);
    expect((await query({ action: 'stays' })).entries).toHaveLength(0);
    const combined = (await query({ actor: 'boss', action: 'stays:create', entity: 'rooms' })).entries;
    expect(combined.map((e) => e.entityId)).toEqual(['30', '0']);
  });

  it('reads from/to as hotel-local dates, both inclusive', async () => {
    // Row 0 at 2026-04-28 23:30+02:00; rows 1–24 on 04-29 (00:30 … 23:30); rows 25–48 on 04-30.
    const day = (await query({ from: '2026-04-29', to: '2026-04-29' })).entries;
    expect(day.map((e) => e.id)).toEqual(Array.from({ length: 24 }, (_, i) => 25 - i));
    expect(day[0]!.at).toBe('2026-04-29T23:30:00+02:00');
    expect(day.at(-1)!.at).toBe('2026-04-29T00:30:00+02:00');
    expect((await query({ from: '2026-04-30' })).entries).toHaveLength(35);
    expect((await query({ to: '2026-04-28' })).entries.map((e) => e.id)).toEqual([1]);
  });

  it('follows the hotel’s time zone setting', async () => {
    await f.settings.update({ timeZone: 'UTC' });
    expect((await query({ limit: 1 })).entries[0]!.at).toBe('2026-05-01T08:30:00+00:00');
    expect((await query({ from: '2026-04-29', to: '2026-04-29' })).entries).toHaveLength(24);
    expect((await query({ from: '2026-04-29', to: '2026-04-29' })).entries[0]!.at).toBe('2026-04-29T23:30:00+00:00');
  });
});
