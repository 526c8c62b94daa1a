/**
 * Car rentals (SPEC §3.4): a car reserved for a guest (or a stay's guest) for hotel-local dates
 * [from, to), handed out, returned, or cancelled: `reserved → out → returned`, `reserved → cancelled`.
 *
 * - No two reserved or handed-out rentals of one car overlap: the check and the insert are one
 *   synchronous IMMEDIATE transaction (`commit()`), so of 16 clients reserving the same days at
 *   once exactly one wins (tests/integration/car-rental-race.test.ts shows a split check and
 *   write lets several win).
 * - A rental is handed out only within its days: from 00:00 of its first day (hotel-local) until its
 *   due-back day begins, like a stay's check-in window (docs/stays-rules.md); never while the car is
 *   damaged or out on another rental. Handing out marks the car rented and records the mileage out.
 * - A hand-out or a return can be undone (rental-undo.ts), as a stay's status change can.
 * - The return's mileage is never below the mileage out (nor the car's); damage with a note marks
 *   the car damaged until it is repaired.
 * - Price = days × the car's daily rate when reserved.
 * Each change publishes its live events and its event-broker message in the same transaction.
 */
import type { z } from 'zod';
import { getStayRecord } from '../../db/queries/stay-queries';
import { lockRecord } from '../../db/queries/record-locks';
import {
  findRentalOverlap,
  getRental,
  insertRental,
  listRentals,
  markRentalOut,
  markRentalReturned,
  rentalTimeline,
  setRentalStatus,
  updateCar,
} from '../../db/queries/car-queries';
import { type Car } from '../../shared/contract/cars';
import { MAX_RENTAL_DAYS, type Rental, type RentalHandOutSchema, type RentalListQuery, type RentalReserveSchema, type RentalReturnSchema, type RentalTimeline } from '../../shared/contract/rentals';
import { AppError } from '../../shared/errors';
import { addDays, formatInstant, localDate, nightsBetween } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { requireCar } from './cars-service';
import { toBroker } from './fleet-broker';
import { undoRentalChange } from './rental-undo';

export type RentalReserveInput = z.output<typeof RentalReserveSchema>;
export type RentalHandOutInput = z.output<typeof RentalHandOutSchema>;
export type RentalReturnInput = z.output<typeof RentalReturnSchema>;

export interface RentalsService {
  list(query: RentalListQuery): Promise<Rental[]>;
  get(id: number): Promise<Rental>;
  timeline(from: string, days: number): Promise<RentalTimeline>;
  reserve(input: RentalReserveInput, ctx: CallContext): Promise<Rental>;
  handOut(input: RentalHandOutInput): Promise<Rental>;
  giveBack(input: RentalReturnInput): Promise<Rental>;
  cancel(id: number): Promise<Rental>;
  /** Undoes the hand-out (out → reserved) or the return (returned → out, re-checked): staff today's, admins any. */
  undo(id: number, ctx: CallContext): Promise<Rental>;
}

