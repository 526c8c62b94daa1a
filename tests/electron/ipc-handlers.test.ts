import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult } from '../../shared/contract/auth';
import { ipcCommandNames, type IpcResult } from '../../shared/contract/commands';
import { createDeskSessions, type DeskSessions } from '../../electron/desk-sessions';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { fake, resetFakeElectron } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

type Result = IpcResult<unknown>;

const WINDOW = 3;
const trusted = { trusted: true, sender: { id: WINDOW } };
const otherWindow = { trusted: true, sender: { id: 4 } };
const foreign = { trusted: false, sender: { id: WINDOW } };

function loginResult(token: string, mustChangePassword = false): LoginResult {
  return {
    access_token: token,
    token_type: 'bearer',
    expires_at: '2999-01-01T00:00:00Z',
    user: { id: 2, username: 'sam', email: 'sam@hotel.test', role: 'staff', active: true, mustChangePassword, createdAt: '2026-01-01T00:00:00Z', lastLoginAt: null },
  };
}

let sessions: DeskSessions;
let call: ReturnType<typeof vi.fn<(name: string, input: unknown, token: string | null) => Promise<Result>>>;
let exportFile: ReturnType<typeof vi.fn>;
let importFile: ReturnType<typeof vi.fn>;
let logError: ReturnType<typeof vi.fn>;
let tokens: string[];

function register(overrides: Partial<IpcHandlerDeps> = {}) {
  return registerIpcHandlers({
    ipcMain: fake.ipcMain as unknown as IpcHandlerDeps['ipcMain'],
    host: { call } as unknown as IpcHandlerDeps['host'],
    sessions,
    exportFile: exportFile as unknown as IpcHandlerDeps['exportFile'],
    importFile: importFile as unknown as IpcHandlerDeps['importFile'],
    isTrustedSender: (event) => (event as unknown as typeof trusted).trusted,
    logError: logError as unknown as IpcHandlerDeps['logError'],
    ...overrides,
  });
}

const invoke = (channel: string, event: unknown, input?: unknown) => fake.ipcMain.invoke(channel, event, input) as Promise<Result>;
const signIn = () => invoke('auth:login', trusted, { username: 'sam', password: 'Tide-pool lantern 42' });

beforeEach(() => {
  resetFakeElectron();
  sessions = createDeskSessions();
  tokens = ['token-1', 'token-2'];
  call = vi.fn(async (name: string, input: unknown, token: string | null): Promise<Result> => {
    if (name === 'auth:login') return { ok: true, value: loginResult(tokens.shift()!) };
    return { ok: true, value: { echoed: input, by: name, token } };
  });
  exportFile = vi.fn(async () => ({ ok: true, value: { path: '/tmp/stays.csv', rows: 3 } }));
  importFile = vi.fn(async () => ({ ok: true, value: { committed: true, created: 2 } }));
  logError = vi.fn();
});

