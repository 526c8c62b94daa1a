/**
 * Password guessing over `POST /login/` (issue 3 §2, §6). 200 wrong passwords against one account,
 * each from another address, spread over an hour of the test clock: at most
 * `maxEvaluationsPerHour(DEFAULT_THROTTLE_POLICY)` of them are evaluated (an argon2 verification
 * each, counted by the audit log's `auth:loginFailed` rows with reason `password`), the rest answered
 * 429 with `Retry-After` without looking at the password; once the back-off has passed the right
 * password works, with no admin involved. The per-address limit stops one address trying many accounts,
 * but never the desk (IPC) nor an account known at that address. A token is no way round it:
 * wrong current passwords on `POST /api/v1/me/password` count in the same back-off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, maxEvaluationsPerHour } from '../../../core/auth/login-throttle';
import { startTestApi, type TestApi, type TestResponse } from '../../support/http-client';
import { bearer, signIn, signInAs, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type Session } from '../../support/sessions';
import type { LoginResult } from '../../../shared/contract/auth';

const HOUR_MS = 3_600_000;
const ATTEMPTS = 200;

let api: TestApi;
let target: Session;

beforeEach(async () => {
  api = await startTestApi();
  target = await signIn(api.t.core, 'staff', { username: 'night.porter' });
});
afterEach(async () => await api.close());

function login(username: string, password: string, remoteAddress: string): Promise<TestResponse<{ error?: string; access_token?: string }>> {
  return api.raw({ method: 'POST', url: '/login/', payload: { username, password }, remoteAddress, as: 'anonymous' });
}

async function failedLogins(reason: 'password' | 'throttled', action = 'auth:loginFailed'): Promise<number> {
  const rows = await api.t.db.all<{ detail: string | null }>('SELECT detail FROM audit_log WHERE action = ?', action);
  return rows.filter((r) => r.detail !== null && (JSON.parse(r.detail) as { reason?: string }).reason === reason).length;
}

/** Signs in at the desk (IPC), as the host does for the desk window. */
async function deskLogin(username: string, password: string): Promise<LoginResult> {
  return api.t.core.call('auth:login', { username, password }, await api.t.core.contextFor(null, { via: 'ipc' })) as Promise<LoginResult>;
}

function retryAfterOf(res: TestResponse): number {
  const value = Number(res.headers['retry-after']);
  expect(Number.isInteger(value) && value > 0, `Retry-After ${String(res.headers['retry-after'])}`).toBe(true);
  return value;
}

