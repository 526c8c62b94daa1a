/**
 * Appointments (SPEC §3.2, seeds 001 and 003): a provider booking at `date` + `time` (seed 001) and a
 * service-room timeslot booking (seed 003) are both **appointments**: one table, one list, one set of
 * statuses `pending → confirmed → completed`, or `cancelled` / `no_show`, one calendar, one export,
 * one set of live notices and e-mails. The seeds' paths, field names, statuses and messages are kept
 * exactly: `POST /api/v1/bookings` takes either seed's body (told apart by `provider_id` vs
 * `timeslotId`), and so does `PUT /api/v1/bookings/:id/reschedule` (`{date, time}` vs
 * `{newTimeslotId}`). Service rooms, timeslots and providers are in the sibling contracts
 * (service-rooms.ts, providers.ts); their schemas are here so the three share one vocabulary.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import {
  DateOutSchema, DateSchema, DateTimeInputSchema, ExportResultSchema, IdParamSchema, IdSchema, InstantSchema, NameSchema, QueryBoolSchema, queryInt, TextSchema,
} from './primitives';
import { ADMIN, DESK, EVERYONE } from './roles';

// ---- vocabulary ---------------------------------------------------------------------------------

export const APPOINTMENT_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const PAYMENT_STATUSES = ['unpaid', 'paid', 'refunded'] as const;
export const PaymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** Payment taken at the desk. */
export const PAYMENT_METHODS = ['cash', 'card', 'invoice'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** A provider's appointment (seed 001) or a service room's timeslot (seed 003). */
export const APPOINTMENT_KINDS = ['provider', 'timeslot'] as const;
export const AppointmentKindSchema = z.enum(APPOINTMENT_KINDS);
export type AppointmentKind = z.infer<typeof AppointmentKindSchema>;

/** Seed 003's room types. */
export const SERVICE_ROOM_TYPES = ['office', 'consultation', 'meeting', 'treatment'] as const;
export const ServiceRoomTypeSchema = z.enum(SERVICE_ROOM_TYPES);
export type ServiceRoomType = z.infer<typeof ServiceRoomTypeSchema>;

/** The statuses an admin (or the desk) may set by `PUT /api/v1/admin/bookings/:id/status` (seed 003). */
export const SETTABLE_STATUSES = ['completed', 'no_show', 'cancelled'] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM`, 00:00–23:59 (24:00 allowed as an end of day). */
export const ClockTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:MM')
  .meta({ description: 'A wall-clock time in the hotel\'s zone, HH:MM.' });
/** Seed 001's `time`: `14:30` or `14:30:00`. */
export const SeedTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time HH:MM or HH:MM:SS')
  .meta({ description: 'A wall-clock time in the hotel\'s zone, HH:MM or HH:MM:SS.' });

export const WorkingHoursSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((h) => h.start < h.end, 'end must be after start')
  .meta({ description: 'Opening hours of a day, hotel-local wall time: start before end.' });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/** Working hours per weekday; `null` is a day the provider does not work. */
export const WeekHoursSchema = z.object({
  mon: WorkingHoursSchema.nullable(),
  tue: WorkingHoursSchema.nullable(),
  wed: WorkingHoursSchema.nullable(),
  thu: WorkingHoursSchema.nullable(),
  fri: WorkingHoursSchema.nullable(),
  sat: WorkingHoursSchema.nullable(),
  sun: WorkingHoursSchema.nullable(),
});
export type WeekHours = z.infer<typeof WeekHoursSchema>;

// ---- answers ------------------------------------------------------------------------------------

export const ServiceRoomSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  /** How many bookings a generated timeslot of the room holds by default. */
  capacity: z.number().int(),
  roomType: ServiceRoomTypeSchema,
  /** Price per hour in minor units; a booking costs the rate × the slot's length. */
  hourlyRate: z.number().int(),
  isActive: z.boolean(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type ServiceRoom = z.infer<typeof ServiceRoomSchema>;

export const TimeslotSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  startTime: InstantSchema,
  endTime: InstantSchema,
  /** Hotel-local date of the start. */
  date: DateOutSchema,
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  /** Bookings that hold the slot now (pending within their hold, confirmed, completed, no-show). */
  booked: z.number().int(),
  isAvailable: z.boolean(),
});
export type Timeslot = z.infer<typeof TimeslotSchema>;

export const ProviderSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  appointmentMinutes: z.number().int(),
  bufferMinutes: z.number().int(),
  /** Price of one appointment in minor units (0: free, or paid elsewhere). */
  price: z.number().int(),
  workingHours: WeekHoursSchema,
  daysOff: z.array(DateOutSchema),
  active: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Provider = z.infer<typeof ProviderSchema>;

/** One appointment of either kind, as every list, the calendar and the live notices show it. */
export const AppointmentSchema = z.object({
  id: z.number().int(),
  kind: AppointmentKindSchema,
  status: AppointmentStatusSchema,
  paymentStatus: PaymentStatusSchema,
  paymentMethod: PaymentMethodSchema.nullable(),
  /** Minor units. */
  price: z.number().int(),
  /** What was refunded on cancellation (minor units), 0 otherwise. */
  refundAmount: z.number().int(),
  /** The user it belongs to (a LAN client's own); null for a desk booking for a walk-in guest. */
  userId: z.number().int().nullable(),
  guestName: z.string(),
  guestEmail: z.string().nullable(),
  roomId: z.number().int().nullable(),
  timeslotId: z.number().int().nullable(),
  providerId: z.number().int().nullable(),
  room: z.object({ id: z.number().int(), name: z.string(), roomType: ServiceRoomTypeSchema }).nullable(),
  provider: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  startTime: InstantSchema,
  endTime: InstantSchema,
  /** Hotel-local date and wall time of the start (seed 001's `date`, `time`). */
  date: DateOutSchema,
  time: z.string(),
  durationMinutes: z.number().int(),
  notes: z.string(),
  bookingType: z.string().nullable(),
  /** Until when an unpaid pending booking holds its slot; null once paid or confirmed. */
  holdExpiresAt: InstantSchema.nullable(),
  reminderSentAt: InstantSchema.nullable(),
  cancelledAt: InstantSchema.nullable(),
  createdBy: z.string(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Appointment = z.infer<typeof AppointmentSchema>;

/** Seed 001's answer to `POST /api/v1/bookings` with `{provider_id, date, time}`. */
export const SeedProviderBookingSchema = z.object({
  id: z.number().int(),
  provider_id: z.number().int(),
  date: DateOutSchema,
  /** `14:30:00`. */
  time: z.string(),
  created_at: InstantSchema,
  end_time: InstantSchema,
  status: AppointmentStatusSchema,
  kind: z.literal('provider'),
});
export type SeedProviderBooking = z.infer<typeof SeedProviderBookingSchema>;

/** Seed 003's answer to `POST /api/v1/bookings` with `{timeslotId, roomId}`. */
export const TimeslotBookingCreatedSchema = z.object({
  booking: AppointmentSchema,
  /** The payment provider's checkout page, or null when none is configured (pay at the desk). */
  checkoutUrl: z.string().nullable(),
  message: z.string(),
});

export const AppointmentPageSchema = z.object({
  items: z.array(AppointmentSchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
export type AppointmentPage = z.infer<typeof AppointmentPageSchema>;

export const AppointmentCancelledSchema = z.object({ booking: AppointmentSchema, refundAmount: z.number().int(), message: z.string() });
export const AppointmentRescheduledSchema = z.object({ booking: AppointmentSchema, message: z.string() });

export const RefundQuoteSchema = z.object({
  id: z.number().int(),
  /** What cancelling now would refund (minor units), by the hotel's refund policy on what was paid. */
  refundAmount: z.number().int(),
  /** The policy's share for the time left before the start, 0–100. */
  percent: z.number().int(),
  paid: z.number().int(),
  hoursBeforeStart: z.number(),
});

export const AppointmentStatsSchema = z.object({
  total: z.number().int(),
  byStatus: z.object({ pending: z.number().int(), confirmed: z.number().int(), cancelled: z.number().int(), completed: z.number().int(), no_show: z.number().int() }),
  /** Sum of the paid prices (minor units). */
  revenue: z.number().int(),
});

export const AppointmentCalendarSchema = z.object({
  from: DateOutSchema,
  to: DateOutSchema,
  rooms: z.array(ServiceRoomSchema),
  providers: z.array(ProviderSchema),
  timeslots: z.array(TimeslotSchema),
  appointments: z.array(AppointmentSchema),
});
export type AppointmentCalendar = z.infer<typeof AppointmentCalendarSchema>;

// ---- inputs -------------------------------------------------------------------------------------

/** Seed 001: a provider booking. */
export const ProviderBookingCreateSchema = z.object({ provider_id: IdSchema, date: DateSchema, time: SeedTimeSchema });
/** Seed 003: a timeslot booking by a signed-in user. */
export const TimeslotBookingCreateSchema = z.object({
  timeslotId: IdSchema,
  roomId: IdSchema,
  notes: TextSchema(2000, { multiline: true }).optional().meta({ description: 'The guest\'s own note for the booking.' }),
  bookingType: TextSchema(40).optional(),
});
export const AppointmentCreateSchema = z.xor([ProviderBookingCreateSchema, TimeslotBookingCreateSchema]);

const PRESENT = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;
const keysOf = (body: unknown): Record<string, unknown> => (body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
const isPositiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Each seed's own words for a refused `POST /api/v1/bookings` body, told apart by the fields it sent. */
export function seedBookingMessage(body: unknown, generated: string): string {
  const b = keysOf(body);
  const seed003 = 'timeslotId' in b || 'roomId' in b;
  const seed001 = 'provider_id' in b || 'date' in b || 'time' in b;
  if (seed003 && !seed001) return isPositiveInt(b.timeslotId) && isPositiveInt(b.roomId) ? generated : 'timeslotId and roomId are required';
  if (seed001 && !seed003) return PRESENT(b.provider_id) && PRESENT(b.date) && PRESENT(b.time) ? generated : 'Missing required fields: provider_id, date, time';
  if (!seed001 && !seed003) return 'Missing required fields: provider_id, date, time';
  return generated;
}

export const AppointmentRescheduleSchema = z.xor([
  z.object({ id: IdParamSchema, date: DateSchema, time: SeedTimeSchema }),
  z.object({ id: IdParamSchema, newTimeslotId: IdSchema }),
]);
/** Seed 003's words for a reschedule without a timeslot; seed 001's for a partial date + time. */
export function rescheduleMessage(body: unknown, generated: string): string {
  const b = keysOf(body);
  if ('date' in b || 'time' in b) return generated;
  if ('id' in b && Object.keys(b).length === 1) return generated; // the path parameter
  return isPositiveInt(b.newTimeslotId) ? generated : 'newTimeslotId is required';
}

export const AppointmentIdSchema = z.object({ id: IdParamSchema });

/** Seed 003's pagination: `limit` above 100 is read as 100. */
const PageSchema = queryInt(1, 1_000_000).default(1);
const limitOf = (fallback: number) => queryInt(1, 1_000_000).default(fallback).meta({ description: `Items per page (default ${fallback}; at most 100).` });

export const MyAppointmentsQuerySchema = z.object({
  status: AppointmentStatusSchema.optional(),
  /** Appointments starting at or after (a bare date: its start, hotel-local). */
  from_date: DateTimeInputSchema.optional(),
  /** Appointments starting at or before (a bare date: the whole day). */
  to_date: DateTimeInputSchema.optional(),
  page: PageSchema,
  limit: limitOf(25),
});

export const AdminAppointmentsQuerySchema = z.object({
  status: AppointmentStatusSchema.optional(),
  roomId: IdParamSchema.optional(),
  userId: IdParamSchema.optional(),
  providerId: IdParamSchema.optional(),
  kind: AppointmentKindSchema.optional(),
  /** Booked (created) at or after / at or before, as seed 003 filters its admin list. */
  fromDate: DateTimeInputSchema.optional(),
  toDate: DateTimeInputSchema.optional(),
  page: PageSchema,
  limit: limitOf(50),
});

export const AppointmentStatusChangeSchema = z.object({
  id: IdParamSchema,
  status: z.string().max(40).meta({ description: 'completed, no_show or cancelled.' }),
});
function statusMessage(body: unknown, generated: string): string {
  const b = keysOf(body);
  if ('id' in b && !('status' in b) && Object.keys(b).length === 1) return generated;
  return typeof b.status === 'string' && b.status !== '' ? generated : 'status is required';
}

export const AppointmentStatsQuerySchema = z.object({
  fromDate: DateTimeInputSchema.optional(),
  toDate: DateTimeInputSchema.optional(),
});

const GuestFieldsSchema = z.object({
  guestName: NameSchema(120, 'guest name'),
  guestEmail: z.email().max(200).optional(),
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

export const appointmentCommands = defineCommands({
  'appointments:create': {
    summary: 'Book an appointment (a provider at a date and time, or a service room\'s timeslot)', tags: TAG, roles: EVERYONE,
    errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Two bodies on one path. `{provider_id, date, time}` (seed 001): 201 with `{id, provider_id, date, time: "14:30:00", created_at, …}`, ' +
      '409 `This time slot is already booked` when it overlaps another booking of the provider (buffer included), 404 `Provider not found`, ' +
      '400 `Missing required fields: provider_id, date, time`, and 400 for a time in the past, outside the provider\'s hours or skipped by DST. ' +
      '`{timeslotId, roomId, notes?, bookingType?}` (seed 003): 201 with `{booking, checkoutUrl, message}`, the booking pending and unpaid, ' +
      'holding the slot for the hotel\'s hold time; 409 when the slot is full; 400 `timeslotId and roomId are required`. ' +
      'A client\'s booking is its own.',
    example: { timeslotId: 12, roomId: 2, notes: 'Aromatherapy, please', bookingType: 'massage' },
    input: AppointmentCreateSchema, output: z.union([SeedProviderBookingSchema, TimeslotBookingCreatedSchema]),
    http: { method: 'POST', path: '/api/v1/bookings', status: 201 },
    badInputMessage: seedBookingMessage,
  },
  'appointments:mine': {
    summary: 'My appointments', tags: TAG, roles: EVERYONE,
    description:
      'The caller\'s own appointments of both kinds, newest booking first, in seed 003\'s page shape `{items, total, page, limit}`; ' +
      'each item says its `kind`. Filters: `status`, `from_date`, `to_date` (the start). `limit` above 100 is read as 100.',
    example: { status: 'confirmed', from_date: '2026-06-01', to_date: '2026-06-30', page: 1, limit: 25 },
    input: MyAppointmentsQuerySchema, output: AppointmentPageSchema, http: { method: 'GET', path: '/api/v1/bookings' },
  },
  'appointments:get': {
    summary: 'One appointment', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'One appointment; 404 `Booking not found`, 403 `Access denied` for a client asking for another\'s. Staff and admins see all.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: AppointmentSchema, http: { method: 'GET', path: '/api/v1/bookings/:id' },
  },
  'appointments:refundQuote': {
    summary: 'What cancelling would refund now', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'The refund a cancellation now would give, by the hotel\'s refund policy on what was paid, shown before the cancellation is confirmed.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: RefundQuoteSchema, http: { method: 'GET', path: '/api/v1/bookings/:id/refund' },
  },
  'appointments:cancel': {
    summary: 'Cancel an appointment', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description:
      'Cancels a pending or confirmed appointment: `{booking, refundAmount, message: "Booking cancelled successfully"}`, the refund by the ' +
      'hotel\'s policy on what was paid; 400 when it cannot be cancelled. The slot is free again; the history is kept.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: AppointmentCancelledSchema, http: { method: 'PUT', path: '/api/v1/bookings/:id/cancel' },
  },
  'appointments:delete': {
    summary: 'Cancel an appointment (seed 001\'s delete)', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'Seed 001\'s `DELETE`: a cancellation, as `PUT …/cancel`; the history is never deleted.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: AppointmentCancelledSchema, http: { method: 'DELETE', path: '/api/v1/bookings/:id' },
  },
  'appointments:reschedule': {
    summary: 'Move an appointment', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Two bodies: `{newTimeslotId}` (seed 003) moves a timeslot booking to another free slot; `{date, time}` (seed 001) moves a provider ' +
      'booking. Atomic: the new place is checked and taken in one transaction. `{booking, message: "Booking rescheduled successfully"}`; ' +
      '400 `newTimeslotId is required`; 409 when the new place is taken.',
    example: { id: 9, newTimeslotId: 14 },
    input: AppointmentRescheduleSchema, output: AppointmentRescheduledSchema, http: { method: 'PUT', path: '/api/v1/bookings/:id/reschedule' },
    badInputMessage: rescheduleMessage,
  },

  // ---- admin (seed 003) and the desk ----
  'appointments:adminList': {
    summary: 'All appointments', tags: TAG, roles: DESK,
    description:
      'Every appointment, newest booking first, `{items, total, page, limit}` (default limit 50, at most 100); filters `status`, `roomId`, ' +
      '`userId`, `providerId`, `kind`, and `fromDate` / `toDate` on when it was booked.',
    example: { status: 'pending', roomId: 2, fromDate: '2026-05-01', toDate: '2026-05-31', page: 1, limit: 50 },
    input: AdminAppointmentsQuerySchema, output: AppointmentPageSchema, http: { method: 'GET', path: '/api/v1/admin/bookings' },
  },
  'appointments:setStatus': {
    summary: 'Mark an appointment completed, no-show or cancelled', tags: TAG, roles: DESK, errors: ['NOT_FOUND'],
    description:
      '`completed` (from confirmed), `no_show` (from pending or confirmed, once it began) or `cancelled` (refund by policy). 400 `status is required`, ' +
      '400 `Invalid status transition to: X` for any other status or an illegal step.',
    example: { id: 9, status: 'completed' },
    input: AppointmentStatusChangeSchema, output: AppointmentSchema, http: { method: 'PUT', path: '/api/v1/admin/bookings/:id/status' },
    badInputMessage: statusMessage,
  },
  'appointments:stats': {
    summary: 'Appointment statistics', tags: TAG, roles: ADMIN,
    description: 'For bookings made in [fromDate, toDate] (default: this month so far): the total, the count by status and the revenue (sum of paid prices).',
    example: { fromDate: '2026-05-01', toDate: '2026-05-31' },
    input: AppointmentStatsQuerySchema, output: AppointmentStatsSchema, http: { method: 'GET', path: '/api/v1/admin/bookings/stats' },
  },
  'appointments:deskCreate': {
    summary: 'Book an appointment for a guest at the desk', tags: TAG, roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'The desk books a timeslot (`timeslotId`) or a provider (`providerId`, `date`, `time`) for a walk-in guest or for a user (`userId`). ' +
      'A timeslot booking is pending and unpaid until payment is taken; a provider booking is confirmed.',
    example: { timeslotId: 12, guestName: 'Mette Hansen', guestEmail: 'mette.hansen@example.dk', notes: 'Allergic to almond oil', bookingType: 'massage' },
    input: DeskAppointmentCreateSchema, output: AppointmentSchema, http: { method: 'POST', path: '/api/v1/appointments', status: 201 },
  },
  'appointments:pay': {
    summary: 'Take payment at the desk', tags: TAG, roles: DESK, errors: ['NOT_FOUND'],
    description: 'Records payment by cash, card or invoice: the appointment is paid and confirmed, and no longer lapses.',
    example: { id: 9, method: 'card' },
    input: AppointmentPaySchema, output: AppointmentSchema, http: { method: 'POST', path: '/api/v1/appointments/:id/pay' },
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

export const APPOINTMENT_EVENT_ACTIONS = ['created', 'confirmed', 'cancelled', 'rescheduled', 'status_changed', 'lapsed'] as const;
export type AppointmentEventAction = (typeof APPOINTMENT_EVENT_ACTIONS)[number];
export const REMINDER_MESSAGE = 'Your appointment is coming up!';

type WithOwner = { appointment: { userId: number | null } };

export const appointmentEvents = {
  /** Seed 003's `booking_update` `{type, booking}`: the desk sees every appointment; a client its own. */
  'appointment.changed': {
    schema: z.object({ type: z.literal('appointment.changed'), action: z.enum(APPOINTMENT_EVENT_ACTIONS), appointment: AppointmentSchema }),
    audience: (e: WithOwner) => ({ desk: true, ownerId: e.appointment.userId }),
    socketIo: (e: { action: AppointmentEventAction; appointment: Appointment }) => ({ event: 'booking_update', data: { type: e.action, booking: e.appointment } }),
  },
  /** Seed 003's `booking_reminder` `{booking, message}`, once, the reminder lead time before the start. */
  'appointment.reminder': {
    schema: z.object({ type: z.literal('appointment.reminder'), appointment: AppointmentSchema, message: z.string() }),
    audience: (e: WithOwner) => ({ desk: true, ownerId: e.appointment.userId }),
    socketIo: (e: { appointment: Appointment; message: string }) => ({ event: 'booking_reminder', data: { booking: e.appointment, message: e.message } }),
  },
} as const satisfies EventDefs;
