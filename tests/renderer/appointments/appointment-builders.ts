/** Builders for the appointments renderer tests: complete values, the fields a test names changed. */
import type { Appointment, AppointmentCalendar, Provider, ServiceRoom, Timeslot } from '../../../shared/contract/appointments';

const HOURS = { start: '09:00', end: '17:00' };

export const aServiceRoom = (o: Partial<ServiceRoom> = {}): ServiceRoom => ({
  id: 1, name: 'Spa room 1', description: null, capacity: 1, roomType: 'treatment', hourlyRate: 60_000, isActive: true, metadata: null,
  createdAt: '2026-05-01T08:00:00+02:00', updatedAt: '2026-05-01T08:00:00+02:00', ...o,
});

export const aProvider = (o: Partial<Provider> = {}): Provider => ({
  id: 1, name: 'Sofie Lund', email: 'sofie@example.dk', appointmentMinutes: 60, bufferMinutes: 0, price: 65_000,
  workingHours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS, sat: null, sun: null }, daysOff: [], active: true,
  createdAt: '2026-05-01T08:00:00+02:00', updatedAt: '2026-05-01T08:00:00+02:00', ...o,
});

export const aTimeslot = (id: number, start: string, o: Partial<Timeslot> = {}): Timeslot => ({
  id, roomId: 1, startTime: `2026-06-01T${start}:00+02:00`, endTime: `2026-06-01T${start}:00+02:00`, date: '2026-06-01',
  durationMinutes: 30, capacity: 1, booked: 0, isAvailable: true, ...o,
});

export const anAppointment = (o: Partial<Appointment> = {}): Appointment => ({
  id: 1, kind: 'timeslot', status: 'pending', paymentStatus: 'unpaid', paymentMethod: null, price: 30_000, refundAmount: 0,
  userId: null, guestName: 'Mette Hansen', guestEmail: null, roomId: 1, timeslotId: 10, providerId: null,
  room: { id: 1, name: 'Spa room 1', roomType: 'treatment' }, provider: null,
  startTime: '2026-06-01T09:00:00+02:00', endTime: '2026-06-01T09:30:00+02:00', date: '2026-06-01', time: '09:00:00', durationMinutes: 30,
  notes: '', bookingType: null, holdExpiresAt: null, reminderSentAt: null, cancelledAt: null, createdBy: 'anna',
  createdAt: '2026-05-20T10:00:00+02:00', updatedAt: '2026-05-20T10:00:00+02:00', ...o,
});

export const aCalendar = (o: Partial<AppointmentCalendar> = {}): AppointmentCalendar => ({
  from: '2026-06-01', to: '2026-06-01', rooms: [aServiceRoom()], providers: [aProvider()], timeslots: [], appointments: [], ...o,
});
