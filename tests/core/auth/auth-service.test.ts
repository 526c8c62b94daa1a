import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_RUN_ADMIN } from '../../../core/auth/auth-service';
import { signToken } from '../../../core/auth/token-codec';
import type { CallContext } from '../../../core/context';
import { readSettingValues } from '../../../db/queries/settings-queries';
import { expectAppError } from '../../support/app-error';
import { auditRows, createAuthFixture, GOOD_PASSWORD, httpCtx, NOW, rejection, systemCtx, type AuthFixture } from './auth-fixture';

const INVALID = 'Sign in again: the session is invalid or has expired';
let f: AuthFixture;
beforeEach(async () => (f = await createAuthFixture()));
afterEach(async () => await f.close());

async function signIn(username: string, password = GOOD_PASSWORD): Promise<{ token: string; ctx: CallContext }> {
  const { access_token: token } = await f.auth.login({ username, password }, httpCtx());
  return { token, ctx: await f.auth.contextForToken(token, { via: 'http', address: '192.168.1.50' }) };
}
const secret = async () => Buffer.from((await readSettingValues(f.db)).get('auth.signingSecret') as string, 'base64url');
const refused = (token: string) => expectAppError(async () => await f.auth.contextForToken(token, { via: 'http' }), 'UNAUTHENTICATED', INVALID);

