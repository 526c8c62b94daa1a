/**
 * The audit trail over HTTP (issue 3 §5): a booking, a failed sign-in and a settings change each
 * leave a row saying who, what, which record, when, how and from where; the admin reads them at
 * /api/v1/audit and downloads them at /api/v1/exports/audit.csv; nobody else may.
 */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/audit';
import type { SeedBooking } from '../../../shared/contract/seed-bookings';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

let api: TestApi;

beforeEach(async () => {
  api = await startTestApi();
  await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard double room' }), adminCtx);
});
afterEach(async () => await api.close());

/** The test clock's now, as the audit log shows it (hotel time, Copenhagen). */
const NOW_IN_HOTEL = '2026-05-01T10:00:00+02:00';

async function entries(query = ''): Promise<AuditEntry[]> {
  const res = await api.get<{ entries: AuditEntry[] }>(`/api/v1/audit?limit=500${query}`);
  expect(res.status).toBe(200);
  return res.body.entries;
}

describe('the audit trail', () => {
  it('records a booking over HTTP with who, what, which record, when, how and from where', async () => {
    const client = await api.session('client');
    const booked = await api.raw<SeedBooking>({
      method: 'POST',
      url: '/bookings',
      as: 'client',
      remoteAddress: '10.0.0.23',
      payload: { roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00' },
    });
    expect(booked.status).toBe(201);
    expect(await entries('&action=stays:seedCreate')).toEqual([
      {
        id: expect.any(Number),
        at: NOW_IN_HOTEL,
        actor: client.username,
        role: 'client',
        action: 'stays:seedCreate',
        entity: 'stays',
        entityId: String(booked.body.id),
        detail: expect.stringContaining('"roomnumber":101'),
        via: 'http',
        address: '10.0.0.23',
      },
    ]);
  });

  it('records a failed sign-in (the name tried, never the password) and a settings change', async () => {
    expect((await api.raw({ method: 'POST', url: '/login/', as: 'anonymous', remoteAddress: '10.0.0.99', payload: { username: 'admin', password: 'Guessed-Password-77' } })).status).toBe(401);
    expect((await api.patch('/api/v1/settings', { hotelName: 'Hotel Nordlys' })).status).toBe(200);

    const [failed] = await entries('&action=auth:loginFailed');
    expect(failed).toMatchObject({ actor: 'anonymous', role: 'anonymous', action: 'auth:loginFailed', at: NOW_IN_HOTEL, via: 'http', address: '10.0.0.99' });
    expect(JSON.parse(failed!.detail)).toEqual({ username: 'admin', reason: 'password' });

    const [changed] = await entries('&action=settings:update');
    expect(changed).toMatchObject({ actor: 'admin', role: 'admin', entity: 'settings', at: NOW_IN_HOTEL, via: 'http' });
    expect(JSON.parse(changed!.detail)).toMatchObject({ hotelName: 'Hotel Nordlys' });
  });

  it('GET /api/v1/exports/audit.csv gives the admin every row as a CSV download; staff and clients get 403, nobody 401', async () => {
    await api.post('/bookings', { roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00' }, { as: 'client' });
    await api.post('/login/', { username: 'admin', password: 'Guessed-Password-77' }, { as: 'anonymous' });
    await api.patch('/api/v1/settings', { hotelName: 'Hotel Nordlys' });

    const res = await api.get('/api/v1/exports/audit.csv?delimiter=;');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-05-01.csv"');
    const [header, ...rows] = Papa.parse<string[]>(res.text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual(['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'detail', 'via', 'address']);
    const actions = rows.map((r) => r[4]);
    expect(actions).toEqual(expect.arrayContaining(['stays:seedCreate', 'auth:loginFailed', 'settings:update', 'auth:login']));
    expect(rows).toHaveLength((await entries()).length);

    expect(await api.get('/api/v1/exports/audit.csv', { as: 'staff' })).toMatchObject({ status: 403, body: { error: expect.any(String) } });
    expect((await api.get('/api/v1/exports/audit.csv', { as: 'client' })).status).toBe(403);
    expect((await api.get('/api/v1/exports/audit.csv', { as: 'anonymous' })).status).toBe(401);
    expect((await api.get('/api/v1/audit', { as: 'staff' })).status).toBe(403);
  });

  it('records the download itself', async () => {
    expect((await api.get('/api/v1/exports/stays.csv', { as: 'staff' })).status).toBe(200);
    expect((await api.get('/api/v1/exports/audit.csv')).status).toBe(200);
    const exports = await entries('&entity=stays');
    expect(exports.map((e) => e.action)).toContain('stays:export');
    expect((await entries('&action=audit:export')).map((e) => e.actor)).toEqual(['admin']);
  });
});
