import '../browser-globals';
import '../installed-composition';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppointmentsStore } from '../../../renderer/src/appointments/appointments-store';
import { useMyAppointmentsStore } from '../../../renderer/src/appointments/my-appointments-store';
import { useSetupStore } from '../../../renderer/src/appointments/setup-store';
import { refreshNow } from '../../../renderer/src/stores/refreshers';
import { clearSessionData } from '../../../renderer/src/stores/session-data';
import { setTransport } from '../../../renderer/src/transport/current-transport';
import { fakeTransport, type FakeTransport } from '../stores/fake-transport';
import { aCalendar, anAppointment, aProvider, aServiceRoom } from './appointment-builders';

let t: FakeTransport;

beforeEach(() => {
  t = fakeTransport('http');
  setTransport(t);
  clearSessionData();
  t.answer('appointments:calendar', (q) => aCalendar({ from: q.from, to: q.from, providers: [aProvider(), aProvider({ id: 2, active: false })] }));
  t.answer('providers:availability', (q) => ({ providerId: q.id, date: q.date, durationMinutes: 60, times: ['13:00:00'], slots: [{ time: '13:00:00', startTime: `${q.date}T13:00:00+02:00`, endTime: `${q.date}T14:00:00+02:00` }] }));
});

describe("the desk's appointments store", () => {
  it('loads a day by rooms without asking providers for their free times', async () => {
    await useAppointmentsStore.getState().show({ from: '2026-06-01' });
    expect(t.calls.map(([name]) => name)).toEqual(['appointments:calendar']);
    expect(t.calls[0]![1]).toEqual({ from: '2026-06-01', days: 1 });
  });

  it("in provider columns asks each active provider's free times for each day shown", async () => {
    await useAppointmentsStore.getState().show({ from: '2026-06-01', view: 'week', mode: 'providers' });
    const asked = t.calls.filter(([name]) => name === 'providers:availability').map(([, q]) => q);
    expect(asked).toHaveLength(7);
    expect(asked[6]).toEqual({ id: 1, date: '2026-06-07' });
    expect(useAppointmentsStore.getState().availability.get('1|2026-06-03')?.[0]?.time).toBe('13:00:00');
  });

  it('steps a day in the day view and a week in the week view', async () => {
    await useAppointmentsStore.getState().show({ from: '2026-06-01', view: 'day' });
    await useAppointmentsStore.getState().step(1);
    expect(useAppointmentsStore.getState().from).toBe('2026-06-02');
    await useAppointmentsStore.getState().show({ view: 'week' });
    await useAppointmentsStore.getState().step(-1);
    expect(useAppointmentsStore.getState().from).toBe('2026-05-26');
  });

  it('takes payment, cancels and moves through the contract, then reloads the calendar', async () => {
    t.answer('appointments:pay', (q) => anAppointment({ id: Number(q.id), status: 'confirmed', paymentStatus: 'paid', paymentMethod: q.method }));
    t.answer('appointments:cancel', (q) => ({ booking: anAppointment({ id: Number(q.id), status: 'cancelled' }), refundAmount: 30_000, message: 'Booking cancelled successfully' }));
    t.answer('appointments:reschedule', () => ({ booking: anAppointment({ timeslotId: 11 }), message: 'Booking rescheduled successfully' }));
    await useAppointmentsStore.getState().show({ from: '2026-06-01', view: 'day', mode: 'rooms' });
    t.calls.length = 0;
    expect((await useAppointmentsStore.getState().pay(1, 'cash')).paymentMethod).toBe('cash');
    expect((await useAppointmentsStore.getState().cancel(1)).refundAmount).toBe(30_000);
    expect((await useAppointmentsStore.getState().reschedule({ id: 1, newTimeslotId: 11 })).timeslotId).toBe(11);
    expect(t.calls.map(([name]) => name)).toEqual([
      'appointments:pay', 'appointments:calendar', 'appointments:cancel', 'appointments:calendar', 'appointments:reschedule', 'appointments:calendar',
    ]);
  });

  it('follows live events once shown, not before, and forgets the calendar at sign-out', async () => {
    await refreshNow(['appointments']);
    expect(t.calls).toEqual([]);
    await useAppointmentsStore.getState().show({ from: '2026-06-01' });
    await refreshNow(['appointments']);
    expect(t.calls).toHaveLength(2);
    clearSessionData();
    expect(useAppointmentsStore.getState().calendar).toBeNull();
  });
});

