/**
 * A refusal's reason and params travel over HTTP in the `X-Frontdesk-Reason` headers, beside a body
 * that stays exactly `{"error": "…"}` (seed routes included); the desk is told what is in the way,
 * a LAN client only that the room is taken.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeReasonParams } from '../../../shared/errors';
import { aBlock, aRoom, aStay } from '../../support/builders';
import { startTestApi, type TestApi, type TestResponse } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

const SEED_BODY = { roomnumber: 101, category: 'Standard single room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-05T12:00:00' };

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi();
  await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard single room', nightlyRate: 89_500 }), adminCtx);
});
afterEach(async () => await api.close());

function refusal(res: TestResponse): { reason: unknown; params: unknown } {
  return { reason: res.headers['x-frontdesk-reason'], params: decodeReasonParams(res.headers['x-frontdesk-reason-params'] as string | undefined) };
}

describe('refusal headers', () => {
  it('seed POST /bookings on a taken room: the body stays {"error"}, the headers name the stay in the way (desk)', async () => {
    await api.post('/api/v1/stays', aStay({ roomId: 1, checkin: '2026-06-02', checkout: '2026-06-04', guestName: 'Søren Ærø' }));
    const res = await api.post('/bookings', SEED_BODY);
    expect(res.status).toBe(409);
    expect(Object.keys(res.body as object)).toEqual(['error']);
    expect(res.body).toEqual({ error: 'Room 101 is not available from 2026-06-01 to 2026-06-05' });
    expect(refusal(res)).toEqual({
      reason: 'stays.roomTakenByStay',
      params: { room: 101, from: '2026-06-01', to: '2026-06-05', stayId: 1, guest: 'Søren Ærø', stayFrom: '2026-06-02', stayTo: '2026-06-04' },
    });
  });

  it('a client is told only that the room is taken, never whose stay it is', async () => {
    await api.post('/api/v1/stays', aStay({ roomId: 1, checkin: '2026-06-02', checkout: '2026-06-04', guestName: 'Søren Ærø' }));
    const res = await api.as('client').post('/bookings', SEED_BODY);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'Room 101 is not available from 2026-06-01 to 2026-06-05' });
    expect(refusal(res)).toEqual({ reason: 'stays.roomUnavailable', params: { room: 101, from: '2026-06-01', to: '2026-06-05' } });
    expect(res.text).not.toContain('Søren');
    expect(JSON.stringify(res.headers)).not.toMatch(/S%C3%B8ren|Søren/);
  });

  it('a block in the way is named with its dates and reason', async () => {
    await api.post('/api/v1/blocks', aBlock({ roomId: 1, from: '2026-06-03', to: '2026-06-04', reason: 'Vandskade' }));
    const res = await api.post('/api/v1/stays', aStay({ roomId: 1, checkin: '2026-06-01', checkout: '2026-06-05' }));
    expect(res.status).toBe(409);
    expect(refusal(res)).toEqual({
      reason: 'stays.roomBlockedFor',
      params: { room: 101, from: '2026-06-01', to: '2026-06-05', blockId: 1, blockFrom: '2026-06-03', blockTo: '2026-06-04', blockReason: 'Vandskade' },
    });
  });

  it('schema failures name the fields; domain refusals their reason; a 404 its id', async () => {
    const bad = await api.post('/api/v1/stays', { roomId: 1, checkin: '2026-06-01' });
    expect(bad.status).toBe(400);
    expect(refusal(bad)).toEqual({ reason: 'input.invalidFields', params: { fields: expect.stringContaining('checkout') } });
    const missing = await api.get('/api/v1/stays/99');
    expect(missing.status).toBe(404);
    expect(refusal(missing)).toEqual({ reason: 'stays.notFound', params: { id: 99 } });
    const seedMissing = await api.post('/bookings', { ...SEED_BODY, roomnumber: 999 });
    expect(seedMissing.body).toEqual({ error: 'Room 999 not found' });
    expect(refusal(seedMissing)).toEqual({ reason: 'rooms.numberNotFound', params: { room: 999 } });
    const role = await api.as('client').get('/api/v1/stays');
    expect(role.status).toBe(403);
    expect(refusal(role).reason).toBe('auth.roleForbidden');
  });

  it('a refusal without a reason sends no reason headers', async () => {
    const res = await api.get('/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers['x-frontdesk-reason']).toBeUndefined();
  });
});
