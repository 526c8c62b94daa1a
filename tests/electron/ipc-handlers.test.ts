import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { fake, resetFakeElectron } from '../support/fake-electron';
import { fakeCall, fakeHandlers, type FakeHandlers } from './fake-handlers';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const trustedEvent = { trusted: true };
const foreignEvent = { trusted: false };

let handlers: FakeHandlers;
let exportStays: ReturnType<typeof vi.fn>;
let logError: ReturnType<typeof vi.fn>;

function register(overrides: Partial<IpcHandlerDeps> = {}) {
  return registerIpcHandlers({
    ipcMain: fake.ipcMain as unknown as IpcHandlerDeps['ipcMain'],
    call: fakeCall(handlers),
    exportStays: exportStays as unknown as IpcHandlerDeps['exportStays'],
    isTrustedSender: (event) => (event as unknown as typeof trustedEvent).trusted,
    logError: logError as unknown as IpcHandlerDeps['logError'],
    ...overrides,
  });
}

beforeEach(() => {
  resetFakeElectron();
  handlers = fakeHandlers();
  exportStays = vi.fn(async () => ({ path: '/tmp/stays.csv', rows: 3 }));
  logError = vi.fn();
});

describe('registerIpcHandlers', () => {
  it('registers every IPC command of the contract and nothing else', () => {
    const returned = register();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...ipcCommandNames].sort());
    expect(returned.sort()).toEqual([...ipcCommandNames].sort());
    expect(fake.ipcMain.handlers.has('bookings:exportCsv')).toBe(false);
  });

  it('calls the handler with the parsed input and the desk context, and wraps the value', async () => {
    register();
    const result = await fake.ipcMain.invoke('stays:get', trustedEvent, { id: '42' });
    expect(handlers['stays:get']).toHaveBeenCalledWith({ id: 42 }, { actor: { username: 'desk', role: 'admin' }, via: 'ipc' });
    expect(result).toEqual({ ok: true, value: { echoed: { id: 42 }, by: 'stays:get' } });
  });

  it('applies schema defaults before the handler sees the input', async () => {
    register();
    await fake.ipcMain.invoke('rooms:create', trustedEvent, { number: 101, category: 'Standard', capacity: 2, nightlyRate: 90000, floor: 1 });
    expect(handlers['rooms:create'].mock.calls[0]![0]).toMatchObject({ housekeeping: 'clean' });
  });

  it('treats a call without input as an empty object', async () => {
    register();
    const result = await fake.ipcMain.invoke('settings:get', trustedEvent);
    expect(result).toMatchObject({ ok: true });
    expect(handlers['settings:get']).toHaveBeenCalledWith({}, expect.anything());
  });

  it('refuses a foreign sender with FORBIDDEN and never reaches the handler', async () => {
    register();
    const result = await fake.ipcMain.invoke('stays:cancel', foreignEvent, { id: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(handlers['stays:cancel']).not.toHaveBeenCalled();
  });

  it('refuses bad input with VALIDATION naming the field, and never reaches the handler', async () => {
    register();
    const result = (await fake.ipcMain.invoke('stays:move', trustedEvent, { id: 1, roomId: 'abc' })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^roomId: /);
    expect(result.error.message).not.toContain('Invalid input: ');
    expect(handlers['stays:move']).not.toHaveBeenCalled();
  });

  it('refuses a non-object input with VALIDATION', async () => {
    register();
    const result = await fake.ipcMain.invoke('stays:get', trustedEvent, 'DROP TABLE stays');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(handlers['stays:get']).not.toHaveBeenCalled();
  });

  it('passes an AppError through as its code and message', async () => {
    handlers['stays:create'].mockImplementation(() => {
      throw new AppError('ROOM_UNAVAILABLE', 'Room 101 is taken for those nights');
    });
    register();
    const input = { roomId: 1, guestName: 'Ada', checkin: '2026-03-01', checkout: '2026-03-03' };
    const result = await fake.ipcMain.invoke('stays:create', trustedEvent, input);
    expect(result).toEqual({ ok: false, error: { code: 'ROOM_UNAVAILABLE', message: 'Room 101 is taken for those nights' } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns an unexpected error into INTERNAL without its message, and logs it in main', async () => {
    const boom = new Error('SQLITE_CORRUPT at /home/desk/secret/path.db');
    handlers['board:get'].mockImplementation(async () => {
      throw boom;
    });
    register();
    const result = await fake.ipcMain.invoke('board:get', trustedEvent, { from: '2026-03-01', days: 7 });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(logError).toHaveBeenCalledWith('board:get', boom);
  });

  it('sends exports:stays to the desktop exporter with the parsed query', async () => {
    register();
    const result = await fake.ipcMain.invoke('exports:stays', trustedEvent, { delimiter: ';', bom: 'true' });
    expect(exportStays).toHaveBeenCalledWith({ delimiter: ';', bom: true });
    expect(result).toEqual({ ok: true, value: { path: '/tmp/stays.csv', rows: 3 } });
  });

  it('validates exports:stays input like any other command', async () => {
    register();
    const result = await fake.ipcMain.invoke('exports:stays', trustedEvent, { delimiter: '|' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(exportStays).not.toHaveBeenCalled();
  });
});
