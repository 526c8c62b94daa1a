/**
 * The desk's rules for stays (issue 10): every status change of a stay, with what it changed, so it
 * can be undone. A check-out before the booked departure and a no-show end the stay at that moment
 * (the remaining nights are free); the row keeps the booked end and price, which an undo restores.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { STAY_STATUSES } from '../../shared/rules/stay-rules';
import { stays } from './stays';

export const stayStatusChanges = sqliteTable(
  'stay_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stayId: integer('stay_id').notNull().references(() => stays.id),
    fromStatus: text('from_status', { enum: STAY_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: STAY_STATUSES }).notNull(),
    atMs: integer('at_ms').notNull(),
    actor: text('actor').notNull(),
    /** The stay's period, nights and price before the change (what an undo puts back). */
    prevCheckin: text('prev_checkin').notNull(),
    prevCheckinMs: integer('prev_checkin_ms').notNull(),
    prevCheckout: text('prev_checkout').notNull(),
    prevCheckoutMs: integer('prev_checkout_ms').notNull(),
    prevNights: integer('prev_nights').notNull(),
    prevPrice: integer('prev_price').notNull(),
    /** Set when the change was undone; an undone change is never undone twice. */
    undoneAtMs: integer('undone_at_ms'),
  },
  (t) => [
    index('stay_status_changes_stay_idx').on(t.stayId, t.id),
    check('stay_status_changes_price_ck', sql`${t.prevPrice} >= 0`),
  ],
);
