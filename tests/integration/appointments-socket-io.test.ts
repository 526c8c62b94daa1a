/**
 * Seed 003's live notices over Socket.IO (issue 8 §4), end to end on a real host with
 * socket.io-client: a client that joined its own room receives `booking_update` `{type, booking}`
 * for its own appointments (created over HTTP, then cancelled by the desk) and never another
 * client's; the desk receives every one; the reminder arrives as `booking_reminder`
 * `{booking, message: "Your appointment is coming up!"}`.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, type Session } from '../support/sessions';
import { adminCtx } from '../support/test-core';
import { startTestHost, type TestHost } from '../support/test-host';

interface Update {
  type: string;
  booking: { id: number; userId: number | null; status: string };
}

let th: TestHost;
const sockets: Socket[] = [];
beforeEach(async () => {
  // The reminder is sent by hand below (no scheduler racing it).
  th = await startTestHost({ appointmentScheduler: false });
  const h = th.host.core.handlers;
  await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 2, hourlyRate: 90_000, isActive: true }, adminCtx);
  await h['timeslots:generate']({ roomId: 1, startDate: '2030-06-03', endDate: '2030-06-03', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await th.close();
});

function open(token: string): Promise<Socket> {
  const socket = connect(th.host.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}
const join = (s: Socket, userId: number) => new Promise<unknown>((resolve) => s.emit('join_booking_room', { userId }, resolve));
const collect = <T>(s: Socket, event: string): T[] => {
  const got: T[] = [];
  s.on(event, (d: T) => got.push(d));
  return got;
};

describe('booking_update and booking_reminder over Socket.IO', () => {
  it('reach the owner (in its room) and the desk, never another client', async () => {
    const alice: Session = await signIn(th.host.core, 'client', { username: 'alice' });
    const bob: Session = await signIn(th.host.core, 'client', { username: 'bob' });
    const staff: Session = await signIn(th.host.core, 'staff', { username: 'desk.one' });
    const [a, b, d] = await Promise.all([open(alice.token), open(bob.token), open(staff.token)]);
    expect(await join(a, alice.userId)).toMatchObject({ ok: true });
    expect(await join(b, bob.userId)).toMatchObject({ ok: true });
    expect(await join(b, alice.userId)).not.toMatchObject({ ok: true });
    const toAlice = collect<Update>(a, 'booking_update');
    const toBob = collect<Update>(b, 'booking_update');
    const toDesk = collect<Update>(d, 'booking_update');
    const reminders = collect<{ booking: { id: number }; message: string }>(a, 'booking_reminder');

    const res = await th.json('POST', '/api/v1/bookings', { timeslotId: 1, roomId: 1 }, alice.token);
    expect(res.status).toBe(201);
    const { booking } = (await res.json()) as { booking: { id: number } };
    expect((await th.json('PUT', `/api/v1/bookings/${booking.id}/cancel`, undefined, staff.token)).status).toBe(200);
    // the reminder, as the scheduler would send it when due
    const b2 = (await (await th.json('POST', '/api/v1/bookings', { timeslotId: 2, roomId: 1 }, alice.token)).json()) as { booking: { id: number } };
    await th.host.core.deps.db.run('UPDATE appointments SET start_ms = ? WHERE id = ?', Date.now() + 30 * 60_000, b2.booking.id);
    expect(await th.host.core.services.appointments.sendDueReminders()).toBe(1);
    // Then Bob and Alice each book for themselves: their own update comes after anything sent to them before.
    const own: number[] = [];
    for (const [who, updates] of [[bob, toBob], [alice, toAlice]] as const) {
      const res = (await (await th.json('POST', '/api/v1/bookings', { timeslotId: 3, roomId: 1 }, who.token)).json()) as { booking: { id: number } };
      own.push(res.booking.id);
      await expect.poll(() => updates.some((u) => u.booking.id === res.booking.id)).toBe(true);
    }
    await expect.poll(() => toDesk.length).toBe(5);

    expect(toAlice.map((u) => [u.type, u.booking.id, u.booking.status])).toEqual([
      ['created', booking.id, 'pending'], ['cancelled', booking.id, 'cancelled'], ['created', b2.booking.id, 'pending'], ['created', own[1], 'pending'],
    ]);
    expect(toDesk.map((u) => u.type)).toEqual(['created', 'cancelled', 'created', 'created', 'created']);
    expect(toBob.map((u) => [u.type, u.booking.id])).toEqual([['created', own[0]]]);
    expect(reminders).toEqual([{ booking: expect.objectContaining({ id: b2.booking.id }), message: 'Your appointment is coming up!' }]);
  });
});
