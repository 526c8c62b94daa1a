/**
 * Who is signed in here. `checking` at start, then `signedOut` (the sign-in screen), `mustChange`
 * (a default or reset password: only the change screen) or `signedIn`.
 *
 * Over HTTP this tab keeps its bearer token in sessionStorage (the transport sends it); over IPC
 * the Electron main process holds the desk's session, `access_token` arrives empty and nothing is
 * stored. With a stored token the desk starts at once (`optimistic`) while `auth:me` confirms it: a
 * stale token then shows as a 401 from whichever call answers first.
 *
 * Every 401 and 403 of any call reaches `refused`: 401 → the sign-in screen saying the session has
 * ended; PASSWORD_CHANGE_REQUIRED → the change screen; another 403 → `auth:me` once more, since
 * a role may have changed (an admin made staff); the screens follow the answer.
 */
import { create } from 'zustand';
import type { User } from '../../../shared/contract/auth';
import { transport } from '../transport/current-transport';
import { readStoredToken, storeToken } from '../transport/session-token';
import { isTransportError, type TransportError } from '../transport/transport';

export type SessionState = 'checking' | 'signedOut' | 'mustChange' | 'signedIn';
/** What the sign-in screen says about why it is shown. */
export type SignInNotice = 'expired' | 'signedOut' | 'deskOnly' | null;

/**
 * Their refusals are about the attempt, not the session (a wrong password is a 401); `auth:me`'s
 * own answer is handled where it is asked.
 */
const NOT_SESSION_REFUSALS: ReadonlySet<string> = new Set(['auth:login', 'auth:logout', 'auth:changePassword', 'auth:me']);

interface SessionStore {
  state: SessionState;
  user: User | null;
  notice: SignInNotice;
  /** HTTP with a stored token: the desk started before `auth:me` answered. */
  optimistic: boolean;
  /** Why the session could not be checked (host unreachable), shown on the sign-in screen. */
  error: unknown;
  restore(): Promise<void>;
  /** Throws the refusal (401 wrong password, 429 back-off, 403) for the sign-in form. */
  login(username: string, password: string): Promise<void>;
  /** Throws the refusal (wrong current password, the policy's 400) for the form. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  logout(): Promise<void>;
  refused(command: string, error: TransportError): void;
}

export const useSessionStore = create<SessionStore>((set, get) => {
  const signOutLocally = (notice: SignInNotice) => {
    if (transport().kind === 'http') storeToken(null);
    set({ state: 'signedOut', user: null, notice, optimistic: false, error: null });
  };

  const enter = (user: User) => {
    const t = transport();
    if (t.kind === 'ipc' && user.role === 'client') {
      // A client books over the LAN; the desk's window is for staff (the host refuses it too).
      void t.invoke('auth:logout', {}).catch(() => undefined);
      signOutLocally('deskOnly');
      return;
    }
    set({ state: user.mustChangePassword ? 'mustChange' : 'signedIn', user, notice: null, error: null });
  };

  let checking: Promise<void> | null = null;
  /** `auth:me`, one at a time. */
  const check = (): Promise<void> => {
    checking ??= (async () => {
      try {
        enter(await transport().invoke('auth:me', {}));
      } catch (e) {
        const { state, optimistic } = get();
        if (isTransportError(e) && e.status === 401) signOutLocally(state === 'checking' && !optimistic ? null : 'expired');
        // The host unreachable: sign-in says so, and the token stays for the next try (a reload).
        else if (state === 'checking') set({ state: 'signedOut', user: null, notice: null, optimistic: false, error: e });
        // A failed re-check while signed in (a network blip) changes nothing.
      } finally {
        checking = null;
      }
    })();
    return checking;
  };

  return {
    state: 'checking',
    user: null,
    notice: null,
    optimistic: false,
    error: null,

    async restore() {
      const optimistic = transport().kind === 'http';
      if (optimistic && !readStoredToken()) {
        set({ state: 'signedOut', optimistic: false });
        return;
      }
      set({ state: 'checking', optimistic });
      await check();
    },

    async login(username, password) {
      const t = transport();
      const result = await t.invoke('auth:login', { username, password });
      if (t.kind === 'http') storeToken(result.access_token);
      enter(result.user);
    },

    async changePassword(currentPassword, newPassword) {
      await transport().invoke('auth:changePassword', { currentPassword, newPassword });
      const { user } = get();
      if (user) set({ state: 'signedIn', user: { ...user, mustChangePassword: false }, notice: null });
    },

    async logout() {
      // With the token still stored, so the host revokes this very session.
      await transport().invoke('auth:logout', {}).catch(() => undefined);
      signOutLocally('signedOut');
    },

    refused(command, error) {
      if (NOT_SESSION_REFUSALS.has(command) || get().state === 'signedOut') return;
      if (error.status === 401) signOutLocally('expired');
      else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
        const { user } = get();
        set({ state: 'mustChange', user: user && { ...user, mustChangePassword: true } });
      } else void check();
    },
  };
});

/** Whether this is the desktop app's window (IPC), where a LAN client may not sign in: the sign-in screen words its refusal so. */
export function signingInAtTheDesktop(): boolean {
  return transport().kind === 'ipc';
}
