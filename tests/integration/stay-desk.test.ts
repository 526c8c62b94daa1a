/**
 * Issue 10 items 6 and 7 over HTTP: a move or new dates is quoted with both prices and takes the
 * user's choice (keep / reprice), audited with the old and new price; a stay's guest details are
 * edited (capacity checked, audited); a returning guest's profile joins stays by e-mail or phone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/audit';
import type { GuestProfile, StayQuote } from '../../shared/contract/stay-desk';
import type { Stay } from '../../shared/contract/stays';
import { aRoom } from '../support/builders';
import { startTestApi, type TestApi } from '../support/http-client';
import { adminCtx } from '../support/test-core';

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi();
  const h = api.t.core.handlers;
  await h['rooms:create'](aRoom({ number: 101, nightlyRate: 100_000, capacity: 2 }), adminCtx);
  await h['rooms:create'](aRoom({ number: 110, category: 'Junior suite', capacity: 4, nightlyRate: 250_000 }), adminCtx);
});
afterEach(async () => await api.close());

async function book(body: Record<string, unknown> = {}): Promise<Stay> {
  const res = await api.post<Stay>('/api/v1/stays', { roomId: 1, checkin: '2026-06-01', checkout: '2026-06-04', guestName: 'Mette Hansen', price: 240_000, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

async function auditOf(action: string): Promise<AuditEntry[]> {
  const res = await api.get<{ entries: AuditEntry[] }>(`/api/v1/audit?action=${encodeURIComponent(action)}&limit=50`);
  return res.body.entries;
}

describe('money is never silent: quote, then keep or reprice', () => {
  it('quotes a move to a dearer room with the agreed and the repriced total, writing nothing', async () => {
    const stay = await book();
    const res = await api.get<StayQuote>(`/api/v1/stays/${stay.id}/quote?roomId=2`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: stay.id,
      current: { roomId: 1, roomNumber: 101, category: 'Standard double room', checkinDate: '2026-06-01', checkoutDate: '2026-06-04', nights: 3, price: 240_000 },
      proposed: {
        roomId: 2, roomNumber: 110, category: 'Junior suite', checkinDate: '2026-06-01', checkoutDate: '2026-06-04', nights: 3,
        keepPrice: 240_000, repricePrice: 750_000, nightlyRate: 250_000,
      },
      differs: true,
    });
    expect((await api.get<Stay>(`/api/v1/stays/${stay.id}`)).body).toEqual(stay);
  });

  it('quotes new dates: keep is the agreed price, reprice the new nights × rate', async () => {
    const stay = await book();
    const res = await api.get<StayQuote>(`/api/v1/stays/${stay.id}/quote?checkin=2026-06-01&checkout=2026-06-06`);
    expect(res.body.proposed).toMatchObject({ roomNumber: 101, checkinDate: '2026-06-01', checkoutDate: '2026-06-06', nights: 5, keepPrice: 240_000, repricePrice: 500_000 });
    // Bad dates are a 400, an unknown stay a 404: never a 5xx.
    expect((await api.get(`/api/v1/stays/${stay.id}/quote?checkin=2026-06-06&checkout=2026-06-01`)).status).toBe(400);
    expect((await api.get(`/api/v1/stays/999/quote?roomId=2`)).status).toBe(404);
    expect((await api.get(`/api/v1/stays/${stay.id}/quote?roomId=99`)).status).toBe(404);
  });

  it('moves keeping the price, or repricing at the new room\'s rate; the audit row has the old and new price', async () => {
    const kept = await book();
    const repriced = await book({ checkin: '2026-07-01', checkout: '2026-07-03' });
    expect((await api.post<Stay>(`/api/v1/stays/${kept.id}/move`, { roomId: 2, pricing: 'keep' })).body).toMatchObject({ roomNumber: 110, price: 240_000 });
    expect((await api.post<Stay>(`/api/v1/stays/${repriced.id}/move`, { roomId: 2, pricing: 'reprice' })).body).toMatchObject({ roomNumber: 110, price: 500_000 });
    const rows = await auditOf('stays:move');
    expect(rows.map((r) => ({ entityId: r.entityId, detail: JSON.parse(r.detail) as unknown }))).toEqual(
      expect.arrayContaining([
        {
          entityId: String(kept.id),
          detail: {
            id: kept.id, roomId: 2, pricing: 'keep',
            before: { roomNumber: 101, checkinDate: '2026-06-01', checkoutDate: '2026-06-04', nights: 3, price: 240_000 },
            after: { roomNumber: 110, checkinDate: '2026-06-01', checkoutDate: '2026-06-04', nights: 3, price: 240_000 },
          },
        },
        {
          entityId: String(repriced.id),
          detail: expect.objectContaining({ pricing: 'reprice', before: expect.objectContaining({ price: 240_000 }), after: expect.objectContaining({ price: 500_000 }) }),
        },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('changes dates keeping the price, repricing (the default), or at a price set by hand', async () => {
    const stay = await book();
    const keep = await api.post<Stay>(`/api/v1/stays/${stay.id}/dates`, { checkin: '2026-06-01', checkout: '2026-06-06', pricing: 'keep' });
    expect(keep.body).toMatchObject({ nights: 5, price: 240_000 });
    const reprice = await api.post<Stay>(`/api/v1/stays/${stay.id}/dates`, { checkin: '2026-06-01', checkout: '2026-06-03' });
    expect(reprice.body).toMatchObject({ nights: 2, price: 200_000 });
    const manual = await api.post<Stay>(`/api/v1/stays/${stay.id}/dates`, { checkin: '2026-06-01', checkout: '2026-06-04', price: 123_400, pricing: 'reprice' });
    expect(manual.body).toMatchObject({ nights: 3, price: 123_400 });
    const details = (await auditOf('stays:changeDates')).map((r) => JSON.parse(r.detail) as { pricing: string; before: { price: number }; after: { price: number; nights: number } });
    expect(details.map((d) => [d.pricing, d.before.price, d.after.price, d.after.nights]).sort()).toEqual(
      [['keep', 240_000, 240_000, 5], ['manual', 200_000, 123_400, 3], ['reprice', 240_000, 200_000, 2]].sort(),
    );
    expect((await api.post(`/api/v1/stays/${stay.id}/dates`, { checkin: '2026-06-01', checkout: '2026-06-03', pricing: 'maybe' })).status).toBe(400);
  });

  it('a refused move changes neither the stay nor its price, and audits nothing', async () => {
    const stay = await book();
    await book({ roomId: 2, guestName: 'In the way' });
    const res = await api.post(`/api/v1/stays/${stay.id}/move`, { roomId: 2, pricing: 'reprice' });
    expect(res.status).toBe(409);
    expect((await api.get<Stay>(`/api/v1/stays/${stay.id}`)).body).toEqual(stay);
    expect(await auditOf('stays:move')).toEqual([]);
  });
});

describe("a stay's guest details", () => {
  it('changes only what is sent, audits the old and new values and tells the board', async () => {
    const stay = await book({ guestEmail: 'mette@example.dk', guestPhone: '+45 20 12 34 56', notes: 'Late' });
    api.t.events.length = 0;
    const res = await api.patch<Stay>(`/api/v1/stays/${stay.id}/guest`, { guestName: 'Mette Hansen-Berg', guests: 2, guestPhone: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ guestName: 'Mette Hansen-Berg', guests: 2, guestPhone: null, guestEmail: 'mette@example.dk', notes: 'Late', price: 240_000 });
    expect(api.t.events).toContainEqual({ type: 'stay.changed', action: 'guest_changed', stay: res.body });
    const [row] = await auditOf('stays:updateGuest');
    expect(JSON.parse(row!.detail)).toEqual({
      id: stay.id,
      changes: {
        guestName: { from: 'Mette Hansen', to: 'Mette Hansen-Berg' },
        guests: { from: 1, to: 2 },
        guestPhone: { from: '+45 20 12 34 56', to: null },
      },
    });
  });

  it('refuses more guests than the room sleeps (400, named), bad input (400), an unknown stay (404) and an empty change (400)', async () => {
    const stay = await book();
    const over = await api.patch(`/api/v1/stays/${stay.id}/guest`, { guests: 3 });
    expect(over.status).toBe(400);
    expect(over.headers['x-frontdesk-reason']).toBe('rooms.overCapacity');
    expect((await api.patch(`/api/v1/stays/${stay.id}/guest`, { guestEmail: 'not-an-address' })).status).toBe(400);
    expect((await api.patch(`/api/v1/stays/${stay.id}/guest`, { guestName: '' })).status).toBe(400);
    expect((await api.patch(`/api/v1/stays/${stay.id}/guest`, { guests: 0 })).status).toBe(400);
    expect((await api.patch(`/api/v1/stays/999/guest`, { guestName: 'X' })).status).toBe(404);
    expect((await api.patch(`/api/v1/stays/${stay.id}/guest`, {})).status).toBe(400);
    expect((await api.get<Stay>(`/api/v1/stays/${stay.id}`)).body).toEqual(stay);
    expect(await auditOf('stays:updateGuest')).toEqual([]);
  });

  it('is for the desk only', async () => {
    const stay = await book();
    expect((await api.as('client').patch(`/api/v1/stays/${stay.id}/guest`, { guestName: 'X' })).status).toBe(403);
    expect((await api.as('client').get(`/api/v1/guests/profile?email=a@b.dk`)).status).toBe(403);
    expect((await api.as('client').get(`/api/v1/stays/${stay.id}/quote`)).status).toBe(403);
  });
});

describe('guest profiles', () => {
  it('join stays by e-mail (any case) or phone (any spacing), following a shared number to another address', async () => {
    // All after the test clock's today (2026-05-01): a stay entirely in the past is refused.
    const a = await book({ guestEmail: 'Mette@Example.dk', checkin: '2026-07-01', checkout: '2026-07-02' });
    const b = await book({ guestEmail: 'mette@example.dk', guestPhone: '+45 20 12 34 56', checkin: '2026-08-01', checkout: '2026-08-02' });
    const c = await book({ guestName: 'M. Hansen', guestPhone: '+4520-123456', guestEmail: 'mh@work.dk', checkin: '2026-09-10', checkout: '2026-09-12' });
    await book({ guestName: 'Someone else', guestEmail: 'other@example.dk', checkin: '2026-10-10', checkout: '2026-10-12' });

    const byEmail = await api.get<GuestProfile>('/api/v1/guests/profile?email=METTE%40example.dk');
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.total).toBe(3);
    expect(byEmail.body.stays.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(byEmail.body).toMatchObject({ guestName: 'M. Hansen', guestEmail: 'mh@work.dk', guestPhone: '+4520-123456' });

    const byPhone = await api.get<GuestProfile>(`/api/v1/guests/profile?phone=${encodeURIComponent('+45 2012 3456')}`);
    expect(byPhone.body.stays.map((s) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());

    const nobody = await api.get<GuestProfile>('/api/v1/guests/profile?email=nobody%40example.dk');
    expect(nobody.body).toEqual({ guestName: null, guestEmail: null, guestPhone: null, total: 0, stays: [] });
    expect((await api.get('/api/v1/guests/profile')).status).toBe(400);
    expect((await api.get('/api/v1/guests/profile?email=nope')).status).toBe(400);
  });
});
