/**
 * The window's IPC over the real core and database: main's handlers and sessions, the host's request
 * handler, and between them a structured clone as the process boundary (the real child process:
 * host-process.test.ts). What the window actually gets back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeskSessions, type DeskSessions } from '../../electron/desk-sessions';
import type { HostClient } from '../../electron/host-client';
import type { HostRequest, HostRequestBody } from '../../electron/host-protocol';
import { createHostRequestHandler } from '../../electron/host-requests';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { fake, resetFakeElectron } from '../support/fake-electron';
import type { TestCore } from '../support/test-core';
import { createDeskCore, PASSWORD } from './desk-core';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

let t: TestCore;
let sessions: DeskSessions;
const desk = { sender: { id: 1 } };
const ipc = (channel: string, input?: unknown) => fake.ipcMain.invoke(channel, desk, input);

/** The host client's requests answered in this process, every message cloned as it would be between processes. */
function inProcessHost(core: TestCore): Pick<HostClient, 'call' | 'authorize' | 'exportFile' | 'importFile'> {
  const answer = createHostRequestHandler({ core: core.core }, () => undefined);
  let id = 0;
  const send = async (request: HostRequestBody) => {
    const { kind: _kind, id: _id, ...result } = structuredClone(await answer(structuredClone({ ...request, id: ++id }) as HostRequest));
    return result as never;
  };
  return {
    call: (name, input, token) => send({ kind: 'call', name, input, token }),
    authorize: (name, token) => send({ kind: 'authorize', name, token }),
    exportFile: (name, input, token, file) => send({ kind: 'export', name, input, token, file }),
    importFile: (name, input, token, file) => send({ kind: 'importFile', name, input, token, file }),
  };
}

async function signIn(username: 'admin' | 'sam') {
  return (await ipc('auth:login', { username, password: PASSWORD })) as { ok: boolean; value: { access_token: string; user: { username: string } } };
}

beforeEach(async () => {
  resetFakeElectron();
  t = await createDeskCore();
  sessions = createDeskSessions();
  registerIpcHandlers({
    ipcMain: fake.ipcMain as unknown as IpcHandlerDeps['ipcMain'],
    host: inProcessHost(t),
    sessions,
    exportFile: async () => ({ ok: true, value: { path: null, rows: 0 } }),
    importFile: async () => ({ ok: false, error: { code: 'VALIDATION', message: 'Choose a file to import first' } }),
    isTrustedSender: (event) => event === (desk as unknown),
    logError: () => undefined,
  });
});

afterEach(async () => await t.close());

describe('IPC over the real core', () => {
  it('answers 401 to everything but the public commands before the window signs in', async () => {
    await expect(ipc('health:get')).resolves.toMatchObject({ ok: true });
    await expect(ipc('rooms:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect(ipc('board:get', { from: '2026-05-01', days: 7 })).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('signs in: the page sees who, never the token, and the window acts as that user', async () => {
    const login = await signIn('sam');
    expect(login).toMatchObject({ ok: true, value: { access_token: '', token_type: 'bearer', user: { username: 'sam', role: 'staff' } } });
    const token = sessions.tokenFor(1)!;
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(login)).not.toContain(token);
    await expect(ipc('auth:me')).resolves.toMatchObject({ ok: true, value: { username: 'sam' } });
    await expect(ipc('users:list')).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a wrong password with 401 and keeps no session', async () => {
    await expect(ipc('auth:login', { username: 'sam', password: 'not it at all' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(sessions.tokenFor(1)).toBeNull();
  });

  it('signs out: the token is revoked in the core and forgotten by main', async () => {
    await signIn('sam');
    const token = sessions.tokenFor(1)!;
    await expect(ipc('auth:logout', {})).resolves.toMatchObject({ ok: true });
    await expect(t.core.contextFor(token, { via: 'ipc' })).rejects.toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    await expect(ipc('rooms:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('books a stay as the signed-in user and refuses an overlapping one with ROOM_UNAVAILABLE', async () => {
    await signIn('admin');
    const room = await ipc('rooms:create', { number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 90000, floor: 1 });
    expect(room).toMatchObject({ ok: true, value: { number: 101 } });
    const roomId = (room as { value: { id: number } }).value.id;
    await signIn('sam');

    const first = await ipc('stays:create', { roomId, guestName: 'Ada Lovelace', checkin: '2026-05-10', checkout: '2026-05-12' });
    expect(first).toMatchObject({ ok: true, value: { roomId, guestName: 'Ada Lovelace', status: 'booked', createdBy: 'sam' } });
    const second = await ipc('stays:create', { roomId, guestName: 'Alan Turing', checkin: '2026-05-11', checkout: '2026-05-13' });
    expect(second).toMatchObject({ ok: false, error: { code: 'ROOM_UNAVAILABLE', message: expect.any(String) } });
  });

  it('sends writes through the core’s writes (db.write: the group commit on SQLite): two overlapping bookings at once, one wins', async () => {
    await signIn('admin');
    const room = (await ipc('rooms:create', { number: 102, category: 'Standard single room', capacity: 1, nightlyRate: 90000, floor: 1 })) as { value: { id: number } };
    const batched = vi.spyOn(t.core.deps.db, 'write');
    const booking = { roomId: room.value.id, checkin: '2026-05-10', checkout: '2026-05-12' };
    const [a, b] = await Promise.all([ipc('stays:create', { ...booking, guestName: 'Ada' }), ipc('stays:create', { ...booking, guestName: 'Alan' })]);
    expect(batched).toHaveBeenCalledTimes(2);
    // Which of the two wins is the engine's (SQLite's group commit takes them in order; on PostgreSQL they race): one does.
    const results = [a, b] as { ok: boolean; value?: { guestName: string }; error?: { code: string } }[];
    expect(results.filter((r) => r.ok)).toEqual([expect.objectContaining({ value: expect.objectContaining({ guestName: expect.stringMatching(/^(Ada|Alan)$/) }) })]);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'ROOM_UNAVAILABLE', message: expect.any(String) }) }]);
  });

  it('answers an unknown stay with NOT_FOUND', async () => {
    await signIn('sam');
    await expect(ipc('stays:get', { id: 999 })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
