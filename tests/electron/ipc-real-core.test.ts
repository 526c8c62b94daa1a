/** The IPC adapter over the real core and a real database: what the window actually gets back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { fake, resetFakeElectron } from '../support/fake-electron';
import { createTestCore, type TestCore } from '../support/test-core';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

let t: TestCore;
const trusted = {};
const call = (channel: string, input?: unknown) => fake.ipcMain.invoke(channel, trusted, input);

beforeEach(() => {
  resetFakeElectron();
  t = createTestCore();
  registerIpcHandlers({
    ipcMain: fake.ipcMain as unknown as IpcHandlerDeps['ipcMain'],
    call: t.core.call,
    exportStays: async () => ({ path: null, rows: 0 }),
    isTrustedSender: (event) => event === (trusted as unknown),
    logError: () => undefined,
  });
});

afterEach(() => t.close());

describe('IPC over the real core', () => {
  it('books a stay and refuses an overlapping one with ROOM_UNAVAILABLE', async () => {
    const room = await call('rooms:create', { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 90000, floor: 1 });
    expect(room).toMatchObject({ ok: true, value: { number: 101 } });
    const roomId = (room as { value: { id: number } }).value.id;

    const first = await call('stays:create', { roomId, guestName: 'Ada Lovelace', checkin: '2026-05-10', checkout: '2026-05-12' });
    expect(first).toMatchObject({ ok: true, value: { roomId, guestName: 'Ada Lovelace', status: 'booked', createdBy: 'desk' } });

    const second = await call('stays:create', { roomId, guestName: 'Alan Turing', checkin: '2026-05-11', checkout: '2026-05-13' });
    expect(second).toMatchObject({ ok: false, error: { code: 'ROOM_UNAVAILABLE', message: expect.any(String) } });
  });

  it('sends writes through the core’s write batcher: two overlapping bookings at once, one wins', async () => {
    const room = (await call('rooms:create', { number: 102, category: 'Standard single room', capacity: 1, nightlyRate: 90000, floor: 1 })) as { value: { id: number } };
    const batched = vi.spyOn(t.core.writes, 'run');
    const booking = { roomId: room.value.id, checkin: '2026-05-10', checkout: '2026-05-12' };
    const [a, b] = await Promise.all([call('stays:create', { ...booking, guestName: 'Ada' }), call('stays:create', { ...booking, guestName: 'Alan' })]);
    expect(batched).toHaveBeenCalledTimes(2);
    expect([a, b]).toEqual([
      expect.objectContaining({ ok: true, value: expect.objectContaining({ guestName: 'Ada' }) }),
      { ok: false, error: { code: 'ROOM_UNAVAILABLE', message: expect.any(String) } },
    ]);
  });

  it('answers an unknown stay with NOT_FOUND', async () => {
    await expect(call('stays:get', { id: 999 })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('returns values that survive structured cloning unchanged', async () => {
    const result = (await call('settings:get')) as { ok: true; value: unknown };
    expect(result.ok).toBe(true);
    expect(structuredClone(result.value)).toEqual(result.value);
  });
});
