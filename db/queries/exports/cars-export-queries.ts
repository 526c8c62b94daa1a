/**
 * The fleet's and the rentals' CSV chunks (core/cars/cars-export.ts: their columns in this order),
 * filtered by the lists' own filters (`carWhere`, `rentalWhere`). Flags come as 0/1 on both engines.
 */
import { carLabelSql, carWhere, rentalWhere, type RentalFilter } from '../car-queries';
import type { CarListQuery } from '../../../shared/contract/cars';
import { keysetChunk, type ChunkQuery } from './chunk-query';

const CAR_COLUMNS = ['id', 'brand', 'model', 'fuel_type', 'mileage', 'is_rented', 'has_damage', 'damage_note', 'plate', 'seats', 'daily_rate', 'notes'];

export function carsChunk(f: Partial<Pick<CarListQuery, 'fuel' | 'state'>>): ChunkQuery {
  return keysetChunk(CAR_COLUMNS, 'cars', 'id', carWhere(f));
}

const RENTAL_COLUMNS = [
  'r.id', 'r.car_id', carLabelSql('c'), 'r.guest_name', 'r.stay_id', 'r.from_date', 'r.to_date', 'r.days', 'r.daily_rate', 'r.price', 'r.status',
  'r.mileage_out', 'r.mileage_in', 'r.damage_note', 'r.handed_out_at', 'r.returned_at', 'r.created_at',
];

export function rentalsChunk(f: Omit<RentalFilter, 'limit'>): ChunkQuery {
  return keysetChunk(RENTAL_COLUMNS, 'car_rentals r JOIN cars c ON c.id = r.car_id', 'r.id', rentalWhere(f));
}
