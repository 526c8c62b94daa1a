/**
 * The bookings of seeds 001 and 003 (`/api/v1/bookings…`): a provider booking at `date` + `time`
 * (seed 001) and a service-room timeslot booking (seed 003) on the same paths, with the seeds'
 * field names, statuses and messages kept exactly. `POST /api/v1/bookings` takes either seed's body
 * (told apart by `provider_id` vs `timeslotId`), and so does `PUT /api/v1/bookings/:id/reschedule`
 * (`{date, time}` vs `{newTimeslotId}`). The schemas are in appointments.ts.
 */
import { z } from 'zod';
import {
  AppointmentCancelledSchema, AppointmentPageSchema, AppointmentRescheduledSchema, AppointmentSchema, AppointmentStatusSchema, RefundQuoteSchema,
  SeedProviderBookingSchema, SeedTimeSchema, TimeslotBookingCreatedSchema,
} from './appointments';
import { bodyOf, defineCommands, type InputRule } from './command-def';
import { getByIdCommand, pageListCommand, pageQuerySchema } from './command-shapes';
import { DateSchema, DateTimeInputSchema, IdParamSchema, IdSchema, TextSchema } from './primitives';
import { DST_GAP_RULE } from './input-rules';
import { EVERYONE } from './roles';

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
const isPositiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The fields of each seed's `POST /api/v1/bookings` body; seed 003's optional extras tell nothing alone. */
const SEED_001_FIELDS = ['provider_id', 'date', 'time'];
const SEED_003_IDS = ['timeslotId', 'roomId'];
const SEED_003_EXTRAS = ['notes', 'bookingType'];

/**
 * Each seed's own words for a refused `POST /api/v1/bookings` body, told apart by the fields it sent:
 * seed 003's ids (with or without its extras `notes`, `bookingType`) → `timeslotId and roomId are
 * required`; seed 001's fields (whatever else) → `Missing required fields: provider_id, date, time`;
 * only seed 003's extras → seed 003's words; nothing (`{}`, no body) → seed 001's, the older API on
 * this path (seed 003's own code gives its words only to a JSON object missing its ids); the ids of
 * both → the API's own.
 */
export function seedBookingMessage(body: unknown, generated: string): string {
  const b = bodyOf(body);
  const ids003 = SEED_003_IDS.some((f) => f in b);
  const seed001 = SEED_001_FIELDS.some((f) => f in b);
  const seed003 = ids003 || (!seed001 && SEED_003_EXTRAS.some((f) => f in b));
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
  const b = bodyOf(body);
  if ('date' in b || 'time' in b) return generated;
  if ('id' in b && Object.keys(b).length === 1) return generated; // the path parameter
  return isPositiveInt(b.newTimeslotId) ? generated : 'newTimeslotId is required';
}

export const AppointmentIdSchema = z.object({ id: IdParamSchema });

export const MyAppointmentsQuerySchema = pageQuerySchema(
  {
    status: AppointmentStatusSchema.optional(),
    /** Appointments starting at or after (a bare date: its start, hotel-local). */
    from_date: DateTimeInputSchema.optional(),
    /** Appointments starting at or before (a bare date: the whole day). */
    to_date: DateTimeInputSchema.optional(),
  },
  25,
);

/** What a booking meets beyond its schema (core/appointments/appointments-service.ts), by kind. */
const SLOT_RULES: readonly InputRule[] = [
  { when: 'the timeslot has begun', error: 'Cannot book a timeslot in the past' },
  { when: 'the service room is out of use', error: 'Room is not available for booking' },
];
const PROVIDER_RULES: readonly InputRule[] = [
  { when: 'the provider is not active', error: 'Provider is not taking bookings' },
  { when: 'the date and time have passed', error: 'Cannot book a time in the past' },
  { when: 'outside the provider\'s working hours that day (or a day off)', error: 'Outside the provider\'s working hours' },
  DST_GAP_RULE,
];
/** A new booking of either kind, as the desk makes it. */
export const BOOKING_RULES: readonly InputRule[] = [...SLOT_RULES, ...PROVIDER_RULES];
/** A status that does not allow the action (`A completed booking cannot be cancelled`, …). */
export const statusRule = (past: string): InputRule => ({
  when: 'the appointment is completed, a no-show or cancelled',
  error: `A completed booking cannot be ${past}`,
  also: [`A no show booking cannot be ${past}`, `A cancelled booking cannot be ${past}`],
});
/** A cancellation (the guest's, seed 001's delete, or the desk's status change to `cancelled`). */
export const CANCEL_RULES: readonly InputRule[] = [
  statusRule('cancelled'),
  { when: 'the appointment has begun', error: 'A booking cannot be cancelled once it has begun' },
];
const RESCHEDULE_RULES: readonly InputRule[] = [
  statusRule('rescheduled'),
  { when: 'the appointment has begun', error: 'A booking cannot be rescheduled once it has begun' },
  { when: '`newTimeslotId` for a provider\'s booking', error: 'A provider booking is rescheduled with date and time' },
  { when: '`date` and `time` for a timeslot booking', error: 'newTimeslotId is required' },
  { when: '`newTimeslotId` is the booking\'s own timeslot', error: 'The booking is already in this timeslot' },
  { when: 'the new timeslot is in another room', error: 'The new timeslot must be in the same room' },
  ...SLOT_RULES,
  ...PROVIDER_RULES,
];

