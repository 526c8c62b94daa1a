/**
 * `core.call`: every call authorized first; reads run at once (`db.read`), writes in `db.write` (group
 * commit on SQLite), each with its audit row; settings are written in a unit of their own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, handledCommandNames, isBatchedWrite, OPEN_GUARD, type DispatchGuard } from '../../core/command-dispatcher';
import { anonymousContext, createEventBus, type Handlers } from '../../core/context';
import type { CommitDeps } from '../../core/commit';
import type { Database } from '../../db/database';
import { commands, type CommandDef } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { aRoom } from '../support/builders';
import { signIn } from '../support/sessions';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../support/test-core';
import { fakeHandlers } from '../support/fake-handlers';

let t: TestCore | undefined;
afterEach(async () => await t?.close());

/**
 * A database that only queues writes: a write's handler runs when the test says so (`flush`), as a
 * group commit runs it at the end of the turn. Reads run at once; a unit of its own (settings:update)
 * runs at once and is recorded.
 */
function manualWrites() {
  const queued: (() => void)[] = [];
  const units = vi.fn();
  const db = {
    read: <T>(fn: () => Promise<T>) => fn(),
    write: <T>(fn: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queued.push(() => void fn().then(resolve, reject));
      }),
    unit: <T>(fn: () => Promise<T>) => {
      units();
      return fn();
    },
    afterCommit: (fn: () => void) => fn(),
  } as unknown as Database;
  const commitDeps: CommitDeps = { db, clock: () => 0, events: createEventBus() };
  return { commitDeps, units, flush: () => queued.splice(0).forEach((run) => run()) };
}

describe('which commands are batched', () => {
  it('batches every write of the contract except settings:update, and no read', () => {
    for (const name of handledCommandNames) {
      const write = (commands[name] as CommandDef).http.method !== 'GET';
      const def = commands[name] as CommandDef;
      expect(isBatchedWrite(name), name).toBe(write && !def.unbatched && !def.async);
    }
    expect(handledCommandNames.filter((n) => (commands[n] as CommandDef).unbatched)).toEqual(['settings:update']);
    expect(isBatchedWrite('stays:seedCreate')).toBe(true);
    expect(isBatchedWrite('stays:list')).toBe(false);
  });
});

describe('createDispatcher', () => {
  it('runs a read at once and a write only when the batcher runs it', async () => {
    const handlers = fakeHandlers();
    const { commitDeps, flush } = manualWrites();
    const call = createDispatcher({ handlers, commitDeps, guard: OPEN_GUARD });

    const read = call('stays:get', { id: 4 }, deskCtx);
    expect(handlers['stays:get']).toHaveBeenCalledWith({ id: 4 }, deskCtx);
    const write = call('stays:cancel', { id: 4 }, deskCtx);
    expect(handlers['stays:cancel']).not.toHaveBeenCalled();
    flush();
    expect(handlers['stays:cancel']).toHaveBeenCalledWith({ id: 4 }, deskCtx);
    await expect(read).resolves.toEqual({ echoed: { id: 4 }, by: 'stays:get' });
    await expect(write).resolves.toEqual({ echoed: { id: 4 }, by: 'stays:cancel' });
  });

  it('runs settings:update at once in a unit of its own, outside any group commit', async () => {
    const handlers = fakeHandlers();
    const { commitDeps, units } = manualWrites();
    const update = createDispatcher({ handlers, commitDeps, guard: OPEN_GUARD })('settings:update', { currency: 'EUR' }, adminCtx);
    expect(handlers['settings:update']).toHaveBeenCalledWith({ currency: 'EUR' }, adminCtx);
    expect(units).toHaveBeenCalledTimes(1);
    await expect(update).resolves.toEqual({ echoed: { currency: 'EUR' }, by: 'settings:update' });
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
    const { commitDeps, flush } = manualWrites();
    const call = createDispatcher({ handlers, commitDeps, guard: OPEN_GUARD });
    const read = call('stays:get', { id: 4 }, deskCtx);
    const write = call('stays:cancel', { id: 4 }, deskCtx);
    flush();
    await expect(read).rejects.toBe(refused);
    await expect(write).rejects.toBe(refused);
  });

  it('refuses to start when the core lacks a handler', () => {
    const handlers = fakeHandlers() as Partial<Handlers>;
    delete handlers['stays:create'];
    expect(() => createDispatcher({ handlers: handlers as Handlers, commitDeps: manualWrites().commitDeps, guard: OPEN_GUARD })).toThrow(/stays:create/);
  });
});

