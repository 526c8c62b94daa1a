/**
 * The desk's rules over REST (docs/stays-rules.md): every refusal is a 4xx `{"error": "..."}` whose
 * text says what is in the way, the seed route included; the quote, undo and block-change routes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/contract/blocks';
import type { Room } from '../../../shared/contract/rooms';
import type { Settings } from '../../../shared/contract/settings';
import type { DepartureQuote, Stay } from '../../../shared/contract/stays';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

let api: TestApi;
const ROOM = { number: 101, category: 'Standard double room', capacity: 2, nightlyRate: 100_000, floor: 1 };
const at = (local: string) => Date.parse(`${local}:00+02:00`);

beforeEach(async () => {
  api = await startTestApi(); // 2026-05-01 10:00 in Copenhagen
  expect((await api.post<Room>('/api/v1/rooms', ROOM)).status).toBe(201);
});
afterEach(async () => await api.close());

describe('the desk rules over REST', () => {
  it('POST /bookings and POST /api/v1/stays for dates in the past → 400 with the seed body shape', async () => {
    const seed = await api.post('/bookings', { roomnumber: 101, category: 'Standard double room', checkin: '2020-01-01', checkout: '2020-01-02' });
    expect(seed).toMatchObject({ status: 400, body: { error: 'The stay would end in the past (2020-01-02T12:00:00+01:00); only an admin can enter it, as a late entry' } });
    expect(Object.keys(seed.body as object)).toEqual(['error']);
    const desk = await api.as('staff').post('/api/v1/stays', { roomId: 1, checkin: '2026-04-20', checkout: '2026-04-22', guestName: 'Late', lateEntry: true });
    expect(desk).toMatchObject({ status: 403, body: { error: expect.stringContaining('Only an admin') } });
    const admin = await api.post<Stay>('/api/v1/stays', { roomId: 1, checkin: '2026-04-20', checkout: '2026-04-22', guestName: 'Late', lateEntry: true });
    expect(admin).toMatchObject({ status: 201, body: { status: 'checked_out' } });
  });

  it('check-in too early → 409; check-out quote, early check-out, undo (all within one sign-in)', async () => {
    await api.t.core.handlers['settings:update']({ earlyCheckinMinutes: 0 }, adminCtx);
    const stay = (await api.post<Stay>('/api/v1/stays', { roomId: 1, checkin: '2026-05-01', checkout: '2026-05-04', guestName: 'Eva Holm' })).body;
    expect(await api.as('staff').post(`/api/v1/stays/${stay.id}/check-in`)).toMatchObject({
      status: 409, body: { error: `Stay ${stay.id} can be checked in from 2026-05-01 14:00, its arrival day` },
    });
    api.t.clock.set(at('2026-05-01T14:30'));
    expect(await api.as('staff').post(`/api/v1/stays/${stay.id}/check-in`)).toMatchObject({ status: 200, body: { status: 'checked_in', warnings: [] } });
    api.t.clock.set(at('2026-05-01T20:00'));
    const quote = await api.as('staff').get<DepartureQuote>(`/api/v1/stays/${stay.id}/departure-quote?action=check_out`);
    expect(quote).toMatchObject({ status: 200, body: { early: true, usedNights: 0, bookedNights: 3, rule: 'booked', price: 300_000, endsAt: '2026-05-01T20:00:00+02:00' } });
    expect(await api.as('staff').post(`/api/v1/stays/${stay.id}/check-out`)).toMatchObject({ status: 200, body: { checkoutDate: '2026-05-01', nights: 0 } });
    const freeRooms = await api.get<Room[]>('/api/v1/rooms/free?checkin=2026-05-02&checkout=2026-05-04');
    expect(freeRooms.body.map((r) => r.number)).toEqual([101]);
    expect(await api.as('staff').post(`/api/v1/stays/${stay.id}/undo`)).toMatchObject({ status: 200, body: { status: 'checked_in', checkoutDate: '2026-05-04', nights: 3 } });
    expect(await api.get(`/api/v1/stays/${stay.id}/departure-quote?action=sideways`)).toMatchObject({ status: 400, body: { error: expect.any(String) } });
  });

  it('a block is created, changed and withholds the room; deactivating a room with stays → 409 listing them', async () => {
    const block = await api.post<Block>('/api/v1/blocks', { roomId: 1, from: '2026-06-10', to: '2026-06-12', reason: 'Burst pipe', kind: 'out_of_order' });
    expect(block).toMatchObject({ status: 201, body: { kind: 'out_of_order' } });
    const changed = await api.patch<Block>(`/api/v1/blocks/${block.body.id}`, { to: '2026-06-13' });
    expect(changed).toMatchObject({ status: 200, body: { toDate: '2026-06-13', reason: 'Burst pipe' } });
    expect(await api.post('/bookings', { roomnumber: 101, category: 'Standard double room', checkin: '2026-06-12', checkout: '2026-06-14' })).toMatchObject({
      status: 409, body: { error: 'Room 101 is not available from 2026-06-12 to 2026-06-14' },
    });
    const stay = (await api.post<Stay>('/api/v1/stays', { roomId: 1, checkin: '2026-06-20', checkout: '2026-06-22', guestName: 'Bo Ek' })).body;
    expect(await api.post('/api/v1/rooms/1/deactivate')).toMatchObject({
      status: 409, body: { error: `Room 101 still has 1 stay to honour; move it first: #${stay.id} Bo Ek (2026-06-20 → 2026-06-22)` },
    });
  });

  it('the time zone is fixed once stays exist: PATCH /api/v1/settings → 409 saying why', async () => {
    await api.post('/api/v1/stays', { roomId: 1, checkin: '2026-06-20', checkout: '2026-06-22', guestName: 'Bo Ek' });
    const res = await api.patch<Settings>('/api/v1/settings', { timeZone: 'Pacific/Kiritimati' });
    expect(res).toMatchObject({ status: 409, body: { error: expect.stringMatching(/^The time zone stays Europe\/Copenhagen: the hotel already has stays/) } });
  });
});
