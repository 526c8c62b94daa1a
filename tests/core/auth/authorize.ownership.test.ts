/**
 * Ownership (issue 3 §3): a `client` sees only its own bookings; staff and admins see all; a client
 * reaches none of the desk's routes, whatever record it names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { signIn, type Session } from '../../support/sessions';
import { adminCtx } from '../../support/test-core';

let api: TestApi;
let anna: Session;
let bo: Session;

const BOOKING = { roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00' };

beforeEach(async () => {
  api = await startTestApi();
  for (const number of [101, 102]) await api.t.core.handlers['rooms:create'](aRoom({ number, category: 'Standard double room' }), adminCtx);
  anna = await signIn(api.t.core, 'client', { username: 'anna.guest' });
  bo = await signIn(api.t.core, 'client', { username: 'bo.guest' });
});
afterEach(async () => await api.close());

const as = (s: Session) => ({ headers: { authorization: `Bearer ${s.token}` } });

async function book(who: Session, roomnumber: number): Promise<SeedBooking> {
  const res = await api.post<SeedBooking>('/bookings', { ...BOOKING, roomnumber }, as(who));
  expect(res.status).toBe(201);
  return res.body;
}

describe('a client and its bookings', () => {
  it('two clients each see only their own booking in GET /bookings; staff and admin see both', async () => {
    const annas = await book(anna, 101);
    const bos = await book(bo, 102);
    expect((await api.get<SeedBooking[]>('/bookings', as(anna))).body.map((b) => b.id)).toEqual([annas.id]);
    expect((await api.get<SeedBooking[]>('/bookings', as(bo))).body.map((b) => b.id)).toEqual([bos.id]);
    for (const role of ['staff', 'admin'] as const) {
      const all = await api.get<SeedBooking[]>('/bookings', { as: role });
      expect(all.status).toBe(200);
      expect(all.body.map((b) => b.id)).toEqual([annas.id, bos.id]);
    }
  });

  it('a booking made by the desk belongs to nobody: no client sees it', async () => {
    expect((await api.post('/bookings', BOOKING, { as: 'staff' })).status).toBe(201);
    expect((await api.get<SeedBooking[]>('/bookings', as(anna))).body).toEqual([]);
    expect((await api.get<SeedBooking[]>('/bookings', { as: 'staff' })).body).toHaveLength(1);
  });

  it('stores the client as the owner, whatever the body says', async () => {
    const res = await api.post<SeedBooking>('/bookings', { ...BOOKING, ownerId: bo.userId, owner_id: bo.userId, created_by: 'bo.guest' }, as(anna));
    expect(res.status).toBe(201);
    const row = await api.t.db.get('SELECT owner_id AS "ownerId", created_by AS "createdBy" FROM stays WHERE id = ?', res.body.id);
    expect(row).toEqual({ ownerId: anna.userId, createdBy: 'anna.guest' });
  });

  it('a client gets 403 on a stay, its own or another’s, and on every desk route', async () => {
    const annas = await book(anna, 101);
    const bos = await book(bo, 102);
    for (const id of [annas.id, bos.id]) {
      expect(await api.get(`/api/v1/stays/${id}`, as(anna))).toMatchObject({ status: 403, body: { error: 'Your role may not do this' } });
      expect((await api.post(`/api/v1/stays/${id}/cancel`, undefined, as(anna))).status).toBe(403);
      expect((await api.post(`/api/v1/stays/${id}/dates`, { checkin: '2026-06-01', checkout: '2026-06-05' }, as(anna))).status).toBe(403);
    }
    for (const url of ['/api/v1/stays', '/api/v1/board?from=2026-06-01&days=7', '/api/v1/rooms', '/bookings/export/csv', '/api/v1/exports/stays.csv', '/api/v1/settings', '/api/v1/audit', '/users/']) {
      expect((await api.get(url, as(anna))).status, url).toBe(403);
    }
    // Nothing a client tried changed the other client's booking.
    expect((await api.get<SeedBooking[]>('/bookings', as(bo))).body).toEqual([expect.objectContaining({ id: bos.id, status: 'booked' })]);
  });
});
