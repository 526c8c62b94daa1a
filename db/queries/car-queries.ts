/**
 * Cars and their rentals. Column aliases give the API's shape straight from SQLite; booleans are
 * mapped. A deleted car (`deleted_at`) is invisible to every car query here; its rentals stay.
 * The holding predicate `status IN ('reserved', 'out')` is written exactly as in the partial index
 * `car_rentals_holding_idx`, or SQLite will not use it.
 */
import type { Car, CarListQuery, SeedCar } from '../../shared/contract/cars';
import type { Rental, RentalStatus, RentalTimeline } from '../../shared/contract/rentals';
import type { Db } from '../database';
import type { carRentals, cars } from '../schema';
import { likePattern } from './like-pattern';
import { columnList, type RowPick } from './row-types';
import { addFilter, emptyFilter, whereClause, type SqlFilter } from './sql-filter';

const CAR_PROPS = ['id', 'brand', 'model', 'fuelType', 'mileage', 'isRented', 'hasDamage', 'damageNote', 'plate', 'seats', 'dailyRate', 'notes'] as const;

/** A car as read: the API's `Car` once its flags (1/0) are mapped. */
type CarRow = RowPick<typeof cars, (typeof CAR_PROPS)[number]>;

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

const CAR_COLUMNS = columnList<typeof cars>(CAR_PROPS);

const toCar = (r: CarRow): Car => ({ ...r, isRented: r.isRented === 1, hasDamage: r.hasDamage === 1 });

export function toSeedCar(c: Car): SeedCar {
  return { car_id: c.id, brand: c.brand, model: c.model, fuel_type: c.fuelType, mileage: c.mileage, is_rented: c.isRented, has_damage: c.hasDamage };
}

/** "Toyota Corolla (AB 12 345)": how the desk names a car. */
export function carLabel(c: Pick<Car, 'brand' | 'model' | 'plate'>): string {
  return `${c.brand} ${c.model}${c.plate ? ` (${c.plate})` : ''}`;
}

/** `carLabel` in SQL, for the cars table under `alias`. */
export function carLabelSql(alias: string): string {
  const c = (column: string) => `${alias}.${column}`;
  return `${c('brand')} || ' ' || ${c('model')} || CASE WHEN ${c('plate')} IS NULL THEN '' ELSE ' (' || ${c('plate')} || ')' END`;
}

export async function getCar(db: Db, id: number): Promise<Car | undefined> {
  const row = await db.get<CarRow>(`SELECT ${CAR_COLUMNS} FROM cars WHERE id = ? AND deleted_at IS NULL`, id);
  return row && toCar(row);
}

/** The car in the fleet holding `plate` (any case), if any. */
export async function getCarByPlate(db: Db, plate: string): Promise<Car | undefined> {
  const row = await db.get<CarRow>(`SELECT ${CAR_COLUMNS} FROM cars WHERE lower(plate) = lower(?) AND plate IS NOT NULL AND deleted_at IS NULL`, plate);
  return row && toCar(row);
}

/** Seed 004's list: every car in the fleet by id. */
export async function listSeedCars(db: Db): Promise<SeedCar[]> {
  const rows = await db.all<{ car_id: number; brand: string; model: string; fuel_type: string; mileage: number; is_rented: number; has_damage: number }>('SELECT id AS car_id, brand, model, fuel_type, mileage, is_rented, has_damage FROM cars WHERE deleted_at IS NULL ORDER BY id');
  return rows.map((r) => ({ ...r, is_rented: r.is_rented === 1, has_damage: r.has_damage === 1 }));
}

/** The cars in the fleet a filter keeps: the list's and the CSV export's filter. */
export function carWhere(f: Partial<Pick<CarListQuery, 'fuel' | 'state' | 'q'>>): SqlFilter {
  const w: SqlFilter = { clauses: ['deleted_at IS NULL'], params: {} };
  addFilter(w, 'lower(fuel_type) = lower(@fuel)', 'fuel', f.fuel?.trim() || undefined);
  if (f.state === 'available') w.clauses.push('is_rented = 0 AND has_damage = 0');
  else if (f.state === 'rented') w.clauses.push('is_rented = 1');
  else if (f.state === 'damaged') w.clauses.push('has_damage = 1');
  const q = f.q?.trim();
  if (q) {
    addFilter(w, `(brand LIKE @q ESCAPE '\\' OR model LIKE @q ESCAPE '\\' OR plate LIKE @q ESCAPE '\\' OR notes LIKE @q ESCAPE '\\'
      OR (brand || ' ' || model) LIKE @q ESCAPE '\\')`, 'q', likePattern(q));
  }
  return w;
}