describe('contextForToken', () => {
  it('gives the caller from the session and the users row', async () => {
    const id = await f.addUser('eva', 'staff');
    const { token, ctx } = await signIn('eva');
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toEqual({ sub: String(id), jti: ctx.sessionId, iat: NOW / 1000, exp: NOW / 1000 + 12 * 3600 });
    expect(ctx.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ctx).toEqual({
      actor: { userId: id, username: 'eva', role: 'staff', mustChangePassword: false },
      via: 'http',
      sessionId: ctx.sessionId,
      address: '192.168.1.50',
    });
    expect(await f.auth.contextForToken(token, { via: 'ipc' })).toEqual({ ...ctx, via: 'ipc', address: undefined });
  });

  it('a role change ends the user\'s sessions at once; signed in again, the user has the new role', async () => {
    const id = await f.addUser('eva', 'staff');
    await f.addUser('boss', 'admin');
    const { token } = await signIn('eva');
    await f.users.update({ id, role: 'client' }, systemCtx);
    await refused(token);
    expect((await f.auth.contextForToken((await signIn('eva')).token, { via: 'http' })).actor.role).toBe('client');
  });

  it('refuses (401, one message) expired, revoked, forged, alg:none and foreign-key tokens', async () => {
    const id = await f.addUser('eva', 'staff');
    const { token, ctx } = await signIn('eva');
    const claims = { sub: String(id), jti: ctx.sessionId!, iat: NOW / 1000, exp: NOW / 1000 + 3600 };
    await refused(signToken(claims, randomBytes(32))); // another installation's secret
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1]}.`;
    await refused(none);
    await refused(`${token.slice(0, -4)}AAAA`);
    await refused(signToken({ ...claims, sub: String(id + 1) }, await secret())); // a real jti under another user's id
    await refused(signToken({ ...claims, jti: 'no-such-session' }, await secret()));
    f.advance(12 * 3_600_000);
    await refused(token);
  });

  it('refuses a well-signed token whose session row expired before its exp', async () => {
    await f.addUser('eva', 'staff');
    const { token, ctx } = await signIn('eva');
    await f.db.run('UPDATE sessions SET expires_at = ? WHERE id = ?', NOW + 1000, ctx.sessionId);
    expect((await f.auth.contextForToken(token, { via: 'http' })).actor.username).toBe('eva');
    f.advance(1000);
    await refused(token);
  });

  it('refuses the token of a deactivated user', async () => {
    const id = await f.addUser('eva', 'staff');
    await f.addUser('boss', 'admin');
    const { token } = await signIn('eva');
    await f.db.run('UPDATE users SET active = 0 WHERE id = ?', id); // even with its session left unrevoked
    await refused(token);
  });

  it('keeps tokens valid across a restart (same stored secret)', async () => {
    await f.addUser('eva', 'staff');
    const { token } = await signIn('eva');
    await f.restart();
    expect((await f.auth.contextForToken(token, { via: 'http' })).actor.username).toBe('eva');
  });
});

describe('logout and me', () => {
  it('logout revokes this session at once (not the others) and audits it', async () => {
    const id = await f.addUser('eva', 'staff');
    const first = await signIn('eva');
    const second = await signIn('eva');
    f.advance(5000);
    expect(await f.auth.logout(first.ctx)).toEqual({ message: 'Logged out' });
    await refused(first.token);
    expect((await f.auth.contextForToken(second.token, { via: 'http' })).actor.userId).toBe(id);
    expect(await f.db.get('SELECT revoked_at AS r FROM sessions WHERE id = ?', first.ctx.sessionId)).toEqual({ r: NOW + 5000 });
    expect(await auditRows(f.db, 'auth:logout')).toEqual([
      { action: 'auth:logout', actor: 'eva', entityId: String(id), detail: '{}', via: 'http', address: '192.168.1.50' },
    ]);
  });

  it('me returns the signed-in user, and 401 once it is gone', async () => {
    const id = await f.addUser('eva', 'staff');
    const { ctx } = await signIn('eva');
    expect(await f.auth.me(ctx)).toMatchObject({ id, username: 'eva', role: 'staff', lastLoginAt: '2026-05-01T10:00:00+02:00' });
    await expectAppError(async () => await f.auth.me({ ...ctx, actor: { ...ctx.actor, userId: 999 } }), 'UNAUTHENTICATED');
    await expectAppError(async () => await f.auth.me(httpCtx()), 'UNAUTHENTICATED');
  });
});

describe('changePassword', () => {
  const NEW = 'Harbour seal sunrise 7';

  it('checks the current password, sets the new one, keeps this session and ends the others', async () => {
    const id = await f.addUser('eva', 'staff');
    const here = await signIn('eva');
    const elsewhere = await signIn('eva');
    expect(await f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: NEW }, here.ctx)).toEqual({ message: 'Password changed' });
    expect((await f.auth.contextForToken(here.token, { via: 'http' })).actor.userId).toBe(id);
    await refused(elsewhere.token);
    expect((await rejection(f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx()))).code).toBe('UNAUTHENTICATED');
    expect((await f.auth.login({ username: 'eva', password: NEW }, httpCtx())).user.id).toBe(id);
    const row = (await auditRows(f.db, 'auth:changePassword'))[0]!;
    expect(row).toMatchObject({ actor: 'eva', entityId: String(id) });
    expect(JSON.parse(row.detail)).toEqual({ sessionsRevoked: 1 });
    expect(JSON.stringify(await auditRows(f.db))).not.toContain('Harbour');
  });

  it('refuses a wrong current password (400), a weak new one, and the same one again', async () => {
    await f.addUser('eva', 'staff');
    const { ctx } = await signIn('eva');
    expect(await rejection(f.auth.changePassword({ currentPassword: 'not my password', newPassword: NEW }, ctx))).toMatchObject({
      code: 'VALIDATION', message: 'The current password is wrong',
    });
    expect(await rejection(f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: 'password123' }, ctx))).toMatchObject({
      code: 'VALIDATION', message: 'This password is one of the most common passwords; choose another',
    });
    expect(await rejection(f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD }, ctx))).toMatchObject({
      code: 'VALIDATION', message: 'The new password must differ from the current one',
    });
    expect(await auditRows(f.db, 'auth:changePassword')).toEqual([]);
  });

  it('counts wrong current passwords in the sign-in back-off: 429 with retryAfterSeconds, audited, the right one works after the wait', async () => {
    const id = await f.addUser('eva', 'staff');
    const { ctx } = await signIn('eva');
    for (let i = 0; i < 5; i++) {
      expect((await rejection(f.auth.changePassword({ currentPassword: `guess ${i}`, newPassword: NEW }, ctx))).code).toBe('VALIDATION');
    }
    const locked = await rejection(f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: NEW }, ctx));
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    // The same back-off as sign-in: the account is locked there too.
    expect((await rejection(f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx('10.9.9.9')))).code).toBe('RATE_LIMITED');
    const reasons = (await auditRows(f.db, 'auth:changePasswordFailed')).map((r) => [r.entityId, JSON.parse(r.detail).reason]);
    expect(reasons).toEqual([...Array(5).fill([String(id), 'password']), [String(id), 'throttled']]);
    f.advance(30_000);
    expect(await f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: NEW }, ctx)).toEqual({ message: 'Password changed' });
    expect(await f.db.get(`SELECT count(*) AS n FROM login_throttle WHERE key = 'user:eva'`)).toEqual({ n: 0 });
  });

  it('clears must-change: the first-run admin changes admin/admin', async () => {
    await f.auth.ensureFirstRunAdmin();
    const { ctx } = await signIn('admin', 'admin');
    expect(ctx.actor.mustChangePassword).toBe(true);
    expect(await f.auth.defaultPasswordPending()).toBe(true);
    await f.auth.changePassword({ currentPassword: 'admin', newPassword: NEW }, ctx);
    expect(await f.auth.defaultPasswordPending()).toBe(false);
    expect((await f.auth.me(ctx)).mustChangePassword).toBe(false);
  });
});

describe('ensureFirstRunAdmin', () => {
  it('creates admin / admin@localhost with password admin and a forced change, once', async () => {
    expect(await f.auth.defaultPasswordPending()).toBe(false);
    await f.auth.ensureFirstRunAdmin();
    await f.auth.ensureFirstRunAdmin();
    expect(await f.users.list()).toEqual([
      expect.objectContaining({ id: 1, username: FIRST_RUN_ADMIN.username, email: 'admin@localhost', role: 'admin', active: true, mustChangePassword: true }),
    ]);
    expect(await f.auth.defaultPasswordPending()).toBe(true);
    expect((await f.auth.login({ username: 'admin', password: 'admin' }, httpCtx())).user.mustChangePassword).toBe(true);
    expect(JSON.parse((await auditRows(f.db, 'users:create'))[0]!.detail)).toEqual({ username: 'admin', role: 'admin', firstRun: true, forcedChange: true });
  });

  it('uses FRONTDESK_ADMIN_PASSWORD when given, with no forced change', async () => {
    await f.auth.ensureFirstRunAdmin(GOOD_PASSWORD);
    expect(await f.auth.defaultPasswordPending()).toBe(false);
    expect((await f.auth.login({ username: 'admin', password: GOOD_PASSWORD }, httpCtx())).user.mustChangePassword).toBe(false);
    expect((await rejection(f.auth.login({ username: 'admin', password: 'admin' }, httpCtx('10.0.0.2')))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an initial password that breaks the policy, creating nobody', async () => {
    await expect(f.auth.ensureFirstRunAdmin('admin')).rejects.toThrow(
      'FRONTDESK_ADMIN_PASSWORD is not acceptable: The password must be at least 10 characters long',
    );
    await expect(f.auth.ensureFirstRunAdmin('1234567890')).rejects.toThrow(/most common passwords/);
    expect(await f.users.list()).toEqual([]);
  });

  it('does nothing once any user exists', async () => {
    await f.addUser('eva', 'staff');
    await f.auth.ensureFirstRunAdmin();
    expect(await f.users.seedList()).toEqual([{ id: 1, username: 'eva', email: 'eva@hotel.test' }]);
  });

  it('defaultPasswordPending ignores inactive admins and non-admins on a reset password', async () => {
    await f.auth.ensureFirstRunAdmin();
    const boss = await f.addUser('boss', 'admin');
    await f.users.update({ id: 1, active: false }, systemCtx);
    expect(await f.auth.defaultPasswordPending()).toBe(false);
    const eva = await f.addUser('eva', 'staff');
    await f.users.resetPassword({ id: eva, newPassword: 'Temporary pass 2026' }, systemCtx);
    expect(await f.auth.defaultPasswordPending()).toBe(false);
    await f.users.resetPassword({ id: boss, newPassword: 'Temporary pass 2026' }, systemCtx);
    expect(await f.auth.defaultPasswordPending()).toBe(true);
  });
});