describe("the admin's setup store", () => {
  it('pages through every service room and lists providers, out of use too, by name', async () => {
    const rooms = Array.from({ length: 130 }, (_, i) => aServiceRoom({ id: i + 1, name: `Room ${String(i + 1).padStart(3, '0')}` }));
    t.answer('serviceRooms:list', (q) => {
      const [page, limit] = [Number(q.page), Number(q.limit)];
      return { items: rooms.slice((page - 1) * limit, page * limit), total: rooms.length, page, limit, pages: 2 };
    });
    t.answer('providers:list', () => [aProvider({ id: 2, name: 'Cille' }), aProvider({ id: 1, name: 'Bo' })]);
    await useSetupStore.getState().load();
    expect(useSetupStore.getState().rooms).toHaveLength(130);
    expect(t.calls.filter(([n]) => n === 'serviceRooms:list').map(([, q]) => q)).toEqual([{ active: false, page: 1, limit: 100 }, { active: false, page: 2, limit: 100 }]);
    expect(t.calls.find(([n]) => n === 'providers:list')![1]).toEqual({ includeInactive: true });
  });

  it('previews a generation without reloading anything, and reloads after generating', async () => {
    t.answer('serviceRooms:list', () => ({ items: [], total: 0, page: 1, limit: 100, pages: 0 }));
    t.answer('providers:list', () => []);
    t.answer('timeslots:preview', () => ({ message: 'Generated 16 timeslots', count: 16, dateRange: { start: '2026-06-01', end: '2026-06-01' } }));
    t.answer('timeslots:generate', () => ({ message: 'Generated 16 timeslots', count: 16, dateRange: { start: '2026-06-01', end: '2026-06-01' } }));
    await useSetupStore.getState().load();
    t.calls.length = 0;
    const input = { roomId: 1, startDate: '2026-06-01', endDate: '2026-06-01', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } };
    expect((await useSetupStore.getState().preview(input)).count).toBe(16);
    expect(t.calls.map(([n]) => n)).toEqual(['timeslots:preview']);
    await useSetupStore.getState().generate(input);
    expect(t.calls.map(([n]) => n)).toEqual(['timeslots:preview', 'timeslots:generate', 'serviceRooms:list', 'providers:list']);
  });
});

describe("a client's My appointments store", () => {
  it('lists its own appointments soonest first and only providers in use', async () => {
    t.answer('appointments:mine', () => ({
      items: [anAppointment({ id: 3, startTime: '2026-06-03T09:00:00+02:00' }), anAppointment({ id: 2, startTime: '2026-06-01T09:00:00+02:00' })],
      total: 2, page: 1, limit: 100,
    }));
    t.answer('serviceRooms:list', (q) => ({ items: [aServiceRoom()], total: 1, page: q.page, limit: q.limit, pages: 1 }));
    t.answer('providers:list', () => [aProvider(), aProvider({ id: 2, active: false })]);
    await useMyAppointmentsStore.getState().load();
    const s = useMyAppointmentsStore.getState();
    expect(s.appointments.map((a) => a.id)).toEqual([2, 3]);
    expect(s.providers.map((p) => p.id)).toEqual([1]);
    expect(t.calls.find(([n]) => n === 'serviceRooms:list')![1]).toEqual({ active: true, page: 1, limit: 100 });
  });
});

describe('appointment live events', () => {
  it('reload the calendar and a client’s list by name, and show a client its reminder', async () => {
    const { appointmentsLive } = await import('../../../renderer/src/appointments/appointments-live');
    const { useReminders } = await import('../../../renderer/src/appointments/reminders');
    const { useSessionStore } = await import('../../../renderer/src/stores/session-store');
    const { useToastStore } = await import('../../../renderer/src/stores/toast-store');
    expect(appointmentsLive['appointment.changed']?.refresh).toEqual(['appointments', 'myAppointments']);
    const event = { type: 'appointment.reminder' as const, appointment: anAppointment({ id: 7, time: '14:30:00' }), message: 'Your appointment is coming up!' };
    // The desk gets reminders too, but shows no toast for them.
    useSessionStore.setState({ user: { id: 2, username: 'anna', role: 'staff' } as never });
    appointmentsLive['appointment.reminder']!.receive!(event);
    expect(useReminders.getState().reminders).toEqual([]);
    useSessionStore.setState({ user: { id: 3, username: 'kiosk', role: 'client' } as never });
    appointmentsLive['appointment.reminder']!.receive!(event);
    appointmentsLive['appointment.reminder']!.receive!(event);
    expect(useReminders.getState().reminders.map((r) => r.appointment.id)).toEqual([7]);
    expect(useToastStore.getState().toasts.at(-1)?.text).toContain('14:30');
  });
});
