/** The Cars screen's pure parts: the inventory filter and the form's text → the contract's input. */
import { describe, expect, it } from 'vitest';
import type { Car } from '../../../shared/contract/cars';
import { CarCreateSchema } from '../../../shared/contract/cars';
import { carInput } from '../../../renderer/src/cars/car-fields';
import { filterCars } from '../../../renderer/src/cars/cars-store';

const car = (id: number, over: Partial<Car>): Car => ({
  id, brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 1, isRented: false, hasDamage: false, damageNote: null, plate: null, seats: 5,
  dailyRate: 0, notes: '', ...over,
});

const FLEET = [
  car(1, { plate: 'AB 12 345' }),
  car(2, { brand: 'Volkswagen', model: 'ID.3', fuelType: 'Electric', isRented: true }),
  car(3, { brand: 'Skoda', model: 'Octavia', fuelType: 'Diesel', hasDamage: true, notes: 'Tow bar' }),
];
const ids = (f: Partial<Parameters<typeof filterCars>[1]>) => filterCars(FLEET, { fuel: '', state: '', q: '', ...f }).map((c) => c.id);

describe('filterCars', () => {
  it('by fuel (any case), by state, by a search in brand, model, plate and notes', () => {
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ fuel: 'electric' })).toEqual([2]);
    expect(ids({ state: 'available' })).toEqual([1]);
    expect(ids({ state: 'rented' })).toEqual([2]);
    expect(ids({ state: 'damaged' })).toEqual([3]);
    expect(ids({ q: 'ab 12' })).toEqual([1]);
    expect(ids({ q: 'toyota cor' })).toEqual([1]);
    expect(ids({ q: 'tow' })).toEqual([3]);
    expect(ids({ q: 'tow', state: 'available' })).toEqual([]);
  });
});

describe('carInput', () => {
  const money = (text: string) => (/^\d+$/.test(text) ? Number(text) * 100 : null);
  const values = { brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: '12000', plate: '', seats: '5', dailyRate: '595', notes: '' };

  it('parses numbers and money; an empty plate is none; the contract accepts it', () => {
    const input = carInput(values, money);
    expect(input).toEqual({ brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12000, plate: null, seats: 5, dailyRate: 59500, notes: '' });
    expect(CarCreateSchema.safeParse(input).success).toBe(true);
  });

  it('text that is no number stays NaN (a bad value), an empty mileage stays undefined (required)', () => {
    expect(CarCreateSchema.safeParse(carInput({ ...values, mileage: '12 km' }, money)).success).toBe(false);
    expect(carInput({ ...values, mileage: '' }, money).mileage).toBeUndefined();
    expect(Number.isNaN(carInput({ ...values, dailyRate: 'lots' }, money).dailyRate)).toBe(true);
  });
});
