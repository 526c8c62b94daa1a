/**
 * The stays' guards for appointments (issue 18 item 6): completed and no-show only once the
 * appointment has started (the issue's case: one starting in 2030 was completed today), and undo of
 * that mark back to what it was (staff today's, admins any); a cancellation is not undone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../support/app-error';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(); // 2026-05-01 10:00 in Copenhagen
  await h()['providers:create']({ name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 30, bufferMinutes: 0, price: 0, daysOff: [], active: true }, adminCtx);
  await h()['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 90_000, isActive: true }, adminCtx);
  await h()['timeslots:generate']({ roomId: 1, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
});
afterEach(async () => await t.close());

const h = () => t.core.handlers;
const provider = async (date: string, time: string) => (await h()['appointments:create']({ provider_id: 1, date, time }, deskCtx) as { id: number }).id;
const status = (id: number, to: string, ctx = deskCtx) => h()['appointments:setStatus']({ id, status: to }, ctx);
const MONDAY_0900 = Date.parse('2026-05-04T07:00:00Z');

describe('completed and no-show only once the appointment has started', () => {
  it('refuses an appointment in 2030, and one later today, with the time it may be marked from', async () => {
    const far = await provider('2030-06-03', '10:00');
    await expectAppError(async () => await status(far, 'completed'), 'VALIDATION', `Booking ${far} has not started yet: it can be marked completed from 2030-06-03 10:00`);
    await expectAppError(async () => await status(far, 'no_show'), 'VALIDATION', /marked no-show from 2030-06-03 10:00/);
    expect((await h()['appointments:get']({ id: far }, deskCtx)).status).toBe('confirmed');
    const monday = await provider('2026-05-04', '09:00');
    t.clock.set(MONDAY_0900 - 1000);
    await expectAppError(async () => await status(monday, 'no_show'), 'VALIDATION', /has not started yet/);
    t.clock.set(MONDAY_0900);
    expect((await status(monday, 'no_show')).status).toBe('no_show');
  });
});

describe('undo of a completed or no-show mark', () => {
  it('puts back what the mark replaced: confirmed for a completed or a provider\'s, pending for an unpaid room booking', async () => {
    const done = await provider('2026-05-04', '09:00');
    const gone = await provider('2026-05-04', '09:30');
    const unpaid = (await h()['appointments:deskCreate']({ timeslotId: 3, guestName: 'Ann Berg' }, deskCtx)).id;
    t.clock.set(Date.parse('2026-05-04T08:30:00Z'));
    await status(done, 'completed');
    await status(gone, 'no_show');
    await status(unpaid, 'no_show');
    expect((await h()['appointments:undoStatus']({ id: done }, deskCtx)).status).toBe('confirmed');
    expect((await h()['appointments:undoStatus']({ id: gone }, deskCtx)).status).toBe('confirmed');
    expect((await h()['appointments:undoStatus']({ id: unpaid }, deskCtx)).status).toBe('pending');
    await expectAppError(async () => await h()['appointments:undoStatus']({ id: done }, deskCtx), 'ILLEGAL_TRANSITION', `Booking ${done} is confirmed: there is no status change to undo`);
    expect((await status(done, 'completed')).status).toBe('completed');
    const changes = t.events.filter((e) => e.type === 'appointment.changed').map((e) => ('action' in e ? e.action : ''));
    expect(changes.filter((a) => a === 'status_changed')).toHaveLength(7);
  });

  it('staff undo a mark made today, an admin any; a cancellation is not undone', async () => {
    const a = await provider('2026-05-04', '09:00');
    const b = await provider('2026-05-04', '10:00');
    await h()['appointments:cancel']({ id: b }, deskCtx);
    await expectAppError(async () => await h()['appointments:undoStatus']({ id: b }, adminCtx), 'ILLEGAL_TRANSITION', /cancellation is not undone/);
    t.clock.set(MONDAY_0900 + 60_000);
    await status(a, 'completed');
    t.clock.set(MONDAY_0900 + 86_400_000);
    await expectAppError(async () => await h()['appointments:undoStatus']({ id: a }, deskCtx), 'FORBIDDEN', `Only an admin can undo a change made before today (booking ${a} changed on 2026-05-04)`);
    expect((await h()['appointments:undoStatus']({ id: a }, adminCtx)).status).toBe('confirmed');
  });
});