export async function listCars(db: Db, f: CarListQuery): Promise<Car[]> {
  const w = carWhere(f);
  return (await db.all<CarRow>(`SELECT ${CAR_COLUMNS} FROM cars${whereClause(w)} ORDER BY brand, model, id`, w.params)).map(toCar);
}

export async function insertCar(db: Db, car: CarWrite, createdBy: string, nowMs: number): Promise<number> {
  return await db.insert(`INSERT INTO cars (brand, model, fuel_type, mileage, is_rented, has_damage, damage_note, plate, seats, daily_rate, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, car.brand, car.model, car.fuelType, car.mileage, car.isRented ? 1 : 0, car.hasDamage ? 1 : 0, car.damageNote, car.plate, car.seats, car.dailyRate, car.notes, createdBy, nowMs, nowMs);
}

export async function updateCar(db: Db, id: number, car: CarWrite, nowMs: number): Promise<void> {
  await db.run(`UPDATE cars SET brand = ?, model = ?, fuel_type = ?, mileage = ?, is_rented = ?, has_damage = ?, damage_note = ?, plate = ?, seats = ?,
       daily_rate = ?, notes = ?, updated_at = ?
     WHERE id = ? AND deleted_at IS NULL`, car.brand, car.model, car.fuelType, car.mileage, car.isRented ? 1 : 0, car.hasDamage ? 1 : 0, car.damageNote, car.plate, car.seats, car.dailyRate, car.notes, nowMs, id);
}

export async function markCarDeleted(db: Db, id: number, nowMs: number): Promise<void> {
  await db.run('UPDATE cars SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', nowMs, nowMs, id);
}

// ---- rentals ------------------------------------------------------------------------------------

/**
 * A new rental as written (status `reserved`, not handed out yet). Its dates are `from`/`to`, the
 * API's names, not the schema's `fromDate`/`toDate`, so they are added here by hand.
 */
export type RentalRow = RowPick<typeof carRentals, 'carId' | 'guestName' | 'stayId' | 'days' | 'dailyRate' | 'price' | 'notes' | 'createdBy' | 'createdAt' | 'createdMs'> & {
  from: string;
  to: string;
};

/**
 * Kept by hand: it reads straight into the API's `Rental`, whose key order is the response's, and it
 * interleaves a computed column (`carLabel`) and renamed ones (`from`, `to`) with the table's own.
 */
const RENTAL_COLUMNS = `r.id, r.car_id AS "carId", ${carLabelSql('c')} AS "carLabel",
  r.guest_name AS "guestName", r.stay_id AS "stayId", r.from_date AS "from", r.to_date AS "to", r.days, r.daily_rate AS "dailyRate", r.price,
  r.status, r.mileage_out AS "mileageOut", r.mileage_in AS "mileageIn", r.damage_note AS "damageNote", r.notes,
  r.handed_out_at AS "handedOutAt", r.returned_at AS "returnedAt", r.created_at AS "createdAt"`;

export async function getRental(db: Db, id: number): Promise<Rental | undefined> {
  return await db.get<Rental>(`SELECT ${RENTAL_COLUMNS} FROM car_rentals r JOIN cars c ON c.id = r.car_id WHERE r.id = +?`, id);
}

export async function insertRental(db: Db, r: RentalRow, nowMs: number): Promise<number> {
  return await db.insert(`INSERT INTO car_rentals (car_id, guest_name, stay_id, from_date, to_date, days, daily_rate, price, status, notes, created_by, created_at, created_ms, updated_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?)`, r.carId, r.guestName, r.stayId, r.from, r.to, r.days, r.dailyRate, r.price, r.notes, r.createdBy, r.createdAt, r.createdMs, nowMs);
}

/** The first rental holding the car on any day of [from, to) (other than `exceptId`), if any. */
export async function findRentalOverlap(db: Db, carId: number, from: string, to: string): Promise<{ id: number; from: string; to: string } | undefined> {
  return await db.get<{ id: number; from: string; to: string }>(`SELECT id, from_date AS "from", to_date AS "to" FROM car_rentals
     WHERE car_id = ? AND status IN ('reserved', 'out') AND from_date < ? AND to_date > ?
     ORDER BY from_date LIMIT 1`, carId, to, from);
}

/** How many rentals still hold the car (reserved or handed out): it cannot be deleted while any do. */
export async function countHoldingRentals(db: Db, carId: number): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM car_rentals WHERE car_id = ? AND status IN ('reserved', 'out')`, carId))!.n;
}

