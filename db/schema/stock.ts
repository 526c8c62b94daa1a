/**
 * Stock (SPEC §3.3, seed 002): resources lent by quantity, their bookings and every movement of
 * their quantities. The database itself refuses an available quantity below 0 or above the total,
 * and a booking of less than one.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { STOCK_BOOKING_STATUSES, STOCK_MOVEMENT_KINDS } from '../../shared/contract/stock';
import { stays } from './stays';
import { users } from './users';


export const stockResources = sqliteTable(
  'stock_resources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    totalQuantity: integer('total_quantity').notNull(),
    availableQuantity: integer('available_quantity').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('stock_resources_name_uq').on(sql`lower(${t.name})`),
    check('stock_resources_total_ck', sql`${t.totalQuantity} >= 0`),
    check('stock_resources_available_ck', sql`${t.availableQuantity} >= 0 AND ${t.availableQuantity} <= ${t.totalQuantity}`),
  ],
);

export const stockBookings = sqliteTable(
  'stock_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceId: integer('resource_id').notNull().references(() => stockResources.id),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: STOCK_BOOKING_STATUSES }).notNull().default('out'),
    guestName: text('guest_name'),
    stayId: integer('stay_id').references(() => stays.id),
    /** The LAN client that booked for itself (seed 002's user); null for the desk's bookings. */
    ownerId: integer('owner_id').references(() => users.id),
    createdBy: text('created_by').notNull(),
    /** ISO 8601 with the hotel's offset (seed 002's `booking_date`), and UTC ms. */
    bookedAt: text('booked_at').notNull(),
    bookedMs: integer('booked_ms').notNull(),
    returnBy: text('return_by'),
    returnByMs: integer('return_by_ms'),
    closedAt: text('closed_at'),
    closedMs: integer('closed_ms'),
    closedBy: text('closed_by'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    index('stock_bookings_resource_idx').on(t.resourceId, t.id),
    index('stock_bookings_owner_idx').on(t.ownerId),
    index('stock_bookings_stay_idx').on(t.stayId).where(sql`stay_id IS NOT NULL`),
    index('stock_bookings_due_idx').on(t.returnByMs).where(sql`status = 'out' AND return_by_ms IS NOT NULL`),
    check('stock_bookings_quantity_ck', sql`${t.quantity} >= 1`),
    check('stock_bookings_status_ck', sql`${t.status} IN ('out', 'returned', 'cancelled')`),
    check('stock_bookings_closed_ck', sql`(${t.status} = 'out') = (${t.closedMs} IS NULL)`),
  ],
);

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceId: integer('resource_id').notNull().references(() => stockResources.id),
    bookingId: integer('booking_id').references(() => stockBookings.id),
    kind: text('kind', { enum: STOCK_MOVEMENT_KINDS }).notNull(),
    availableChange: integer('available_change').notNull(),
    totalChange: integer('total_change').notNull(),
    availableAfter: integer('available_after').notNull(),
    totalAfter: integer('total_after').notNull(),
    at: text('at').notNull(),
    atMs: integer('at_ms').notNull(),
    actor: text('actor').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('stock_movements_resource_idx').on(t.resourceId, t.id)],
);