describe('core.call over a real core', () => {
  it('applies settings:update once committed; a write batched after it uses the new settings', async () => {
    t = await createTestCore();
    const room = await t.core.call('rooms:create', aRoom(), adminCtx);
    await expect(t.core.call('settings:update', { currency: 'EUR' }, adminCtx)).resolves.toMatchObject({ currency: 'EUR' });
    expect(t.core.settings.get().currency).toBe('EUR');
    const booked = await t.core.call('stays:seedCreate', { roomnumber: room.number, category: room.category, checkin: '2026-06-01', checkout: '2026-06-03' }, deskCtx);
    expect(booked).toMatchObject({ roomnumber: room.number });
    const outbox = await t.db.all<{ payload: string }>('SELECT payload FROM outbox');
    expect(outbox.map((r) => (JSON.parse(r.payload) as { currency?: string }).currency)).toEqual(['EUR']);
  });
});

describe('the guard', () => {
  function spyGuard(refuse: string) {
    return {
      authorize: vi.fn<DispatchGuard['authorize']>((name) => {
        if (name === refuse) throw new AppError('FORBIDDEN', 'Your role may not do this');
      }),
      audit: vi.fn<DispatchGuard['audit']>(),
    };
  }

  it('authorizes every call before its handler runs; a refused call never reaches it, read or write', async () => {
    const handlers = fakeHandlers();
    const { commitDeps, flush } = manualWrites();
    for (const name of ['stays:get', 'stays:cancel', 'settings:update', 'auth:changePassword'] as const) {
      const guard = spyGuard(name);
      const call = createDispatcher({ handlers, commitDeps, guard });
      const refused = call(name, { id: 4 } as never, deskCtx);
      flush();
      await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(guard.authorize).toHaveBeenCalledWith(name, deskCtx);
      expect(handlers[name]).not.toHaveBeenCalled();
      expect(guard.audit).not.toHaveBeenCalled();
    }
  });

  it('audits a batched write with its input and output inside the batch; never a read or a write that failed', async () => {
    const handlers = fakeHandlers();
    handlers['stays:checkIn'].mockImplementation(() => {
      throw new AppError('ILLEGAL_TRANSITION', 'Stay 5 is cancelled');
    });
    const { commitDeps, flush } = manualWrites();
    const guard = spyGuard('none');
    const call = createDispatcher({ handlers, commitDeps, guard });
    const write = call('stays:cancel', { id: 4 }, deskCtx);
    const failed = call('stays:checkIn', { id: 5 }, deskCtx);
    await call('stays:get', { id: 4 }, deskCtx);
    expect(guard.audit).not.toHaveBeenCalled();
    flush();
    await write;
    await expect(failed).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(guard.audit.mock.calls).toEqual([['stays:cancel', { id: 4 }, { echoed: { id: 4 }, by: 'stays:cancel' }, deskCtx]]);
  });
});

describe('core.call guarded, over a real core', () => {
  it('refuses an anonymous caller (401) and a role the contract does not list (403), before anything is written', async () => {
    t = await createTestCore();
    const staff = await t.core.contextFor((await signIn(t.core, 'staff')).token, { via: 'ipc' });
    await expect(t.core.call('rooms:create', aRoom(), anonymousContext('ipc'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(t.core.call('rooms:create', aRoom(), staff)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.db.get('SELECT count(*) AS n FROM guest_rooms')).toEqual({ n: 0 });
    await expect(t.core.call('rooms:list', {}, staff)).resolves.toEqual([]);
  });

  it('writes the audit row of a write in the same commit, with who and how', async () => {
    t = await createTestCore();
    const admin = await t.core.contextFor((await signIn(t.core, 'admin')).token, { via: 'ipc' });
    const room = await t.core.call('rooms:create', aRoom({ number: 101 }), admin);
    const rows = await t.db.all(`SELECT actor, role, action, entity, entity_id AS "entityId", via FROM audit_log WHERE action = 'rooms:create'`);
    expect(rows).toEqual([{ actor: admin.actor.username, role: 'admin', action: 'rooms:create', entity: 'rooms', entityId: String(room.id), via: 'ipc' }]);
  });
});
