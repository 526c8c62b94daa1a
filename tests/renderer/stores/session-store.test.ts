import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult, User } from '../../../shared/contract/auth';
import { useSessionStore } from '../../../renderer/src/stores/session-store';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { readStoredToken, SESSION_TOKEN_KEY, storeToken } from '../../../renderer/src/transport/session-token';
import { TransportError } from '../../../renderer/src/transport/transport';
import { fakeTransport, type FakeTransport } from './fake-transport';

const aUser = (overrides: Partial<User> = {}): User => ({
  id: 2,
  username: 'anna',
  email: 'anna@hotel.dk',
  role: 'staff',
  active: true,
  mustChangePassword: false,
  createdAt: '2026-05-01T09:00:00+02:00',
  lastLoginAt: null,
  ...overrides,
});
const loginResult = (user: User, token: string): LoginResult => ({ access_token: token, token_type: 'bearer', expires_at: '2026-05-01T21:00:00Z', user });
const unauthenticated = () => new TransportError('UNAUTHENTICATED', 'Sign in first', 401);

/** This tab's sessionStorage. */
const storage = new Map<string, string>();

let t: FakeTransport;

function use(kind: 'ipc' | 'http'): FakeTransport {
  t = fakeTransport(kind);
  setTransport(t);
  t.onRefusal((command, e) => useSessionStore.getState().refused(command, e));
  return t;
}

beforeEach(() => {
  storage.clear();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  useSessionStore.setState(useSessionStore.getInitialState(), true);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('restore at start', () => {
  it('in a browser without a stored token goes straight to sign-in without asking the host', async () => {
    use('http');
    await useSessionStore.getState().restore();
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: null, optimistic: false });
    expect(t.calls).toEqual([]);
  });

  it('in a browser with a stored token starts the desk at once and confirms the session with auth:me', async () => {
    use('http').answer('auth:me', () => aUser({ role: 'admin' }));
    storeToken('tok-1');
    const restoring = useSessionStore.getState().restore();
    // Before the answer: checking, optimistically (the desk may start its requests).
    expect(useSessionStore.getState()).toMatchObject({ state: 'checking', optimistic: true });
    await restoring;
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedIn', user: { username: 'anna', role: 'admin' } });
  });

  it('with a stale stored token lands on sign-in saying the session has ended, and forgets the token', async () => {
    use('http').answer('auth:me', () => {
      throw unauthenticated();
    });
    storeToken('stale');
    await useSessionStore.getState().restore();
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: 'expired', user: null });
    expect(readStoredToken()).toBeNull();
  });

  it('in the desktop app asks the main process (it holds the session) and shows sign-in quietly when there is none', async () => {
    use('ipc').answer('auth:me', () => {
      throw unauthenticated();
    });
    await useSessionStore.getState().restore();
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: null, optimistic: false });
    expect(t.calls.map(([name]) => name)).toEqual(['auth:me']);
  });

  it('sends a user who must still change the password to the change screen', async () => {
    use('ipc').answer('auth:me', () => aUser({ username: 'admin', role: 'admin', mustChangePassword: true }));
    await useSessionStore.getState().restore();
    expect(useSessionStore.getState()).toMatchObject({ state: 'mustChange', user: { username: 'admin' } });
  });

  it('keeps the reason when the host cannot be reached, and the token for a later try', async () => {
    use('http').answer('auth:me', () => {
      throw new TransportError('NETWORK', 'Cannot reach the desk server');
    });
    storeToken('tok-1');
    await useSessionStore.getState().restore();
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', error: { code: 'NETWORK' } });
    expect(readStoredToken()).toBe('tok-1');
  });
});

describe('login', () => {
  it('in a browser keeps the token in sessionStorage and signs in', async () => {
    use('http').answer('auth:login', () => loginResult(aUser(), 'tok-new'));
    await useSessionStore.getState().login('anna', 'correct horse battery');
    expect(t.calls).toEqual([['auth:login', { username: 'anna', password: 'correct horse battery' }]]);
    expect(storage.get(SESSION_TOKEN_KEY)).toBe('tok-new');
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedIn', user: { role: 'staff' }, notice: null });
  });

  it('in the desktop app stores nothing: the main process keeps the session, the token arrives empty', async () => {
    use('ipc').answer('auth:login', () => loginResult(aUser(), ''));
    await useSessionStore.getState().login('anna', 'correct horse battery');
    expect(storage.size).toBe(0);
    expect(useSessionStore.getState().state).toBe('signedIn');
  });

  it('throws a wrong password to the form and stays on sign-in, without treating it as an ended session', async () => {
    use('http').answer('auth:login', () => {
      throw new TransportError('UNAUTHENTICATED', 'Wrong username or password', 401);
    });
    await useSessionStore.getState().restore();
    await expect(useSessionStore.getState().login('anna', 'nope')).rejects.toMatchObject({ status: 401 });
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: null });
  });

  it('goes to the change screen after signing in with the default password', async () => {
    use('http').answer('auth:login', () => loginResult(aUser({ username: 'admin', role: 'admin', mustChangePassword: true }), 'tok-a'));
    await useSessionStore.getState().login('admin', 'admin');
    expect(useSessionStore.getState().state).toBe('mustChange');
  });

  it('refuses a client in the desktop app and signs it out again at once', async () => {
    use('ipc').answer('auth:login', () => loginResult(aUser({ role: 'client' }), ''));
    t.answer('auth:logout', () => ({ message: 'Signed out' }));
    await useSessionStore.getState().login('kiosk', 'kiosk-password-1');
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: 'deskOnly', user: null });
    expect(t.calls.map(([name]) => name)).toEqual(['auth:login', 'auth:logout']);
  });
});

