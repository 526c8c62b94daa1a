/**
 * The fleet and its rentals as CSV (`cars:export`, `rentals:export`). Runs in the export worker:
 * no zod, no drizzle, nothing of the host. Seed 004's column names first for the cars.
 */
import type { CarExportQuery, RentalExportQuery } from '../../shared/contract/cars';
import { AppError } from '../../shared/errors';
import { defineExport } from '../export/export-def';

export type CarCsvQuery = Partial<CarExportQuery>;
export type RentalCsvQuery = Partial<RentalExportQuery>;

const bool = (v: unknown) => (v === 1 ? 'true' : 'false');

export const CAR_CSV_COLUMNS = [
  'car_id', 'brand', 'model', 'fuel_type', 'mileage',
  { header: 'is_rented', cell: bool }, { header: 'has_damage', cell: bool },
  'damage_note', 'plate', 'seats', 'daily_rate', 'notes',
] as const;

export const carsExport = defineExport<CarCsvQuery>({
  fileName: 'cars',
  title: 'Export cars',
  columns: CAR_CSV_COLUMNS,
  chunkQuery(query) {
    const where = ['id > @after', 'deleted_at IS NULL'];
    const params: Record<string, string | number> = {};
    if (query.fuel !== undefined && query.fuel.trim() !== '') {
      where.push('lower(fuel_type) = lower(@fuel)');
      params.fuel = query.fuel.trim();
    }
    if (query.state === 'available') where.push('is_rented = 0 AND has_damage = 0');
    else if (query.state === 'rented') where.push('is_rented = 1');
    else if (query.state === 'damaged') where.push('has_damage = 1');
    const sql = `SELECT id, brand, model, fuel_type, mileage, is_rented, has_damage, damage_note, plate, seats, daily_rate, notes
      FROM cars WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`;
    return { sql, params };
  },
});

export const RENTAL_CSV_COLUMNS = [
  'rental_id', 'car_id', 'car', 'guest_name', 'stay_id', 'from', 'to', 'days', 'daily_rate', 'price', 'status',
  'mileage_out', 'mileage_in', 'damage_note', 'handed_out_at', 'returned_at', 'created_at',
] as const;

export const rentalsExport = defineExport<RentalCsvQuery>({
  fileName: 'rentals',
  title: 'Export car rentals',
  columns: RENTAL_CSV_COLUMNS,
  check(query) {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`);
    }
  },
  chunkQuery(query) {
    const where = ['r.id > @after'];
    const params: Record<string, string | number> = {};
    if (query.carId !== undefined) {
      where.push('r.car_id = @carId');
      params.carId = query.carId;
    }
    if (query.status !== undefined) {
      where.push('r.status = @status');
      params.status = query.status;
    }
    if (query.from !== undefined) {
      where.push('r.to_date > @from');
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push('r.from_date < @to');
      params.to = query.to;
    }
    const sql = `SELECT r.id, r.car_id, c.brand || ' ' || c.model || CASE WHEN c.plate IS NULL THEN '' ELSE ' (' || c.plate || ')' END,
        r.guest_name, r.stay_id, r.from_date, r.to_date, r.days, r.daily_rate, r.price, r.status,
        r.mileage_out, r.mileage_in, r.damage_note, r.handed_out_at, r.returned_at, r.created_at
      FROM car_rentals r JOIN cars c ON c.id = r.car_id
      WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT @limit`;
    return { sql, params };
  },
});