describe('registerIpcHandlers', () => {
  it('registers every IPC command of the contract and nothing else', () => {
    const returned = register();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...ipcCommandNames].sort());
    expect(returned.sort()).toEqual([...ipcCommandNames].sort());
    expect(fake.ipcMain.handlers.has('stays:seedExport')).toBe(false);
  });

  it('relays a window without a session with no token (the core answers 401)', async () => {
    register();
    await invoke('stays:get', trusted, { id: '42' });
    expect(call).toHaveBeenCalledWith('stays:get', { id: 42 }, null);
  });

  it('relays the parsed input with the window’s own token, and returns the host’s answer as is', async () => {
    register();
    await signIn();
    const result = await invoke('stays:get', trusted, { id: '42' });
    expect(call).toHaveBeenLastCalledWith('stays:get', { id: 42 }, 'token-1');
    expect(result).toEqual({ ok: true, value: { echoed: { id: 42 }, by: 'stays:get', token: 'token-1' } });
    await invoke('stays:get', otherWindow, { id: 1 });
    expect(call).toHaveBeenLastCalledWith('stays:get', { id: 1 }, null);
  });

  it('applies schema defaults and treats a missing input as {}', async () => {
    register();
    await invoke('rooms:create', trusted, { number: 101, category: 'Standard', capacity: 2, nightlyRate: 90000, floor: 1 });
    expect(call.mock.calls[0]![1]).toMatchObject({ housekeeping: 'clean' });
    await invoke('settings:get', trusted);
    expect(call).toHaveBeenLastCalledWith('settings:get', {}, null);
  });

  it('refuses a foreign sender with FORBIDDEN and relays nothing, not even a login', async () => {
    register();
    expect(await invoke('stays:cancel', foreign, { id: 1 })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(await invoke('auth:login', foreign, { username: 'sam', password: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(call).not.toHaveBeenCalled();
    expect(sessions.tokenFor(WINDOW)).toBeNull();
  });

  it('refuses bad input with VALIDATION naming the field, and relays nothing', async () => {
    register();
    const result = await invoke('stays:move', trusted, { id: 1, roomId: 'abc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/^roomId: /);
    expect((result as { error: { message: string } }).error.message).not.toContain('Invalid input: ');
    expect(await invoke('stays:get', trusted, 'DROP TABLE stays')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke('auth:login', trusted, { username: 'sam' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('turns a failure in main into INTERNAL without its message, and logs it', async () => {
    const boom = new Error('channel to /home/desk/secret broke');
    call.mockRejectedValueOnce(boom);
    register();
    const result = await invoke('board:get', trusted, { from: '2026-03-01', days: 7 });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(logError).toHaveBeenCalledWith('board:get', boom);
  });
});

describe('the session over IPC', () => {
  it('signs in with no token, keeps the token in main and gives the page everything else', async () => {
    register();
    const result = await signIn();
    expect(call).toHaveBeenCalledWith('auth:login', { username: 'sam', password: 'Tide-pool lantern 42' }, null);
    expect(result).toEqual({ ok: true, value: { ...loginResult('token-1'), access_token: '' } });
    expect(JSON.stringify(result)).not.toContain('token-1');
    expect(sessions.tokenFor(WINDOW)).toBe('token-1');
    expect(sessions.receivesEvents(WINDOW)).toBe(true);
  });

  it('keeps no session when the sign-in is refused', async () => {
    call.mockResolvedValueOnce({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password' } });
    register();
    expect(await signIn()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password' } });
    expect(sessions.tokenFor(WINDOW)).toBeNull();
  });

  it('logs out the session a second sign-in replaces', async () => {
    register();
    await signIn();
    await signIn();
    expect(sessions.tokenFor(WINDOW)).toBe('token-2');
    expect(call).toHaveBeenCalledWith('auth:logout', {}, 'token-1');
  });

  it('logs out with the window’s token, then forgets it', async () => {
    register();
    await signIn();
    const result = await invoke('auth:logout', trusted, {});
    expect(call).toHaveBeenLastCalledWith('auth:logout', {}, 'token-1');
    expect(result).toMatchObject({ ok: true });
    expect(sessions.tokenFor(WINDOW)).toBeNull();
    await invoke('rooms:list', trusted, {});
    expect(call).toHaveBeenLastCalledWith('rooms:list', {}, null);
  });

  it('forgets a session the core no longer accepts (expired, revoked, user deactivated)', async () => {
    register();
    await signIn();
    call.mockResolvedValueOnce({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Your session has ended' } });
    await invoke('rooms:list', trusted, {});
    expect(sessions.tokenFor(WINDOW)).toBeNull();
    expect(sessions.receivesEvents(WINDOW)).toBe(false);
  });

  it('keeps the session on other refusals', async () => {
    register();
    await signIn();
    call.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role may not do this' } });
    await invoke('users:list', trusted, {});
    expect(sessions.tokenFor(WINDOW)).toBe('token-1');
  });

  it('lets events reach a window that had to change its password once it has', async () => {
    call.mockImplementationOnce(async () => ({ ok: true, value: loginResult('token-1', true) }));
    register();
    await signIn();
    expect(sessions.receivesEvents(WINDOW)).toBe(false);
    call.mockResolvedValueOnce({ ok: false, error: { code: 'VALIDATION', message: 'too short' } });
    await invoke('auth:changePassword', trusted, { currentPassword: 'admin', newPassword: 'x' });
    expect(sessions.receivesEvents(WINDOW)).toBe(false);
    await invoke('auth:changePassword', trusted, { currentPassword: 'admin', newPassword: 'Tide-pool lantern 43' });
    expect(sessions.receivesEvents(WINDOW)).toBe(true);
  });
});

describe('the file exports', () => {
  it('refuse a window without a session before any dialog', async () => {
    register();
    expect(await invoke('stays:export', trusted, {})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first', reason: 'auth.signInFirst' } });
    expect(await invoke('audit:export', trusted, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(exportFile).not.toHaveBeenCalled();
  });

  it('go to the desktop exporter with the parsed query and the window’s token', async () => {
    register();
    await signIn();
    const result = await invoke('stays:export', trusted, { delimiter: ';', bom: 'true' });
    expect(exportFile).toHaveBeenCalledWith('stays:export', { delimiter: ';', bom: true }, 'token-1');
    expect(result).toEqual({ ok: true, value: { path: '/tmp/stays.csv', rows: 3 } });
    await invoke('audit:export', trusted, { actor: 'sam' });
    expect(exportFile).toHaveBeenLastCalledWith('audit:export', { actor: 'sam', delimiter: ',', bom: false }, 'token-1');
  });

  it('are validated like any other command', async () => {
    register();
    await signIn();
    expect(await invoke('stays:export', trusted, { delimiter: '|' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(exportFile).not.toHaveBeenCalled();
  });
});

describe('the file imports', () => {
  it('refuse a window without a session, and are validated like any other command', async () => {
    register();
    expect(await invoke('imports:runFile', trusted, { kind: 'guestRooms' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await signIn();
    expect(await invoke('imports:runFile', trusted, { kind: 'planets' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke('imports:runFile', trusted, { kind: 'stays', mapping: 'not json' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(importFile).not.toHaveBeenCalled();
  });

  it('go to the desktop importer with the parsed input, the window and its token (the file is the one its open dialog chose)', async () => {
    register();
    await signIn();
    const result = await invoke('imports:runFile', trusted, { kind: 'stays', dryRun: 'true', mapping: '{"room":"Værelse"}', jobId: 'desk-import-1' });
    expect(importFile).toHaveBeenCalledWith('imports:runFile', { kind: 'stays', dryRun: true, mode: 'allOrNothing', mapping: { room: 'Værelse' }, jobId: 'desk-import-1' }, WINDOW, 'token-1');
    expect(result).toEqual({ ok: true, value: { committed: true, created: 2 } });
  });
});
