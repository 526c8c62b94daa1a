import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../shared/contract/events';
import type { FrontdeskApi } from '../../../renderer/src/transport/frontdesk-api';
import { createIpcTransport, unwrapIpcResult } from '../../../renderer/src/transport/ipc-transport';
import { TransportError } from '../../../renderer/src/transport/transport';

describe('unwrapIpcResult', () => {
  it('returns the value of a success', () => {
    expect(unwrapIpcResult({ ok: true, value: 42 })).toBe(42);
  });

  it('throws the same TransportError shape HTTP throws, status from the code', () => {
    try {
      unwrapIpcResult({ ok: false, error: { code: 'ROOM_UNAVAILABLE', message: 'Room 101 is taken' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TransportError);
      expect(e).toMatchObject({ code: 'ROOM_UNAVAILABLE', message: 'Room 101 is taken', status: 409 });
    }
  });
});

describe('createIpcTransport', () => {
  const listeners = new Set<(e: LiveEvent) => void>();
  const calls: [string, unknown][] = [];
  const api = {
    'stays:checkIn': async (input: unknown) => {
      calls.push(['stays:checkIn', input]);
      return { ok: false, error: { code: 'ILLEGAL_TRANSITION', message: 'Cannot check in a stay that is cancelled' } };
    },
    'stays:export': async (input: unknown) => {
      calls.push(['stays:export', input]);
      return { ok: true, value: { path: null, rows: 0 } };
    },
    'audit:export': async (input: unknown) => {
      calls.push(['audit:export', input]);
      return { ok: true, value: { path: '/home/desk/audit.csv', rows: 12 } };
    },
    'auth:me': async () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } }),
    'auth:login': async () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many attempts', retryAfterSeconds: 20 } }),
    onEvent(l: (e: LiveEvent) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as FrontdeskApi;
  const t = createIpcTransport(api);

  it('calls the preload function named like the command and throws its refusal', async () => {
    await expect(t.invoke('stays:checkIn', { id: 3 })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 409 });
    expect(calls.at(-1)).toEqual(['stays:checkIn', { id: 3 }]);
  });

  it('exports through stays:export with the defaults filled, and reports a cancelled save dialog', async () => {
    await expect(t.exportCsv('stays:export', { delimiter: ';' })).resolves.toEqual({ path: null, rows: 0 });
    expect(calls.at(-1)).toEqual(['stays:export', { delimiter: ';', bom: false }]);
  });

  it('exports the audit log through audit:export with its filters, and reports where the file went', async () => {
    await expect(t.exportCsv('audit:export', { actor: 'anna', from: '2026-05-01' })).resolves.toEqual({ path: '/home/desk/audit.csv', rows: 12 });
    expect(calls.at(-1)).toEqual(['audit:export', { delimiter: ',', bom: false, actor: 'anna', from: '2026-05-01' }]);
  });

  it('tells refusal listeners about a 401 or 403 from any command, but not about other refusals', async () => {
    const seen: [string, string][] = [];
    const off = t.onRefusal((command, e) => seen.push([command, e.code]));
    await expect(t.invoke('auth:me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    await expect(t.invoke('stays:checkIn', { id: 3 })).rejects.toMatchObject({ status: 409 });
    off();
    await expect(t.invoke('auth:me', {})).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual([['auth:me', 'UNAUTHENTICATED']]);
  });

  it('keeps the seconds of a back-off sent across IPC', async () => {
    await expect(t.invoke('auth:login', { username: 'anna', password: 'x' })).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 20 });
  });

  it('passes live events through and unsubscribes', () => {
    const seen: string[] = [];
    const off = t.onEvent((e) => seen.push(e.type));
    for (const l of listeners) l({ type: 'outbox.changed' });
    off();
    for (const l of listeners) l({ type: 'outbox.changed' });
    expect(seen).toEqual(['outbox.changed']);
  });

  it('is always live', () => {
    const states: string[] = [];
    t.onConnection((s) => states.push(s));
    expect(states).toEqual(['live']);
  });
});
