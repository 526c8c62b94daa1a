/**
 * The car form's text fields as the contract's input: whole numbers parsed (text that is not one
 * stays NaN, so the schema calls it a bad number; an empty field stays undefined), the rate as money
 * in minor units, an empty plate as none. The limits are the contract's (shared/contract/cars.ts). Pure.
 */
import { wholeNumber } from '../rooms/room-fields';

export interface CarFormValues {
  brand: string;
  model: string;
  fuelType: string;
  mileage: string;
  plate: string;
  seats: string;
  dailyRate: string;
  notes: string;
}

export function carInput(values: CarFormValues, parseMoney: (text: string) => number | null) {
  const rate = values.dailyRate.trim();
  return {
    brand: values.brand,
    model: values.model,
    fuelType: values.fuelType,
    mileage: wholeNumber(values.mileage),
    plate: values.plate.trim() === '' ? null : values.plate,
    seats: wholeNumber(values.seats),
    dailyRate: rate ? (parseMoney(rate) ?? Number.NaN) : 0,
    notes: values.notes,
  };
}

export const FUEL_SUGGESTIONS = ['Petrol', 'Diesel', 'Electric', 'Hybrid'] as const;
