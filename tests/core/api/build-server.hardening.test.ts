/**
 * The HTTP hardening decided in core/api/build-server.ts (issue 3 §3): answers to a signed-in caller
 * are never cached; no CORS for any origin; a body limit; unknown fields dropped, never stored; a
 * rate limit per address with loopback exempt; 404s without internals; and no response that carries
 * a password hash, a password or the signing secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/contract/auth';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { signInAs, TEST_ADMIN_PASSWORD, TEST_PASSWORD } from '../../support/sessions';
import { adminCtx } from '../../support/test-core';

let api: TestApi;
afterEach(async () => await api.close());

const FOREIGN = 'http://evil.example';

describe('caching', () => {
  it('answers a signed-in caller with Cache-Control: no-store, successes and refusals alike', async () => {
    api = await startTestApi();
    for (const res of [await api.get('/api/v1/rooms'), await api.get('/api/v1/me'), await api.get('/api/v1/stays/99'), await api.get('/api/v1/rooms', { as: 'client' })]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const csv = await api.get('/api/v1/exports/stays.csv');
    expect(csv.headers['cache-control']).toBe('no-store');
  });
});

describe('CORS', () => {
  it('sends no Access-Control-Allow-Origin to a page from another origin, signed in or not', async () => {
    api = await startTestApi();
    for (const as of ['admin', 'anonymous'] as const) {
      for (const url of ['/health', '/api/v1/rooms', '/bookings']) {
        const res = await api.get(url, { as, headers: { origin: FOREIGN } });
        expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-')), `${as} ${url}`).toEqual([]);
      }
    }
  });

  it('does not answer a preflight with CORS headers', async () => {
    api = await startTestApi();
    const res = await api.raw({
      method: 'OPTIONS',
      url: '/bookings',
      as: 'anonymous',
      headers: { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    // The path exists, the method does not: 405 with Allow (issue 18), and still no CORS header.
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('bodies', () => {
  it('refuses a body over the limit with 413, signed in', async () => {
    api = await startTestApi({ server: { bodyLimit: 2048 } });
    const res = await api.post('/api/v1/rooms', { number: 101, category: 'x'.repeat(3000), capacity: 1, nightlyRate: 0, floor: 1 });
    expect(res).toMatchObject({ status: 413, body: { error: 'Request body is too large' } });
  });

  it('drops unknown fields: self-registration with role "admin" creates a client', async () => {
    api = await startTestApi();
    await api.patch('/api/v1/settings', { selfRegistration: true });
    const res = await api.post<{ id: number }>(
      '/users/',
      { username: 'sneaky.guest', email_address: 'sneaky@example.test', password: TEST_PASSWORD, confirm_password: TEST_PASSWORD, role: 'admin', active: true, mustChangePassword: false },
      { as: 'anonymous' },
    );
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['email', 'id', 'username']);
    const session = await signInAs(api.t.core, 'sneaky.guest', TEST_PASSWORD);
    expect(session.role).toBe('client');
    expect((await api.get('/api/v1/users', { headers: { authorization: `Bearer ${session.token}` } })).status).toBe(403);
  });

  it('drops unknown fields: a booking body with extra fields stores none of them', async () => {
    api = await startTestApi();
    await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard double room' }), adminCtx);
    const body = {
      roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00',
      id: 999, status: 'checked_in', isbooking: 0, ownerId: 1, owner_id: 1, created_by: 'mallory', createdAt: 0, guestEmail: 'x@example.test', isAdmin: true,
    };
    const res = await api.post<SeedBooking>('/bookings', body, { as: 'client' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'booked', isbooking: 1 });
    expect(res.body.id).not.toBe(999);
    const client = await api.session('client');
    const row = await api.t.db.get('SELECT status, owner_id AS "ownerId", created_by AS "createdBy", guest_email AS "guestEmail", created_at AS "createdAt" FROM stays WHERE id = ?', res.body.id);
    expect(row).toEqual({ status: 'booked', ownerId: client.userId, createdBy: client.username, guestEmail: null, createdAt: api.t.clock.now() });
  });
});

describe('the outbox targets', () => {
  it('take only http(s) URLs, and only from an admin', async () => {
    api = await startTestApi();
    for (const url of ['file:///etc/passwd', 'ftp://billing.example/bills', 'javascript:alert(1)', 'gopher://billing:70/', 'data:text/plain,x']) {
      for (const key of ['billingServiceUrl', 'eventServiceUrl']) {
        expect((await api.patch('/api/v1/settings', { [key]: url })).status, `${key} ${url}`).toBe(400);
      }
    }
    expect(await api.patch('/api/v1/settings', { billingServiceUrl: 'http://billing.example:5002' }, { as: 'staff' })).toMatchObject({ status: 403 });
    expect((await api.patch('/api/v1/settings', { billingServiceUrl: 'https://billing.example:5002' })).status).toBe(200);
    expect(api.t.core.settings.get().billingServiceUrl).toBe('https://billing.example:5002');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After to a LAN address over the limit, and never limits loopback', async () => {
    api = await startTestApi({ server: { rateLimitPerMinute: 5 } });
    const lan = [];
    for (let i = 0; i < 8; i++) lan.push(await api.raw({ method: 'GET', url: '/health', remoteAddress: '10.0.0.5' }));
    expect(lan.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const res of lan.slice(5)) {
      expect(res).toMatchObject({ status: 429, body: { error: expect.stringMatching(/Too many requests/) } });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Signed in makes no difference, and another address has its own allowance.
    expect((await api.raw({ method: 'GET', url: '/api/v1/rooms', remoteAddress: '10.0.0.5' })).status).toBe(429);
    expect((await api.raw({ method: 'GET', url: '/api/v1/rooms', remoteAddress: '10.0.0.6' })).status).toBe(200);
    for (const remoteAddress of ['127.0.0.1', '::1']) {
      for (let i = 0; i < 20; i++) expect((await api.raw({ method: 'GET', url: '/health', remoteAddress })).status).toBe(200);
    }
  });
});

describe('behind a reverse proxy', () => {
  it('a trusted proxy\'s X-Forwarded-For names the client the rate limit counts, a proxy on this machine included; an untrusted sender\'s is ignored', async () => {
    api = await startTestApi({ server: { rateLimitPerMinute: 3, trustProxy: ['127.0.0.1', '10.0.0.9'] } });
    const via = async (proxy: string, client: string) =>
      (await api.raw({ method: 'GET', url: '/health/live', remoteAddress: proxy, headers: { 'x-forwarded-for': client } })).status;
    const five = async (proxy: string, client: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push(await via(proxy, client(i)));
      return statuses;
    };
    // The proxy runs on loopback, yet its clients are limited, each on its own allowance.
    expect(await five('127.0.0.1', () => '192.168.1.20')).toEqual([200, 200, 200, 429, 429]);
    expect(await via('127.0.0.1', '192.168.1.21')).toBe(200);
    expect(await via('10.0.0.9', '192.168.1.20')).toBe(429);
    // A sender that is not a trusted proxy is counted as itself, whatever it claims.
    expect(await five('10.0.0.5', (i) => `192.168.1.${30 + i}`)).toEqual([200, 200, 200, 429, 429]);
    // Without the header, the proxy's own requests (its health checks) stay those of loopback: never limited.
    for (let i = 0; i < 10; i++) expect((await api.raw({ method: 'GET', url: '/health/ready', remoteAddress: '127.0.0.1' })).status).toBe(200);
  });

  it('without a trusted proxy, X-Forwarded-For changes nothing', async () => {
    api = await startTestApi({ server: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.raw({ method: 'GET', url: '/health/live', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': `192.168.1.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await api.raw({ method: 'GET', url: '/health/live', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '192.168.1.99' } })).status).toBe(200);
  });
});

describe('what responses never contain', () => {
  it('a 404 is {"error":"Not found"} and nothing else, signed in or not', async () => {
    api = await startTestApi();
    for (const as of ['admin', 'anonymous'] as const) {
      for (const [method, url] of [['GET', '/api/v1/secret-admin-panel'], ['POST', '/internal/debug'], ['GET', '/api/v1/users/1/password-hash']] as const) {
        const res = await api.raw({ method, url, as });
        expect(res.status).toBe(404);
        expect(res.text).toBe('{"error":"Not found"}');
      }
    }
  });

  it('no password hash, password or signing secret in any user, sign-in, audit or settings answer', async () => {
    api = await startTestApi();
    await api.session('staff');
    const login = await api.post('/login/', { username: 'admin', password: TEST_ADMIN_PASSWORD }, { as: 'anonymous' });
    await api.post('/login/', { username: 'admin', password: 'Not-The-Password-1' }, { as: 'anonymous' });
    await api.post('/api/v1/users', { username: 'new.desk', email: 'new.desk@example.test', password: TEST_PASSWORD, role: 'staff' });
    const users = await api.get<User[]>('/api/v1/users');
    const answers = [
      login,
      users,
      await api.get('/users/'),
      await api.get('/api/v1/me'),
      await api.post(`/api/v1/users/${users.body[1]!.id}/password`, { newPassword: 'Reset-Password-9931' }),
      await api.patch(`/api/v1/users/${users.body[1]!.id}`, { role: 'client' }),
      await api.get('/api/v1/audit?limit=500'),
      await api.get('/api/v1/exports/audit.csv'),
      await api.get('/api/v1/settings'),
      await api.get('/api/v1/network'),
    ];
    const stored = (await api.t.db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'auth.signingSecret'`))!.value;
    const needles = ['password_hash', 'passwordHash', '$argon2', TEST_PASSWORD, TEST_ADMIN_PASSWORD, 'Not-The-Password-1', 'Reset-Password-9931', JSON.parse(stored) as string];
    for (const res of answers) {
      expect(res.status, res.text.slice(0, 100)).toBeLessThan(300);
      for (const needle of needles) expect(res.text, needle.slice(0, 10)).not.toContain(needle);
    }
  });
});

describe('text that is not text (issue 10 item 15)', () => {
  const booking = (guestName: string) =>
    JSON.stringify({ roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00', guest_name: guestName });

  it('refuses a guest name with a lone surrogate with 400, as a JSON escape or as raw bytes, and stores nothing', async () => {
    api = await startTestApi();
    await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard double room' }), adminCtx);
    const escaped = await api.raw({ method: 'POST', url: '/bookings', headers: { 'content-type': 'application/json' }, payload: booking('Ann \ud800 Berg') });
    expect(escaped).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^guest_name: must not contain a lone UTF-16 surrogate/) } });
    // The same half pair encoded on its own in UTF-8 bytes (ED A0 80): not UTF-8, so not U+FFFD either.
    const text = booking('Ann X Berg');
    const at = Buffer.from(text.slice(0, text.indexOf('X')));
    const bytes = Buffer.concat([at, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(text.slice(text.indexOf('X') + 1))]);
    const raw = await api.raw({ method: 'POST', url: '/bookings', headers: { 'content-type': 'application/json' }, payload: bytes });
    expect(raw).toMatchObject({ status: 400, body: { error: 'The body is not valid UTF-8' } });
    expect(await api.t.db.get('SELECT COUNT(*) AS n FROM stays')).toEqual({ n: 0 });
    const fine = await api.raw({ method: 'POST', url: '/bookings', headers: { 'content-type': 'application/json' }, payload: Buffer.from(booking('Åse 👩‍👧 Ødegård')) });
    expect(fine.status).toBe(201);
    expect((fine.body as { guest_name: string }).guest_name).toBe('Åse 👩‍👧 Ødegård');
  });
});
