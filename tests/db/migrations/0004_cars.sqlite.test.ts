/** 0004: the cars and their rentals, with the checks a row must pass whoever writes it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0004_cars');
});
afterEach(() => step.dispose());

const addCar = (db: MigrationStep['before'], mileage: number, plate: string | null = null) =>
  Number(
    db
      .prepare(`INSERT INTO cars (brand, model, fuel_type, mileage, plate, created_by, created_at, updated_at) VALUES ('Toyota', 'Corolla', 'Petrol', ?, ?, 'desk', 1, 1)`)
      .run(mileage, plate).lastInsertRowid,
  );
const addRental = (db: MigrationStep['before'], carId: number, from: string, to: string, extra = '') =>
  db
    .prepare(
      `INSERT INTO car_rentals (car_id, guest_name, from_date, to_date, days, daily_rate, price, created_by, created_at, created_ms, updated_ms${extra ? ', status, mileage_out, mileage_in' : ''})
       VALUES (?, 'Mette', ?, ?, 1, 100, 100, 'desk', '2026-05-01T10:00:00+02:00', 1, 1${extra})`,
    )
    .run(carId, from, to);

describe('migration 0004_cars', () => {
  it('keeps what was there and adds the fleet tables', () => {
    step.before.prepare(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Hotel Nordlys"')`).run();
    const db = step.migrate();
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'hotelName'`).get()).toEqual({ value: '"Hotel Nordlys"' });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('cars', 'car_rentals') ORDER BY name`).all()).toEqual([
      { name: 'car_rentals' },
      { name: 'cars' },
    ]);
  });

  it('refuses a negative mileage, a lower mileage, and a plate twice among the cars in the fleet', () => {
    const db = step.migrate();
    expect(() => addCar(db, -1)).toThrow(/CHECK constraint failed: cars_mileage_ck/);
    const id = addCar(db, 12000, 'AB 12 345');
    expect(() => db.prepare('UPDATE cars SET mileage = 11999 WHERE id = ?').run(id)).toThrow('cars.mileage never goes down');
    expect(db.prepare('UPDATE cars SET mileage = 12001 WHERE id = ?').run(id).changes).toBe(1);
    expect(() => addCar(db, 1, 'ab 12 345')).toThrow(/UNIQUE constraint failed/);
    db.prepare('UPDATE cars SET deleted_at = 1 WHERE id = ?').run(id);
    expect(() => addCar(db, 1, 'ab 12 345')).not.toThrow();
  });

  it('refuses an empty rental period, a return below the mileage out, and an unknown status', () => {
    const db = step.migrate();
    const car = addCar(db, 100);
    expect(() => addRental(db, car, '2026-06-02', '2026-06-02')).toThrow(/car_rentals_interval_ck/);
    expect(() => addRental(db, car, '2026-06-01', '2026-06-02', `, 'returned', 500, 499`)).toThrow(/car_rentals_mileage_ck/);
    expect(() => addRental(db, car, '2026-06-01', '2026-06-02', `, 'lost', 500, 600`)).toThrow(/CHECK constraint failed/);
    expect(() => addRental(db, car, '2026-06-01', '2026-06-02', `, 'returned', 500, 600`)).not.toThrow();
    expect(() => addRental(db, 999, '2026-06-01', '2026-06-02')).toThrow(/FOREIGN KEY constraint failed/);
  });
});
