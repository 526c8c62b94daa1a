/**
 * Bearer tokens over HTTP (issue 3 §2, §6): none, expired, revoked at sign-out, forged, `alg:none`,
 * HS512, another installation's key, a deactivated user → 401 every time, with one message that
 * says nothing about why; a role change ends the user's sessions at once. The forgeries use the real
 * codec (`signToken`) and the installation's real key where that makes the forgery hardest to spot.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVALID_SESSION_MESSAGE, signToken, type TokenClaims } from '../../../core/auth/token-codec';
import type { Room } from '../../../shared/contract/rooms';
import { startTestApi, type TestApi } from '../../support/http-client';
import { signIn, signInAs, TEST_PASSWORD, type Session } from '../../support/sessions';
import { createTestCore, type TestCore } from '../../support/test-core';

const HOUR_MS = 3_600_000;
const GUARDED = '/api/v1/rooms';

let api: TestApi;
let staff: Session;
const others: TestCore[] = [];

beforeEach(async () => {
  api = await startTestApi();
  staff = await signIn(api.t.core, 'staff');
});
afterEach(async () => {
  await api.close();
  for (const o of others.splice(0)) await o.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claimsOf(token: string): TokenClaims {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as TokenClaims;
}

async function installationSecret(t: TestCore): Promise<Buffer> {
  const stored = (await t.db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'auth.signingSecret'`))!.value;
  return Buffer.from(JSON.parse(stored) as string, 'base64url');
}

function getWith(token: string) {
  return api.get(GUARDED, { headers: { authorization: `Bearer ${token}` } });
}

/** Each bad token, three times: always 401 with the one message. */
async function expectRefused(token: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    expect(await getWith(token)).toMatchObject({ status: 401, body: { error: INVALID_SESSION_MESSAGE } });
  }
}

describe('bearer tokens', () => {
  it('the staff token works (the baseline every refusal below departs from)', async () => {
    expect((await getWith(staff.token)).status).toBe(200);
    expect((await getWith(signToken(claimsOf(staff.token), (await installationSecret(api.t))))).status).toBe(200);
  });

  it('none → 401; a header that is not "Bearer <token>" → 401', async () => {
    expect(await api.get(GUARDED, { as: 'anonymous' })).toMatchObject({ status: 401, body: { error: expect.any(String) } });
    for (const authorization of ['Basic YWRtaW46YWRtaW4=', `Token ${staff.token}`, 'Bearer', `Bearer ${staff.token} extra`]) {
      expect((await api.get(GUARDED, { headers: { authorization } })).status, authorization).toBe(401);
    }
  });

  it('expired → 401 once the session hours have passed on the clock', async () => {
    const hours = api.t.core.settings.get().sessionHours;
    api.t.clock.advance(hours * HOUR_MS - 60_000);
    expect((await getWith(staff.token)).status).toBe(200);
    api.t.clock.advance(60_000);
    await expectRefused(staff.token);
  });

  it('revoked by POST /logout/ → 401 at once; other sessions of the same user keep working', async () => {
    const second = await signIn(api.t.core, 'staff');
    expect(await api.post('/logout/', undefined, { headers: { authorization: `Bearer ${staff.token}` } })).toMatchObject({ status: 200, body: { message: expect.any(String) } });
    await expectRefused(staff.token);
    expect((await getWith(second.token)).status).toBe(200);
  });

  it('a forged signature → 401 (one character changed, another signature swapped in, none at all)', async () => {
    const [header, payload, signature] = staff.token.split('.') as [string, string, string];
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    await expectRefused(`${header}.${payload}.${flipped}`);
    const other = await signIn(api.t.core, 'staff');
    await expectRefused(`${header}.${payload}.${other.token.split('.')[2]}`);
    await expectRefused(`${header}.${payload}.`);
    // A payload changed to another user's id, signature kept.
    await expectRefused(`${header}.${b64({ ...claimsOf(staff.token), sub: '1' })}.${signature}`);
  });

  it('alg:none → 401, with or without a signature part', async () => {
    const header = b64({ alg: 'none', typ: 'JWT' });
    const payload = b64(claimsOf(staff.token));
    await expectRefused(`${header}.${payload}.`);
    await expectRefused(`${header}.${payload}`);
    await expectRefused(`${header}.${payload}.${staff.token.split('.')[2]}`);
  });

  it('a header saying HS512, correctly signed with HS512 and this installation’s own key → 401', async () => {
    const input = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claimsOf(staff.token))}`;
    await expectRefused(`${input}.${createHmac('sha512', (await installationSecret(api.t))).update(input).digest('base64url')}`);
  });

  it('signed with another installation’s key → 401, even for a live session id of this one', async () => {
    const other = await createTestCore();
    others.push(other);
    const theirs = await signIn(other.core, 'staff');
    // Their token as it is (their secret, their session), and this hotel's live session signed with their secret.
    await expectRefused(theirs.token);
    await expectRefused(signToken(claimsOf(staff.token), (await installationSecret(other))));
    expect((await getWith(staff.token)).status).toBe(200);
  });

  it('a deactivated user’s token → 401 at once; active again, it needs a new sign-in', async () => {
    expect((await api.patch(`/api/v1/users/${staff.userId}`, { active: false })).status).toBe(200);
    await expectRefused(staff.token);
    expect((await api.patch(`/api/v1/users/${staff.userId}`, { active: true })).status).toBe(200);
    await expectRefused(staff.token);
  });

  it('a role change ends the user\'s sessions at once, as the document says (issue 18): the old token is refused, a new sign-in gets the new role', async () => {
    expect((await getWith(staff.token)).status).toBe(200);
    expect((await api.patch(`/api/v1/users/${staff.userId}`, { role: 'admin' })).body).toMatchObject({ role: 'admin' });
    await expectRefused(staff.token);
    const again = await signInAs(api.t.core, staff.username, TEST_PASSWORD);
    expect(again.role).toBe('admin');
    expect((await api.post<Room>(GUARDED, { number: 301, category: 'Suite', capacity: 2, nightlyRate: 1, floor: 3 }, { headers: { authorization: `Bearer ${again.token}` } })).status).toBe(201);
  });
});
