import { hash, type Algorithm } from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, maxEvaluationsPerHour } from '../../../core/auth/auth-service';
import * as hashing from '../../../core/auth/password-hashing';
import { getThrottle } from '../../../db/queries/login-throttle-queries';
import { auditRows, createAuthFixture, GOOD_PASSWORD, httpCtx, NOW, rejection, type AuthFixture } from './auth-fixture';

let f: AuthFixture;
beforeEach(async () => (f = await createAuthFixture()));
afterEach(async () => {
  vi.restoreAllMocks();
  await f.close();
});

const ipcCtx = { actor: { userId: null, username: 'anonymous', role: 'anonymous' as const }, via: 'ipc' as const };

describe('auth:login', () => {
  it('returns a bearer token for the session, its expiry in the hotel’s zone and the user', async () => {
    const id = await f.addUser('eva', 'staff');
    const result = await f.auth.login({ username: 'EVA', password: GOOD_PASSWORD }, httpCtx());
    expect(result).toMatchObject({ token_type: 'bearer', expires_at: '2026-05-01T22:00:00+02:00' });
    expect(result.user).toEqual({
      id, username: 'eva', email: 'eva@hotel.test', role: 'staff', active: true, mustChangePassword: false,
      createdAt: '2026-05-01T10:00:00+02:00', lastLoginAt: '2026-05-01T10:00:00+02:00',
    });
    const ctx = await f.auth.contextForToken(result.access_token, { via: 'http', address: '192.168.1.50' });
    expect(await f.db.get('SELECT user_id AS "userId", created_at AS c, expires_at AS e, via, address FROM sessions WHERE id = ?', ctx.sessionId)).toEqual({
      userId: id, c: NOW, e: NOW + 12 * 3_600_000, via: 'http', address: '192.168.1.50',
    });
    expect(await auditRows(f.db, 'auth:login')).toEqual([
      { action: 'auth:login', actor: 'eva', entityId: String(id), detail: '{}', via: 'http', address: '192.168.1.50' },
    ]);
  });

  it('lasts settings.sessionHours', async () => {
    await f.addUser('eva', 'staff');
    await f.settings.update({ sessionHours: 2 });
    const result = await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    expect(result.expires_at).toBe('2026-05-01T12:00:00+02:00');
  });

  it('answers a wrong password, an unknown user and a deactivated user alike, auditing the name but never the password', async () => {
    const id = await f.addUser('eva', 'staff');
    await f.addUser('olaf', 'staff');
    await f.users.update({ id: id + 1, active: false }, { ...httpCtx(), actor: { userId: id, username: 'eva', role: 'admin' } });
    for (const [username, password] of [['eva', 'wrong password!'], ['nobody', GOOD_PASSWORD], ['olaf', GOOD_PASSWORD]]) {
      const e = await rejection(f.auth.login({ username: username!, password: password! }, httpCtx()));
      expect(e).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Invalid username or password' });
    }
    const failed = await auditRows(f.db, 'auth:loginFailed');
    expect(failed.map((r) => JSON.parse(r.detail))).toEqual([
      { username: 'eva', reason: 'password' },
      { username: 'nobody', reason: 'password' },
      { username: 'olaf', reason: 'password' },
    ]);
    expect(JSON.stringify(await auditRows(f.db))).not.toMatch(/wrong password|Tide-pool/);
  });

  it('spends one argon2 verification on an unknown or deactivated user, as on a wrong password', async () => {
    await f.addUser('eva', 'staff');
    const verify = vi.spyOn(hashing, 'verifyPassword');
    await rejection(f.auth.login({ username: 'eva', password: 'wrong password!' }, httpCtx()));
    await rejection(f.auth.login({ username: 'ghost', password: 'wrong password!' }, httpCtx()));
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls[1]![0]).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
  });

  it("hashes a password made with an older release's parameters anew on sign-in, and only on a right password", async () => {
    const id = await f.addUser('eva', 'staff');
    const old = await hash(GOOD_PASSWORD, { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await f.db.run('UPDATE users SET password_hash = ?, must_change_password = 1, updated_at = 5 WHERE id = ?', old, id);
    const stored = async () => (await f.db.get<{ h: string; m: number; u: number }>('SELECT password_hash AS h, must_change_password AS m, updated_at AS u FROM users WHERE id = ?', id))!;

    await rejection(f.auth.login({ username: 'eva', password: 'wrong password!' }, httpCtx()));
    expect((await stored()).h).toBe(old);

    await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    const now = await stored();
    expect(now.h).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    expect(await hashing.verifyPassword(now.h, GOOD_PASSWORD)).toBe(true);
    // Not a change of the user: the must-change flag and updated_at stay.
    expect({ m: now.m, u: now.u }).toEqual({ m: 1, u: 5 });

    const hashed = vi.spyOn(hashing, 'hashPassword');
    await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx());
    expect(hashed).not.toHaveBeenCalled();
    expect((await stored()).h).toBe(now.h);
  });

  it('keeps the unknown-user path as costly as a wrong password (no user enumeration by timing)', async () => {
    await f.addUser('eva', 'staff');
    await rejection(f.auth.login({ username: 'warmup', password: 'x' }, httpCtx('10.0.0.1')));
    // CPU time, not wall time: other work on a busy machine stretches the clock but not our CPU use.
    const cost = async (username: string, address: string) => {
      const before = process.cpuUsage();
      await rejection(f.auth.login({ username, password: 'wrong password!' }, httpCtx(address)));
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await cost('eva', `10.0.1.${i}`));
      unknown.push(await cost(`ghost${i}`, `10.0.2.${i}`));
      await f.db.run('DELETE FROM login_throttle');
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ratio = median(unknown) / median(known);
    const report = `CPU ms: known ${known.map(Math.round)}, unknown ${unknown.map(Math.round)}`;
    expect(ratio, report).toBeGreaterThan(0.6);
    expect(ratio, report).toBeLessThan(1.6);
  });

  it('turns a client away from the desk window (IPC) after a right password, and signs staff in there', async () => {
    await f.addUser('kiosk', 'client');
    await f.addUser('eva', 'staff');
    const e = await rejection(f.auth.login({ username: 'kiosk', password: GOOD_PASSWORD }, ipcCtx));
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: 'Clients sign in over the LAN, not at the desk' });
    expect(await f.db.get('SELECT count(*) AS n FROM sessions')).toEqual({ n: 0 });
    expect(JSON.parse((await auditRows(f.db, 'auth:loginFailed'))[0]!.detail)).toEqual({ username: 'kiosk', reason: 'role' });
    expect((await f.auth.login({ username: 'kiosk', password: GOOD_PASSWORD }, httpCtx())).user.role).toBe('client');
    const desk = await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, ipcCtx);
    expect((await f.auth.contextForToken(desk.access_token, { via: 'ipc' })).actor.role).toBe('staff');
  });
});

