/**
 * A known path with a method it does not take answers 405 with `Allow` (issue 18 item 5), before
 * the guard and whoever asks; an unknown path stays 404. A static path wins over a pattern as in
 * the router: `DELETE /api/v1/bookings/rooms` is 405 (the rooms list), not 400 "id: expected a
 * positive whole number". The API document lists 405 with `Allow` on the operations where it can
 * happen and 431 on every operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedMethods } from '../../../core/api/method-not-allowed';
import { startTestApi, type TestApi } from '../../support/http-client';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => await api.close());

describe('405 with Allow', () => {
  it.each([
    ['DELETE', '/api/v1/bookings/rooms', 'GET, HEAD'],
    ['PATCH', '/health', 'GET, HEAD'],
    ['PUT', '/bookings', 'GET, HEAD, POST'],
    ['POST', '/api/v1/stays/7', 'GET, HEAD'],
    ['DELETE', '/cars/add', 'POST'],
  ])('%s %s → 405, Allow: %s (signed in or not)', async (method, url, allow) => {
    for (const as of ['admin', 'anonymous'] as const) {
      const res = await api.raw({ method: method as 'GET', url, as });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
      expect(res.body).toEqual({ error: `Method ${method} is not allowed on ${url}: use ${allow}` });
    }
  });

  it('leaves unknown paths 404 and the methods a path takes to their routes', async () => {
    expect((await api.raw({ method: 'DELETE', url: '/api/v1/nothing-here' })).status).toBe(404);
    expect((await api.raw({ method: 'GET', url: '/api/v1/bookings/rooms' })).status).toBe(200);
    expect((await api.raw({ method: 'DELETE', url: '/api/v1/bookings/999' })).status).toBe(404);
    expect(allowedMethods('/api/v1/stays/7/check-in')).toEqual(['POST']);
    expect(allowedMethods('/nowhere')).toBeUndefined();
  });
});
