import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { commands } from '../../../shared/contract/commands';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
});
afterEach(async () => await t.close());

describe('guest rooms', () => {
  it('creates a room, publishes it, and lists rooms by floor and number', async () => {
    const room = await h['rooms:create'](aRoom({ number: 201, floor: 2 }), adminCtx);
    expect(room).toEqual({
      id: room.id, number: 201, category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 2, housekeeping: 'clean', active: true,
    });
    expect(t.events).toContainEqual({ type: 'room.changed', room });
    await h['rooms:create'](aRoom({ number: 102, floor: 1 }), adminCtx);
    await h['rooms:create'](aRoom({ number: 101, floor: 1 }), adminCtx);
    expect((await h['rooms:list']({}, deskCtx)).map((r) => r.number)).toEqual([101, 102, 201]);
  });

  it('refuses a duplicate number with 409, on create and on update', async () => {
    const a = await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    await expectAppError(async () => await h['rooms:create'](aRoom({ number: 101 }), adminCtx), 'CONFLICT', 'Room 101 already exists');
    const b = await h['rooms:create'](aRoom({ number: 102 }), adminCtx);
    await expectAppError(async () => await h['rooms:update']({ id: b.id, number: 101 }, adminCtx), 'CONFLICT');
    expect((await h['rooms:update']({ id: a.id, number: 101, nightlyRate: 99_500 }, adminCtx)).nightlyRate).toBe(99_500);
  });

  it('updates only the given fields', async () => {
    const room = await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const updated = await h['rooms:update']({ id: room.id, category: 'Superior double room', capacity: 3 }, adminCtx);
    expect(updated).toEqual({ ...room, category: 'Superior double room', capacity: 3 });
    await expectAppError(async () => await h['rooms:update']({ id: 999, capacity: 3 }, adminCtx), 'NOT_FOUND');
  });

  it('deactivates a room: gone from the default list, kept with includeInactive, closed for booking', async () => {
    const room = await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    await h['rooms:create'](aRoom({ number: 102 }), adminCtx);
    expect((await h['rooms:deactivate']({ id: room.id }, adminCtx)).active).toBe(false);
    expect((await h['rooms:list']({}, deskCtx)).map((r) => r.number)).toEqual([102]);
    expect((await h['rooms:list']({ includeInactive: true }, deskCtx)).map((r) => [r.number, r.active])).toEqual([[101, false], [102, true]]);
    await expectAppError(async () => await h['stays:create'](aStay({ roomId: room.id }), deskCtx), 'VALIDATION');
    expect((await h['rooms:update']({ id: room.id, active: true }, adminCtx)).active).toBe(true);
  });

  it('keeps a dirty room dirty when an update through the contract leaves housekeeping out', async () => {
    const room = await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    await h['rooms:setHousekeeping']({ id: room.id, housekeeping: 'dirty' }, deskCtx);
    const input = commands['rooms:update'].input.parse({ id: room.id, nightlyRate: 99_500 });
    expect(input).not.toHaveProperty('housekeeping');
    const updated = await h['rooms:update'](input, adminCtx);
    expect(updated).toMatchObject({ nightlyRate: 99_500, housekeeping: 'dirty' });
  });

  it('sets housekeeping and publishes the change', async () => {
    const room = await h['rooms:create'](aRoom({ number: 101 }), adminCtx);
    const dirty = await h['rooms:setHousekeeping']({ id: room.id, housekeeping: 'out_of_order' }, deskCtx);
    expect(dirty.housekeeping).toBe('out_of_order');
    expect(t.events.at(-1)).toEqual({ type: 'room.changed', room: dirty });
    await expectAppError(async () => await h['rooms:setHousekeeping']({ id: 999, housekeeping: 'clean' }, deskCtx), 'NOT_FOUND');
  });
});

describe('rooms:free', () => {
  let single: number;
  let double: number;
  beforeEach(async () => {
    single = (await h['rooms:create'](aRoom({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500 }), adminCtx)).id;
    double = (await h['rooms:create'](aRoom({ number: 102 }), adminCtx)).id;
    await h['rooms:create'](aRoom({ number: 110, category: 'Junior suite', capacity: 4, floor: 1 }), adminCtx);
  });
  const free = async (q: Partial<Parameters<Handlers['rooms:free']>[0]> = {}) =>
    (await h['rooms:free']({ checkin: '2026-05-01', checkout: '2026-05-03', ...q }, deskCtx)).map((r) => r.number);

  it('lists rooms free for the whole period, not those with an overlapping stay', async () => {
    expect(await free()).toEqual([101, 102, 110]);
    await h['stays:create'](aStay({ roomId: double, checkin: '2026-05-02', checkout: '2026-05-04' }), deskCtx);
    expect(await free()).toEqual([101, 110]);
    // Departure day of the period = arrival day of the stay: a same-day turnover, so 102 is free.
    expect(await free({ checkin: '2026-04-30', checkout: '2026-05-02' })).toEqual([101, 102, 110]);
  });

  it('counts a cancelled stay as free', async () => {
    const s = await h['stays:create'](aStay({ roomId: single }), deskCtx);
    expect(await free()).toEqual([102, 110]);
    await h['stays:cancel']({ id: s.id }, deskCtx);
    expect(await free()).toEqual([101, 102, 110]);
  });

  it('filters by beds and by category in any case, and leaves out rooms not in use', async () => {
    expect(await free({ guests: 2 })).toEqual([102, 110]);
    expect(await free({ guests: 3 })).toEqual([110]);
    expect(await free({ category: 'junior SUITE' })).toEqual([110]);
    await h['rooms:deactivate']({ id: double }, adminCtx);
    expect(await free({ guests: 2 })).toEqual([110]);
  });

  it('refuses a bad period', async () => {
    await expectAppError(async () => await free({ checkin: '2026-05-03', checkout: '2026-05-01' }), 'VALIDATION');
  });
});
