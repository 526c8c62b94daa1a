/**
 * Parking spaces and their bookings (the rehearsal of docs/adding-a-domain.md). Booking days are
 * hotel-local dates `YYYY-MM-DD`, half-open [from, to): the text compares as the dates do. On
 * PostgreSQL an exclusion constraint (its migration's hand-written block) refuses two booked
 * bookings of one space that overlap.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PARKING_BOOKING_STATUSES } from '../../shared/contract/parking';

export const parkingSpaces = sqliteTable(
  'parking_spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    label: text('label').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('parking_spaces_label_uq').on(sql`lower(${t.label})`)],
);

export const parkingBookings = sqliteTable(
  'parking_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id').notNull().references(() => parkingSpaces.id),
    plate: text('plate').notNull(),
    guestName: text('guest_name').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    status: text('status', { enum: PARKING_BOOKING_STATUSES }).notNull().default('booked'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    /** The overlap check's index: only bookings that hold the space. Matches the query's WHERE word for word. */
    index('parking_bookings_holding_idx').on(t.spaceId, t.fromDate, t.toDate).where(sql`status = 'booked'`),
    check('parking_bookings_interval_ck', sql`${t.toDate} > ${t.fromDate}`),
    check('parking_bookings_status_ck', sql`${t.status} IN ('booked', 'cancelled')`),
  ],
);
