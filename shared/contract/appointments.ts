/**
 * Appointments (SPEC §3.2, seeds 001 and 003): a provider booking at `date` + `time` (seed 001) and a
 * service-room timeslot booking (seed 003) are both **appointments**: one table, one list, one set of
 * statuses `pending → confirmed → completed`, or `cancelled` / `no_show`, one calendar, one export,
 * one set of live notices and e-mails. This module is the domain's vocabulary: the enums, the answer
 * schemas and the live events, shared by its contracts: the bookings of seeds 001
 * and 003 (appointment-bookings.ts), the admin's and the desk's commands (appointment-admin.ts),
 * service rooms and timeslots (service-rooms.ts) and providers (providers.ts).
 */
import { z } from 'zod';
import { pageSchema } from './command-shapes';
import { type EventDefs } from './event-def';
import { DateOutSchema, InstantSchema } from './primitives';

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

export const AppointmentPageSchema = pageSchema(AppointmentSchema);
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
