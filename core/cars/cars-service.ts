/**
 * The hotel's cars (SPEC §3.4, seed 004): added, listed, changed, reported damaged, repaired and
 * taken out of the fleet. Every write goes through `commit()`: the car, its live event and its
 * event-broker message in one transaction. Plates are unique among the cars in the fleet (any case);
 * the mileage never goes down (also a trigger in the database).
 */
import type { z } from 'zod';
import {
  countHoldingRentals,
  getCar,
  getCarByPlate,
  insertCar,
  listCars,
  listSeedCars,
  markCarDeleted,
  toSeedCar,
  updateCar,
  type CarWrite,
} from '../../db/queries/car-queries';
import type { CarCreateSchema, CarDamageSchema, CarListQuery, CarUpdateSchema, Car, SeedCar, SeedCarAddSchema } from '../../shared/contract/cars';
import { AppError } from '../../shared/errors';
import { commit, type Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { toBroker } from './fleet-broker';

export type SeedCarAddInput = z.output<typeof SeedCarAddSchema>;
export type CarCreateInput = z.output<typeof CarCreateSchema>;
export type CarUpdateInput = z.output<typeof CarUpdateSchema>;
export type CarDamageInput = z.output<typeof CarDamageSchema>;

export const CAR_NOT_FOUND = 'Car not found';

export interface CarsService {
  seedList(): SeedCar[];
  seedGet(id: number): SeedCar;
  seedAdd(input: SeedCarAddInput, ctx: CallContext): { message: string; car_id: number };
  /** Out of the fleet (its rentals' history kept); 409 while a rental holds it. */
  remove(id: number): { message: string };
  list(query: CarListQuery): Car[];
  get(id: number): Car;
  create(input: CarCreateInput, ctx: CallContext): Car;
  update(input: CarUpdateInput): Car;
  reportDamage(input: CarDamageInput): Car;
  repair(id: number): Car;
}

/** The car `id` in the fleet, or 404 "Car not found" (seed 004's words). */
export function requireCar(core: Pick<CoreDeps, 'sqlite'>, id: number): Car {
  const car = getCar(core.sqlite, id);
  if (!car) throw new AppError('NOT_FOUND', CAR_NOT_FOUND, { reason: 'cars.notFound', params: { id } });
  return car;
}

export function createCarsService(core: CoreDeps, settings: SettingsService): CarsService {
  const db = core.sqlite;

  const plateFree = (plate: string | null, id?: number) => {
    if (plate === null) return;
    const holder = getCarByPlate(db, plate);
    if (holder && holder.id !== id) throw new AppError('CONFLICT', `Plate ${plate} is already on car ${holder.id}`, { reason: 'cars.plateTaken', params: { plate, id: holder.id } });
  };

  const add = (write: CarWrite, ctx: CallContext): Car =>
    commit(core, (c) => {
      plateFree(write.plate);
      const id = insertCar(db, write, ctx.actor.username, c.nowMs);
      const car = requireCar(core, id);
      c.publish({ type: 'car.changed', action: 'added', car });
      toBroker(c, settings, 'car.added', car);
      return car;
    });

  /** Writes the car `build` returns from the current one, inside one transaction; `after` adds events. */
  const change = (id: number, build: (current: Car, c: Commit) => CarWrite, after: (saved: Car, before: Car, c: Commit) => void): Car =>
    commit(core, (c) => {
      const before = requireCar(core, id);
      const next = build(before, c);
      updateCar(db, id, next, c.nowMs);
      const saved = requireCar(core, id);
      after(saved, before, c);
      return saved;
    });

  const writeOf = (car: Car): CarWrite => {
    const { id: _id, ...rest } = car;
    return rest;
  };

  return {
    seedList: () => listSeedCars(db),
    seedGet: (id) => toSeedCar(requireCar(core, id)),
    seedAdd(input, ctx) {
      const car = add(
        {
          brand: input.brand, model: input.model, fuelType: input.fuel_type, mileage: input.mileage, isRented: input.is_rented,
          hasDamage: input.has_damage, damageNote: null, plate: input.plate ?? null, seats: input.seats ?? 5, dailyRate: input.daily_rate ?? 0,
          notes: input.notes ?? '',
        },
        ctx,
      );
      return { message: 'Car added successfully', car_id: car.id };
    },
    remove(id) {
      return commit(core, (c) => {
        const car = requireCar(core, id);
        const holding = countHoldingRentals(db, id);
        if (holding > 0) {
          throw new AppError('CONFLICT', `Car ${id} has an active or future rental and cannot be deleted`, { reason: 'cars.hasRentals', params: { id, count: holding } });
        }
        markCarDeleted(db, id, c.nowMs);
        c.publish({ type: 'car.changed', action: 'deleted', car });
        toBroker(c, settings, 'car.deleted', car);
        return { message: 'Car deleted successfully' };
      });
    },
    list: (query) => listCars(db, query),
    get: (id) => requireCar(core, id),
    create: (input, ctx) => add({ ...input, isRented: false, hasDamage: false, damageNote: null }, ctx),
    update({ id, ...patch }) {
      return change(
        id,
        (current) => {
          const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<CarWrite>;
          const next = { ...writeOf(current), ...given };
          if (next.mileage < current.mileage) {
            throw new AppError('CONFLICT', `Mileage ${next.mileage} km is below the car's ${current.mileage} km: it never goes down`, {
              reason: 'cars.mileageDown', params: { mileage: next.mileage, current: current.mileage },
            });
          }
          plateFree(next.plate, id);
          return next;
        },
        (saved, _before, c) => {
          c.publish({ type: 'car.changed', action: 'updated', car: saved });
          toBroker(c, settings, 'car.updated', saved);
        },
      );
    },
    reportDamage({ id, note }) {
      return change(
        id,
        (current) => ({ ...writeOf(current), hasDamage: true, damageNote: note }),
        (saved, _before, c) => {
          c.publish({ type: 'car.changed', action: 'damaged', car: saved });
          toBroker(c, settings, 'car.damaged', saved, { note });
        },
      );
    },
    repair(id) {
      return change(
        id,
        (current) => {
          if (!current.hasDamage) throw new AppError('ILLEGAL_TRANSITION', `Car ${id} has no damage to repair`, { reason: 'cars.notDamaged', params: { id } });
          return { ...writeOf(current), hasDamage: false, damageNote: null };
        },
        (saved, before, c) => {
          c.publish({ type: 'car.changed', action: 'repaired', car: saved });
          toBroker(c, settings, 'car.repaired', saved, before.damageNote ? { note: before.damageNote } : {});
        },
      );
    },
  };
}
