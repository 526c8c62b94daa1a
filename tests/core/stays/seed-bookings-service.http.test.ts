import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx } from '../../support/test-core';

const SEED_BODY = { roomnumber: 101, category: 'Standard single room', checkin: '2024-11-01T14:00:00', checkout: '2024-11-05T12:00:00' };

let api: TestApi;

beforeEach(async () => {
  // The seed's own example books November 2024: the desk's clock stands before it (a stay in the past is refused).
  api = await startTestApi({ core: { now: Date.parse('2024-10-01T08:00:00Z') } });
  await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard single room', nightlyRate: 89_500 }), adminCtx);
});
afterEach(async () => await api.close());

describe('seed 000: /bookings', () => {
  it("POST /bookings with the seed's body → 201 and the booking in the seed's field names", async () => {
    const res = await api.post<SeedBooking>('/bookings', SEED_BODY);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 1,
      roomnumber: 101,
      category: 'Standard single room',
      isbooking: 1,
      checkin: '2024-11-01T14:00:00+01:00',
      checkout: '2024-11-05T12:00:00+01:00',
      status: 'booked',
      guest_name: 'Walk-in guest',
      guests: 1,
      price: 4 * 89_500,
    });
    expect(await outboxRows(api.t.db)).toMatchObject([{ target: 'billing', path: '/bills/update/1' }]);
  });

  it('GET /bookings → a JSON array of every booking with roomnumber, category, isbooking, checkin, checkout', async () => {
    await api.post('/bookings', SEED_BODY);
    await api.post('/bookings', { ...SEED_BODY, checkin: '2024-11-10T14:00:00', checkout: '2024-11-12T12:00:00' });
    const res = await api.get<SeedBooking[]>('/bookings');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toHaveLength(2);
    expect(Object.keys(res.body[0]!)).toEqual(expect.arrayContaining(['id', 'roomnumber', 'category', 'isbooking', 'checkin', 'checkout']));
    expect(res.body.map((b) => b.checkin)).toEqual(['2024-11-01T14:00:00+01:00', '2024-11-10T14:00:00+01:00']);
  });

  it('POST /bookings on a taken room → 409 with the reason', async () => {
    expect((await api.post('/bookings', SEED_BODY)).status).toBe(201);
    const res = await api.post('/bookings', { ...SEED_BODY, checkin: '2024-11-04T14:00:00', checkout: '2024-11-06T12:00:00' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: expect.stringContaining('Room 101 is not available') });
  });

  it('POST /bookings without required fields → 400 "Missing required fields: …"', async () => {
    const res = await api.post('/bookings', { category: 'Standard single room', checkout: '2024-11-05T12:00:00' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Missing required fields: roomnumber, checkin' });
  });

  it('POST /bookings with an empty body → 400 naming all four fields', async () => {
    const res = await api.post('/bookings', {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Missing required fields: roomnumber, category, checkin, checkout' });
  });

  it('POST /bookings with checkout before checkin → 400', async () => {
    const res = await api.post('/bookings', { ...SEED_BODY, checkout: '2024-10-30T12:00:00' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/after/) });
  });

  it('POST /bookings for an unknown room → 404', async () => {
    const res = await api.post('/bookings', { ...SEED_BODY, roomnumber: 999 });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Room 999 not found' });
  });

  it('keeps /bookings and /bookings/ apart (seed 002 owns the slash)', async () => {
    await api.post('/bookings', SEED_BODY);
    expect((await api.get<unknown[]>('/bookings')).body).toEqual([expect.objectContaining({ roomnumber: 101 })]);
    expect((await api.get('/bookings/')).body).toEqual([]);
  });
});
