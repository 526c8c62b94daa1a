/**
 * Undo for a rental's hand-out and return, as the stays have it (docs/stays-rules.md "Undo"):
 * `out → reserved` and `returned → out`, in the same IMMEDIATE transaction as the checks, audited
 * by the dispatcher like every command. Staff may undo a change made today (hotel-local date), an
 * admin any change (403 `rentals.undoAdminOnly` otherwise).
 *
 * - **Undo a hand-out**: the rental is reserved again (no mileage out) and the car is no longer out.
 *   Its days stay held, so nothing else needs re-checking.
 * - **Undo a return**: re-checked, since the days were free meanwhile: refused while the car is out
 *   on another rental (`rentals.carOut`) or another rental now holds the days (`rentals.overlap`).
 *   Damage the return reported is taken back off the car unless it has been repaired or re-reported
 *   since. The car's mileage stays as it is: the odometer never goes down (the trigger
 *   `cars_mileage_never_down`), so a wrong reading is corrected upwards by the next return.
 */
import { findRentalOverlap, getRental, unmarkRentalOut, unmarkRentalReturned, updateCar } from '../../db/queries/car-queries';
import type { Car } from '../../shared/contract/cars';
import type { Rental } from '../../shared/contract/rentals';
import { AppError } from '../../shared/errors';
import { localDate } from '../../shared/time';
import { commit, type Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { requireCar } from './cars-service';
import { toBroker } from './fleet-broker';

export async function undoRentalChange(core: CoreDeps, settings: SettingsService, id: number, ctx: CallContext): Promise<Rental> {
  const db = core.db;
  return await commit(core, async (c) => {
    const rental = await getRental(db, id);
    if (!rental) throw new AppError('NOT_FOUND', `Rental ${id} not found`, { reason: 'rentals.notFound', params: { id } });
    const at = rental.status === 'out' ? rental.handedOutAt : rental.status === 'returned' ? rental.returnedAt : null;
    if (at === null) {
      throw new AppError('ILLEGAL_TRANSITION', `Rental ${id} is ${rental.status}: there is no hand-out or return to undo`, {
        reason: 'rentals.nothingToUndo', params: { id, status: rental.status },
      });
    }
    const zone = settings.get().timeZone;
    const day = at.slice(0, 10);
    if (ctx.actor.role !== 'admin' && day !== localDate(c.nowMs, zone)) {
      throw new AppError('FORBIDDEN', `Only an admin can undo a change made before today (rental ${id} changed on ${day})`, {
        reason: 'rentals.undoAdminOnly', params: { id, date: day },
      });
    }
    const car = await requireCar(core, rental.carId);
    const saved = rental.status === 'out' ? await undoHandOut(c, rental, car) : await undoReturn(c, rental, car);
    const undone = (await getRental(db, id))!;
    c.publish({ type: 'rental.changed', action: 'undone', rental: undone });
    c.publish({ type: 'car.changed', action: 'updated', car: saved });
    await toBroker(c, settings, 'car.updated', saved, { rental: undone });
    return undone;
  });

  async function save(car: Car, changes: Partial<Car>, nowMs: number): Promise<Car> {
    const { id: carId, ...rest } = { ...car, ...changes };
    await updateCar(db, carId, rest, nowMs);
    return await requireCar(core, carId);
  }

  async function undoHandOut(c: Commit, rental: Rental, car: Car): Promise<Car> {
    await unmarkRentalOut(db, rental.id, c.nowMs);
    return await save(car, { isRented: false }, c.nowMs);
  }

  async function undoReturn(c: Commit, rental: Rental, car: Car): Promise<Car> {
    if (car.isRented) throw new AppError('CONFLICT', `Car ${car.id} is already out on another rental`, { reason: 'rentals.carOut', params: { id: car.id } });
    const taken = await findRentalOverlap(db, car.id, rental.from, rental.to);
    if (taken) {
      throw new AppError('CONFLICT', `Car ${car.id} is already reserved from ${taken.from} to ${taken.to}`, {
        reason: 'rentals.overlap', params: { id: car.id, from: taken.from, to: taken.to },
      });
    }
    await unmarkRentalReturned(db, rental.id, c.nowMs);
    const reportedHere = rental.damageNote !== null && car.hasDamage && car.damageNote === rental.damageNote;
    return await save(car, reportedHere ? { isRented: true, hasDamage: false, damageNote: null } : { isRented: true }, c.nowMs);
  }
}