describe('the sign-in back-off', () => {
  it('refuses the 6th try with 429 and Retry-After without evaluating it, and lets the right password in after', async () => {
    await f.addUser('eva', 'staff');
    for (let i = 0; i < 5; i++) await rejection(f.auth.login({ username: 'eva', password: `wrong ${i} password` }, httpCtx()));
    const verify = vi.spyOn(hashing, 'verifyPassword');
    const e = await rejection(f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx('10.9.9.9')));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many failed sign-ins. Try again in 30 seconds.', retryAfterSeconds: 30 });
    expect(verify).not.toHaveBeenCalled();
    expect(JSON.parse((await auditRows(f.db, 'auth:loginFailed')).at(-1)!.detail)).toEqual({ username: 'eva', reason: 'throttled' });
    f.advance(30_000);
    expect((await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx())).user.username).toBe('eva');
    expect(await getThrottle(f.db, 'user:eva')).toBeUndefined();
    expect((await getThrottle(f.db, 'addr:192.168.1.50'))!.failures).toBe(5);
  });

  it('throttles unknown names the same way, case-insensitively', async () => {
    for (let i = 0; i < 5; i++) await rejection(f.auth.login({ username: i % 2 ? 'Ghost' : 'ghost', password: 'wrong password!' }, httpCtx(`10.0.0.${i}`)));
    expect(await rejection(f.auth.login({ username: 'GHOST', password: 'x' }, httpCtx()))).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('counts parallel attempts before argon2 runs: 20 at once get 5 evaluations', async () => {
    await f.addUser('eva', 'staff');
    const verify = vi.spyOn(hashing, 'verifyPassword');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rejection(f.auth.login({ username: 'eva', password: `guess number ${i}` }, httpCtx(`10.1.0.${i}`)))),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    expect(results.filter((r) => r.code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(results.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('counts the desk’s own sign-ins on the account only: the desk has no address key', async () => {
    await rejection(f.auth.login({ username: 'ghost', password: 'wrong password!' }, ipcCtx));
    expect((await getThrottle(f.db, 'user:ghost'))!.failures).toBe(1);
    expect(await getThrottle(f.db, 'addr:ipc')).toBeUndefined();
  });

  it('brute force: 200 wrong passwords from rotating addresses over an hour get at most maxEvaluationsPerHour evaluated', async () => {
    await f.addUser('eva', 'staff');
    const verify = vi.spyOn(hashing, 'verifyPassword');
    const limit = maxEvaluationsPerHour(DEFAULT_THROTTLE_POLICY);
    const codes: string[] = [];
    for (let i = 0; i < 200; i++) {
      codes.push((await rejection(f.auth.login({ username: 'eva', password: `guess ${i} xx` }, httpCtx(`10.2.${i >> 8}.${i & 255}`)))).code);
      f.advance(18_000); // 200 tries spread over the hour
    }
    expect(verify.mock.calls.length).toBeLessThanOrEqual(limit);
    expect(verify.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(verify.mock.calls.length);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(200 - verify.mock.calls.length);
    // The right password works once the current lock ends, without an admin.
    const e = await rejection(f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx('10.3.0.1')));
    expect(e.code).toBe('RATE_LIMITED');
    f.advance(e.retryAfterSeconds! * 1000);
    expect((await f.auth.login({ username: 'eva', password: GOOD_PASSWORD }, httpCtx('10.3.0.1'))).user.username).toBe('eva');
  });
});