const TAG = ['Appointments'] as const;

export const appointmentBookingCommands = defineCommands({
  'appointments:create': {
    emits: ['appointment.changed'],
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
    rules: [{ when: 'the timeslot is not in `roomId`', error: 'Timeslot does not belong to this room' }, ...BOOKING_RULES],
  },
  'appointments:mine': pageListCommand({
    summary: 'My appointments', tags: TAG, roles: EVERYONE,
    description:
      'The caller\'s own appointments of both kinds, newest booking first, in seed 003\'s page shape `{items, total, page, limit}`; ' +
      'each item says its `kind`. Filters: `status`, `from_date`, `to_date` (the start). `limit` above 100 is read as 100.',
    example: { status: 'confirmed', from_date: '2026-06-01', to_date: '2026-06-30', page: 1, limit: 25 },
    input: MyAppointmentsQuerySchema, output: AppointmentPageSchema, path: '/api/v1/bookings',
  }),
  'appointments:get': getByIdCommand({
    summary: 'One appointment', tags: TAG, roles: EVERYONE,
    description: 'One appointment; 404 `Booking not found`, 403 `Access denied` for a client asking for another\'s. Staff and admins see all.',
    exampleId: 9, input: AppointmentIdSchema, output: AppointmentSchema, path: '/api/v1/bookings/:id',
  }),
  'appointments:refundQuote': {
    summary: 'What cancelling would refund now', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'The refund a cancellation now would give, by the hotel\'s refund policy on what was paid, shown before the cancellation is confirmed.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: RefundQuoteSchema, http: { method: 'GET', path: '/api/v1/bookings/:id/refund' },
  },
  'appointments:cancel': {
    emits: ['appointment.changed'],
    summary: 'Cancel an appointment', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description:
      'Cancels a pending or confirmed appointment: `{booking, refundAmount, message: "Booking cancelled successfully"}`, the refund by the ' +
      'hotel\'s policy on what was paid; 400 when it cannot be cancelled. The slot is free again; the history is kept.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: AppointmentCancelledSchema, http: { method: 'PUT', path: '/api/v1/bookings/:id/cancel' },
    rules: CANCEL_RULES,
  },
  'appointments:delete': {
    emits: ['appointment.changed'],
    summary: 'Cancel an appointment (seed 001\'s delete)', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'Seed 001\'s `DELETE`: a cancellation, as `PUT …/cancel`; the history is never deleted.',
    example: { id: 9 },
    input: AppointmentIdSchema, output: AppointmentCancelledSchema, http: { method: 'DELETE', path: '/api/v1/bookings/:id' },
    rules: CANCEL_RULES,
  },
  'appointments:reschedule': {
    emits: ['appointment.changed'],
    summary: 'Move an appointment', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Two bodies: `{newTimeslotId}` (seed 003) moves a timeslot booking to another free slot; `{date, time}` (seed 001) moves a provider ' +
      'booking. Atomic: the new place is checked and taken in one transaction. `{booking, message: "Booking rescheduled successfully"}`; ' +
      '400 `newTimeslotId is required`; 409 when the new place is taken. As seed 003 does, the booking is looked up (404) and its owner ' +
      'checked (403) before the body (400).',
    example: { id: 9, newTimeslotId: 14 },
    input: AppointmentRescheduleSchema, output: AppointmentRescheduledSchema, http: { method: 'PUT', path: '/api/v1/bookings/:id/reschedule' },
    badInputMessage: rescheduleMessage, recordBeforeBody: 'appointments:get',
    rules: RESCHEDULE_RULES,
  },
});