export async function markRentalOut(db: Db, id: number, mileageOut: number, at: string, nowMs: number): Promise<void> {
  await db.run(`UPDATE car_rentals SET status = 'out', mileage_out = ?, handed_out_at = ?, updated_ms = ? WHERE id = ?`, mileageOut, at, nowMs, id);
}

export async function markRentalReturned(db: Db, id: number, mileageIn: number, damageNote: string | null, at: string, nowMs: number): Promise<void> {
  await db.run(`UPDATE car_rentals SET status = 'returned', mileage_in = ?, damage_note = ?, returned_at = ?, updated_ms = ? WHERE id = ?`, mileageIn, damageNote, at, nowMs, id);
}

/** Undoes a hand-out: reserved again, no mileage out, never handed out. */
export async function unmarkRentalOut(db: Db, id: number, nowMs: number): Promise<void> {
  await db.run(`UPDATE car_rentals SET status = 'reserved', mileage_out = NULL, handed_out_at = NULL, updated_ms = ? WHERE id = ?`, nowMs, id);
}

/** Undoes a return: out again, no mileage in, no damage noted, never returned. */
export async function unmarkRentalReturned(db: Db, id: number, nowMs: number): Promise<void> {
  await db.run(`UPDATE car_rentals SET status = 'out', mileage_in = NULL, damage_note = NULL, returned_at = NULL, updated_ms = ? WHERE id = ?`, nowMs, id);
}

export async function setRentalStatus(db: Db, id: number, status: RentalStatus, nowMs: number): Promise<void> {
  await db.run('UPDATE car_rentals SET status = ?, updated_ms = ? WHERE id = ?', status, nowMs, id);
}

export interface RentalFilter {
  carId?: number | undefined;
  status?: RentalStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** One car, one status, overlapping [from, to) (alias `r`): the list's and the CSV export's filter. */
export function rentalWhere(f: Omit<RentalFilter, 'limit'>): SqlFilter {
  const w = emptyFilter();
  addFilter(w, 'r.car_id = @carId', 'carId', f.carId);
  addFilter(w, 'r.status = @status', 'status', f.status);
  addFilter(w, 'r.to_date > @from', 'from', f.from);
  addFilter(w, 'r.from_date < @to', 'to', f.to);
  return w;
}

export async function listRentals(db: Db, f: RentalFilter): Promise<Rental[]> {
  const w = rentalWhere(f);
  return await db.all<Rental>(`SELECT ${RENTAL_COLUMNS} FROM car_rentals r JOIN cars c ON c.id = r.car_id${whereClause(w)} ORDER BY r.from_date, r.id LIMIT @limit`, {
    ...w.params, limit: f.limit,
  });
}

/**
 * The timeline: every car in the fleet, and the rentals (not cancelled) overlapping [from, to).
 * `earliestStart` bounds the index range scan: no rental starts before it and still overlaps (no
 * rental is longer than MAX_RENTAL_DAYS).
 */
export async function rentalTimeline(db: Db, from: string, to: string, days: number, earliestStart: string): Promise<RentalTimeline> {
  const cars = await db.all<{ id: number; label: string; fuelType: string; isRented: number; hasDamage: number }>(`SELECT id, ${carLabelSql('cars')} AS label, fuel_type AS "fuelType",
       is_rented AS "isRented", has_damage AS "hasDamage"
     FROM cars WHERE deleted_at IS NULL ORDER BY brand, model, id`);
  const rentals = await db.all<RentalTimeline['rentals'][number]>(`SELECT id, car_id AS "carId", guest_name AS "guestName", from_date AS "from", to_date AS "to", status
     FROM car_rentals WHERE from_date < ? AND from_date >= ? AND to_date > ? AND status <> 'cancelled' ORDER BY car_id, from_date`, to, earliestStart, from);
  return {
    from,
    days,
    cars: cars.map((c) => ({ id: c.id, label: c.label, fuelType: c.fuelType, isRented: c.isRented === 1, hasDamage: c.hasDamage === 1 })),
    rentals,
  };
}
