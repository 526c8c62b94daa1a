/**
 * Reminders with two servers on one database (two cores, each on its own connections), as when two
 * leaders of the scheduler overlap for a moment (a leader whose lock died has not noticed yet): each
 * due reminder is still sent once. Its claim (`reminder_sent_ms` set by a guarded UPDATE) commits in
 * the unit that enqueues its e-mail and holds its event, so the other server's claim finds it taken.
 *
 * On PostgreSQL the second server has its own pool on the same database, so both servers' units run
 * side by side (READ COMMITTED: the second claim waits on the first's row lock, then finds it taken).
 * On SQLite one process owns the file (two connections in one process would block each other's
 * BEGIN IMMEDIATE on the event loop), so the second core runs on the same `Database`: its units take
 * turns with the first's, and the claim must still hold between them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../core/context';
import { createCore } from '../../../core/create-core';
import type { LiveEvent } from '../../../shared/contract/events';
import { outboxRows } from '../../support/outbox-rows';
import { adminCtx, createTestCore, DEFAULT_NOW, deskCtx, type TestCore } from '../../support/test-core';
import { testEngine } from '../../support/test-database';

const GUESTS = 20;
const ROUNDS = 5;

let a: TestCore;
let b: TestCore;

/** A second server on the SQLite file's one `Database` (see above). */
async function coreOnSameHandle(first: TestCore): Promise<TestCore> {
  let nowMs = DEFAULT_NOW;
  const events: LiveEvent[] = [];
  const bus = createEventBus();
  bus.subscribe((e) => events.push(e));
  const core = await createCore({ db: first.db, clock: () => nowMs, events: bus }, {});
  return {
    core, db: first.db, database: first.database, events,
    clock: { now: () => nowMs, set: (ms) => (nowMs = ms), advance: (ms) => (nowMs += ms) },
    close: async () => undefined,
  };
}

beforeEach(async () => {
  a = await createTestCore();
  b = testEngine === 'postgres' ? await createTestCore({ database: a.database }) : await coreOnSameHandle(a);
});

afterEach(async () => {
  await b.close({ keep: true });
  await a.close();
});

const lapsedEvents = (t: TestCore) => t.events.filter((e) => e.type === 'appointment.changed' && e.action === 'lapsed');
const reminders = (t: TestCore) => t.events.filter((e): e is Extract<LiveEvent, { type: 'appointment.reminder' }> => e.type === 'appointment.reminder');

/** GUESTS paid bookings of one room's 11:30 slot today, made through server a. */
async function bookedAt1130(): Promise<number[]> {
  const h = a.core.handlers;
  const room = await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: GUESTS, hourlyRate: 90_000, isActive: true }, adminCtx);
  await h['timeslots:generate']({ roomId: room.id, startDate: '2026-05-01', endDate: '2026-05-01', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
  const slot = (await a.db.get<{ id: number }>(`SELECT id FROM timeslots WHERE room_id = ? AND start_at LIKE '%T11:30%'`, room.id))!;
  const ids: number[] = [];
  for (let i = 0; i < GUESTS; i++) {
    const booked = await h['appointments:deskCreate']({ timeslotId: slot.id, guestName: `Guest ${i}`, guestEmail: `guest${i}@example.dk` }, deskCtx);
    await h['appointments:pay']({ id: booked.id, method: 'cash' }, deskCtx);
    ids.push(booked.id);
  }
  return ids;
}

describe('reminders across two servers on one database', () => {
  it('each due reminder is sent exactly once while both send due reminders at once, round after round', async () => {
    const ids = await bookedAt1130();
    const due = Date.parse('2026-05-01T08:30:00Z'); // 10:30, the lead time (60 min) before 11:30
    a.clock.set(due);
    b.clock.set(due);
    let sent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const counts = await Promise.all([a.core.services.appointments.sendDueReminders(), b.core.services.appointments.sendDueReminders()]);
      sent += counts[0] + counts[1];
    }
    expect(sent).toBe(GUESTS);
    const events = [...reminders(a), ...reminders(b)].map((e) => e.appointment.id);
    expect(events.sort((x, y) => x - y)).toEqual(ids);
    const mails = (await outboxRows(a.db)).filter((m) => m.topic === 'email.reminder');
    expect(mails.map((m) => m.aggregate).sort()).toEqual(ids.map((id) => `appointment:${id}`).sort());
    const unsent = await a.db.get<{ n: number }>('SELECT count(*) AS n FROM appointments WHERE reminder_sent_ms IS NULL');
    expect(unsent!.n).toBe(0); // none lost
  });

  it('each unpaid hold lapses once, announced once, while both lapse holds at once', async () => {
    const h = a.core.handlers;
    const room = await h['serviceRooms:create']({ name: 'Spa room 2', roomType: 'treatment', capacity: GUESTS, hourlyRate: 90_000, isActive: true }, adminCtx);
    await h['timeslots:generate']({ roomId: room.id, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    const slot = (await a.db.get<{ id: number }>('SELECT id FROM timeslots WHERE room_id = ? ORDER BY start_ms', room.id))!;
    for (let i = 0; i < GUESTS; i++) await h['appointments:create']({ timeslotId: slot.id, roomId: room.id }, deskCtx);
    const held = Date.parse('2026-05-01T08:30:00Z'); // the 30-minute holds run out
    a.clock.set(held);
    b.clock.set(held);
    let lapsed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const counts = await Promise.all([a.core.services.appointments.lapseHolds(), b.core.services.appointments.lapseHolds()]);
      lapsed += counts[0] + counts[1];
    }
    expect(lapsed).toBe(GUESTS);
    expect(lapsedEvents(a).length + lapsedEvents(b).length).toBe(GUESTS);
    const pending = await a.db.get<{ n: number }>(`SELECT count(*) AS n FROM appointments WHERE status = 'pending'`);
    expect(pending!.n).toBe(0);
  });
});
