/**
 * What signing in and out starts and stops (app/session-flow.ts), driven through the session store
 * with a fake transport: the live feed, the desk's first loads (once, also with a stored token
 * confirmed later), and the clearing of every store's data on the way out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult, User } from '../../../shared/contract/auth';
import { followSession } from '../../../renderer/src/app/session-flow';
import { registerSessionReset } from '../../../renderer/src/stores/session-data';
import { useSessionStore } from '../../../renderer/src/stores/session-store';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { readStoredToken, storeToken } from '../../../renderer/src/transport/session-token';
import { TransportError } from '../../../renderer/src/transport/transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';

let t: FakeTransport;
let unfollow: (() => void) | undefined;
let deskLoads: number;
let clears: number;
const storage = new Map<string, string>();

const aUser = (overrides: Partial<User> = {}): User => ({
  id: 1, username: 'anna', email: 'anna@hotel.dk', role: 'staff', active: true, mustChangePassword: false,
  createdAt: '2026-05-01T09:00:00+02:00', lastLoginAt: null, ...overrides,
});
const loginAs = (user: User): LoginResult => ({ access_token: 'tok-new', token_type: 'bearer', expires_at: '2026-05-02T00:00:00Z', user });
const session = () => useSessionStore.getState();

registerSessionReset(() => clears++);

beforeEach(() => {
  storage.clear();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  useSessionStore.setState(useSessionStore.getInitialState(), true);
  deskLoads = 0;
  clears = 0;
  t = fakeTransport('http');
  t.answer('auth:logout', () => ({ message: 'Signed out' }));
  setTransport(t);
  t.onRefusal((command, e) => session().refused(command, e));
  unfollow = followSession(() => deskLoads++);
});

afterEach(() => {
  unfollow?.();
  vi.unstubAllGlobals();
});

describe('followSession', () => {
  it('with a stored token starts the desk and the live feed before auth:me answers, and does not start them twice', async () => {
    let confirm!: (u: User) => void;
    t.answer('auth:me', () => new Promise<User>((resolve) => (confirm = resolve)));
    storeToken('tok-1');
    const restoring = session().restore();
    expect(deskLoads).toBe(1);
    expect(t.live).toEqual([true]);

    confirm(aUser({ role: 'admin' }));
    await restoring;
    expect(session().state).toBe('signedIn');
    expect(deskLoads).toBe(1);
    expect(t.live).toEqual([true]);
  });

  it('without a token starts nothing until sign-in, then the desk and the live feed', async () => {
    await session().restore();
    expect(deskLoads).toBe(0);
    expect(t.live).toEqual([]);

    t.answer('auth:login', () => loginAs(aUser()));
    await session().login('anna', 'pw-long-enough');
    expect(deskLoads).toBe(1);
    expect(t.live).toEqual([true]);
  });

  it('gives a client the live feed (its own bookings’ changes) but never the desk’s loads', async () => {
    await session().restore();
    t.answer('auth:login', () => loginAs(aUser({ role: 'client' })));
    await session().login('kiosk', 'pw-long-enough');
    expect(deskLoads).toBe(0);
    expect(t.live).toEqual([true]);
  });

  it('on sign-out closes the live feed and clears the stores, and starts afresh for the next user', async () => {
    await session().restore();
    t.answer('auth:login', () => loginAs(aUser()));
    await session().login('anna', 'pw-long-enough');
    await session().logout();
    expect(t.live).toEqual([true, false]);
    expect(clears).toBe(1);

    await session().login('bo', 'pw-long-enough');
    expect(deskLoads).toBe(2);
    expect(t.live).toEqual([true, false, true]);
  });

  it('holds the desk back during the forced password change and starts it afterwards', async () => {
    await session().restore();
    t.answer('auth:login', () => loginAs(aUser({ username: 'admin', role: 'admin', mustChangePassword: true })));
    t.answer('auth:changePassword', () => ({ message: 'Password changed' }));
    await session().login('admin', 'admin');
    expect(deskLoads).toBe(0);
    expect(t.live).toEqual([]);

    await session().changePassword('admin', 'reception-2026');
    expect(deskLoads).toBe(1);
    expect(t.live).toEqual([true]);
  });

  it('with a stale stored token, a 401 from the optimistic start shows sign-in, closes the feed and clears the stores', async () => {
    // auth:me is slower than the board here: the board's refusal decides.
    t.answer('auth:me', () => new Promise<User>(() => undefined));
    t.answer('board:get', () => {
      throw new TransportError('UNAUTHENTICATED', 'Sign in first', 401);
    });
    storeToken('stale');
    void session().restore();
    await expect(t.invoke('board:get', {})).rejects.toBeInstanceOf(TransportError);
    expect(session()).toMatchObject({ state: 'signedOut', notice: 'expired' });
    expect(t.live).toEqual([true, false]);
    expect(clears).toBe(1);
    expect(readStoredToken()).toBeNull();
  });
});