describe('brute force against one account from rotating addresses', () => {
  it(`${ATTEMPTS} wrong passwords in an hour: at most maxEvaluationsPerHour evaluated, the rest 429 with Retry-After; the right password works after the back-off`, async () => {
    const limit = maxEvaluationsPerHour(DEFAULT_THROTTLE_POLICY);
    const statuses: Record<number, number> = {};
    let lastRetryAfter = 0;
    const started = api.t.clock.now();
    for (let i = 0; i < ATTEMPTS; i++) {
      const res = await login(target.username, `wrong-guess-${i}`, `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 429) {
        lastRetryAfter = retryAfterOf(res);
        expect(res.body.error).toMatch(/Too many failed sign-ins/);
      } else expect(res.status).toBe(401);
      api.t.clock.advance(HOUR_MS / ATTEMPTS);
    }
    expect(api.t.clock.now() - started).toBe(HOUR_MS);
    const evaluated = (await failedLogins('password'));
    console.info(
      `brute force: ${ATTEMPTS} wrong passwords from ${ATTEMPTS} addresses over 1 h of clock → ${evaluated} evaluated ` +
        `(limit ${limit} per hour), statuses ${JSON.stringify(statuses)}`,
    );
    expect(evaluated).toBe(statuses[401]);
    expect(evaluated).toBeLessThanOrEqual(limit);
    expect(statuses[429]).toBe(ATTEMPTS - evaluated);
    expect((await failedLogins('throttled'))).toBe(statuses[429]);

    // Still backing off: the right password is not even looked at.
    const during = await login(target.username, TEST_PASSWORD, '10.1.0.1');
    expect(during.status).toBe(429);
    const wait = retryAfterOf(during);
    expect(wait).toBeLessThanOrEqual(Math.max(lastRetryAfter, DEFAULT_THROTTLE_POLICY.maxLockMs / 1000));
    api.t.clock.advance(wait * 1000);
    const after = await login(target.username, TEST_PASSWORD, '10.1.0.2');
    expect(after.status).toBe(200);
    expect((await api.get('/api/v1/me', { headers: { authorization: `Bearer ${after.body.access_token}` } })).body).toMatchObject({ username: 'night.porter' });
  });
});

describe('one address trying many accounts', () => {
  it('is locked after the address’s free failures, for every account, while other addresses still sign in', async () => {
    const attacker = '203.0.113.66';
    const names = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? target.username : `guess.${i}`));
    const statuses: Record<number, number> = {};
    for (const name of names) {
      const res = await login(name, 'Wrong-Password-1', attacker);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 429) retryAfterOf(res);
    }
    console.info(`one address, ${names.length} sign-ins over ${new Set(names).size} names → statuses ${JSON.stringify(statuses)}`);
    expect(statuses[401]).toBeLessThanOrEqual(DEFAULT_THROTTLE_POLICY.addressFreeFailures);
    expect(statuses[429]).toBe(names.length - statuses[401]!);

    const other = await signIn(api.t.core, 'client', { username: 'day.guest', address: '10.20.30.40' });
    expect((await login(other.username, TEST_PASSWORD, attacker)).status).toBe(429);
    expect((await login(other.username, TEST_PASSWORD, '10.20.30.41')).status).toBe(200);
  });
});

describe('wrong current passwords on me/password', () => {
  it(`${ATTEMPTS} in an hour with a valid token: no more evaluated than sign-in allows, the rest 429 with Retry-After; the right one works after the back-off`, async () => {
    const limit = maxEvaluationsPerHour(DEFAULT_THROTTLE_POLICY);
    const change = (currentPassword: string, remoteAddress: string) =>
      api.raw<{ error?: string; message?: string }>({
        method: 'POST', url: '/api/v1/me/password', payload: { currentPassword, newPassword: 'Saltmarsh-Heron-4411' },
        headers: bearer(target.token), remoteAddress,
      });
    const statuses: Record<number, number> = {};
    for (let i = 0; i < ATTEMPTS; i++) {
      const res = await change(`wrong-guess-${i}`, `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 429) retryAfterOf(res);
      else expect(res.body.error).toBe('The current password is wrong');
      api.t.clock.advance(HOUR_MS / ATTEMPTS);
    }
    const evaluated = (await failedLogins('password', 'auth:changePasswordFailed'));
    console.info(`me/password: ${ATTEMPTS} wrong current passwords over 1 h → ${evaluated} evaluated (limit ${limit}), statuses ${JSON.stringify(statuses)}`);
    expect(evaluated).toBe(statuses[400]);
    expect(evaluated).toBeLessThanOrEqual(limit);
    expect(statuses[429]).toBe(ATTEMPTS - evaluated);
    expect((await failedLogins('throttled', 'auth:changePasswordFailed'))).toBe(statuses[429]);

    // The account is backing off for sign-in too; the right password waits like a wrong one.
    expect((await login(target.username, TEST_PASSWORD, '10.1.0.1')).status).toBe(429);
    const during = await change(TEST_PASSWORD, '10.1.0.1');
    expect(during.status).toBe(429);
    api.t.clock.advance(retryAfterOf(during) * 1000);
    const after = await change(TEST_PASSWORD, '10.1.0.2');
    expect(after.status).toBe(200);
    expect((await login(target.username, 'Saltmarsh-Heron-4411', '10.1.0.3')).status).toBe(200);
  });
});

describe('the desk and known accounts are not locked out by another address', () => {
  it('20 failures from 10.0.0.9 against random names: the admin at the desk still signs in; the account back-off still applies to the desk', async () => {
    const lan = '10.0.0.9';
    for (let i = 0; i < DEFAULT_THROTTLE_POLICY.addressFreeFailures; i++) {
      expect((await login(`random.${i}.${Math.random().toString(36).slice(2, 8)}`, 'Wrong-Password-1', lan)).status).toBe(401);
    }
    expect((await login('admin', TEST_ADMIN_PASSWORD, lan)).status).toBe(429); // never signed in from there
    expect((await deskLogin('admin', TEST_ADMIN_PASSWORD)).user.username).toBe('admin');

    for (let i = 0; i < DEFAULT_THROTTLE_POLICY.accountFreeFailures; i++) {
      await expect(deskLogin('admin', `wrong-${i}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(deskLogin('admin', TEST_ADMIN_PASSWORD)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    api.t.clock.advance(30_000);
    expect((await deskLogin('admin', TEST_ADMIN_PASSWORD)).user.username).toBe('admin');
  });

  it('an account that signed in from the address before its lock still signs in there; a name new to it waits', async () => {
    const lan = '10.0.0.9';
    await signInAs(api.t.core, target.username, TEST_PASSWORD, lan);
    for (let i = 0; i < DEFAULT_THROTTLE_POLICY.addressFreeFailures; i++) await login(`random.${i}`, 'Wrong-Password-1', lan);
    expect((await login(target.username, TEST_PASSWORD, lan)).status).toBe(200);
    const other = await signIn(api.t.core, 'staff', { username: 'day.clerk', address: '10.20.30.40' });
    expect((await login(other.username, TEST_PASSWORD, lan)).status).toBe(429);
  });
});
