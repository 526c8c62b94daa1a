/**
 * Cars and their rentals. Column aliases give the API's shape straight from SQLite; booleans are
 * mapped. A deleted car (`deleted_at`) is invisible to every car query here; its rentals stay.
 * The holding predicate `status IN ('reserved', 'out')` is written exactly as in the partial index
 * `car_rentals_holding_idx`, or SQLite will not use it.
 */
import type { Car, CarListQuery, Rental, RentalStatus, RentalTimeline, SeedCar } from '../../shared/contract/cars';
import type { Sqlite } from '../open-database';
import { likePattern, prepared } from './prepared';

interface CarRow extends Omit<Car, 'isRented' | 'hasDamage'> {
  isRented: number;
  hasDamage: number;
}

export interface CarWrite {
  brand: string;
  model: string;
  fuelType: string;
  mileage: number;
  isRented: boolean;
  hasDamage: boolean;
  damageNote: string | null;
  plate: string | null;
  seats: number;
  dailyRate: number;
  notes: string;
}

const CAR_COLUMNS = `id, brand, model, fuel_type AS fuelType, mileage, is_rented AS isRented, has_damage AS hasDamage,
  damage_note AS damageNote, plate, seats, daily_rate AS dailyRate, notes`;

const toCar = (r: CarRow): Car => ({ ...r, isRented: r.isRented === 1, hasDamage: r.hasDamage === 1 });

export function toSeedCar(c: Car): SeedCar {
  return { car_id: c.id, brand: c.brand, model: c.model, fuel_type: c.fuelType, mileage: c.mileage, is_rented: c.isRented, has_damage: c.hasDamage };
}

/** "Toyota Corolla (AB 12 345)": how the desk names a car. */
export function carLabel(c: Pick<Car, 'brand' | 'model' | 'plate'>): string {
  return `${c.brand} ${c.model}${c.plate ? ` (${c.plate})` : ''}`;
}

export function getCar(db: Sqlite, id: number): Car | undefined {
  const row = prepared<CarRow>(db, `SELECT ${CAR_COLUMNS} FROM cars WHERE id = ? AND deleted_at IS NULL`).get(id);
  return row && toCar(row);
}

/** The car in the fleet holding `plate` (any case), if any. */
export function getCarByPlate(db: Sqlite, plate: string): Car | undefined {
  const row = prepared<CarRow>(db, `SELECT ${CAR_COLUMNS} FROM cars WHERE lower(plate) = lower(?) AND plate IS NOT NULL AND deleted_at IS NULL`).get(plate);
  return row && toCar(row);
}

/** Seed 004's list: every car in the fleet by id. */
export function listSeedCars(db: Sqlite): SeedCar[] {
  const rows = prepared<{ car_id: number; brand: string; model: string; fuel_type: string; mileage: number; is_rented: number; has_damage: number }>(
    db,
    'SELECT id AS car_id, brand, model, fuel_type, mileage, is_rented, has_damage FROM cars WHERE deleted_at IS NULL ORDER BY id',
  ).all();
  return rows.map((r) => ({ ...r, is_rented: r.is_rented === 1, has_damage: r.has_damage === 1 }));
}

/** The SQL conditions of a car filter (shared with the CSV export's wording). */
export function carFilterWhere(f: Pick<CarListQuery, 'fuel' | 'state' | 'q'>, where: string[], params: Record<string, string>): void {
  if (f.fuel !== undefined && f.fuel.trim() !== '') {
    where.push('lower(fuel_type) = lower(@fuel)');
    params.fuel = f.fuel.trim();
  }
  if (f.state === 'available') where.push('is_rented = 0 AND has_damage = 0');
  else if (f.state === 'rented') where.push('is_rented = 1');
  else if (f.state === 'damaged') where.push('has_damage = 1');
  if (f.q !== undefined && f.q.trim() !== '') {
    where.push(`(brand LIKE @q ESCAPE '\\' OR model LIKE @q ESCAPE '\\' OR plate LIKE @q ESCAPE '\\' OR notes LIKE @q ESCAPE '\\'
      OR (brand || ' ' || model) LIKE @q ESCAPE '\\')`);
    params.q = likePattern(f.q.trim());
  }
}

