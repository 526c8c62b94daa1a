/**
 * Appointments (issue 8, SPEC §3.2): service rooms and their timeslots (seed 003), providers (seed
 * 001), and one `appointments` table for both kinds of booking. Instants are stored twice, as
 * elsewhere: UTC ms for ranges and indexes, ISO text with the hotel's offset for answers and CSV.
 * Money in minor units.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES, SERVICE_ROOM_TYPES } from '../../shared/contract/appointments';

export const serviceRooms = sqliteTable(
  'service_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description'),
    capacity: integer('capacity').notNull().default(1),
    roomType: text('room_type', { enum: SERVICE_ROOM_TYPES }).notNull(),
    hourlyRate: integer('hourly_rate').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** JSON object or NULL. */
    metadata: text('metadata'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('service_rooms_name_idx').on(t.name),
    check('service_rooms_type_ck', sql`${t.roomType} IN ('office', 'consultation', 'meeting', 'treatment')`),
    check('service_rooms_capacity_ck', sql`${t.capacity} >= 1`),
    check('service_rooms_rate_ck', sql`${t.hourlyRate} >= 0`),
  ],
);

/**
 * A bookable interval of a service room, `[start_ms, end_ms)`. No two slots of a room overlap (the
 * generator checks; the unique index stops the same start twice).
 */
export const timeslots = sqliteTable(
  'timeslots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => serviceRooms.id),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    /** Hotel-local date of the start. */
    localDate: text('local_date').notNull(),
    capacity: integer('capacity').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('timeslots_room_start_uq').on(t.roomId, t.startMs),
    index('timeslots_room_date_idx').on(t.roomId, t.localDate, t.startMs),
    check('timeslots_interval_ck', sql`${t.endMs} > ${t.startMs}`),
    check('timeslots_capacity_ck', sql`${t.capacity} >= 1`),
  ],
);

export const providers = sqliteTable(
  'providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    appointmentMinutes: integer('appointment_minutes').notNull().default(30),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    price: integer('price').notNull().default(0),
    /** JSON: `{mon: {start, end} | null, …}`. */
    workingHours: text('working_hours').notNull(),
    /** JSON array of `YYYY-MM-DD`. */
    daysOff: text('days_off').notNull().default('[]'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('providers_email_uq').on(sql`lower(${t.email})`),
    check('providers_minutes_ck', sql`${t.appointmentMinutes} > 0 AND ${t.bufferMinutes} >= 0 AND ${t.price} >= 0`),
  ],
);

/**
 * One appointment of either kind. A timeslot booking has `timeslot_id` and `room_id`; a provider
 * booking `provider_id`. `hold_until_ms` is set while an unpaid pending booking holds its slot
 * (NULL once paid or confirmed): a booking occupies its slot iff its status is live and its hold,
 * if any, has not run out. `occupied_until_ms` is the provider's end plus the buffer.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
    userId: integer('user_id'),
    guestName: text('guest_name').notNull(),
    guestEmail: text('guest_email'),
    roomId: integer('room_id').references(() => serviceRooms.id),
    timeslotId: integer('timeslot_id').references(() => timeslots.id),
    providerId: integer('provider_id').references(() => providers.id),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    occupiedUntilMs: integer('occupied_until_ms').notNull(),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    localDate: text('local_date').notNull(),
    localTime: text('local_time').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    paymentStatus: text('payment_status', { enum: PAYMENT_STATUSES }).notNull().default('unpaid'),
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }),
    price: integer('price').notNull().default(0),
    refundAmount: integer('refund_amount').notNull().default(0),
    notes: text('notes').notNull().default(''),
    bookingType: text('booking_type'),
    holdUntilMs: integer('hold_until_ms'),
    reminderSentMs: integer('reminder_sent_ms'),
    cancelledMs: integer('cancelled_ms'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('appointments_slot_idx').on(t.timeslotId, t.status),
    index('appointments_provider_idx').on(t.providerId, t.startMs),
    index('appointments_user_idx').on(t.userId, t.createdAt),
    index('appointments_created_idx').on(t.createdAt),
    index('appointments_start_idx').on(t.startMs),
    index('appointments_hold_idx').on(t.holdUntilMs).where(sql`${t.holdUntilMs} IS NOT NULL`),
    index('appointments_reminder_idx').on(t.startMs).where(sql`${t.reminderSentMs} IS NULL AND ${t.status} IN ('pending', 'confirmed')`),
    check('appointments_kind_ck', sql`(${t.kind} = 'timeslot' AND ${t.timeslotId} IS NOT NULL AND ${t.roomId} IS NOT NULL AND ${t.providerId} IS NULL) OR (${t.kind} = 'provider' AND ${t.providerId} IS NOT NULL AND ${t.timeslotId} IS NULL)`),
    check('appointments_status_ck', sql`${t.status} IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')`),
    check('appointments_payment_ck', sql`${t.paymentStatus} IN ('unpaid', 'paid', 'refunded')`),
    check('appointments_interval_ck', sql`${t.endMs} > ${t.startMs} AND ${t.occupiedUntilMs} >= ${t.endMs}`),
    check('appointments_money_ck', sql`${t.price} >= 0 AND ${t.refundAmount} >= 0 AND ${t.refundAmount} <= ${t.price}`),
  ],
);