const STAY_STATUSES_FOR_RENTAL = new Set(['booked', 'checked_in']);

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over its deps whose methods (reserve, hand out, return, cancel, undo) are each short
export function createRentalsService(core: CoreDeps, settings: SettingsService): RentalsService {
  const db = core.db;

  const requireRental = async (id: number): Promise<Rental> => {
    const rental = await getRental(db, id);
    if (!rental) throw new AppError('NOT_FOUND', `Rental ${id} not found`, { reason: 'rentals.notFound', params: { id } });
    return rental;
  };

  const requireStatus = (rental: Rental, status: Rental['status'], action: string) => {
    if (rental.status !== status) {
      throw new AppError('ILLEGAL_TRANSITION', `Rental ${rental.id} is ${rental.status} and cannot be ${action}`, {
        reason: 'rentals.illegalTransition', params: { id: rental.id, status: rental.status, action },
      });
    }
  };

  const saveCar = async (car: Car, changes: Partial<Car>, nowMs: number): Promise<Car> => {
    const { id, ...rest } = { ...car, ...changes };
    await updateCar(db, id, rest, nowMs);
    return await requireCar(core, id);
  };

  const mileageNotBelow = (mileage: number, floor: number) => {
    if (mileage < floor) {
      throw new AppError('CONFLICT', `Mileage ${mileage} km is below the car's ${floor} km: it never goes down`, {
        reason: 'cars.mileageDown', params: { mileage, current: floor },
      });
    }
  };

  /** A rental goes out on one of its own days: not before its first, not once it is due back. */
  const assertHandOutDay = (rental: Rental, today: string) => {
    if (today < rental.from) {
      throw new AppError('ILLEGAL_TRANSITION', `Rental ${rental.id} can be handed out from ${rental.from}, its first day`, {
        reason: 'rentals.handOutTooEarly', params: { id: rental.id, date: rental.from },
      });
    }
    if (today >= rental.to) {
      throw new AppError('ILLEGAL_TRANSITION', `Rental ${rental.id} was due back on ${rental.to}; it can no longer be handed out`, {
        reason: 'rentals.handOutAfterEnd', params: { id: rental.id, date: rental.to },
      });
    }
  };

  return {
    async list(query) {
      if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
        throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`);
      }
      return await listRentals(db, query);
    },
    get: requireRental,
    async timeline(from, days) {
      return await rentalTimeline(db, from, addDays(from, days), days, addDays(from, -MAX_RENTAL_DAYS));
    },
    async reserve(input, ctx) {
      const days = nightsBetween(input.from, input.to);
      if (days < 1) throw new AppError('VALIDATION', `to (${input.to}) must be after from (${input.from})`, { reason: 'rentals.emptyPeriod' });
      if (days > MAX_RENTAL_DAYS) {
        throw new AppError('VALIDATION', `A rental lasts at most ${MAX_RENTAL_DAYS} days, not ${days}`, { reason: 'rentals.tooLong', params: { max: MAX_RENTAL_DAYS, days } });
      }
      return await commit(core, async (c) => {
        const zone = settings.get().timeZone;
        const today = localDate(c.nowMs, zone);
        if (input.from < today) {
          throw new AppError('VALIDATION', `from (${input.from}) is before today (${today})`, { reason: 'rentals.inThePast', params: { from: input.from, today } });
        }
        const car = await requireCar(core, input.carId);
        let guestName = input.guestName;
        if (input.stayId !== undefined) {
          const stay = await getStayRecord(db, input.stayId);
          if (!stay) throw new AppError('NOT_FOUND', `Stay ${input.stayId} not found`, { reason: 'rentals.stayNotFound', params: { id: input.stayId } });
          if (!STAY_STATUSES_FOR_RENTAL.has(stay.status)) {
            throw new AppError('ILLEGAL_TRANSITION', `Stay ${stay.id} is ${stay.status}: a car can be rented only for a booked or in-house stay`, {
              reason: 'rentals.stayNotActive', params: { id: stay.id, status: stay.status },
            });
          }
          guestName ??= stay.guestName;
        }
        if (guestName === undefined) throw new AppError('VALIDATION', 'guestName or stayId is required', { reason: 'rentals.guestRequired' });
        // PostgreSQL: reservations of one car take turns from here to COMMIT, so this check sees the
        // last one's row (racers would otherwise meet in the exclusion constraint and deadlock there).
        await lockRecord(db, 'car', car.id);
        const taken = await findRentalOverlap(db, car.id, input.from, input.to);
        if (taken) {
          throw new AppError('CONFLICT', `Car ${car.id} is already reserved from ${taken.from} to ${taken.to}`, {
            reason: 'rentals.overlap', params: { id: car.id, from: taken.from, to: taken.to },
          });
        }
        const id = await insertRental(
          db,
          {
            carId: car.id, guestName, stayId: input.stayId ?? null, from: input.from, to: input.to, days, dailyRate: car.dailyRate,
            price: days * car.dailyRate, notes: input.notes, createdBy: ctx.actor.username, createdAt: formatInstant(c.nowMs, zone), createdMs: c.nowMs,
          },
          c.nowMs,
        );
        const rental = await requireRental(id);
        c.publish({ type: 'rental.changed', action: 'reserved', rental });
        await toBroker(c, settings, 'car.reserved', car, { rental });
        return rental;
      });
    },
    async handOut({ id, mileage }) {
      return await commit(core, async (c) => {
        const rental = await requireRental(id);
        requireStatus(rental, 'reserved', 'handed out');
        assertHandOutDay(rental, localDate(c.nowMs, settings.get().timeZone));
        const car = await requireCar(core, rental.carId);
        if (car.hasDamage) {
          throw new AppError('CONFLICT', `Car ${car.id} is damaged${car.damageNote ? ` (${car.damageNote})` : ''} and cannot be handed out until it is repaired`, {
            reason: 'rentals.carDamaged', params: { id: car.id, note: car.damageNote ?? '' },
          });
        }
        if (car.isRented) {
          throw new AppError('CONFLICT', `Car ${car.id} is already out on another rental`, { reason: 'rentals.carOut', params: { id: car.id } });
        }
        const mileageOut = mileage ?? car.mileage;
        mileageNotBelow(mileageOut, car.mileage);
        const rented = await saveCar(car, { mileage: mileageOut, isRented: true }, c.nowMs);
        await markRentalOut(db, id, mileageOut, formatInstant(c.nowMs, settings.get().timeZone), c.nowMs);
        const out = await requireRental(id);
        c.publish({ type: 'rental.changed', action: 'handed_out', rental: out });
        c.publish({ type: 'car.changed', action: 'rented', car: rented });
        await toBroker(c, settings, 'car.rented', rented, { rental: out });
        return out;
      });
    },
    async giveBack({ id, mileage, damage, damageNote }) {
      const note = damageNote?.trim() ?? '';
      if (damage && note === '') throw new AppError('VALIDATION', 'damageNote: say what is damaged', { reason: 'rentals.damageNoteRequired' });
      return await commit(core, async (c) => {
        const rental = await requireRental(id);
        requireStatus(rental, 'out', 'returned');
        const car = await requireCar(core, rental.carId);
        mileageNotBelow(mileage, Math.max(rental.mileageOut ?? 0, car.mileage));
        const back = await saveCar(car, damage ? { mileage, isRented: false, hasDamage: true, damageNote: note } : { mileage, isRented: false }, c.nowMs);
        await markRentalReturned(db, id, mileage, damage ? note : null, formatInstant(c.nowMs, settings.get().timeZone), c.nowMs);
        const returned = await requireRental(id);
        c.publish({ type: 'rental.changed', action: 'returned', rental: returned });
        c.publish({ type: 'car.changed', action: damage ? 'damaged' : 'returned', car: back });
        await toBroker(c, settings, 'car.returned', back, { rental: returned });
        if (damage) await toBroker(c, settings, 'car.damaged', back, { rental: returned, note });
        return returned;
      });
    },
    async cancel(id) {
      return await commit(core, async (c) => {
        const rental = await requireRental(id);
        requireStatus(rental, 'reserved', 'cancelled');
        await setRentalStatus(db, id, 'cancelled', c.nowMs);
        const cancelled = await requireRental(id);
        c.publish({ type: 'rental.changed', action: 'cancelled', rental: cancelled });
        await toBroker(c, settings, 'car.reservation_cancelled', await requireCar(core, rental.carId), { rental: cancelled });
        return cancelled;
      });
    },
    undo: async (id, ctx) => await undoRentalChange(core, settings, id, ctx),
  };
}