export function listCars(db: Sqlite, f: CarListQuery): Car[] {
  const where = ['deleted_at IS NULL'];
  const params: Record<string, string> = {};
  carFilterWhere(f, where, params);
  return prepared<CarRow>(db, `SELECT ${CAR_COLUMNS} FROM cars WHERE ${where.join(' AND ')} ORDER BY brand, model, id`).all(params).map(toCar);
}

export function insertCar(db: Sqlite, car: CarWrite, createdBy: string, nowMs: number): number {
  const r = prepared(
    db,
    `INSERT INTO cars (brand, model, fuel_type, mileage, is_rented, has_damage, damage_note, plate, seats, daily_rate, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    car.brand, car.model, car.fuelType, car.mileage, car.isRented ? 1 : 0, car.hasDamage ? 1 : 0, car.damageNote, car.plate, car.seats,
    car.dailyRate, car.notes, createdBy, nowMs, nowMs,
  );
  return Number(r.lastInsertRowid);
}

export function updateCar(db: Sqlite, id: number, car: CarWrite, nowMs: number): void {
  prepared(
    db,
    `UPDATE cars SET brand = ?, model = ?, fuel_type = ?, mileage = ?, is_rented = ?, has_damage = ?, damage_note = ?, plate = ?, seats = ?,
       daily_rate = ?, notes = ?, updated_at = ?
     WHERE id = ? AND deleted_at IS NULL`,
  ).run(
    car.brand, car.model, car.fuelType, car.mileage, car.isRented ? 1 : 0, car.hasDamage ? 1 : 0, car.damageNote, car.plate, car.seats,
    car.dailyRate, car.notes, nowMs, id,
  );
}

export function markCarDeleted(db: Sqlite, id: number, nowMs: number): void {
  prepared(db, 'UPDATE cars SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(nowMs, nowMs, id);
}

// ---- rentals ------------------------------------------------------------------------------------

export interface RentalRow {
  carId: number;
  guestName: string;
  stayId: number | null;
  from: string;
  to: string;
  days: number;
  dailyRate: number;
  price: number;
  notes: string;
  createdBy: string;
  createdAt: string;
  createdMs: number;
}

const RENTAL_COLUMNS = `r.id, r.car_id AS carId,
  c.brand || ' ' || c.model || CASE WHEN c.plate IS NULL THEN '' ELSE ' (' || c.plate || ')' END AS carLabel,
  r.guest_name AS guestName, r.stay_id AS stayId, r.from_date AS "from", r.to_date AS "to", r.days, r.daily_rate AS dailyRate, r.price,
  r.status, r.mileage_out AS mileageOut, r.mileage_in AS mileageIn, r.damage_note AS damageNote, r.notes,
  r.handed_out_at AS handedOutAt, r.returned_at AS returnedAt, r.created_at AS createdAt`;

export function getRental(db: Sqlite, id: number): Rental | undefined {
  return prepared<Rental>(db, `SELECT ${RENTAL_COLUMNS} FROM car_rentals r JOIN cars c ON c.id = r.car_id WHERE r.id = +?`).get(id);
}

export function insertRental(db: Sqlite, r: RentalRow, nowMs: number): number {
  const res = prepared(
    db,
    `INSERT INTO car_rentals (car_id, guest_name, stay_id, from_date, to_date, days, daily_rate, price, status, notes, created_by, created_at, created_ms, updated_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?)`,
  ).run(r.carId, r.guestName, r.stayId, r.from, r.to, r.days, r.dailyRate, r.price, r.notes, r.createdBy, r.createdAt, r.createdMs, nowMs);
  return Number(res.lastInsertRowid);
}

/** The first rental holding the car on any day of [from, to) (other than `exceptId`), if any. */
export function findRentalOverlap(db: Sqlite, carId: number, from: string, to: string): { id: number; from: string; to: string } | undefined {
  return prepared<{ id: number; from: string; to: string }>(
    db,
    `SELECT id, from_date AS "from", to_date AS "to" FROM car_rentals
     WHERE car_id = ? AND status IN ('reserved', 'out') AND from_date < ? AND to_date > ?
     ORDER BY from_date LIMIT 1`,
  ).get(carId, to, from);
}

/** How many rentals still hold the car (reserved or handed out): it cannot be deleted while any do. */
export function countHoldingRentals(db: Sqlite, carId: number): number {
  return prepared<{ n: number }>(db, `SELECT count(*) AS n FROM car_rentals WHERE car_id = ? AND status IN ('reserved', 'out')`).get(carId)!.n;
}

export function markRentalOut(db: Sqlite, id: number, mileageOut: number, at: string, nowMs: number): void {
  prepared(db, `UPDATE car_rentals SET status = 'out', mileage_out = ?, handed_out_at = ?, updated_ms = ? WHERE id = ?`).run(mileageOut, at, nowMs, id);
}

export function markRentalReturned(db: Sqlite, id: number, mileageIn: number, damageNote: string | null, at: string, nowMs: number): void {
  prepared(db, `UPDATE car_rentals SET status = 'returned', mileage_in = ?, damage_note = ?, returned_at = ?, updated_ms = ? WHERE id = ?`).run(
    mileageIn, damageNote, at, nowMs, id,
  );
}

/** Undoes a hand-out: reserved again, no mileage out, never handed out. */
export function unmarkRentalOut(db: Sqlite, id: number, nowMs: number): void {
  prepared(db, `UPDATE car_rentals SET status = 'reserved', mileage_out = NULL, handed_out_at = NULL, updated_ms = ? WHERE id = ?`).run(nowMs, id);
}

/** Undoes a return: out again, no mileage in, no damage noted, never returned. */
export function unmarkRentalReturned(db: Sqlite, id: number, nowMs: number): void {
  prepared(db, `UPDATE car_rentals SET status = 'out', mileage_in = NULL, damage_note = NULL, returned_at = NULL, updated_ms = ? WHERE id = ?`).run(nowMs, id);
}

export function setRentalStatus(db: Sqlite, id: number, status: RentalStatus, nowMs: number): void {
  prepared(db, 'UPDATE car_rentals SET status = ?, updated_ms = ? WHERE id = ?').run(status, nowMs, id);
}

export interface RentalFilter {
  carId?: number;
  status?: RentalStatus;
  from?: string;
  to?: string;
  limit: number;
}

/** The SQL conditions of a rental filter: one car, one status, overlapping [from, to). */
export function rentalFilterWhere(f: Omit<RentalFilter, 'limit'>, where: string[], params: Record<string, string | number>): void {
  if (f.carId !== undefined) {
    where.push('r.car_id = @carId');
    params.carId = f.carId;
  }
  if (f.status !== undefined) {
    where.push('r.status = @status');
    params.status = f.status;
  }
  if (f.from !== undefined) {
    where.push('r.to_date > @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    where.push('r.from_date < @to');
    params.to = f.to;
  }
}

export function listRentals(db: Sqlite, f: RentalFilter): Rental[] {
  const where = ['1 = 1'];
  const params: Record<string, string | number> = { limit: f.limit };
  rentalFilterWhere(f, where, params);
  return prepared<Rental>(
    db,
    `SELECT ${RENTAL_COLUMNS} FROM car_rentals r JOIN cars c ON c.id = r.car_id WHERE ${where.join(' AND ')} ORDER BY r.from_date, r.id LIMIT @limit`,
  ).all(params);
}

/**
 * The timeline: every car in the fleet, and the rentals (not cancelled) overlapping [from, to).
 * `earliestStart` bounds the index range scan: no rental starts before it and still overlaps (no
 * rental is longer than MAX_RENTAL_DAYS).
 */
export function rentalTimeline(db: Sqlite, from: string, to: string, days: number, earliestStart: string): RentalTimeline {
  const cars = prepared<{ id: number; label: string; fuelType: string; isRented: number; hasDamage: number }>(
    db,
    `SELECT id, brand || ' ' || model || CASE WHEN plate IS NULL THEN '' ELSE ' (' || plate || ')' END AS label, fuel_type AS fuelType,
       is_rented AS isRented, has_damage AS hasDamage
     FROM cars WHERE deleted_at IS NULL ORDER BY brand, model, id`,
  ).all();
  const rentals = prepared<RentalTimeline['rentals'][number]>(
    db,
    `SELECT id, car_id AS carId, guest_name AS guestName, from_date AS "from", to_date AS "to", status
     FROM car_rentals WHERE from_date < ? AND from_date >= ? AND to_date > ? AND status <> 'cancelled' ORDER BY car_id, from_date`,
  ).all(to, earliestStart, from);
  return {
    from,
    days,
    cars: cars.map((c) => ({ id: c.id, label: c.label, fuelType: c.fuelType, isRented: c.isRented === 1, hasDamage: c.hasDamage === 1 })),
    rentals,
  };
}
