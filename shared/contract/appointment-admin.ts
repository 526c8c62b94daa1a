/**
 * The admin's appointments (seed 003's `/api/v1/admin/bookings…`: the list, status changes, the
 * statistics) and the desk's (`/api/v1/appointments…`: booking for a guest, payment at the desk,
 * the calendar; the CSV export). The schemas are in appointments.ts.
 */
import { z } from 'zod';
import {
  AppointmentCalendarSchema, AppointmentKindSchema, AppointmentPageSchema, AppointmentSchema, AppointmentStatsSchema, AppointmentStatusSchema,
  PaymentMethodSchema, SeedTimeSchema, SETTABLE_STATUSES,
} from './appointments';
import { BOOKING_RULES, statusRule } from './appointment-bookings';
import { bodyOf, defineCommands } from './command-def';
import { pageListCommand, pageQuerySchema } from './command-shapes';
import { DateSchema, DateTimeInputSchema, EmailAddressSchema, ExportResultSchema, IdParamSchema, IdSchema, NameSchema, QueryBoolSchema, queryInt, TextSchema } from './primitives';
import { ADMIN, DESK } from './roles';

export const AdminAppointmentsQuerySchema = pageQuerySchema(
  {
    status: AppointmentStatusSchema.optional(),
    roomId: IdParamSchema.optional(),
    userId: IdParamSchema.optional(),
    providerId: IdParamSchema.optional(),
    kind: AppointmentKindSchema.optional(),
    /** Booked (created) at or after / at or before, as seed 003 filters its admin list. */
    fromDate: DateTimeInputSchema.optional(),
    toDate: DateTimeInputSchema.optional(),
  },
  50,
);

export const AppointmentStatusChangeSchema = z.object({
  id: IdParamSchema,
  /**
   * Checked by the service against the same list, after the booking (seed 003: 404 before 400
   * `Invalid status transition to: X`); the document states the list as an enum.
   */
  status: z.string().max(40).meta({ enum: [...SETTABLE_STATUSES], description: 'completed, no_show or cancelled.' }),
});
function statusMessage(body: unknown, generated: string): string {
  const b = bodyOf(body);
  if ('id' in b && !('status' in b) && Object.keys(b).length === 1) return generated;
  return typeof b.status === 'string' && b.status !== '' ? generated : 'status is required';
}

export const AppointmentStatsQuerySchema = z.object({
  fromDate: DateTimeInputSchema.optional(),
  toDate: DateTimeInputSchema.optional(),
});

const GuestFieldsSchema = z.object({
  guestName: NameSchema(120, 'guest name'),
  guestEmail: EmailAddressSchema(200).optional(),
  /** Book for a signed-in user (a client): theirs to see and cancel; null/absent for a walk-in. */
  userId: IdSchema.optional(),
  notes: TextSchema(2000, { multiline: true }).optional(),
  bookingType: TextSchema(40).optional(),
});
/** The desk books for a guest (or a user): a timeslot, or a provider at a date and time. */
export const DeskAppointmentCreateSchema = z.xor([
  GuestFieldsSchema.extend({ timeslotId: IdSchema }),
  GuestFieldsSchema.extend({ providerId: IdSchema, date: DateSchema, time: SeedTimeSchema }),
]);

export const AppointmentPaySchema = z.object({ id: IdParamSchema, method: PaymentMethodSchema });

export const AppointmentCalendarQuerySchema = z.object({
  from: DateSchema,
  days: queryInt(1, 31).default(7),
});

