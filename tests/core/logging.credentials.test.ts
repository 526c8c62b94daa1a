/**
 * No credential in any log (issue 18 item 7): a real host logging to its data folder at `trace`, the
 * most it ever writes, and every way a credential can travel sent to it over a real socket, each
 * with a valid and an invalid value — a token in a query string (`jwt`, `token`, `access_token`,
 * `key`, and spelled otherwise), in the path, the `Authorization` header (bearer and basic), a
 * cookie, and every password field of the API (sign-in, password change, new users, a reset, the
 * SMTP password), accepted and refused. Then every file under the log folder is searched for each
 * of them, as sent and percent-encoded; the log must still say the requests happened.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, SECRET_FIELDS } from '../../core/logging';
import { signIn, TEST_ADMIN_PASSWORD, TEST_PASSWORD } from '../support/sessions';
import { startTestHost, type TestHost } from '../support/test-host';

let th: TestHost | undefined;
afterEach(async () => {
  await th?.close();
  th = undefined;
});

/** Every file under `dir`, however deep, as text. */
function folderText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? folderText(path) : readFileSync(path, 'latin1')))
    .join('\n');
}

/** A token of the right shape that no server ever signed. */
const FORGED_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImZvcmdlZCI6dHJ1ZX0.Zm9yZ2VkLXNpZ25hdHVyZS1uZXZlci1sb2dnZWQ';
const OPAQUE_TOKEN = 'opaque-credential-Q7m2Zx91';
const QUERY_NAMES = ['jwt', 'token', 'access_token', 'key', 'JWT', 'api_key', 'apiKey', 'auth', 'password'];

