import { describe, expect, it, vi } from 'vitest';
import type { LoginResult } from '../../shared/contract/auth';
import { createDeskSessions, endSession } from '../../electron/desk-sessions';

const NOW = Date.parse('2026-05-01T08:00:00Z');

function login(token: string, options: { expiresAt?: string; mustChangePassword?: boolean } = {}): LoginResult {
  return {
    access_token: token,
    token_type: 'bearer',
    expires_at: options.expiresAt ?? '2026-05-01T20:00:00Z',
    user: {
      id: 1,
      username: 'anna',
      email: 'anna@hotel.test',
      role: 'staff',
      active: true,
      mustChangePassword: options.mustChangePassword ?? false,
      createdAt: '2026-01-01T00:00:00Z',
      lastLoginAt: null,
    },
  };
}

describe('the desk sessions', () => {
  it('keeps one token per window', () => {
    const sessions = createDeskSessions(() => NOW);
    expect(sessions.signIn(1, login('t1'))).toBeNull();
    sessions.signIn(2, login('t2'));
    expect(sessions.tokenFor(1)).toBe('t1');
    expect(sessions.tokenFor(2)).toBe('t2');
    expect(sessions.tokenFor(3)).toBeNull();
    expect(sessions.windowIds().sort()).toEqual([1, 2]);
  });

  it('hands back the token a new sign-in replaces, so it can be logged out', () => {
    const sessions = createDeskSessions(() => NOW);
    sessions.signIn(1, login('old'));
    expect(sessions.signIn(1, login('new'))).toBe('old');
    expect(sessions.tokenFor(1)).toBe('new');
  });

  it('forgets a window: returns its token once', () => {
    const sessions = createDeskSessions(() => NOW);
    sessions.signIn(1, login('t1'));
    expect(sessions.forget(1)).toBe('t1');
    expect(sessions.forget(1)).toBeNull();
    expect(sessions.tokenFor(1)).toBeNull();
    expect(sessions.receivesEvents(1)).toBe(false);
  });

  it('forgets a refused token, but not a newer sign-in of the same window', () => {
    const sessions = createDeskSessions(() => NOW);
    sessions.signIn(1, login('old'));
    sessions.signIn(1, login('new'));
    sessions.forgetToken(1, 'old');
    expect(sessions.tokenFor(1)).toBe('new');
    sessions.forgetToken(1, 'new');
    expect(sessions.tokenFor(1)).toBeNull();
  });

  it('sends events only to a signed-in window, until its session expires', () => {
    let now = NOW;
    const sessions = createDeskSessions(() => now);
    expect(sessions.receivesEvents(1)).toBe(false);
    sessions.signIn(1, login('t1', { expiresAt: '2026-05-01T09:00:00Z' }));
    expect(sessions.receivesEvents(1)).toBe(true);
    now = Date.parse('2026-05-01T09:00:00Z');
    expect(sessions.receivesEvents(1)).toBe(false);
  });

  it('sends no events while the password must be changed, and again once it is', () => {
    const sessions = createDeskSessions(() => NOW);
    sessions.signIn(1, login('t1', { mustChangePassword: true }));
    expect(sessions.receivesEvents(1)).toBe(false);
    sessions.passwordChanged(1);
    expect(sessions.receivesEvents(1)).toBe(true);
  });

  it('endSession forgets at once, then logs the token out with the host', async () => {
    const sessions = createDeskSessions(() => NOW);
    sessions.signIn(7, login('t7'));
    const call = vi.fn(async () => ({ ok: true as const, value: { message: 'Signed out' } }));
    const ending = endSession(sessions, { call }, 7);
    expect(sessions.tokenFor(7)).toBeNull();
    await ending;
    expect(call).toHaveBeenCalledWith('auth:logout', {}, 't7');
    await endSession(sessions, { call }, 7);
    expect(call).toHaveBeenCalledTimes(1);
  });
});
