/**
 * Cars and their rentals (SPEC §3.4, seed 004). A car taken out of the fleet keeps its row
 * (`deleted_at`), so its rentals' history stays whole; its plate is then free again. Rental days are
 * hotel-local dates `YYYY-MM-DD`, half-open [from, to): the text compares as the dates do.
 * The hand-written block of the migration adds a trigger: a car's mileage never goes down.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RENTAL_STATUSES } from '../../shared/contract/rentals';
import { stays } from './stays';

export const cars = sqliteTable(
  'cars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brand: text('brand').notNull(),
    model: text('model').notNull(),
    fuelType: text('fuel_type').notNull(),
    mileage: integer('mileage').notNull(),
    isRented: integer('is_rented', { mode: 'boolean' }).notNull().default(false),
    hasDamage: integer('has_damage', { mode: 'boolean' }).notNull().default(false),
    damageNote: text('damage_note'),
    plate: text('plate'),
    seats: integer('seats').notNull().default(5),
    dailyRate: integer('daily_rate').notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    uniqueIndex('cars_plate_uq').on(sql`lower(${t.plate})`).where(sql`plate IS NOT NULL AND deleted_at IS NULL`),
    index('cars_brand_idx').on(t.brand, t.model),
    check('cars_mileage_ck', sql`${t.mileage} >= 0`),
    check('cars_seats_ck', sql`${t.seats} BETWEEN 1 AND 60`),
    check('cars_rate_ck', sql`${t.dailyRate} >= 0`),
    check('cars_damage_ck', sql`${t.hasDamage} IN (0, 1) AND ${t.isRented} IN (0, 1)`),
  ],
);

export const carRentals = sqliteTable(
  'car_rentals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    carId: integer('car_id').notNull().references(() => cars.id),
    guestName: text('guest_name').notNull(),
    stayId: integer('stay_id').references(() => stays.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    days: integer('days').notNull(),
    dailyRate: integer('daily_rate').notNull(),
    price: integer('price').notNull(),
    status: text('status', { enum: RENTAL_STATUSES }).notNull().default('reserved'),
    mileageOut: integer('mileage_out'),
    mileageIn: integer('mileage_in'),
    damageNote: text('damage_note'),
    notes: text('notes').notNull().default(''),
    handedOutAt: text('handed_out_at'),
    returnedAt: text('returned_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    createdMs: integer('created_ms').notNull(),
    updatedMs: integer('updated_ms').notNull(),
  },
  (t) => [
    /** The overlap check's index: only rentals that hold the car's days. Matches the queries' WHERE word for word. */
    index('car_rentals_holding_idx').on(t.carId, t.fromDate, t.toDate).where(sql`status IN ('reserved', 'out')`),
    index('car_rentals_dates_idx').on(t.fromDate, t.toDate),
    index('car_rentals_car_idx').on(t.carId, t.fromDate),
    index('car_rentals_stay_idx').on(t.stayId),
    check('car_rentals_interval_ck', sql`${t.toDate} > ${t.fromDate}`),
    check('car_rentals_days_ck', sql`${t.days} >= 1`),
    check('car_rentals_price_ck', sql`${t.price} >= 0 AND ${t.dailyRate} >= 0`),
    check('car_rentals_status_ck', sql`${t.status} IN ('reserved', 'out', 'returned', 'cancelled')`),
    check('car_rentals_mileage_ck', sql`${t.mileageIn} IS NULL OR (${t.mileageOut} IS NOT NULL AND ${t.mileageIn} >= ${t.mileageOut})`),
    check('car_rentals_out_ck', sql`${t.status} NOT IN ('out', 'returned') OR ${t.mileageOut} IS NOT NULL`),
  ],
);
