/**
 * Seed 003's admin routes (`/api/v1/admin/…`: rooms, timeslots, bookings) and the desk's
 * (`/api/v1/appointments…`) over real HTTP, with their status, body and message and the role
 * refusals. Every answer is also checked against the API document (tests/support/http-client.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Appointment, ServiceRoom } from '../../../shared/contract/appointments';
import { aProvider, api, call, freeSlots, generate, get, post, put, setUpRoom, MONDAY, type Who } from './appointments-http';

describe('seed 003: admin', () => {
  it('rooms: create (201), the seed\'s required-field messages, roomType checked, update, delete = deactivate; client and staff 403', async () => {
    expect(await post('/api/v1/admin/rooms', { roomType: 'meeting' })).toEqual({ status: 400, body: { error: 'name is required' } });
    expect(await post('/api/v1/admin/rooms', { name: 'Room' })).toEqual({ status: 400, body: { error: 'roomType is required' } });
    expect(await post('/api/v1/admin/rooms', {})).toEqual({ status: 400, body: { error: 'name is required' } });
    expect((await post('/api/v1/admin/rooms', { name: 'Room', roomType: 'kitchen' })).status).toBe(400);
    const room = await setUpRoom({ description: 'Table', capacity: 2, metadata: { floor: -1 } });
    expect(room).toMatchObject({ name: 'Spa room 1', roomType: 'treatment', description: 'Table', capacity: 2, hourlyRate: 90_000, isActive: true, metadata: { floor: -1 } });
    expect((await put(`/api/v1/admin/rooms/${room.id}`, { hourlyRate: 100_000, name: 'Spa' })).body).toMatchObject({ name: 'Spa', hourlyRate: 100_000, capacity: 2 });
    expect(await put('/api/v1/admin/rooms/99', { name: 'X' })).toEqual({ status: 404, body: { error: 'Room not found' } });
    expect(await call('DELETE', `/api/v1/admin/rooms/${room.id}`)).toEqual({ status: 200, body: { message: 'Room deactivated' } });
    expect((await get(`/api/v1/bookings/rooms/${room.id}`, 'anonymous')).body.isActive).toBe(false);
    for (const who of ['client', 'staff'] as const) {
      expect((await post('/api/v1/admin/rooms', { name: 'X', roomType: 'office' }, who)).status).toBe(403);
      expect((await call('DELETE', `/api/v1/admin/rooms/${room.id}`, undefined, who)).status).toBe(403);
      expect((await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: MONDAY, endDate: MONDAY }, who)).status).toBe(403);
      expect((await get('/api/v1/admin/bookings/stats', who)).status).toBe(403);
    }
  });

  it('timeslots: generate → 201 {message, count, dateRange}, idempotent; required fields; delete (booked → 400, unknown → 404)', async () => {
    const room = await setUpRoom();
    expect(await post('/api/v1/admin/timeslots/generate', { startDate: MONDAY, endDate: MONDAY })).toEqual({ status: 400, body: { error: 'roomId is required' } });
    expect(await post('/api/v1/admin/timeslots/generate', { roomId: room.id, endDate: MONDAY })).toEqual({ status: 400, body: { error: 'startDate is required' } });
    expect(await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: MONDAY })).toEqual({ status: 400, body: { error: 'endDate is required' } });
    const preview = await post('/api/v1/admin/timeslots/preview', { roomId: room.id, startDate: '2026-05-04T00:00:00', endDate: '2026-05-08T00:00:00', excludedDates: ['2026-05-06'] });
    expect(preview.body).toMatchObject({ count: 64 });
    const res = await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: '2026-05-04T00:00:00', endDate: '2026-05-08T00:00:00', excludedDates: ['2026-05-06'] });
    expect(res).toEqual({ status: 201, body: { message: 'Generated 64 timeslots', count: 64, dateRange: { start: '2026-05-04T00:00:00', end: '2026-05-08T00:00:00' } } });
    expect((await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: MONDAY, endDate: '2026-05-08' })).body.count).toBe(16);
    // overlapping ranges and lengths never make overlapping slots
    expect((await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: MONDAY, endDate: '2026-05-08', slotDuration: 45, workingHours: { start: '08:00', end: '18:00' } })).body.count).toBe(5 * 2);
    const overlap = await api.t.db.get('SELECT count(*) AS n FROM timeslots a JOIN timeslots b ON a.room_id = b.room_id AND a.id < b.id AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms');
    expect(overlap).toEqual({ n: 0 });
    expect(await post('/api/v1/admin/timeslots/generate', { roomId: 99, startDate: MONDAY, endDate: MONDAY })).toEqual({ status: 404, body: { error: 'Room not found' } });
    expect((await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: 'soon', endDate: MONDAY })).status).toBe(400);
    expect((await post('/api/v1/admin/timeslots/generate', { roomId: room.id, startDate: '2026-05-08', endDate: MONDAY })).status).toBe(400);

    const [a, b] = await freeSlots(room.id);
    await post('/api/v1/bookings', { timeslotId: a!.id, roomId: room.id }, 'client');
    expect(await call('DELETE', `/api/v1/admin/timeslots/${a!.id}`)).toEqual({ status: 400, body: { error: 'Cannot delete timeslot with existing bookings' } });
    expect(await call('DELETE', `/api/v1/admin/timeslots/${b!.id}`)).toEqual({ status: 200, body: { message: 'Timeslot deleted' } });
    expect(await call('DELETE', `/api/v1/admin/timeslots/${b!.id}`)).toEqual({ status: 404, body: { error: 'Timeslot not found' } });
  });

  it('bookings: the list (default limit 50, filters), status changes by the legal transitions, stats; staff may list and change status', async () => {
    const room = await setUpRoom();
    // Today's slots from 10:30 (the clock says 10:00): they start within the sessions' lifetime.
    await generate(room.id, { startDate: '2026-05-01', endDate: '2026-05-01' });
    const [a, b, c] = await freeSlots(room.id, '2026-05-01');
    const client = await api.session('client');
    const one = (await post('/api/v1/bookings', { timeslotId: a!.id, roomId: room.id }, 'client')).body.booking as Appointment;
    const two = (await post('/api/v1/bookings', { timeslotId: b!.id, roomId: room.id }, 'client2')).body.booking as Appointment;
    const three = (await post('/api/v1/bookings', { timeslotId: c!.id, roomId: room.id }, 'client2')).body.booking as Appointment;
    const list = await get('/api/v1/admin/bookings', 'staff');
    expect(list.body).toMatchObject({ total: 3, page: 1, limit: 50 });
    expect((await get(`/api/v1/admin/bookings?userId=${client.userId}`, 'staff')).body.total).toBe(1);
    expect((await get(`/api/v1/admin/bookings?roomId=${room.id}&status=pending&fromDate=2026-05-01&toDate=2026-05-01`)).body.total).toBe(3);
    expect((await get('/api/v1/admin/bookings?fromDate=2026-05-02')).body.total).toBe(0);
    expect((await get('/api/v1/admin/bookings', 'client')).status).toBe(403);

    const status = (id: number, body: unknown, who: Who = 'staff') => put(`/api/v1/admin/bookings/${id}/status`, body, who);
    expect(await status(one.id, {})).toEqual({ status: 400, body: { error: 'status is required' } });
    expect(await status(one.id, { status: 'confirmed' })).toEqual({ status: 400, body: { error: 'Invalid status transition to: confirmed' } });
    expect(await status(one.id, { status: 'completed' })).toEqual({ status: 400, body: { error: 'Invalid status transition to: completed' } });
    await post(`/api/v1/appointments/${two.id}/pay`, { method: 'cash' });
    // Completed and no-show only once the appointment has started (issue 18): 10:30 and 11:00 have, at 11:15; 11:30 has not.
    expect(await status(one.id, { status: 'no_show' })).toEqual({ status: 400, body: { error: `Booking ${one.id} has not started yet: it can be marked no-show from 2026-05-01 10:30` } });
    expect(await status(two.id, { status: 'completed' })).toEqual({ status: 400, body: { error: `Booking ${two.id} has not started yet: it can be marked completed from 2026-05-01 11:00` } });
    api.t.clock.set(Date.parse('2026-05-01T09:15:00Z'));
    expect((await status(one.id, { status: 'no_show' })).body).toMatchObject({ id: one.id, status: 'no_show' });
    expect(await status(one.id, { status: 'cancelled' })).toEqual({ status: 400, body: { error: 'Invalid status transition to: cancelled' } });
    expect((await status(two.id, { status: 'completed' })).body).toMatchObject({ status: 'completed', paymentStatus: 'paid' });
    expect(await status(three.id, { status: 'completed' })).toEqual({ status: 400, body: { error: 'Invalid status transition to: completed' } });
    expect((await status(three.id, { status: 'cancelled' })).body).toMatchObject({ status: 'cancelled' });
    expect(await status(999, { status: 'completed' })).toEqual({ status: 404, body: { error: 'Booking not found' } });
    expect((await status(three.id, { status: 'completed' }, 'client2')).status).toBe(403);

    expect((await get('/api/v1/admin/bookings/stats')).body).toEqual({ total: 3, byStatus: { pending: 0, confirmed: 0, cancelled: 1, completed: 1, no_show: 1 }, revenue: 45_000 });
    expect((await get('/api/v1/admin/bookings/stats?fromDate=2026-06-01&toDate=2026-06-30')).body.total).toBe(0);
  });
});

describe('the desk', () => {
  it('books for a walk-in guest, takes payment, and sees providers and rooms side by side on the calendar', async () => {
    const room = await setUpRoom();
    await generate(room.id);
    const p = await aProvider();
    const [slot] = await freeSlots(room.id);
    const desk = await post('/api/v1/appointments', { timeslotId: slot!.id, guestName: 'Mette Hansen', guestEmail: 'mette@example.dk' }, 'staff');
    expect(desk.body).toMatchObject({ status: 'pending', userId: null, guestName: 'Mette Hansen', createdBy: expect.any(String) });
    const prov = await post('/api/v1/appointments', { providerId: p.id, date: MONDAY, time: '13:00', guestName: 'Jens Olsen' }, 'staff');
    expect(prov.body).toMatchObject({ kind: 'provider', status: 'confirmed', guestEmail: null });
    expect((await post(`/api/v1/appointments/${desk.body.id}/pay`, { method: 'invoice' }, 'staff')).body).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' });
    expect((await post(`/api/v1/appointments/${desk.body.id}/pay`, { method: 'cash' }, 'staff')).status).toBe(400);
    const cal = await get(`/api/v1/appointments/calendar?from=${MONDAY}&days=1`, 'staff');
    expect(cal.body.rooms.map((r: ServiceRoom) => r.id)).toEqual([room.id]);
    expect(cal.body.providers.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect(cal.body.timeslots).toHaveLength(16);
    expect(cal.body.timeslots[0]).toMatchObject({ booked: 1, isAvailable: false });
    expect(cal.body.appointments.map((x: Appointment) => x.kind)).toEqual(['timeslot', 'provider']);
    expect((await get(`/api/v1/appointments/calendar?from=${MONDAY}`, 'client')).status).toBe(403);
    expect((await post('/api/v1/appointments', { timeslotId: slot!.id, guestName: 'X' }, 'client')).status).toBe(403);
  });

  it('gives a checkout URL when a payment provider is configured', async () => {
    await api.t.core.handlers['settings:update']({ paymentCheckoutUrl: 'https://pay.example/checkout?ref={id}&amount={amount}' }, { actor: { userId: null, username: 'admin', role: 'admin' }, via: 'internal' });
    const room = await setUpRoom();
    await generate(room.id);
    const [slot] = await freeSlots(room.id);
    const res = await post('/api/v1/bookings', { timeslotId: slot!.id, roomId: room.id }, 'client');
    expect(res.body.checkoutUrl).toBe(`https://pay.example/checkout?ref=${res.body.booking.id}&amount=45000`);
  });
});
