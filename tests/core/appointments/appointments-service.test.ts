/**
 * The appointment rules on a real core with the test clock (2026-05-01 10:00 Copenhagen): DST-correct
 * idempotent generation, the lapse of unpaid holds, the refund policy, the reminders (once, not for a
 * cancelled booking, still sent after downtime), the live events with their audience and Socket.IO
 * mapping, and the e-mails written to the outbox in the hotel's language and zone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppointmentScheduler } from '../../../core/appointments/appointment-scheduler';
import type { CallContext } from '../../../core/context';
import { userContact } from '../../../db/queries/appointment-queries';
import { appointmentEvents, type Appointment } from '../../../shared/contract/appointments';
import { audienceOf, type LiveEvent } from '../../../shared/contract/events';
import { expectAppError } from '../../support/app-error';
import { outboxRows } from '../../support/outbox-rows';
import { signIn } from '../../support/sessions';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let client: CallContext;
const MIN = 60_000;

beforeEach(async () => {
  t = await createTestCore();
  const s = await signIn(t.core, 'client', { username: 'guest.one' });
  client = { actor: { userId: s.userId, username: s.username, role: 'client' }, via: 'internal' };
});
afterEach(async () => await t.close());

const h = () => t.core.handlers;
function room(capacity = 1, rate = 90_000) {
  return h()['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity, hourlyRate: rate, isActive: true }, adminCtx);
}
function generate(roomId: number, startDate: string, endDate = startDate, extra: Record<string, unknown> = {}) {
  return h()['timeslots:generate']({ roomId, startDate, endDate, slotDuration: 30, workingHours: { start: '09:00', end: '17:00' }, ...extra }, adminCtx);
}
async function slotsOf(roomId: number, date: string) {
  return await t.db.all<{ id: number; startMs: number; endMs: number; startAt: string }>('SELECT id, start_ms AS "startMs", end_ms AS "endMs", start_at AS "startAt" FROM timeslots WHERE room_id = ? AND local_date = ? ORDER BY start_ms', roomId, date);
}
async function book(slotId: number, roomId: number, ctx = client): Promise<Appointment> {
  const res = await h()['appointments:create']({ timeslotId: slotId, roomId }, ctx) as { booking: Appointment };
  return res.booking;
}
const changed = () => t.events.filter((e): e is Extract<LiveEvent, { type: 'appointment.changed' }> => e.type === 'appointment.changed');
const reminders = () => t.events.filter((e): e is Extract<LiveEvent, { type: 'appointment.reminder' }> => e.type === 'appointment.reminder');

describe('timeslot generation', () => {
  it('is DST-correct: 09:00–17:00 on both change days gives 16 slots of 30 real minutes', async () => {
    const r = await room();
    // 2026-03-29: Copenhagen springs forward; 2026-10-25: it falls back.
    for (const day of ['2026-03-29', '2026-10-25']) {
      expect((await generate(r.id, day)).count).toBe(16);
      const slots = await slotsOf(r.id, day);
      expect(slots).toHaveLength(16);
      expect(slots.every((s) => s.endMs - s.startMs === 30 * MIN)).toBe(true);
      expect(slots[0]!.startAt.slice(11, 16)).toBe('09:00');
      expect(slots[15]!.startAt.slice(11, 16)).toBe('16:30');
    }
    expect((await slotsOf(r.id, '2026-03-29'))[0]!.startAt).toBe('2026-03-29T09:00:00+02:00');
    expect((await slotsOf(r.id, '2026-10-25'))[0]!.startAt).toBe('2026-10-25T09:00:00+01:00');
  });

  it('across the change itself, slots are real-length and never overlap (the night of the change)', async () => {
    const r = await room();
    const night = { workingHours: { start: '01:00', end: '04:00' } };
    // spring: 01:00 → 04:00 local is two real hours → 4 slots; autumn: four real hours → 8 slots
    expect((await generate(r.id, '2026-03-29', '2026-03-29', night)).count).toBe(4);
    expect((await generate(r.id, '2026-10-25', '2026-10-25', night)).count).toBe(8);
    const autumn = (await slotsOf(r.id, '2026-10-25')).slice(0, 8);
    expect(autumn.map((s) => s.startAt.slice(11, 25))).toEqual([
      '01:00:00+02:00', '01:30:00+02:00', '02:00:00+02:00', '02:30:00+02:00', '02:00:00+01:00', '02:30:00+01:00', '03:00:00+01:00', '03:30:00+01:00',
    ]);
    for (let i = 1; i < autumn.length; i++) expect(autumn[i]!.startMs).toBe(autumn[i - 1]!.endMs);
  });

  it('is idempotent: the same range again adds nothing; an overlapping range adds only the missing days', async () => {
    const r = await room();
    expect((await generate(r.id, '2026-06-01', '2026-06-07')).count).toBe(7 * 16);
    expect((await generate(r.id, '2026-06-01', '2026-06-07')).count).toBe(0);
    expect((await generate(r.id, '2026-06-05', '2026-06-10')).count).toBe(3 * 16);
    expect((await h()['timeslots:preview']({ roomId: r.id, startDate: '2026-06-01', endDate: '2026-06-11', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx)).count).toBe(16);
  });
});

describe('unpaid holds lapse', () => {
  it('a pending unpaid booking holds its seat for the hold time, then lapses (cancelled, lapsed event) and frees it', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [slot] = await slotsOf(r.id, '2026-05-04');
    const a = await book(slot!.id, r.id);
    expect(a.holdExpiresAt).toBe('2026-05-01T10:30:00+02:00');
    await expectAppError(async () => await book(slot!.id, r.id, deskCtx), 'CONFLICT', /fully booked/);
    t.clock.advance(29 * MIN);
    expect(await t.core.services.appointments.lapseHolds()).toBe(0);
    t.clock.advance(1 * MIN);
    // at the hold's end the seat is free even before the sweep
    expect((await h()['serviceRooms:freeTimeslots']({ id: r.id, date: '2026-05-04', duration: 30 }, deskCtx)).timeslots[0]!.id).toBe(slot!.id);
    expect(await t.core.services.appointments.lapseHolds()).toBe(1);
    expect(await h()['appointments:get']({ id: a.id }, client)).toMatchObject({ status: 'cancelled', holdExpiresAt: null });
    expect(changed().at(-1)).toMatchObject({ action: 'lapsed', appointment: { id: a.id, status: 'cancelled' } });
    expect((await book(slot!.id, r.id, deskCtx)).status).toBe('pending');
  });

  it('payment at the desk confirms and stops the lapse; the hold time is a setting', async () => {
    await h()['settings:update']({ appointmentHoldMinutes: 5 }, adminCtx);
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [slot] = await slotsOf(r.id, '2026-05-04');
    const a = await book(slot!.id, r.id);
    expect(a.holdExpiresAt).toBe('2026-05-01T10:05:00+02:00');
    expect(await h()['appointments:pay']({ id: a.id, method: 'cash' }, deskCtx)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', paymentMethod: 'cash', holdExpiresAt: null });
    t.clock.advance(60 * MIN);
    expect(await t.core.services.appointments.lapseHolds()).toBe(0);
    expect((await h()['appointments:get']({ id: a.id }, client)).status).toBe('confirmed');
  });

  it('the scheduler lapses holds and sends reminders on its own', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [slot] = await slotsOf(r.id, '2026-05-04');
    const a = await book(slot!.id, r.id);
    t.clock.advance(31 * MIN);
    const scheduler = startAppointmentScheduler(t.core.deps, t.core.services.appointments, { maxSleepMs: 50 });
    try {
      await expect.poll(async () => (await h()['appointments:get']({ id: a.id }, client)).status, { timeout: 10_000 }).toBe('cancelled');
    } finally {
      await scheduler.stop();
    }
  });
});

describe('refunds, by the hotel policy on what was paid', () => {
  it('≥ 48 h before: 100 %; ≥ 24 h: 50 %; later: 0 %; unpaid: nothing; the policy is a setting', async () => {
    const r = await room(5);
    await generate(r.id, '2026-05-04');
    const [slot] = await slotsOf(r.id, '2026-05-04'); // Monday 09:00, 71 h after now
    const paidOne = async () => {
      const a = await book(slot!.id, r.id, deskCtx);
      await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
      return a.id;
    };
    const cancel = (id: number) => h()['appointments:cancel']({ id }, deskCtx);
    expect((await cancel(await paidOne())).refundAmount).toBe(45_000);
    t.clock.advance(24 * 60 * MIN); // 47 h before
    expect(await cancel(await paidOne())).toMatchObject({ refundAmount: 22_500, booking: { paymentStatus: 'refunded', refundAmount: 22_500 } });
    t.clock.advance(24 * 60 * MIN); // 23 h before
    const late = await paidOne();
    expect(await h()['appointments:refundQuote']({ id: late }, deskCtx)).toMatchObject({ refundAmount: 0, percent: 0, paid: 45_000 });
    expect(await cancel(late)).toMatchObject({ refundAmount: 0, booking: { paymentStatus: 'paid' } });
    expect((await cancel((await book(slot!.id, r.id, deskCtx)).id)).refundAmount).toBe(0);
    await h()['settings:update']({ refundPartialHours: 12, refundPartialPercent: 25 }, adminCtx);
    expect((await cancel(await paidOne())).refundAmount).toBe(11_250);
  });

  it('legal transitions only: no cancel once begun, nothing after completion', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [slot] = await slotsOf(r.id, '2026-05-04');
    const a = await book(slot!.id, r.id);
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    t.clock.set(Date.parse('2026-05-04T07:10:00Z'));
    await expectAppError(async () => await h()['appointments:cancel']({ id: a.id }, client), 'VALIDATION', /once it has begun/);
    expect((await h()['appointments:setStatus']({ id: a.id, status: 'completed' }, deskCtx)).status).toBe('completed');
    for (const status of ['no_show', 'cancelled', 'completed']) {
      await expectAppError(async () => await h()['appointments:setStatus']({ id: a.id, status }, deskCtx), 'VALIDATION', new RegExp(`Invalid status transition to: ${status}`));
    }
    await expectAppError(async () => await h()['appointments:reschedule']({ id: a.id, newTimeslotId: slot!.id + 1 }, client), 'VALIDATION', /completed booking cannot be rescheduled/);
  });
});

describe('reminders', () => {
  it('go out once, the lead time before the start, with the seed\'s message, to the owner and the desk', async () => {
    const r = await room();
    await generate(r.id, '2026-05-01'); // today: 10:30 is the first slot after now
    const slot = (await slotsOf(r.id, '2026-05-01')).find((s) => s.startAt.includes('T11:30'))!;
    const a = await book(slot.id, r.id);
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
    t.clock.set(Date.parse('2026-05-01T08:29:00Z')); // 10:29, 61 minutes before
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
    t.clock.advance(MIN);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(1);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
    t.clock.advance(10 * MIN);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
    expect(reminders()).toHaveLength(1);
    const e = reminders()[0]!;
    expect(e).toMatchObject({ message: 'Your appointment is coming up!', appointment: { id: a.id } });
    expect(audienceOf(e)).toEqual({ desk: true, ownerId: client.actor.userId });
    expect(appointmentEvents['appointment.reminder'].socketIo(e)).toEqual({ event: 'booking_reminder', data: { booking: e.appointment, message: 'Your appointment is coming up!' } });
    const mails = (await outboxRows(t.db)).filter((m) => m.topic === 'email.reminder');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ target: 'email', aggregate: `appointment:${a.id}`, payload: { to: 'guest.one@example.test' } });
  });

  it('are not sent for a cancelled booking, are still sent after downtime if the start is ahead, never after the start', async () => {
    const r = await room(3);
    await generate(r.id, '2026-05-01');
    const slot = (await slotsOf(r.id, '2026-05-01')).find((s) => s.startAt.includes('T12:00'))!;
    const cancelled = await book(slot.id, r.id, deskCtx);
    await h()['appointments:cancel']({ id: cancelled.id }, deskCtx);
    const kept = await h()['appointments:deskCreate']({ timeslotId: slot.id, guestName: 'Mette', guestEmail: 'mette@example.dk' }, deskCtx);
    await h()['appointments:pay']({ id: kept.id, method: 'cash' }, deskCtx);
    const missed = await h()['appointments:deskCreate']({ timeslotId: slot.id, guestName: 'Late', guestEmail: 'late@example.dk' }, deskCtx);
    await h()['appointments:pay']({ id: missed.id, method: 'cash' }, deskCtx);
    // "down" from 10:00 until 11:50: the reminder fell due at 11:00, the start (12:00) is still ahead
    t.clock.set(Date.parse('2026-05-01T09:50:00Z'));
    expect(await t.core.services.appointments.sendDueReminders()).toBe(2);
    expect(reminders().map((e) => e.appointment.id).sort()).toEqual([kept.id, missed.id].sort());
    // a booking whose start passed while the host was down gets none
    const later = (await slotsOf(r.id, '2026-05-01')).find((s) => s.startAt.includes('T13:00'))!;
    const gone = await h()['appointments:deskCreate']({ timeslotId: later.id, guestName: 'Gone' }, deskCtx);
    await h()['appointments:pay']({ id: gone.id, method: 'cash' }, deskCtx);
    t.clock.set(Date.parse('2026-05-01T11:05:00Z'));
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
  });

  it('are due again after a reschedule, for the new start', async () => {
    const r = await room();
    await generate(r.id, '2026-05-01');
    const slots = await slotsOf(r.id, '2026-05-01');
    const at = (hhmm: string) => slots.find((s) => s.startAt.includes(`T${hhmm}`))!;
    const a = await book(at('11:00').id, r.id);
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(1);
    await h()['appointments:reschedule']({ id: a.id, newTimeslotId: at('15:00').id }, client);
    expect(await t.core.services.appointments.sendDueReminders()).toBe(0);
    t.clock.set(Date.parse('2026-05-01T12:00:00Z'));
    expect(await t.core.services.appointments.sendDueReminders()).toBe(1);
  });
});

describe('live events and e-mails', () => {
  it('booking_update {type, booking} on create, reschedule, cancel, status change; audience the owner and the desk', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [s1, s2] = await slotsOf(r.id, '2026-05-04');
    const a = await book(s1!.id, r.id);
    await h()['appointments:reschedule']({ id: a.id, newTimeslotId: s2!.id }, client);
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    const before = t.clock.now();
    t.clock.set(Date.parse('2026-05-04T07:30:00Z')); // 09:30, the start of s2: a no-show from its start on
    await h()['appointments:setStatus']({ id: a.id, status: 'no_show' }, deskCtx);
    t.clock.set(before);
    const b = await book(s1!.id, r.id);
    await h()['appointments:cancel']({ id: b.id }, client);
    expect(changed().map((e) => e.action)).toEqual(['created', 'rescheduled', 'confirmed', 'status_changed', 'created', 'cancelled']);
    for (const e of changed()) expect(audienceOf(e)).toEqual({ desk: true, ownerId: client.actor.userId });
    const mapped = appointmentEvents['appointment.changed'].socketIo(changed()[1]!);
    expect(mapped).toEqual({ event: 'booking_update', data: { type: 'rescheduled', booking: changed()[1]!.appointment } });
  });

  it('writes confirmation, reschedule and cancellation e-mails to the owner in the hotel\'s language and zone, in the same commit', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [s1, s2] = await slotsOf(r.id, '2026-05-04');
    const a = await book(s1!.id, r.id);
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    await h()['appointments:reschedule']({ id: a.id, newTimeslotId: s2!.id }, client);
    await h()['settings:update']({ locale: 'en' }, adminCtx);
    await h()['appointments:cancel']({ id: a.id }, client);
    const mails = (await outboxRows(t.db)).filter((m) => m.target === 'email');
    expect(mails.map((m) => m.topic)).toEqual(['email.confirmation', 'email.reschedule', 'email.cancellation']);
    expect(new Set(mails.map((m) => m.aggregate))).toEqual(new Set([`appointment:${a.id}`]));
    // Numbered in order, the confirmation (written with the booking) first.
    expect((await t.db.all<{ seq: number }>(`SELECT seq FROM outbox WHERE aggregate = ? ORDER BY id`, `appointment:${a.id}`)).map((m) => m.seq)).toEqual([1, 2, 3]);
    const clientEmail = (await userContact(t.db, client.actor.userId!))!.email;
    expect(mails.every((m) => m.payload.to === clientEmail)).toBe(true);
    // Danish by default, the hotel's local times (CEST)
    expect(mails[0]!.payload.subject).toBe('Bekræftelse: booking af Spa room 1 2026-05-04 09:00');
    expect(mails[0]!.payload.text).toContain('4. maj 2026 kl. 09:00–09:30');
    expect(mails[1]!.payload.subject).toBe('Flyttet: booking af Spa room 1 2026-05-04 09:30');
    expect(mails[2]!.payload.subject).toBe('Cancelled: booking of Spa room 1 2026-05-04 09:30');
    expect(mails[2]!.payload.text).toContain('Refund: 450.00 DKK');
    expect(mails[2]!.payload.text).toContain('4 May 2026 at 09:30–10:00 (times in Europe/Copenhagen)');
  });

  it('writes nothing when a booking is refused', async () => {
    const r = await room();
    await generate(r.id, '2026-05-04');
    const [s1] = await slotsOf(r.id, '2026-05-04');
    await book(s1!.id, r.id);
    const before = (await outboxRows(t.db)).length;
    const events = t.events.length;
    await expectAppError(async () => await book(s1!.id, r.id, deskCtx), 'CONFLICT', /fully booked/);
    expect(await outboxRows(t.db)).toHaveLength(before);
    expect(t.events).toHaveLength(events);
  });
});
