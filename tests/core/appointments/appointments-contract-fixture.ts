/**
 * Appointments (issue 8) on the contract fixture (tests/support/contract-fixture.ts): service room 1 (a
 * treatment room, 900 DKK an hour) and 2 (a meeting room), each with sixteen 30-minute slots on Monday
 * 2026-05-04 (room 1: slots 1–16, room 2: 17–32), provider 1, and four appointments of the matrix
 * client: 1 in slot 1 (pending), 2 with provider 1 at 10:00 (confirmed), 3 and 4 with provider 1 this
 * morning (begun; 4 marked a no-show).
 */
import { domainFixture } from '../../support/domain-fixture';
import { adminCtx, deskCtx } from '../../support/test-core';

export const appointmentsContractFixture = domainFixture({
  async seed(core, f) {
    const h = core.handlers;
    await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 90_000, isActive: true }, adminCtx);
    await h['serviceRooms:create']({ name: 'Meeting room', roomType: 'meeting', capacity: 1, hourlyRate: 40_000, isActive: true }, adminCtx);
    for (const roomId of [1, 2]) {
      await h['timeslots:generate']({ roomId, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    }
    await h['providers:create']({ name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 30, bufferMinutes: 0, price: 0, daysOff: [], active: true }, adminCtx);
    const client = f.sessions.client;
    const clientCtx = { actor: { userId: client.userId, username: client.username, role: 'client' as const }, via: 'internal' as const };
    await h['appointments:create']({ timeslotId: 1, roomId: 1 }, clientCtx);
    await h['appointments:create']({ provider_id: 1, date: '2026-05-04', time: '10:00' }, clientCtx);
    // 3 and 4 began this morning (09:00 and 09:30, before the clock's 10:00): 3 can be marked completed, 4 is a no-show to undo.
    // Nobody can book the past, so they are booked for Monday and moved.
    for (const [time, startAt, endAt] of [['11:00', '2026-05-01T09:00:00+02:00', '2026-05-01T09:30:00+02:00'], ['11:30', '2026-05-01T09:30:00+02:00', '2026-05-01T10:00:00+02:00']] as const) {
      const { id } = await h['appointments:create']({ provider_id: 1, date: '2026-05-04', time }, clientCtx) as { id: number };
      const [startMs, endMs] = [Date.parse(startAt), Date.parse(endAt)];
      await core.deps.db.run(`UPDATE appointments SET start_ms = ?, end_ms = ?, occupied_until_ms = ?, start_at = ?, end_at = ?, local_date = '2026-05-01', local_time = ? WHERE id = ?`, startMs, endMs, endMs, startAt, endAt, startAt.slice(11, 19), id);
    }
    await h['appointments:setStatus']({ id: 4, status: 'no_show' }, deskCtx);
  },
  inputs: (f) => ({
    'serviceRooms:list': { type: 'treatment', active: true, page: 1, limit: 25 },
    'serviceRooms:get': { id: 1 },
    'serviceRooms:freeTimeslots': { id: 1, date: '2026-05-04', duration: 30 },
    'serviceRooms:create': {
      name: 'Spa room 2', roomType: 'treatment', description: 'Two tables', capacity: 2, hourlyRate: 120_000, isActive: true, metadata: { floor: -1 },
    },
    'serviceRooms:update': {
      id: 1, name: 'Spa room 1', roomType: 'treatment', description: 'Massage table', capacity: 1, hourlyRate: 95_000, isActive: true, metadata: { floor: -1 },
    },
    'serviceRooms:deactivate': { id: 2 },
    'timeslots:generate': {
      roomId: 1, startDate: '2026-05-05', endDate: '2026-05-06', slotDuration: 30, workingHours: { start: '09:00', end: '12:00' }, excludedDates: ['2026-05-06'], capacity: 1,
    },
    'timeslots:preview': {
      roomId: 1, startDate: '2026-05-05', endDate: '2026-05-06', slotDuration: 30, workingHours: { start: '09:00', end: '12:00' }, excludedDates: ['2026-05-06'], capacity: 1,
    },
    'timeslots:delete': { id: 16 },
    'providers:list': { includeInactive: true },
    'providers:get': { id: 1 },
    'providers:create': {
      name: 'Anders Holm', email: 'anders.holm@example.dk', appointmentMinutes: 60, bufferMinutes: 15, price: 65_000,
      workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '17:00' }, wed: null, thu: null, fri: { start: '10:00', end: '14:00' }, sat: null, sun: null },
      daysOff: ['2026-05-08'], active: true,
    },
    'providers:update': {
      id: 1, name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 45, bufferMinutes: 10, price: 50_000,
      workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '17:00' }, wed: { start: '09:00', end: '17:00' }, thu: null, fri: null, sat: null, sun: null },
      daysOff: ['2026-05-08'], active: true,
    },
    'providers:availability': { id: 1, date: '2026-05-04' },
    'appointments:create': { timeslotId: 2, roomId: 1, notes: 'Aromatherapy, please', bookingType: 'massage' },
    'appointments:mine': { status: 'pending', from_date: '2026-05-01', to_date: '2026-05-31', page: 1, limit: 25 },
    'appointments:get': { id: 1 },
    'appointments:refundQuote': { id: 1 },
    'appointments:cancel': { id: 1 },
    'appointments:delete': { id: 1 },
    'appointments:reschedule': { id: 1, newTimeslotId: 3 },
    'appointments:adminList': {
      status: 'pending', roomId: 1, userId: f.sessions.client.userId, providerId: 1, kind: 'timeslot', fromDate: '2026-05-01', toDate: '2026-05-31', page: 1, limit: 50,
    },
    'appointments:setStatus': { id: 3, status: 'completed' },
    'appointments:undoStatus': { id: 4 },
    'appointments:stats': { fromDate: '2026-05-01', toDate: '2026-05-31' },
    'appointments:deskCreate': {
      timeslotId: 4, guestName: 'Mette Hansen', guestEmail: 'mette.hansen@example.dk', userId: f.sessions.client.userId, notes: 'Allergic to almond oil', bookingType: 'massage',
    },
    'appointments:pay': { id: 1, method: 'card' },
    'appointments:calendar': { from: '2026-05-04', days: 7 },
    'appointments:export': { delimiter: ';', bom: true, status: 'pending', kind: 'timeslot', roomId: 1, providerId: 1, from: '2026-05-01', to: '2026-05-31' },
  }),
});