describe('no credential in any log', () => {
  it('masks tokens in URLs, the Authorization header, cookies and every password field, valid or not', async () => {
    th = await startTestHost({ log: { level: 'trace' } });
    const logDir = th.host.logDir!;
    const url = th.host.url;
    const staff = await signIn(th.host.core, 'staff', { username: 'lena.logged' });
    const valid = [th.token, staff.token];
    const tokens = [...valid, FORGED_JWT, OPAQUE_TOKEN];
    const secrets: string[] = [...tokens, TEST_PASSWORD, TEST_ADMIN_PASSWORD];
    const statuses: string[] = [];
    const send = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${url}${path}`, init);
      statuses.push(`${init.method ?? 'GET'} ${path.slice(0, 40)} → ${res.status}`);
      await res.arrayBuffer();
      return res.status;
    };
    const json = (method: string, path: string, body: unknown, token?: string) =>
      send(path, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

    // In a query string, under every name, on a seed route (the issue's `GET /bookings?jwt=`), an app
    // route, an unknown route, a public route, the docs and a URL the router cannot read.
    for (const token of tokens) {
      for (const name of QUERY_NAMES) {
        await send(`/bookings?${name}=${encodeURIComponent(token)}`);
        await send(`/api/v1/rooms?page=1&${name}=${encodeURIComponent(token)}`, { headers: { authorization: `Bearer ${th.token}` } });
      }
      await send(`/no/such/route?access_token=${token}`);
      await send(`/health?key=${token}`);
      await send(`/docs/json?jwt=${token}`);
      await send(`/api/v1/stays/%zz?token=${token}`);
      await send(`/bookings?%6Awt=${token}`); // `jwt`, percent-encoded
      // Under a harmless name and in the path, a JWT is still recognised by its shape.
      if (token.startsWith('eyJ')) {
        await send(`/bookings?q=${token}`);
        await send(`/api/v1/stays/${token}`);
      }
      // The Authorization header, as a bearer and as basic; a cookie.
      await send('/api/v1/rooms', { headers: { authorization: `Bearer ${token}` } });
      await send('/api/v1/rooms', { headers: { authorization: `Basic ${Buffer.from(`admin:${token}`).toString('base64')}` } });
      await send('/api/v1/rooms', { headers: { cookie: `session=${token}; token=${token}` } });
    }
    secrets.push(Buffer.from(`admin:${OPAQUE_TOKEN}`).toString('base64'));

    // Every password field, accepted and refused.
    const wrong = 'Wrong-Password-Logged-5531';
    const fresh = 'Fresh-Password-Logged-8820';
    const newUser = 'Newcomer-Password-Logged-4417';
    const reset = 'Reset-Password-Logged-6603';
    const smtp = 'Smtp-Password-Logged-1929';
    const selfReg = 'SelfReg-Password-Logged-7750';
    const tooShort = 'Sh0rt!';
    secrets.push(wrong, fresh, newUser, reset, smtp, selfReg, tooShort);
    expect(await json('POST', '/login/', { username: 'lena.logged', password: TEST_PASSWORD })).toBe(200);
    expect(await json('POST', '/login/', { username: 'lena.logged', password: wrong })).toBe(401);
    expect(await json('POST', '/login/', { username: 'lena.logged', password: `${wrong}\u0000` })).toBe(400);
    expect(await json('POST', '/api/v1/me/password', { currentPassword: wrong, newPassword: fresh }, staff.token)).toBe(400);
    expect(await json('POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: tooShort }, staff.token)).toBe(400);
    expect(await json('POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: fresh }, staff.token)).toBe(200);
    expect(await json('POST', '/api/v1/users', { username: 'nina.new', email: 'nina.new@example.dk', password: newUser, role: 'staff' }, th.token)).toBe(201);
    expect(await json('POST', '/api/v1/users', { username: 'nina.short', email: 'nina.short@example.dk', password: tooShort, role: 'staff' }, th.token)).toBe(400);
    const users = (await (await th.fetch('/api/v1/users')).json()) as { id: number; username: string }[];
    const nina = users.find((u) => u.username === 'nina.new')!;
    expect(await json('POST', `/api/v1/users/${nina.id}/password`, { newPassword: reset }, th.token)).toBe(200);
    expect(await json('POST', `/api/v1/users/${nina.id}/password`, { newPassword: tooShort }, th.token)).toBe(400);
    expect(await json('POST', '/users/', { username: 'sam.self', email_address: 'sam.self@example.dk', password: selfReg, confirm_password: selfReg }, th.token)).toBe(201);
    expect(await json('POST', '/users/', { username: 'sam.other', email_address: 'sam.other@example.dk', password: selfReg, confirm_password: wrong }, th.token)).toBe(400);
    expect(await json('PATCH', '/api/v1/settings', { smtpPassword: smtp }, th.token)).toBe(200);

    await th.host.close(); // flushes the log; the folder goes with th.close()
    const text = folderText(logDir);
    const found = secrets.flatMap((s) => [s, encodeURIComponent(s), ...(s.startsWith('eyJ') ? [s.split('.')[2]!] : [])].filter((form) => text.includes(form)));
    expect(found, statuses.join('\n')).toEqual([]);

    // The log is not empty: it names the requests, with the credentials masked.
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    const urls = lines.filter((l) => l.msg === 'incoming request').map((l) => l.req!.url);
    expect(urls).toContain(`/bookings?jwt=${REDACTED}`);
    expect(urls).toContain(`/api/v1/rooms?page=1&access_token=${REDACTED}`);
    expect(urls).toContain(`/api/v1/stays/${REDACTED}`);
    expect(urls).toContain(`/bookings?q=${REDACTED}`);
    expect(urls.filter((u) => u.startsWith('/login/')).length).toBe(4); // the test host's own sign-in, then these three
  });

  it('censors every password field of the contract by name', () => {
    for (const field of ['password', 'newPassword', 'currentPassword', 'confirm_password', 'smtpPassword', 'token', 'access_token', 'jwt']) expect(SECRET_FIELDS).toContain(field);
    expect(SECRET_FIELDS).not.toContain('sessionHours');
  });
});
