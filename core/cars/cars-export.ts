/**
 * The fleet and its rentals as CSV (`cars:export`, `rentals:export`), filtered as the cars and
 * rentals lists are (db/queries/exports/cars-export-queries.ts). Runs in the export worker: no zod,
 * no drizzle, nothing of the host. Seed 004's column names first for the cars.
 */
import { carsChunk, rentalsChunk } from '../../db/queries/exports/cars-export-queries';
import type { CarExportQuery } from '../../shared/contract/cars';
import type { RentalExportQuery } from '../../shared/contract/rentals';
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
  chunkQuery: (query) => carsChunk({ fuel: query.fuel, state: query.state }),
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
  chunkQuery: (query) => rentalsChunk({ carId: query.carId, status: query.status, from: query.from, to: query.to }),
});
