/**
 * Guest rooms, their stays and room blocks (SPEC §3.1, seed 000): the tables the board, the desk and
 * the availability check read. A stay and a block both occupy their room for `[start, end)`.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { HOUSEKEEPING_STATES } from '../../shared/contract/rooms';
import { BLOCK_KINDS, STAY_STATUSES } from '../../shared/rules/stay-rules';
import { users } from './users';

export const guestRooms = sqliteTable(
  'guest_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull(),
    category: text('category').notNull(),
    capacity: integer('capacity').notNull(),
    nightlyRate: integer('nightly_rate').notNull(),
    floor: integer('floor').notNull(),
    housekeeping: text('housekeeping', { enum: HOUSEKEEPING_STATES }).notNull().default('clean'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('guest_rooms_number_uq').on(t.number),
    check('guest_rooms_capacity_ck', sql`${t.capacity} >= 1`),
    check('guest_rooms_rate_ck', sql`${t.nightlyRate} >= 0`),
  ],
);

export const stays = sqliteTable(
  'stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => guestRooms.id),
    /** The room's category when booked (seed 000's `category`). */
    category: text('category').notNull(),
    guestName: text('guest_name').notNull(),
    guestEmail: text('guest_email'),
    guestPhone: text('guest_phone'),
    guests: integer('guests').notNull().default(1),
    checkin: text('checkin').notNull(),
    checkout: text('checkout').notNull(),
    checkinMs: integer('checkin_ms').notNull(),
    checkoutMs: integer('checkout_ms').notNull(),
    nights: integer('nights').notNull(),
    status: text('status', { enum: STAY_STATUSES }).notNull().default('booked'),
    price: integer('price').notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    /** The user the booking belongs to: a `client` sees and changes only the stays it owns. */
    ownerId: integer('owner_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    /**
     * The availability check's covering index: only stays that hold the room, ordered by start, with
     * the end beside it, so `room_id = ? AND checkin_ms BETWEEN ? AND ? AND checkout_ms > ?` never
     * touches the table. Its WHERE must match OCCUPYING_STATUSES (shared/rules/stay-rules.ts) and the
     * queries in db/queries/stay-queries.ts word for word, or SQLite will not use it. `status` is a
     * column too: SQLite counts a partial index as covering only if every column the query names
     * (the IN-list's `status` included) is in the index.
     */
    index('stays_occupancy_idx')
      .on(t.roomId, t.checkinMs, t.checkoutMs, t.status)
      .where(sql`status IN ('booked', 'checked_in', 'checked_out')`),
    /**
     * The rooms report's covering index (docs/reports.md): the sold stays in arrival order with every
     * column its query reads, so a year of ~75 000 stays is read from the index alone and grouped in
     * its order (`GROUP BY checkin_ms, checkout_ms, category, nights`, no sort). Its WHERE must match
     * db/queries/report-queries.ts word for word; `status` is a column for the reason above.
     */
    index('stays_report_idx')
      .on(t.checkinMs, t.checkoutMs, t.category, t.nights, t.price, t.createdAt, t.status)
      .where(sql`status IN ('booked', 'checked_in', 'checked_out')`),
    /** The rooms report's cancellations and no-shows by arrival, counted from the index alone. */
    index('stays_lost_idx').on(t.checkinMs, t.status).where(sql`status IN ('cancelled', 'no_show')`),
    /** The board and the date filters: stays starting in a window, their end read from the index. */
    index('stays_checkin_idx').on(t.checkinMs, t.checkoutMs),
    index('stays_room_idx').on(t.roomId, t.checkinMs),
    index('stays_guest_idx').on(t.guestName),
    index('stays_owner_idx').on(t.ownerId),
    check('stays_interval_ck', sql`${t.checkoutMs} > ${t.checkinMs}`),
    check('stays_guests_ck', sql`${t.guests} >= 1`),
    check('stays_price_ck', sql`${t.price} >= 0`),
  ],
);

export const roomBlocks = sqliteTable(
  'room_blocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => guestRooms.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    startsMs: integer('starts_ms').notNull(),
    endsMs: integer('ends_ms').notNull(),
    reason: text('reason').notNull(),
    /** `blocked` (held back, maintenance) or `out_of_order`: either way not sold for the period. */
    kind: text('kind', { enum: BLOCK_KINDS }).notNull().default('blocked'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('room_blocks_room_idx').on(t.roomId, t.startsMs, t.endsMs),
    check('room_blocks_interval_ck', sql`${t.endsMs} > ${t.startsMs}`),
  ],
);
