import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/time';
import {
  appointmentsOf, availabilityKey, canMoveTo, columnsOf, daysOf, freeSlotsOf, hourRange, placeItems, rescheduleInput, slotPrice, wallMinutes,
  type FreeSlot,
} from '../../../renderer/src/appointments/calendar-layout';
import { aCalendar, anAppointment, aProvider, aServiceRoom, aTimeslot } from './appointment-builders';

const BEFORE = Date.parse('2026-05-31T12:00:00Z');

describe('the appointments calendar layout', () => {
  it('reads wall time from the text of an instant with the hotel offset, not the browser zone', () => {
    expect(wallMinutes('2026-10-25T02:30:00+01:00')).toBe(150);
    expect(wallMinutes('14:45:00')).toBe(14 * 60 + 45);
    expect(wallMinutes('09:05')).toBe(545);
  });

  it('has a column per room in use or per provider in use, and keeps one out of use that still has appointments', () => {
    const calendar = aCalendar({
      rooms: [aServiceRoom(), aServiceRoom({ id: 2, name: 'Old room', isActive: false }), aServiceRoom({ id: 3, name: 'Closed', isActive: false })],
      providers: [aProvider(), aProvider({ id: 2, name: 'Gone', active: false })],
      appointments: [anAppointment({ roomId: 2 })],
    });
    expect(columnsOf(calendar, 'rooms').map((c) => c.key)).toEqual(['room-1', 'room-2']);
    expect(columnsOf(calendar, 'providers').map((c) => c.key)).toEqual(['provider-1']);
  });

  it('offers only slots with a free seat that have not begun', () => {
    const calendar = aCalendar({
      timeslots: [
        aTimeslot(10, '09:00'),
        aTimeslot(11, '09:30', { booked: 1 }),
        aTimeslot(12, '10:00', { capacity: 3, booked: 1 }),
        aTimeslot(13, '10:30', { roomId: 2 }),
        aTimeslot(14, '11:00', { date: '2026-06-02', startTime: '2026-06-02T11:00:00+02:00' }),
      ],
    });
    const [col] = columnsOf(calendar, 'rooms');
    const free = freeSlotsOf(calendar, col!, '2026-06-01', new Map(), BEFORE);
    expect(free.map((s) => [s.start, s.kind === 'timeslot' && s.seatsLeft])).toEqual([['09:00', 1], ['10:00', 2]]);
    // Once 09:00 has begun it is no longer offered.
    expect(freeSlotsOf(calendar, col!, '2026-06-01', new Map(), Date.parse('2026-06-01T07:10:00Z')).map((s) => s.start)).toEqual(['10:00']);
  });

  it("takes a provider's free times from its availability answer, with the provider's length", () => {
    const calendar = aCalendar();
    const col = columnsOf(calendar, 'providers')[0]!;
    const availability = new Map([[availabilityKey(1, '2026-06-01'), [{ time: '13:00:00', startTime: '2026-06-01T13:00:00+02:00', endTime: '2026-06-01T14:00:00+02:00' }]]]);
    const [slot] = freeSlotsOf(calendar, col, '2026-06-01', availability, BEFORE);
    expect(slot).toMatchObject({ kind: 'provider', start: '13:00', minutes: 60, providerId: 1, date: '2026-06-01' });
    expect(slotPrice(calendar, slot!)).toBe(65_000);
  });

  it('prices a timeslot as the hourly rate × its length', () => {
    const calendar = aCalendar({ timeslots: [aTimeslot(10, '09:00', { durationMinutes: 45 })] });
    const [slot] = freeSlotsOf(calendar, columnsOf(calendar, 'rooms')[0]!, '2026-06-01', new Map(), BEFORE);
    expect(slotPrice(calendar, slot!)).toBe(45_000);
  });

  it('shows cancelled appointments only when asked', () => {
    const calendar = aCalendar({ appointments: [anAppointment({ id: 1 }), anAppointment({ id: 2, status: 'cancelled' })] });
    const col = columnsOf(calendar, 'rooms')[0]!;
    expect(appointmentsOf(calendar, col, '2026-06-01', false).map((a) => a.id)).toEqual([1]);
    expect(appointmentsOf(calendar, col, '2026-06-01', true).map((a) => a.id)).toEqual([1, 2]);
  });

  it('spans whole hours around every item, at least 08–18', () => {
    expect(hourRange([])).toEqual({ from: 480, to: 1080 });
    expect(hourRange([{ start: 7 * 60 + 30, minutes: 30 }, { start: 19 * 60 + 15, minutes: 60 }])).toEqual({ from: 420, to: 1260 });
  });

  it('places overlapping items side by side and the rest full width', () => {
    const calendar = aCalendar({ timeslots: [aTimeslot(12, '09:00', { capacity: 3, booked: 1 }), aTimeslot(13, '10:00')] });
    const col = columnsOf(calendar, 'rooms')[0]!;
    const free = freeSlotsOf(calendar, col, '2026-06-01', new Map(), BEFORE);
    const placed = placeItems(free, [anAppointment({ timeslotId: 12 })], 8 * 60, 2);
    expect(placed.map((p) => [p.type, p.top, p.height, p.lane, p.lanes])).toEqual([
      ['appointment', 120, 60, 0, 2],
      ['free', 120, 60, 1, 2],
      ['free', 240, 60, 0, 1],
    ]);
  });

  it('moves a timeslot booking to another timeslot, and a provider booking only within its provider', () => {
    const slot = (o: Partial<FreeSlot>) => ({ kind: 'timeslot', key: 'k', date: '2026-06-01', start: '10:00', startTime: '', minutes: 30, roomId: 1, timeslotId: 11, seatsLeft: 1, ...o }) as FreeSlot;
    const pslot = (o: Partial<FreeSlot>) => ({ kind: 'provider', key: 'p', date: '2026-06-02', start: '13:00', startTime: '', minutes: 60, providerId: 1, ...o }) as FreeSlot;
    const timeslotBooking = anAppointment();
    const providerBooking = anAppointment({ kind: 'provider', timeslotId: null, roomId: null, providerId: 1, time: '09:00:00' });
    expect(canMoveTo(timeslotBooking, slot({}))).toBe(true);
    expect(canMoveTo(timeslotBooking, slot({ timeslotId: 10 }))).toBe(false);
    expect(canMoveTo(timeslotBooking, pslot({}))).toBe(false);
    expect(canMoveTo(anAppointment({ status: 'completed' }), slot({}))).toBe(false);
    expect(canMoveTo(providerBooking, pslot({}))).toBe(true);
    expect(canMoveTo(providerBooking, pslot({ providerId: 2 }))).toBe(false);
    expect(rescheduleInput(timeslotBooking, slot({}))).toEqual({ id: 1, newTimeslotId: 11 });
    expect(rescheduleInput(providerBooking, pslot({}))).toEqual({ id: 1, date: '2026-06-02', time: '13:00' });
  });

  it('lists the days of a week', () => {
    expect(daysOf('2026-03-28', 3, addDays)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});