export const AppointmentExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  status: AppointmentStatusSchema.optional(),
  kind: AppointmentKindSchema.optional(),
  roomId: IdParamSchema.optional(),
  providerId: IdParamSchema.optional(),
  /** Hotel-local dates of the start, both inclusive. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type AppointmentExportQuery = z.infer<typeof AppointmentExportQuerySchema>;

const TAG = ['Appointments'] as const;

export const appointmentAdminCommands = defineCommands({
  'appointments:adminList': pageListCommand({
    summary: 'All appointments', tags: TAG, roles: DESK,
    description:
      'Every appointment, newest booking first, `{items, total, page, limit}` (default limit 50, at most 100); filters `status`, `roomId`, ' +
      '`userId`, `providerId`, `kind`, and `fromDate` / `toDate` on when it was booked.',
    example: { status: 'pending', roomId: 2, fromDate: '2026-05-01', toDate: '2026-05-31', page: 1, limit: 50 },
    input: AdminAppointmentsQuerySchema, output: AppointmentPageSchema, path: '/api/v1/admin/bookings',
  }),
  'appointments:setStatus': {
    emits: ['appointment.changed'],
    summary: 'Mark an appointment completed, no-show or cancelled', tags: TAG, roles: DESK, errors: ['NOT_FOUND'],
    description:
      '`completed` (from confirmed) or `no_show` (from pending or confirmed), each only once the appointment has started ' +
      '(400 `Booking 9 has not started yet: it can be marked completed from 2026-06-01 10:00`), or `cancelled` (before it starts; refund by policy). ' +
      '400 `status is required`, 400 `Invalid status transition to: X` for any other status or an illegal step. `POST /api/v1/appointments/:id/undo` takes a mark back.',
    example: { id: 9, status: 'completed' },
    input: AppointmentStatusChangeSchema, output: AppointmentSchema, http: { method: 'PUT', path: '/api/v1/admin/bookings/:id/status' },
    badInputMessage: statusMessage,
    rules: [
      {
        when: 'a step its status does not allow: `completed` from any status but confirmed, `no_show` from completed or cancelled, `cancelled` once begun or ended',
        error: 'Invalid status transition to: completed',
        also: ['Invalid status transition to: no_show', 'Invalid status transition to: cancelled'],
      },
      { when: '`completed` or `no_show` before the appointment has started', error: 'Booking 9 has not started yet: it can be marked completed from 2026-06-01 10:00' },
    ],
  },
  'appointments:undoStatus': {
    emits: ['appointment.changed'],
    summary: 'Undo an appointment\'s completed or no-show mark', tags: TAG, roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION', 'FORBIDDEN'],
    description:
      'Puts a completed appointment back to confirmed, a no-show back to confirmed or pending (what it was). Staff may undo a mark made today, an admin ' +
      'any (403 `Only an admin can undo a change made before today (booking 9 changed on 2026-06-01)`). 409 `Booking 9 is pending: there is no status change to undo`; ' +
      'a cancellation is not undone (409: its refund and e-mail have gone out).',
    example: { id: 9 },
    input: z.object({ id: IdParamSchema }), output: AppointmentSchema, http: { method: 'POST', path: '/api/v1/appointments/:id/undo' },
  },
  'appointments:stats': {
    summary: 'Appointment statistics', tags: TAG, roles: ADMIN,
    description: 'For bookings made in [fromDate, toDate] (default: this month so far): the total, the count by status and the revenue (sum of paid prices).',
    example: { fromDate: '2026-05-01', toDate: '2026-05-31' },
    input: AppointmentStatsQuerySchema, output: AppointmentStatsSchema, http: { method: 'GET', path: '/api/v1/admin/bookings/stats' },
  },
  'appointments:deskCreate': {
    emits: ['appointment.changed'],
    summary: 'Book an appointment for a guest at the desk', tags: TAG, roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'The desk books a timeslot (`timeslotId`) or a provider (`providerId`, `date`, `time`) for a walk-in guest or for a user (`userId`). ' +
      'A timeslot booking is pending and unpaid until payment is taken; a provider booking is confirmed.',
    example: { timeslotId: 12, guestName: 'Mette Hansen', guestEmail: 'mette.hansen@example.dk', notes: 'Allergic to almond oil', bookingType: 'massage' },
    input: DeskAppointmentCreateSchema, output: AppointmentSchema, http: { method: 'POST', path: '/api/v1/appointments', status: 201 },
    rules: BOOKING_RULES,
  },
  'appointments:pay': {
    emits: ['appointment.changed'],
    summary: 'Take payment at the desk', tags: TAG, roles: DESK, errors: ['NOT_FOUND'],
    description: 'Records payment by cash, card or invoice: the appointment is paid and confirmed, and no longer lapses.',
    example: { id: 9, method: 'card' },
    input: AppointmentPaySchema, output: AppointmentSchema, http: { method: 'POST', path: '/api/v1/appointments/:id/pay' },
    rules: [
      statusRule('paid'),
      { when: 'it is paid already', error: 'The booking is already paid' },
    ],
  },
  'appointments:calendar': {
    summary: 'The appointments calendar', tags: TAG, roles: DESK,
    description: 'For `days` hotel-local days from `from`: the service rooms and providers side by side, every timeslot with its free seats, and every appointment.',
    example: { from: '2026-06-01', days: 7 },
    input: AppointmentCalendarQuerySchema, output: AppointmentCalendarSchema, http: { method: 'GET', path: '/api/v1/appointments/calendar' },
  },
  'appointments:export': {
    summary: 'Appointments as CSV', tags: ['Exports', 'Appointments'], roles: DESK, export: 'appointments', inclusiveDates: true,
    description: 'Appointments of both kinds as a CSV download, filtered by status, kind, room, provider and the hotel-local dates of the start (both inclusive).',
    example: { delimiter: ';', bom: true, status: 'confirmed', kind: 'timeslot', from: '2026-06-01', to: '2026-06-30' },
    input: AppointmentExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/appointments.csv' },
  },
});

