import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { auditRows, createAuthFixture, GOOD_PASSWORD, httpCtx, rejection, type AuthFixture } from './auth-fixture';

let f: AuthFixture;
let admin: CallContext;
beforeEach(async () => {
  f = await createAuthFixture();
  const id = await f.addUser('boss', 'admin');
  admin = { actor: { userId: id, username: 'boss', role: 'admin' }, via: 'http', address: '192.168.1.2' };
});
afterEach(async () => await f.close());

const seedInput = { username: 'kiosk', email_address: 'kiosk@hotel.test', password: GOOD_PASSWORD, confirm_password: GOOD_PASSWORD };
const TAKEN = 'Username or e-mail address already taken';
const hashes = async () => (await f.db.all('SELECT password_hash AS h FROM users') as { h: string }[]).map((r) => r.h);

describe('seed 002: users:seedList and users:seedCreate', () => {
  it('creates a client and answers {id, username, email}; the list has exactly those fields', async () => {
    expect(await f.users.seedCreate(seedInput, admin)).toEqual({ id: 2, username: 'kiosk', email: 'kiosk@hotel.test' });
    expect(await f.users.seedList()).toEqual([
      { id: 1, username: 'boss', email: 'boss@hotel.test' },
      { id: 2, username: 'kiosk', email: 'kiosk@hotel.test' },
    ]);
    expect((await f.users.list())[1]).toMatchObject({ role: 'client', active: true, mustChangePassword: false, lastLoginAt: null });
    expect(await auditRows(f.db, 'users:seedCreate')).toEqual([
      { action: 'users:seedCreate', actor: 'boss', entityId: '2', detail: '{"username":"kiosk","email":"kiosk@hotel.test","role":"client"}', via: 'http', address: '192.168.1.2' },
    ]);
  });

  it('refuses passwords that do not match (400) before anything else', async () => {
    const e = await rejection(f.users.seedCreate({ ...seedInput, confirm_password: `${GOOD_PASSWORD}!` }, admin));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'password and confirm_password do not match' });
  });

  it('refuses a taken username or e-mail, whatever the case (409)', async () => {
    await f.users.seedCreate(seedInput, admin);
    for (const clash of [{ username: 'KIOSK' }, { email_address: 'Kiosk@Hotel.TEST', username: 'other' }]) {
      const e = await rejection(f.users.seedCreate({ ...seedInput, ...clash }, admin));
      expect(e).toMatchObject({ code: 'CONFLICT', message: TAKEN });
    }
    expect(await f.users.seedList()).toHaveLength(2);
  });

  it('applies the password policy (400)', async () => {
    const e = await rejection(f.users.seedCreate({ ...seedInput, password: 'qwertyuiop', confirm_password: 'qwertyuiop' }, admin));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'This password is one of the most common passwords; choose another' });
  });

  it('lets two racing registrations of one name end with one user and one 409', async () => {
    const results = await Promise.allSettled([f.users.seedCreate(seedInput, admin), f.users.seedCreate(seedInput, httpCtx())]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await f.users.seedList()).toHaveLength(2);
  });
});

describe('users:create, list', () => {
  it('creates a user with any role, stores only an argon2id hash, never returns it', async () => {
    const user = await f.users.create({ username: 'eva', email: 'eva@hotel.test', password: GOOD_PASSWORD, role: 'staff' }, admin);
    expect(user).toEqual({
      id: 2, username: 'eva', email: 'eva@hotel.test', role: 'staff', active: true, mustChangePassword: true,
      createdAt: '2026-05-01T10:00:00+02:00', lastLoginAt: null,
    });
    expect((await hashes()).every((h) => h.startsWith('$argon2id$'))).toBe(true);
    expect(JSON.stringify(await f.users.list())).not.toMatch(/argon2|Tide-pool/);
    expect(JSON.stringify(await auditRows(f.db))).not.toMatch(/argon2|Tide-pool/);
    expect((await auditRows(f.db, 'users:create')).at(-1)).toMatchObject({ actor: 'boss', entityId: '2' });
  });

  it('makes the new user change the admin-chosen password at the first sign-in', async () => {
    await f.users.create({ username: 'eva', email: 'eva@hotel.test', password: GOOD_PASSWORD, role: 'staff' }, admin);
    const first = await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    expect(first.user.mustChangePassword).toBe(true);
    const ctx = await f.auth.contextForToken(first.access_token, { via: 'http' });
    expect(ctx.actor.mustChangePassword).toBe(true);
    await f.auth.changePassword({ currentPassword: GOOD_PASSWORD, newPassword: 'Harbour seal sunrise 7' }, ctx);
    expect((await f.auth.login({ username: 'eva', password: 'Harbour seal sunrise 7' }, httpCtx())).user.mustChangePassword).toBe(false);
    expect(JSON.parse((await auditRows(f.db, 'users:create')).at(-1)!.detail)).toMatchObject({ forcedChange: true });
  });

  it('refuses the username as password', async () => {
    const e = await rejection(f.users.create({ username: 'reception-eva', email: 'e@hotel.test', password: 'Reception-Eva', role: 'staff' }, admin));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'The password must not be the username' });
  });
});

