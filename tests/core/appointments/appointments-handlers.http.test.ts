/**
 * Seeds 001 and 003 over real HTTP: the public room browsing and the bookings of a signed-in user
 * (`/api/v1/bookings…`) with their status, body and message, and the role and ownership refusals.
 * The admin's and the desk's routes are in appointments-admin-routes.test.ts. Every answer is also
 * checked against the API document (tests/support/http-client.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Appointment, ServiceRoom } from '../../../shared/contract/appointments';
import { outboxRows } from '../../support/outbox-rows';
import { aProvider, api, call, freeSlots, generate, get, post, put, setUpRoom, MONDAY } from './appointments-http';

describe('seed 003: public room browsing', () => {
  it('lists active rooms by name in the page shape, filters by type, caps limit at 100, and needs no sign-in', async () => {
    await setUpRoom({ name: 'B treatment' });
    await setUpRoom({ name: 'A meeting', roomType: 'meeting' });
    const off = await setUpRoom({ name: 'C old', isActive: false });
    const res = await get('/api/v1/bookings/rooms', 'anonymous');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 25, pages: 1 });
    expect(res.body.items.map((r: ServiceRoom) => r.name)).toEqual(['A meeting', 'B treatment']);
    expect(Object.keys(res.body.items[0])).toEqual(expect.arrayContaining(['id', 'name', 'description', 'capacity', 'roomType', 'hourlyRate', 'isActive', 'metadata']));
    expect((await get('/api/v1/bookings/rooms?type=meeting', 'anonymous')).body.items.map((r: ServiceRoom) => r.name)).toEqual(['A meeting']);
    expect((await get('/api/v1/bookings/rooms?active=false', 'anonymous')).body.total).toBe(3);
    expect((await get('/api/v1/bookings/rooms?limit=500&page=2', 'anonymous')).body).toMatchObject({ limit: 100, page: 2, items: [] });
    expect((await get(`/api/v1/bookings/rooms/${off.id}`, 'anonymous')).body).toMatchObject({ id: off.id, isActive: false });
    expect(await get('/api/v1/bookings/rooms/999', 'anonymous')).toEqual({ status: 404, body: { error: 'Room not found' } });
  });

  it('answers the free timeslots of a day, with the seed\'s messages for a missing or bad date', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const res = await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=${MONDAY}`, 'anonymous');
    expect(res.status).toBe(200);
    expect(res.body.room).toMatchObject({ id: room.id, name: 'Spa room 1' });
    expect(res.body.date).toBe(MONDAY);
    expect(res.body.timeslots).toHaveLength(16);
    expect(res.body.timeslots[0]).toMatchObject({ startTime: '2026-05-04T09:00:00+02:00', endTime: '2026-05-04T09:30:00+02:00', durationMinutes: 30, capacity: 1, isAvailable: true });
    expect((await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=2026-05-04T08:00:00Z`, 'anonymous')).body.timeslots).toHaveLength(16);
    expect((await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=${MONDAY}&duration=60`, 'anonymous')).body.timeslots).toHaveLength(0);
    expect(await get(`/api/v1/bookings/rooms/${room.id}/timeslots`, 'anonymous')).toEqual({ status: 400, body: { error: 'Date parameter is required' } });
    expect(await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=tomorrow`, 'anonymous')).toEqual({ status: 400, body: { error: 'Invalid date format. Use ISO 8601' } });
    expect(await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=2026-02-30`, 'anonymous')).toEqual({ status: 400, body: { error: 'Invalid date format. Use ISO 8601' } });
    expect(await get(`/api/v1/bookings/rooms/999/timeslots?date=${MONDAY}`, 'anonymous')).toEqual({ status: 404, body: { error: 'Room not found' } });
  });

  it('takes the hotel-local day a date-time names and answers the `date` as it was sent (seed 003)', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const slotsOn = async (date: string) => {
      const res = await get(`/api/v1/bookings/rooms/${room.id}/timeslots?date=${encodeURIComponent(date)}`, 'anonymous');
      expect(res.status).toBe(200);
      expect(res.body.date).toBe(date);
      return res.body.timeslots.length;
    };
    // 23:30 in New York on the 3rd is 05:30 on Monday the 4th in Copenhagen: Monday's slots.
    expect(await slotsOn('2026-05-03T23:30:00-05:00')).toBe(16);
    expect(await slotsOn('2026-05-04T01:00:00+02:00')).toBe(16);
    // A wall time is the hotel's: its own date, even one a DST change skips (02:30 on 2026-03-29).
    expect(await slotsOn('2026-05-03T23:30')).toBe(0);
    expect(await slotsOn('2026-05-04 08:00')).toBe(16);
    expect(await slotsOn('2026-03-29T02:30')).toBe(0);
  });
});

describe('seed 003: bookings of a signed-in user', () => {
  it('POST /api/v1/bookings {timeslotId, roomId} → 201 {booking, checkoutUrl: null, message}, pending, unpaid, priced by the hour; the slot is then gone', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const [slot] = await freeSlots(room.id);
    const res = await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id, notes: 'Test booking', bookingType: 'massage' }, 'client');
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('Booking created. Complete payment to confirm.');
    expect(res.body.checkoutUrl).toBeNull();
    expect(res.body.booking).toMatchObject({
      kind: 'timeslot', status: 'pending', paymentStatus: 'unpaid', price: 45_000, roomId: room.id, timeslotId: slot!.id, notes: 'Test booking',
      bookingType: 'massage', startTime: '2026-05-04T09:00:00+02:00', holdExpiresAt: '2026-05-01T10:30:00+02:00', room: { id: room.id, name: 'Spa room 1' },
    });
    expect(await freeSlots(room.id)).toHaveLength(15);
    // the same slot again: full
    expect(await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id }, 'client2')).toEqual({ status: 409, body: { error: 'Timeslot is fully booked' } });
    // the confirmation e-mail, in the same transaction
    expect((await outboxRows(api.t.db)).filter((r) => r.target === 'email')).toHaveLength(1);
  });

  it('refuses a missing field, an unknown slot or room, a slot of another room, and an anonymous caller', async () => {
    const room = await setUpRoom();
    const other = await setUpRoom({ name: 'Other' });
    await generate(room.id);
    const [slot] = await freeSlots(room.id);
    for (const body of [{ timeslotId: slot!.id }, { roomId: room.id }, { timeslotId: '1', roomId: room.id }, { timeslotId: 0, roomId: room.id }]) {
      expect(await post('/api/v1/bookings', body, 'client')).toEqual({ status: 400, body: { error: 'timeslotId and roomId are required' } });
    }
    expect(await post('/api/v1/bookings', { timeslotId: 999, roomId: room.id }, 'client')).toEqual({ status: 404, body: { error: 'Timeslot not found' } });
    expect(await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: 999 }, 'client')).toEqual({ status: 404, body: { error: 'Room not found' } });
    expect(await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: other.id }, 'client')).toEqual({ status: 400, body: { error: 'Timeslot does not belong to this room' } });
    expect((await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id }, 'anonymous')).status).toBe(401);
    expect(await freeSlots(room.id)).toHaveLength(16);
  });

  it('GET /api/v1/bookings lists only the caller\'s own appointments of both kinds, each with its kind, filtered and paged', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const slots = await freeSlots(room.id);
    const p = await aProvider();
    await post('/api/v1/bookings', { timeslotId: slots[0]!.id, roomId: room.id }, 'client');
    await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-05', time: '10:00' }, 'client');
    await post('/api/v1/bookings', { timeslotId: slots[1]!.id, roomId: room.id }, 'client2');
    const mine = await get('/api/v1/bookings', 'client');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 2, page: 1, limit: 25 });
    expect(Object.keys(mine.body).sort()).toEqual(['items', 'limit', 'page', 'total']);
    expect(mine.body.items.map((a: Appointment) => a.kind)).toEqual(['provider', 'timeslot']);
    expect((await get('/api/v1/bookings?status=confirmed', 'client')).body.items.map((a: Appointment) => a.kind)).toEqual(['provider']);
    expect((await get('/api/v1/bookings?from_date=2026-05-05', 'client')).body.total).toBe(1);
    expect((await get('/api/v1/bookings?to_date=2026-05-04', 'client')).body.total).toBe(1);
    expect((await get('/api/v1/bookings?limit=1&page=2', 'client')).body).toMatchObject({ total: 2, page: 2, limit: 1, items: [{ kind: 'timeslot' }] });
    expect((await get('/api/v1/bookings?limit=1000', 'client')).body.limit).toBe(100);
    expect((await get('/api/v1/bookings', 'anonymous')).status).toBe(401);
  });

  it('GET /api/v1/bookings/:id: 404 Booking not found, 403 Access denied for another client\'s, the desk sees all', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const [slot] = await freeSlots(room.id);
    const { body } = await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id }, 'client');
    const id = body.booking.id as number;
    expect((await get(`/api/v1/bookings/${id}`, 'client')).body).toMatchObject({ id, kind: 'timeslot' });
    expect(await get(`/api/v1/bookings/${id}`, 'client2')).toEqual({ status: 403, body: { error: 'Access denied' } });
    expect((await get(`/api/v1/bookings/${id}`, 'staff')).status).toBe(200);
    expect((await get(`/api/v1/bookings/${id}`, 'admin')).status).toBe(200);
    expect(await get('/api/v1/bookings/999', 'client')).toEqual({ status: 404, body: { error: 'Booking not found' } });
  });

  it('PUT /:id/cancel → {booking, refundAmount, message}; 403 for another\'s; 400 when it cannot be cancelled; the refund follows the policy on what was paid', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const [a, b] = await freeSlots(room.id);
    const first = (await post('/api/v1/bookings', { timeslotId: a!.id, roomId: room.id }, 'client')).body.booking as Appointment;
    expect(await put(`/api/v1/bookings/${first.id}/cancel`, undefined, 'client2')).toEqual({ status: 403, body: { error: 'Access denied' } });
    const res = await put(`/api/v1/bookings/${first.id}/cancel`, undefined, 'client');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ refundAmount: 0, message: 'Booking cancelled successfully', booking: { id: first.id, status: 'cancelled' } });
    expect(await put(`/api/v1/bookings/${first.id}/cancel`, undefined, 'client')).toEqual({ status: 400, body: { error: 'A cancelled booking cannot be cancelled' } });
    expect(await freeSlots(room.id)).toHaveLength(16);

    // paid at the desk, cancelled 71 hours before the start: 100 %
    const second = (await post('/api/v1/bookings', { timeslotId: b!.id, roomId: room.id }, 'client')).body.booking as Appointment;
    expect((await post(`/api/v1/appointments/${second.id}/pay`, { method: 'card' }, 'staff')).body).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', paymentMethod: 'card' });
    const quote = await get(`/api/v1/bookings/${second.id}/refund`, 'client');
    expect(quote.body).toMatchObject({ refundAmount: 45_000, percent: 100, paid: 45_000 });
    const paid = await call('DELETE', `/api/v1/bookings/${second.id}`, undefined, 'client');
    expect(paid.body).toMatchObject({ refundAmount: 45_000, booking: { status: 'cancelled', paymentStatus: 'refunded', refundAmount: 45_000 } });
    const mails = (await outboxRows(api.t.db)).filter((r) => r.topic === 'email.cancellation');
    expect(mails).toHaveLength(2);
  });

  it('PUT /:id/reschedule {newTimeslotId} moves atomically; 400 newTimeslotId is required; 409 to a full slot; 403 for another\'s', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const [a, b, c] = await freeSlots(room.id);
    const mine = (await post('/api/v1/bookings', { timeslotId: a!.id, roomId: room.id }, 'client')).body.booking as Appointment;
    await post('/api/v1/bookings', { timeslotId: c!.id, roomId: room.id }, 'client2');
    expect(await put(`/api/v1/bookings/${mine.id}/reschedule`, {}, 'client')).toEqual({ status: 400, body: { error: 'newTimeslotId is required' } });
    expect(await put(`/api/v1/bookings/${mine.id}/reschedule`, { newTimeslotId: b!.id }, 'client2')).toEqual({ status: 403, body: { error: 'Access denied' } });
    expect(await put(`/api/v1/bookings/${mine.id}/reschedule`, { newTimeslotId: c!.id }, 'client')).toEqual({ status: 409, body: { error: 'Timeslot is fully booked' } });
    const res = await put(`/api/v1/bookings/${mine.id}/reschedule`, { newTimeslotId: b!.id }, 'client');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: 'Booking rescheduled successfully', booking: { id: mine.id, timeslotId: b!.id, startTime: '2026-05-04T09:30:00+02:00' } });
    expect((await freeSlots(room.id)).map((s) => s.id)).toContain(a!.id);
    expect(await put('/api/v1/bookings/999/reschedule', { newTimeslotId: b!.id }, 'client')).toEqual({ status: 404, body: { error: 'Booking not found' } });
  });
});

describe('seed 001: providers and provider bookings', () => {
  it('POST /api/v1/bookings {provider_id, date, time} → 201 {id, provider_id, date, time: "14:30:00", created_at}; 14:45 overlaps, 15:00 does not', async () => {
    const p = await aProvider();
    const res = await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '14:30' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 1, provider_id: p.id, date: '2026-05-04', time: '14:30:00', created_at: '2026-05-01T10:00:00+02:00' });
    expect(await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '14:45' })).toEqual({ status: 409, body: { error: 'This time slot is already booked' } });
    expect(await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '14:15' })).toEqual({ status: 409, body: { error: 'This time slot is already booked' } });
    expect((await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '15:00:00' })).status).toBe(201);
  });

  it('refuses with the seed\'s words: missing fields 400, unknown provider 404; and 400 for a bad, past, DST-skipped or out-of-hours time', async () => {
    const p = await aProvider();
    for (const body of [{}, { provider_id: p.id }, { provider_id: p.id, date: '2026-05-04' }, { date: '2026-05-04', time: '10:00' }, { provider_id: p.id, date: '', time: '10:00' }]) {
      expect(await post('/api/v1/bookings', body)).toEqual({ status: 400, body: { error: 'Missing required fields: provider_id, date, time' } });
    }
    expect(await post('/api/v1/bookings', { provider_id: 99, date: '2026-05-04', time: '10:00' })).toEqual({ status: 404, body: { error: 'Provider not found' } });
    expect((await post('/api/v1/bookings', { provider_id: p.id, date: '2026-02-30', time: '10:00' })).status).toBe(400);
    expect((await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '25:00' })).status).toBe(400);
    expect(await post('/api/v1/bookings', { provider_id: p.id, date: '2026-04-30', time: '10:00' })).toEqual({ status: 400, body: { error: 'Cannot book a time in the past' } });
    expect(await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '16:45' })).toEqual({ status: 400, body: { error: 'Outside the provider\'s working hours' } });
    const night = await aProvider({ email: 'night@example.dk', workingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: { start: '00:00', end: '06:00' } } });
    // 2027-03-28: Copenhagen springs from 02:00 to 03:00
    const gap = await post('/api/v1/bookings', { provider_id: night.id, date: '2027-03-28', time: '02:30' });
    expect(gap.status).toBe(400);
    expect(gap.body.error).toMatch(/does not exist/);
    expect(await api.t.db.get('SELECT count(*) AS n FROM appointments')).toEqual({ n: 0 });
  });

  it('providers CRUD: POST → 201 with id, GET one and all, PATCH deactivates; unique e-mail 409; client 403 on writes', async () => {
    const p = await aProvider({ appointmentMinutes: 60, bufferMinutes: 15, daysOff: ['2026-05-05'] });
    expect(p).toMatchObject({ id: 1, name: 'Sofie Lund', appointmentMinutes: 60, bufferMinutes: 15, daysOff: ['2026-05-05'], active: true, workingHours: { mon: { start: '09:00', end: '17:00' } } });
    expect((await post('/api/v1/providers', { name: 'Twin', email: 'SOFIE.LUND@example.dk' })).status).toBe(409);
    expect((await get('/api/v1/providers/1', 'client')).body).toMatchObject({ id: 1 });
    expect(await get('/api/v1/providers/9', 'client')).toEqual({ status: 404, body: { error: 'Provider not found' } });
    expect((await post('/api/v1/providers', { name: 'X', email: 'x@example.dk' }, 'client')).status).toBe(403);
    expect((await call('PATCH', '/api/v1/providers/1', { active: false }, 'staff')).status).toBe(403);
    expect((await call('PATCH', '/api/v1/providers/1', { active: false })).body).toMatchObject({ active: false });
    expect((await get('/api/v1/providers', 'client')).body).toEqual([]);
    expect((await get('/api/v1/providers?includeInactive=true', 'staff')).body).toHaveLength(1);
    expect(await post('/api/v1/bookings', { provider_id: 1, date: '2026-05-04', time: '10:00' })).toEqual({ status: 400, body: { error: 'Provider is not taking bookings' } });
  });

  it('GET /api/v1/providers/:id/availability?date= → the free start times, less bookings and buffers, none on a day off or in the past', async () => {
    const p = await aProvider({ appointmentMinutes: 60, bufferMinutes: 30, daysOff: ['2026-05-05'] });
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-05-04`, 'client')).body.times).toEqual([
      '09:00:00', '10:00:00', '11:00:00', '12:00:00', '13:00:00', '14:00:00', '15:00:00', '16:00:00',
    ]);
    await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '11:00' }, 'client');
    // 11:00–12:00 + 30 min buffer blocks 11:00 and 12:00; 10:00 + 60 + 30 runs into 11:00
    const res = await get(`/api/v1/providers/${p.id}/availability?date=2026-05-04`, 'client');
    expect(res.body).toMatchObject({ providerId: p.id, date: '2026-05-04', durationMinutes: 60 });
    expect(res.body.times).toEqual(['09:00:00', '13:00:00', '14:00:00', '15:00:00', '16:00:00']);
    expect(res.body.slots[0]).toEqual({ time: '09:00:00', startTime: '2026-05-04T09:00:00+02:00', endTime: '2026-05-04T10:00:00+02:00' });
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-05-05`, 'client')).body.times).toEqual([]);
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-04-30`, 'client')).body.times).toEqual([]);
    // today (10:00 now): only later times
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-05-01`, 'client')).body.times[0]).toBe('11:00:00');
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-02-30`, 'client')).status).toBe(400);
    expect((await get(`/api/v1/providers/${p.id}/availability?date=2026-05-04`, 'anonymous')).status).toBe(401);
  });

  it('PUT /:id/reschedule {date, time} moves a provider booking, re-checked against others; DELETE cancels and keeps the history', async () => {
    const p = await aProvider();
    const a = (await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '10:00' }, 'client')).body;
    await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '11:00' }, 'client2');
    expect(await put(`/api/v1/bookings/${a.id}/reschedule`, { date: '2026-05-04', time: '11:15' }, 'client')).toEqual({ status: 409, body: { error: 'This time slot is already booked' } });
    // moving onto its own time is fine (it does not conflict with itself)
    const moved = await put(`/api/v1/bookings/${a.id}/reschedule`, { date: '2026-05-04', time: '10:15' }, 'client');
    expect(moved.body).toMatchObject({ message: 'Booking rescheduled successfully', booking: { time: '10:15:00', startTime: '2026-05-04T10:15:00+02:00' } });
    expect((await put(`/api/v1/bookings/${a.id}/reschedule`, { date: '2026-05-04' }, 'client')).body).toEqual({ error: 'Missing required fields: time' });
    const del = await call('DELETE', `/api/v1/bookings/${a.id}`, undefined, 'client');
    expect(del.body).toMatchObject({ message: 'Booking cancelled successfully', booking: { id: a.id, status: 'cancelled' } });
    expect((await get(`/api/v1/bookings/${a.id}`, 'client')).body.status).toBe('cancelled');
    expect((await post('/api/v1/bookings', { provider_id: p.id, date: '2026-05-04', time: '10:00' }, 'client')).status).toBe(201);
  });
});

describe('one path, two seeds: the words and the order of a refusal', () => {
  const SEED_001 = { status: 400, body: { error: 'Missing required fields: provider_id, date, time' } };
  const SEED_003 = { status: 400, body: { error: 'timeslotId and roomId are required' } };

  it('POST /api/v1/bookings: seed 003\'s fields → its words; seed 001\'s (with or without seed 003\'s extras), {} or no body → seed 001\'s, the older API on the path', async () => {
    for (const body of [{ timeslotId: 1 }, { roomId: 1 }, { notes: 'Aromatherapy' }, { bookingType: 'massage', roomId: 1 }]) {
      expect(await post('/api/v1/bookings', body, 'client'), JSON.stringify(body)).toEqual(SEED_003);
    }
    // seed 003's extras beside seed 001's fields do not change whose words they are
    for (const body of [{}, undefined, { provider_id: 1 }, { date: MONDAY }, { time: '10:00' }, { date: MONDAY, time: '10:00' }, { provider_id: 1, notes: 'Window seat' }]) {
      expect(await post('/api/v1/bookings', body, 'client'), JSON.stringify(body)).toEqual(SEED_001);
    }
    expect((await post('/api/v1/bookings', {}, 'anonymous')).status).toBe(401);
    expect(await api.t.db.get('SELECT count(*) AS n FROM appointments')).toEqual({ n: 0 });
  });

  it('PUT /:id/reschedule checks as seed 003 does, for either body: the booking (404), its owner (403), then the body (400)', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const [slot] = await freeSlots(room.id);
    const p = await aProvider();
    const bySlot = (await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id }, 'client')).body.booking as Appointment;
    const byProvider = (await post('/api/v1/bookings', { provider_id: p.id, date: MONDAY, time: '10:00' }, 'client')).body as { id: number };
    const refused = [undefined, {}, { newTimeslotId: 'x' }, { newTimeslotId: 0 }, { date: MONDAY }, { time: '10:00' }, { date: '2026-02-30', time: '10:00' }];
    for (const body of refused) {
      const label = JSON.stringify(body) ?? 'no body';
      expect(await put('/api/v1/bookings/999/reschedule', body, 'client'), label).toEqual({ status: 404, body: { error: 'Booking not found' } });
      for (const id of [bySlot.id, byProvider.id]) {
        expect(await put(`/api/v1/bookings/${id}/reschedule`, body, 'client2'), label).toEqual({ status: 403, body: { error: 'Access denied' } });
        expect((await put(`/api/v1/bookings/${id}/reschedule`, body, 'client')).status, label).toBe(400);
        expect((await put(`/api/v1/bookings/${id}/reschedule`, body, 'staff')).status, label).toBe(400);
      }
    }
    expect(await put(`/api/v1/bookings/${bySlot.id}/reschedule`, {}, 'client')).toEqual({ status: 400, body: { error: 'newTimeslotId is required' } });
    expect(await put(`/api/v1/bookings/${byProvider.id}/reschedule`, { date: MONDAY }, 'client')).toEqual({ status: 400, body: { error: 'Missing required fields: time' } });
    // a bad path is refused as it is, and a caller without a token before anything
    expect((await put('/api/v1/bookings/0x9/reschedule', {}, 'client')).status).toBe(400);
    expect((await put('/api/v1/bookings/999/reschedule', {}, 'anonymous')).status).toBe(401);
    const unchanged = (await get(`/api/v1/bookings/${bySlot.id}`, 'client')).body as Appointment;
    expect(unchanged.timeslotId).toBe(slot!.id);
  });

  it('PUT /api/v1/admin/bookings/:id/status checks the body first, as seed 003 does: 400 status is required even for no booking', async () => {
    expect(await put('/api/v1/admin/bookings/999/status', {}, 'admin')).toEqual({ status: 400, body: { error: 'status is required' } });
    expect(await put('/api/v1/admin/bookings/999/status', { status: 'completed' }, 'admin')).toEqual({ status: 404, body: { error: 'Booking not found' } });
  });
});
