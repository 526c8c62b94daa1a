/** `core.call`: reads run at once, writes wait for the batcher, settings are written on their own. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, handledCommandNames, isBatchedWrite, OPEN_GUARD, UNBATCHED_WRITES } from '../../core/command-dispatcher';
import type { Handlers } from '../../core/context';
import type { WriteBatcher } from '../../core/write-batcher';
import { commands, type CommandDef } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { aRoom } from '../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../support/test-core';
import { fakeHandlers } from '../electron/fake-handlers';

let t: TestCore | undefined;
afterEach(() => t?.close());

/** A batcher that only queues: a write's handler runs when the test says so. */
function manualWrites() {
  const queued: (() => void)[] = [];
  const writes: WriteBatcher = {
    run: (fn) =>
      new Promise((resolve, reject) => {
        queued.push(() => {
          try {
            resolve(fn());
          } catch (e) {
            reject(e);
          }
        });
      }),
  };
  return { writes, flush: () => queued.splice(0).forEach((run) => run()) };
}

describe('which commands are batched', () => {
  it('batches every write of the contract except settings:update, and no read', () => {
    for (const name of handledCommandNames) {
      const write = (commands[name] as CommandDef).http.method !== 'GET';
      expect(isBatchedWrite(name), name).toBe(write && name !== 'settings:update');
    }
    expect([...UNBATCHED_WRITES]).toEqual(['settings:update']);
    expect(isBatchedWrite('bookings:create')).toBe(true);
    expect(isBatchedWrite('stays:list')).toBe(false);
  });
});

describe('createDispatcher', () => {
  it('runs a read at once and a write only when the batcher runs it', async () => {
    const handlers = fakeHandlers();
    const { writes, flush } = manualWrites();
    const call = createDispatcher({ handlers, writes, guard: OPEN_GUARD });

    const read = call('stays:get', { id: 4 }, deskCtx);
    expect(handlers['stays:get']).toHaveBeenCalledWith({ id: 4 }, deskCtx);
    const write = call('stays:cancel', { id: 4 }, deskCtx);
    expect(handlers['stays:cancel']).not.toHaveBeenCalled();
    flush();
    expect(handlers['stays:cancel']).toHaveBeenCalledWith({ id: 4 }, deskCtx);
    await expect(read).resolves.toEqual({ echoed: { id: 4 }, by: 'stays:get' });
    await expect(write).resolves.toEqual({ echoed: { id: 4 }, by: 'stays:cancel' });
  });

  it('runs settings:update at once, outside any batch', () => {
    const handlers = fakeHandlers();
    const run = vi.fn();
    void createDispatcher({ handlers, writes: { run } as unknown as WriteBatcher, guard: OPEN_GUARD })('settings:update', { currency: 'EUR' }, adminCtx);
    expect(handlers['settings:update']).toHaveBeenCalledWith({ currency: 'EUR' }, adminCtx);
    expect(run).not.toHaveBeenCalled();
  });

  it('turns a handler’s throw into a rejected promise, for reads and writes alike', async () => {
    const handlers = fakeHandlers();
    const refused = new AppError('NOT_FOUND', 'Stay 4 not found');
    handlers['stays:get'].mockImplementation(() => {
      throw refused;
    });
    handlers['stays:cancel'].mockImplementation(() => {
      throw refused;
    });
    const { writes, flush } = manualWrites();
    const call = createDispatcher({ handlers, writes, guard: OPEN_GUARD });
    const read = call('stays:get', { id: 4 }, deskCtx);
    const write = call('stays:cancel', { id: 4 }, deskCtx);
    flush();
    await expect(read).rejects.toBe(refused);
    await expect(write).rejects.toBe(refused);
  });

  it('refuses to start when the core lacks a handler', () => {
    const handlers = fakeHandlers() as Partial<Handlers>;
    delete handlers['stays:create'];
    expect(() => createDispatcher({ handlers: handlers as Handlers, writes: manualWrites().writes, guard: OPEN_GUARD })).toThrow(/stays:create/);
  });
});

describe('core.call over a real core', () => {
  it('applies settings:update at once; a write batched after it uses the new settings', async () => {
    t = createTestCore();
    const room = await t.core.call('rooms:create', aRoom(), adminCtx);
    const settings = t.core.call('settings:update', { currency: 'EUR' }, adminCtx);
    expect(t.core.settings.get().currency).toBe('EUR');
    await expect(settings).resolves.toMatchObject({ currency: 'EUR' });
    const booked = await t.core.call('bookings:create', { roomnumber: room.number, category: room.category, checkin: '2026-06-01', checkout: '2026-06-03' }, deskCtx);
    expect(booked).toMatchObject({ roomnumber: room.number });
    expect(t.sqlite.prepare("SELECT json_extract(payload, '$.currency') FROM outbox").pluck().get()).toBe('EUR');
  });
});