describe('users:update', () => {
  it('changes e-mail and role, audits only what changed', async () => {
    const id = await f.addUser('eva', 'staff');
    expect(await f.users.update({ id, email: 'eva.h@hotel.test', role: 'admin', active: true }, admin)).toMatchObject({ email: 'eva.h@hotel.test', role: 'admin' });
    expect(JSON.parse((await auditRows(f.db, 'users:update'))[0]!.detail)).toEqual({ email: 'eva.h@hotel.test', role: 'admin', sessionsRevoked: 0 }); // eva had not signed in: no session to end
    await f.users.update({ id, role: 'admin' }, admin);
    expect(await auditRows(f.db, 'users:update')).toHaveLength(1);
  });

  it('deactivation ends the user’s sessions and blocks sign-in', async () => {
    const id = await f.addUser('eva', 'staff');
    const { access_token: token } = await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    expect((await f.users.update({ id, active: false }, admin)).active).toBe(false);
    await expectAppError(async () => await f.auth.contextForToken(token, { via: 'http' }), 'UNAUTHENTICATED');
    expect(await f.db.get('SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL')).toEqual({ n: 0 });
    expect(JSON.parse((await auditRows(f.db, 'users:update'))[0]!.detail)).toEqual({ active: false, sessionsRevoked: 1 });
    expect((await rejection(f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx()))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses (409) to demote or deactivate the last active admin, allows it with another', async () => {
    await expectAppError(async () => await f.users.update({ id: 1, role: 'staff' }, admin), 'CONFLICT', 'The hotel must keep at least one active admin');
    await expectAppError(async () => await f.users.update({ id: 1, active: false }, admin), 'CONFLICT');
    const other = await f.addUser('second', 'admin');
    await f.users.update({ id: other, active: false }, admin);
    await expectAppError(async () => await f.users.update({ id: 1, role: 'client' }, admin), 'CONFLICT');
    await f.users.update({ id: other, active: true }, admin);
    expect((await f.users.update({ id: 1, role: 'staff' }, admin)).role).toBe('staff');
  });

  it('refuses an e-mail another user has (409), and unknown ids (404)', async () => {
    const id = await f.addUser('eva', 'staff');
    await expectAppError(async () => await f.users.update({ id, email: 'BOSS@hotel.test' }, admin), 'CONFLICT', TAKEN);
    expect((await f.users.update({ id, email: 'EVA@hotel.test' }, admin)).email).toBe('EVA@hotel.test');
    await expectAppError(async () => await f.users.update({ id: 99, role: 'staff' }, admin), 'NOT_FOUND', 'User 99 not found');
  });
});

describe('users:resetPassword', () => {
  it('sets a password the user must change, ends its sessions, audits without the password', async () => {
    const id = await f.addUser('eva', 'staff');
    const { access_token: token } = await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    const user = await f.users.resetPassword({ id, newPassword: 'Temporary pass 2026' }, admin);
    expect(user.mustChangePassword).toBe(true);
    await expectAppError(async () => await f.auth.contextForToken(token, { via: 'http' }), 'UNAUTHENTICATED');
    const again = await f.auth.login({ username: 'eva', password: 'Temporary pass 2026' }, httpCtx());
    expect(again.user.mustChangePassword).toBe(true);
    expect(JSON.parse((await auditRows(f.db, 'users:resetPassword'))[0]!.detail)).toEqual({ sessionsRevoked: 1 });
    expect(JSON.stringify(await auditRows(f.db))).not.toContain('Temporary');
  });

  it('applies the policy (400) and answers 404 for an unknown id', async () => {
    const id = await f.addUser('eva', 'staff');
    expect(await rejection(f.users.resetPassword({ id, newPassword: 'short' }, admin))).toMatchObject({ code: 'VALIDATION' });
    expect(await rejection(f.users.resetPassword({ id: 99, newPassword: 'Temporary pass 2026' }, admin))).toMatchObject({
      code: 'NOT_FOUND', message: 'User 99 not found',
    });
  });
});
