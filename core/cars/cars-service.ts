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
  seedList(): Promise<SeedCar[]>;
  seedGet(id: number): Promise<SeedCar>;
  seedAdd(input: SeedCarAddInput, ctx: CallContext): Promise<{ message: string; car_id: number }>;
  /** Out of the fleet (its rentals' history kept); 409 while a rental holds it. */
  remove(id: number): Promise<{ message: string }>;
  list(query: CarListQuery): Promise<Car[]>;
  get(id: number): Promise<Car>;
  create(input: CarCreateInput, ctx: CallContext): Promise<Car>;
  update(input: CarUpdateInput): Promise<Car>;
  reportDamage(input: CarDamageInput): Promise<Car>;
  repair(id: number): Promise<Car>;
}

/** The car `id` in the fleet, or 404 "Car not found" (seed 004's words). */
export async function requireCar(core: Pick<CoreDeps, 'db'>, id: number): Promise<Car> {
  const car = await getCar(core.db, id);
  if (!car) throw new AppError('NOT_FOUND', CAR_NOT_FOUND, { reason: 'cars.notFound', params: { id } });
  return car;
}

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over its deps whose methods are each short
export function createCarsService(core: CoreDeps, settings: SettingsService): CarsService {
  const db = core.db;

  const plateFree = async (plate: string | null, id?: number) => {
    if (plate === null) return;
    const holder = await getCarByPlate(db, plate);
    if (holder && holder.id !== id) throw new AppError('CONFLICT', `Plate ${plate} is already on car ${holder.id}`, { reason: 'cars.plateTaken', params: { plate, id: holder.id } });
  };

  const add = async (write: CarWrite, ctx: CallContext): Promise<Car> =>
    await commit(core, async (c) => {
      await plateFree(write.plate);
      const id = await insertCar(db, write, ctx.actor.username, c.nowMs);
      const car = await requireCar(core, id);
      c.publish({ type: 'car.changed', action: 'added', car });
      await toBroker(c, settings, 'car.added', car);
      return car;
    });

  /** Writes the car `build` returns from the current one, inside one transaction; `after` adds events. */
  const change = async (id: number, build: (current: Car, c: Commit) => CarWrite | Promise<CarWrite>, after: (saved: Car, before: Car, c: Commit) => Promise<void>): Promise<Car> =>
    await commit(core, async (c) => {
      const before = await requireCar(core, id);
      const next = await build(before, c);
      await updateCar(db, id, next, c.nowMs);
      const saved = await requireCar(core, id);
      await after(saved, before, c);
      return saved;
    });

  const writeOf = (car: Car): CarWrite => {
    const { id: _id, ...rest } = car;
    return rest;
  };

  return {
    seedList: async () => await listSeedCars(db),
    seedGet: async (id) => toSeedCar(await requireCar(core, id)),
    async seedAdd(input, ctx) {
      const car = await add(
        {
          brand: input.brand, model: input.model, fuelType: input.fuel_type, mileage: input.mileage, isRented: input.is_rented,
          hasDamage: input.has_damage, damageNote: null, plate: input.plate ?? null, seats: input.seats ?? 5, dailyRate: input.daily_rate ?? 0,
          notes: input.notes ?? '',
        },
        ctx,
      );
      return { message: 'Car added successfully', car_id: car.id };
    },
    async remove(id) {
      return await commit(core, async (c) => {
        const car = await requireCar(core, id);
        const holding = await countHoldingRentals(db, id);
        if (holding > 0) {
          throw new AppError('CONFLICT', `Car ${id} has an active or future rental and cannot be deleted`, { reason: 'cars.hasRentals', params: { id, count: holding } });
        }
        await markCarDeleted(db, id, c.nowMs);
        c.publish({ type: 'car.changed', action: 'deleted', car });
        await toBroker(c, settings, 'car.deleted', car);
        return { message: 'Car deleted successfully' };
      });
    },
    list: async (query) => await listCars(db, query),
    get: async (id) => await requireCar(core, id),
    create: async (input, ctx) => await add({ ...input, isRented: false, hasDamage: false, damageNote: null }, ctx),
    async update({ id, ...patch }) {
      return await change(
        id,
        async (current) => {
          const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<CarWrite>;
          const next = { ...writeOf(current), ...given };
          if (next.mileage < current.mileage) {
            throw new AppError('CONFLICT', `Mileage ${next.mileage} km is below the car's ${current.mileage} km: it never goes down`, {
              reason: 'cars.mileageDown', params: { mileage: next.mileage, current: current.mileage },
            });
          }
          await plateFree(next.plate, id);
          return next;
        },
        async (saved, _before, c) => {
          c.publish({ type: 'car.changed', action: 'updated', car: saved });
          await toBroker(c, settings, 'car.updated', saved);
        },
      );
    },
    async reportDamage({ id, note }) {
      return await change(
        id,
        (current) => ({ ...writeOf(current), hasDamage: true, damageNote: note }),
        async (saved, _before, c) => {
          c.publish({ type: 'car.changed', action: 'damaged', car: saved });
          await toBroker(c, settings, 'car.damaged', saved, { note });
        },
      );
    },
    async repair(id) {
      return await change(
        id,
        (current) => {
          if (!current.hasDamage) throw new AppError('ILLEGAL_TRANSITION', `Car ${id} has no damage to repair`, { reason: 'cars.notDamaged', params: { id } });
          return { ...writeOf(current), hasDamage: false, damageNote: null };
        },
        async (saved, before, c) => {
          c.publish({ type: 'car.changed', action: 'repaired', car: saved });
          await toBroker(c, settings, 'car.repaired', saved, before.damageNote ? { note: before.damageNote } : {});
        },
      );
    },
  };
}
