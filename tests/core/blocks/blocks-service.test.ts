import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aBlock, aRoom, aStay } from '../../support/builders';
import { countRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let room: number;

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
  room = (await h['rooms:create'](aRoom({ number: 207 }), adminCtx)).id;
});
afterEach(async () => await t.close());

describe('blocks:create', () => {
  it('covers the nights between its dates, with the stays’ 14:00 / 12:00 defaults', async () => {
    const block = await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-01', to: '2026-05-03', reason: 'New carpet' }), deskCtx);
    expect(block).toEqual({
      id: block.id,
      roomId: room,
      roomNumber: 207,
      from: '2026-05-01T14:00:00+02:00',
      to: '2026-05-03T12:00:00+02:00',
      fromDate: '2026-05-01',
      toDate: '2026-05-03',
      reason: 'New carpet',
      kind: 'blocked',
      createdAt: '2026-05-01T10:00:00+02:00',
    });
    expect(t.events).toContainEqual({ type: 'block.changed', action: 'created', block });
    expect(await countRows(t.db, 'outbox')).toBe(0);
  });

  it('occupies the room: a stay over it is refused, one after it on the last day is fine', async () => {
    await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-01', to: '2026-05-03' }), deskCtx);
    await expectAppError(
      async () => await h['stays:create'](aStay({ roomId: room, checkin: '2026-05-02', checkout: '2026-05-04' }), deskCtx),
      'ROOM_UNAVAILABLE',
      'Room 207 is not available from 2026-05-02 to 2026-05-04',
    );
    expect((await h['stays:create'](aStay({ roomId: room, checkin: '2026-05-03', checkout: '2026-05-04' }), deskCtx)).status).toBe('booked');
    expect(await h['rooms:free']({ checkin: '2026-05-01', checkout: '2026-05-02' }, deskCtx)).toEqual([]);
  });

  it('is refused over a stay or another block', async () => {
    await h['stays:create'](aStay({ roomId: room, checkin: '2026-05-05', checkout: '2026-05-07' }), deskCtx);
    await expectAppError(async () => await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-06', to: '2026-05-08' }), deskCtx), 'ROOM_UNAVAILABLE');
    await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-10', to: '2026-05-12' }), deskCtx);
    await expectAppError(
      async () => await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-11', to: '2026-05-20' }), deskCtx),
      'ROOM_UNAVAILABLE',
      'Room 207 is not available from 2026-05-11 to 2026-05-20',
    );
    expect(await countRows(t.db, 'room_blocks')).toBe(1);
  });

  it('may run longer than the longest stay', async () => {
    expect((await h['blocks:create'](aBlock({ roomId: room, from: '2026-06-01', to: '2026-12-01' }), deskCtx)).toDate).toBe('2026-12-01');
    await expectAppError(async () => await h['stays:create'](aStay({ roomId: room, checkin: '2026-11-29', checkout: '2026-11-30' }), deskCtx), 'ROOM_UNAVAILABLE');
  });

  it('refuses an empty period and an unknown room', async () => {
    await expectAppError(async () => await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-03', to: '2026-05-01' }), deskCtx), 'VALIDATION', 'to must be after from');
    await expectAppError(async () => await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-03T08:00', to: '2026-05-03T10:00' }), deskCtx), 'VALIDATION', /at least one night/);
    await expectAppError(async () => await h['blocks:create'](aBlock({ roomId: 999 }), deskCtx), 'NOT_FOUND');
  });
});

describe('blocks:list and blocks:remove', () => {
  it('lists blocks overlapping the dates, and a removed block frees the room', async () => {
    const a = await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-01', to: '2026-05-03' }), deskCtx);
    const b = await h['blocks:create'](aBlock({ roomId: room, from: '2026-05-10', to: '2026-05-12' }), deskCtx);
    expect((await h['blocks:list']({ from: '2026-05-01', to: '2026-05-31' }, deskCtx)).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(await h['blocks:list']({ from: '2026-05-04', to: '2026-05-10' }, deskCtx)).toEqual([]);
    expect((await h['blocks:list']({ from: '2026-05-11', to: '2026-05-12' }, deskCtx)).map((x) => x.id)).toEqual([b.id]);

    expect(await h['blocks:remove']({ id: a.id }, deskCtx)).toEqual({ id: a.id });
    expect(t.events).toContainEqual({ type: 'block.changed', action: 'removed', block: a });
    expect((await h['stays:create'](aStay({ roomId: room, checkin: '2026-05-01', checkout: '2026-05-03' }), deskCtx)).status).toBe('booked');
  });

  it('answers 404 for an unknown block', async () => {
    await expectAppError(async () => await h['blocks:remove']({ id: 77 }, deskCtx), 'NOT_FOUND', 'Block 77 not found');
  });
});