describe('changePassword and logout', () => {
  it('after the forced change lets the user in', async () => {
    use('http').answer('auth:login', () => loginResult(aUser({ username: 'admin', role: 'admin', mustChangePassword: true }), 'tok-a'));
    t.answer('auth:changePassword', () => ({ message: 'Password changed' }));
    await useSessionStore.getState().login('admin', 'admin');
    await useSessionStore.getState().changePassword('admin', 'a-much-better-one');
    expect(t.calls.at(-1)).toEqual(['auth:changePassword', { currentPassword: 'admin', newPassword: 'a-much-better-one' }]);
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedIn', user: { mustChangePassword: false } });
  });

  it('keeps the change screen when the host refuses the new password', async () => {
    use('http').answer('auth:login', () => loginResult(aUser({ mustChangePassword: true }), 'tok-a'));
    t.answer('auth:changePassword', () => {
      throw new TransportError('VALIDATION', 'password is too common', 400);
    });
    await useSessionStore.getState().login('anna', 'temporary-pass');
    await expect(useSessionStore.getState().changePassword('temporary-pass', 'password123')).rejects.toMatchObject({ status: 400 });
    expect(useSessionStore.getState().state).toBe('mustChange');
  });

  it('revokes the session with the token still sent, then forgets it', async () => {
    use('http').answer('auth:login', () => loginResult(aUser(), 'tok-1'));
    const tokenAtLogout: (string | null)[] = [];
    t.answer('auth:logout', () => {
      tokenAtLogout.push(readStoredToken());
      return { message: 'Signed out' };
    });
    await useSessionStore.getState().login('anna', 'pw-long-enough');
    await useSessionStore.getState().logout();
    expect(tokenAtLogout).toEqual(['tok-1']);
    expect(readStoredToken()).toBeNull();
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: 'signedOut', user: null });
  });

  it('signs out locally even when the host cannot be reached', async () => {
    use('http').answer('auth:login', () => loginResult(aUser(), 'tok-1'));
    t.answer('auth:logout', () => {
      throw new TransportError('NETWORK', 'offline');
    });
    await useSessionStore.getState().login('anna', 'pw-long-enough');
    await useSessionStore.getState().logout();
    expect(useSessionStore.getState().state).toBe('signedOut');
    expect(readStoredToken()).toBeNull();
  });
});

describe('refusals of other calls', () => {
  async function signedInAs(user: User): Promise<void> {
    use('http').answer('auth:login', () => loginResult(user, 'tok-1'));
    await useSessionStore.getState().login(user.username, 'pw-long-enough');
  }

  it('a 401 from any call (expired, revoked elsewhere) shows sign-in saying so', async () => {
    await signedInAs(aUser());
    t.answer('board:get', () => {
      throw unauthenticated();
    });
    await expect(t.invoke('board:get', {})).rejects.toBeInstanceOf(TransportError);
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: 'expired' });
    expect(readStoredToken()).toBeNull();
  });

  it('PASSWORD_CHANGE_REQUIRED from any call shows the change screen', async () => {
    await signedInAs(aUser());
    t.answer('stays:list', () => {
      throw new TransportError('PASSWORD_CHANGE_REQUIRED', 'Change your password first', 403);
    });
    await expect(t.invoke('stays:list', {})).rejects.toBeInstanceOf(TransportError);
    expect(useSessionStore.getState()).toMatchObject({ state: 'mustChange', user: { mustChangePassword: true } });
  });

  it('another 403 asks auth:me again, and follows a role that changed meanwhile', async () => {
    await signedInAs(aUser({ role: 'admin' }));
    t.answer('users:list', () => {
      throw new TransportError('FORBIDDEN', 'Your role may not do this', 403);
    });
    t.answer('auth:me', () => aUser({ role: 'staff' }));
    await expect(t.invoke('users:list', {})).rejects.toBeInstanceOf(TransportError);
    await vi.waitFor(() => expect(useSessionStore.getState().user?.role).toBe('staff'));
    expect(useSessionStore.getState().state).toBe('signedIn');
  });

  it('a 401 from the live feed ends the session like any other', async () => {
    await signedInAs(aUser());
    useSessionStore.getState().refused('live', unauthenticated());
    expect(useSessionStore.getState()).toMatchObject({ state: 'signedOut', notice: 'expired' });
  });

  it('a late 401 after signing out changes nothing', async () => {
    await signedInAs(aUser());
    t.answer('auth:logout', () => ({ message: 'Signed out' }));
    await useSessionStore.getState().logout();
    useSessionStore.getState().refused('board:get', unauthenticated());
    expect(useSessionStore.getState().notice).toBe('signedOut');
  });
});
