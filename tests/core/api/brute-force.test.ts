/**
 * Password guessing over `POST /login/` (issue 3 §2, §6). 200 wrong passwords against one account,
 * each from another address, spread over an hour of the test clock: at most
 * `maxEvaluationsPerHour(DEFAULT_THROTTLE_POLICY)` of them are evaluated (an argon2 verification
 * each, counted by the audit log's `auth:loginFailed` rows with reason `password`), the rest answered
 * 429 with `Retry-After` without looking at the password; once the back-off has passed the right
 * password works, with no admin involved. The per-address limit stops one address trying many accounts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_POLICY, maxEvaluationsPerHour } from '../../../core/auth/login-throttle';
import { startTestApi, type TestApi, type TestResponse } from '../../support/http-client';
import { signIn, TEST_PASSWORD, type Session } from '../../support/sessions';

const HOUR_MS = 3_600_000;
const ATTEMPTS = 200;

let api: TestApi;
let target: Session;

beforeEach(async () => {
  api = await startTestApi();
  target = await signIn(api.t.core, 'staff', { username: 'night.porter' });
});
afterEach(() => api.close());

function login(username: string, password: string, remoteAddress: string): Promise<TestResponse<{ error?: string; access_token?: string }>> {
  return api.raw({ method: 'POST', url: '/login/', payload: { username, password }, remoteAddress, as: 'anonymous' });
}

function failedLogins(reason: 'password' | 'throttled'): number {
  return api.t.sqlite
    .prepare(`SELECT count(*) FROM audit_log WHERE action = 'auth:loginFailed' AND json_extract(detail, '$.reason') = ?`)
    .pluck()
    .get(reason) as number;
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
    const evaluated = failedLogins('password');
    console.info(
      `brute force: ${ATTEMPTS} wrong passwords from ${ATTEMPTS} addresses over 1 h of clock → ${evaluated} evaluated ` +
        `(limit ${limit} per hour), statuses ${JSON.stringify(statuses)}`,
    );
    expect(evaluated).toBe(statuses[401]);
    expect(evaluated).toBeLessThanOrEqual(limit);
    expect(statuses[429]).toBe(ATTEMPTS - evaluated);
    expect(failedLogins('throttled')).toBe(statuses[429]);

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
