import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../../core/api/build-server';
import type { Handlers } from '../../../core/context';
import { startTestApi, type TestApi } from '../../support/http-client';
import { createTestCore, withHandlers } from '../../support/test-core';

let api: TestApi;
afterEach(async () => {
  await api.close();
  vi.restoreAllMocks();
});

const json = { 'content-type': 'application/json' };

describe('error shapes', () => {
  it('invalid JSON → 400 {"error":"Invalid JSON body"}', async () => {
    api = await startTestApi();
    const res = await api.raw({ method: 'POST', url: '/bookings', payload: '{"roomnumber": 101,', headers: json });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid JSON body' });
  });

  it('a body over the limit → 413 {"error":"Request body is too large"}', async () => {
    api = await startTestApi();
    const payload = JSON.stringify({ roomnumber: 101, category: 'x', checkin: '2026-05-01', checkout: '2026-05-02', notes: 'x'.repeat(1024 * 1024) });
    const res = await api.raw({ method: 'POST', url: '/bookings', payload, headers: json });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'Request body is too large' });
  });

  it('honours a smaller bodyLimit', async () => {
    api = await startTestApi({ server: { bodyLimit: 100 } });
    const res = await api.post('/api/v1/rooms', { number: 101, category: 'x'.repeat(200), capacity: 1, nightlyRate: 0, floor: 1 });
    expect(res.status).toBe(413);
  });

  it('an unknown route → 404 {"error":"Not found"}, for any method; a known path with another method → 405', async () => {
    api = await startTestApi();
    expect(await api.get('/api/v1/nothing-here')).toMatchObject({ status: 404, body: { error: 'Not found' } });
    expect(await api.post('/nope', { a: 1 })).toMatchObject({ status: 404, body: { error: 'Not found' } });
    expect(await api.delete('/bookings')).toMatchObject({ status: 405, body: { error: 'Method DELETE is not allowed on /bookings: use GET, HEAD, POST' } });
  });

  it.each([
    ['__proto__', '{"roomnumber":101,"__proto__":{"isAdmin":true}}'],
    ['__proto__ spelled with escapes', '{"\\u005f_proto__":{"polluted":true}}'],
    ['constructor', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['a nested __proto__', '{"notes":"x","meta":[{"__proto__":{}}]}'],
  ])('a body with %s → 400 and no pollution', async (_name, payload) => {
    api = await startTestApi();
    const res = await api.raw<{ error: string }>({ method: 'POST', url: '/bookings', payload, headers: json });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Forbidden key "(__proto__|constructor)"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"constructor" as a value is just text', async () => {
    api = await startTestApi();
    const res = await api.post('/bookings', { roomnumber: 101, category: 'x', checkin: '2026-05-01', checkout: '2026-05-02', notes: 'the constructor called' });
    expect(res.status).toBe(404); // room 101 does not exist: the body itself was accepted
  });

  it('wrong types → 400 naming the field and what was expected', async () => {
    api = await startTestApi();
    const res = await api.post('/api/v1/rooms', { number: 'one', category: 'Single', capacity: 1, nightlyRate: 100, floor: 1 });
    expect(res).toMatchObject({ status: 400, body: { error: 'number: expected number, received string' } });
  });

  it('several problems are joined with "; ", missing fields first', async () => {
    api = await startTestApi();
    const res = await api.post('/api/v1/blocks', { roomId: 1, from: 12, reason: '' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Missing required fields: to; from: expected string, received number; reason: reason is required' });
  });

  it('a query date in the wrong format → 400 with the schema’s message', async () => {
    api = await startTestApi();
    expect(await api.get('/api/v1/board?from=01-05-2026')).toMatchObject({ status: 400, body: { error: 'from: expected a date YYYY-MM-DD' } });
    expect(await api.get('/api/v1/blocks?from=2026-05-01')).toMatchObject({ status: 400, body: { error: 'Missing required fields: to' } });
  });

  it('a bad path parameter → 400, not 404 or 500', async () => {
    api = await startTestApi();
    expect((await api.get('/api/v1/stays/abc')).status).toBe(400);
    expect((await api.get('/api/v1/stays/-1')).status).toBe(400);
    expect((await api.get('/api/v1/stays/99999999999999999999')).status).toBe(400);
  });

  it('a URL the router cannot read → 400 in our shape, not Fastify’s', async () => {
    api = await startTestApi();
    expect(await api.get('/api/v1/stays/%zz')).toMatchObject({ status: 400, body: { error: 'Malformed URL' } });
    expect((await api.get('/api/v1/stays/%zz')).body).toEqual({ error: 'Malformed URL' });
    expect(await api.get(`/api/v1/stays/${'9'.repeat(200)}`)).toMatchObject({ status: 400, body: { error: 'A path parameter is too long' } });
  });

  it('a JSON array or a bare string where an object belongs → 400', async () => {
    api = await startTestApi();
    expect(await api.raw({ method: 'POST', url: '/bookings', payload: '[1,2]', headers: json })).toMatchObject({
      status: 400,
      body: { error: 'body: expected object, received array' },
    });
    expect((await api.raw({ method: 'POST', url: '/bookings', payload: '"hi"', headers: json })).status).toBe(400);
    expect((await api.raw({ method: 'POST', url: '/bookings', payload: 'null', headers: json })).status).toBe(400);
  });

  it('a content type other than JSON → 415', async () => {
    api = await startTestApi();
    const res = await api.raw<{ error: string }>({ method: 'POST', url: '/bookings', payload: 'roomnumber=101', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatch(/application\/json/);
  });

  it('an unexpected failure → 500 {"error":"Internal error"}, logged, with no internals in the body', async () => {
    const t = await createTestCore();
    const failing = withHandlers(t.core, {
      'health:get': () => {
        throw new Error('SQLITE_CORRUPT at /var/lib/frontdesk/frontdesk.db');
      },
    });
    const app = await buildServer(failing, {});
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api = { close: async () => (await app.close(), await t.close()) } as TestApi;

    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal error' });
    expect(res.body).not.toContain('SQLITE');
    expect(logged).toHaveBeenCalled();
  });

  it('a handler answer that does not fit the contract is a logged 500, never a leak', async () => {
    const t = await createTestCore();
    const wrong = withHandlers(t.core, { 'health:get': (() => ({ status: 'ok', secret: 'x' })) as unknown as Handlers['health:get'] });
    const app = await buildServer(wrong, {});
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api = { close: async () => (await app.close(), await t.close()) } as TestApi;

    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal error' });
  });
});
