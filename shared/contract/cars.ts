/**
 * Cars and rentals (SPEC §3.4, seed 004): the hotel's cars with brand, model, fuel type, mileage,
 * whether one is rented out or damaged (plus plate, seats, daily rate, notes), and their rentals to
 * guests: reserved for hotel-local dates [from, to), handed out, returned (mileage, damage),
 * cancelled. Seed 004's routes keep its paths and field names (`car_id`, `fuel_type`, `is_rented`,
 * `has_damage`); the app's own routes live under `/api/v1/cars` and `/api/v1/rentals`.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { getByIdCommand } from './command-shapes';
import { type EventDefs } from './event-def';
import {
  ExportResultSchema, IdParamSchema, MessageSchema, MoneySchema, NameSchema, QueryBoolSchema, TextSchema, wellFormedText,
} from './primitives';
import { DESK, EVERYONE } from './roles';

// ---- cars ---------------------------------------------------------------------------------------

/** A car as seed 004 shows it: exactly its seven fields. */
export const SeedCarSchema = z.object({
  car_id: z.number().int(),
  brand: z.string(),
  model: z.string(),
  fuel_type: z.string(),
  mileage: z.number().int(),
  is_rented: z.boolean(),
  has_damage: z.boolean(),
});
export type SeedCar = z.infer<typeof SeedCarSchema>;

/** A car as the desk sees it: seed 004's fields (in the app's names) and the hotel's own. */
export const CarSchema = z.object({
  id: z.number().int(),
  brand: z.string(),
  model: z.string(),
  fuelType: z.string(),
  mileage: z.number().int(),
  isRented: z.boolean(),
  hasDamage: z.boolean(),
  /** What the damage is (the return's note or the report), null while undamaged. */
  damageNote: z.string().nullable(),
  plate: z.string().nullable(),
  seats: z.number().int(),
  dailyRate: z.number().int(),
  notes: z.string(),
});
export type Car = z.infer<typeof CarSchema>;

const MILEAGE_MESSAGE = 'must be a non-negative integer (km)';
/** Kilometres on the odometer: a JSON whole number ≥ 0, never coerced from text. */
export const MileageSchema = z
  .number({ error: MILEAGE_MESSAGE })
  .int(MILEAGE_MESSAGE)
  .min(0, MILEAGE_MESSAGE)
  .max(10_000_000, 'must be at most 10000000 km')
  .meta({ description: 'Kilometres on the odometer: a whole number, 0 or more.' });
export const FuelTypeSchema = NameSchema(40, 'fuel type').meta({ description: 'Petrol, Diesel, Electric, Hybrid, …' });
/** A registration plate: letters, digits, spaces and dashes; unique among the hotel's cars (any case). */
export const PlateSchema = wellFormedText(
  z
    .string()
    .trim()
    .min(1, 'plate must not be blank')
    .max(16)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'expected letters, digits, spaces and dashes such as AB 12 345'),
).meta({ description: 'A registration plate such as AB 12 345; unique among the cars (any case).' });
export const SeatsSchema = z.number().int().min(1).max(60).meta({ description: 'Seats: 1 to 60.' });

/** Seed 004 `POST /cars/add`: its six fields (the last two optional), and the hotel's own, optional. */
export const SeedCarAddSchema = z.object({
  brand: NameSchema(80, 'brand'),
  model: NameSchema(80, 'model'),
  fuel_type: FuelTypeSchema,
  mileage: MileageSchema,
  is_rented: z.boolean().default(false),
  has_damage: z.boolean().default(false),
  plate: PlateSchema.optional(),
  seats: SeatsSchema.optional(),
  daily_rate: MoneySchema.optional(),
  notes: TextSchema(2000, { multiline: true }).optional(),
});
export const SeedCarAddedSchema = z.object({ message: z.string(), car_id: z.number().int() });
export const SeedCarIdSchema = z.object({ car_id: IdParamSchema });

export const CAR_STATES = ['available', 'rented', 'damaged'] as const;
export const CarStateSchema = z.enum(CAR_STATES);
export type CarState = z.infer<typeof CarStateSchema>;
export const CarListQuerySchema = z.object({
  fuel: TextSchema(40).optional(),
  /** available: neither rented out nor damaged. */
  state: CarStateSchema.optional(),
  /** Brand, model, plate or notes contain it (any case). */
  q: TextSchema(80).optional(),
});
export type CarListQuery = z.infer<typeof CarListQuerySchema>;

export const CarCreateSchema = z.object({
  brand: NameSchema(80, 'brand'),
  model: NameSchema(80, 'model'),
  fuelType: FuelTypeSchema,
  mileage: MileageSchema,
  plate: PlateSchema.nullable().default(null),
  seats: SeatsSchema.default(5),
  dailyRate: MoneySchema.default(0),
  notes: TextSchema(2000, { multiline: true }).default(''),
});
/** Only what is sent changes. Mileage may go up, never down; damage is reported and repaired by its own commands. */
export const CarUpdateSchema = z.object({
  id: IdParamSchema,
  brand: NameSchema(80, 'brand').optional(),
  model: NameSchema(80, 'model').optional(),
  fuelType: FuelTypeSchema.optional(),
  mileage: MileageSchema.optional(),
  plate: PlateSchema.nullable().optional(),
  seats: SeatsSchema.optional(),
  dailyRate: MoneySchema.optional(),
  notes: TextSchema(2000, { multiline: true }).optional(),
});
export const CarIdSchema = z.object({ id: IdParamSchema });
export const CarDamageSchema = z.object({ id: IdParamSchema, note: NameSchema(500, 'note') });

// ---- CSV ----------------------------------------------------------------------------------------

export const CarExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  fuel: TextSchema(40).optional(),
  state: CarStateSchema.optional(),
});
export type CarExportQuery = z.infer<typeof CarExportQuerySchema>;

export const carCommands = defineCommands({
  // ---- seed 004: the car inventory ----
  'cars:seedList': {
    summary: 'All cars', tags: ['Cars'], roles: EVERYONE,
    description: 'Every car of the hotel in the original cars service\'s field names (`car_id`, `brand`, `model`, `fuel_type`, `mileage`, `is_rented`, `has_damage`), by `car_id`.',
    example: {},
    input: z.object({}), output: z.array(SeedCarSchema), http: { method: 'GET', path: '/cars' },
  },
  'cars:seedGet': {
    summary: 'One car', tags: ['Cars'], roles: EVERYONE, errors: ['NOT_FOUND'],
    description: 'The car `car_id` in the original cars service\'s field names; 404 when there is no such car.',
    example: { car_id: 1 },
    input: SeedCarIdSchema, output: SeedCarSchema, http: { method: 'GET', path: '/cars/:car_id' },
  },
  'cars:seedAdd': {
    emits: ['car.changed'],
    summary: 'Add a car', tags: ['Cars'], roles: DESK, errors: ['CONFLICT'],
    description:
      'Adds a car: `brand`, `model`, `fuel_type` and `mileage` (a whole number of km, 0 or more) are required, `is_rented` and ' +
      '`has_damage` default to false; the hotel\'s own `plate`, `seats`, `daily_rate` (minor units) and `notes` may come too. ' +
      '201 with `{"message": "Car added successfully", "car_id": N}`; 400 when a field is missing or wrong; 409 when the plate is taken.',
    example: { brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 12000, is_rented: false, has_damage: false },
    input: SeedCarAddSchema, output: SeedCarAddedSchema, http: { method: 'POST', path: '/cars/add', status: 201 },
  },
  'cars:seedDelete': {
    emits: ['car.changed'],
    summary: 'Delete a car', tags: ['Cars'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Takes the car out of the fleet (its rental history is kept); 404 when unknown, 409 while it has a reserved or handed-out rental.',
    example: { car_id: 1 },
    input: SeedCarIdSchema, output: MessageSchema, http: { method: 'DELETE', path: '/cars/:car_id' },
  },
  // ---- the desk's own ----
  'cars:list': {
    summary: 'Cars, filtered', tags: ['Cars'], roles: DESK,
    description: 'The fleet with the hotel\'s own fields, by brand and model; optionally one fuel type, one state (available: neither rented out nor damaged) and a search in brand, model, plate and notes.',
    example: { fuel: 'Petrol', state: 'available', q: 'corolla' },
    input: CarListQuerySchema, output: z.array(CarSchema), http: { method: 'GET', path: '/api/v1/cars' },
  },
  'cars:get': getByIdCommand({
    summary: 'One car', tags: ['Cars'], roles: DESK,
    description: 'The car with the hotel\'s own fields.',
    exampleId: 1, input: CarIdSchema, output: CarSchema, path: '/api/v1/cars/:id',
  }),
  'cars:create': {
    emits: ['car.changed'],
    summary: 'Add a car (the desk\'s form)', tags: ['Cars'], roles: DESK, errors: ['CONFLICT'],
    description: 'Adds a car with plate, seats, daily rate and notes; 409 when the plate is taken.',
    example: { brand: 'Volkswagen', model: 'ID.3', fuelType: 'Electric', mileage: 8400, plate: 'EL 12 345', seats: 5, dailyRate: 69_500, notes: 'Charging cable in the boot' },
    input: CarCreateSchema, output: CarSchema, http: { method: 'POST', path: '/api/v1/cars', status: 201 },
  },
  'cars:update': {
    emits: ['car.changed'],
    summary: 'Change a car', tags: ['Cars'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Changes only the fields sent (at least one); 409 when the plate is taken or the mileage would go down.',
    example: { id: 1, dailyRate: 74_500, notes: 'Winter tyres' },
    input: CarUpdateSchema, output: CarSchema, http: { method: 'PATCH', path: '/api/v1/cars/:id' },
  },
  'cars:reportDamage': {
    emits: ['car.changed'],
    summary: 'Report damage on a car', tags: ['Cars'], roles: DESK, errors: ['NOT_FOUND'],
    description: 'Marks the car damaged with what is wrong: it cannot be handed out until it is repaired.',
    example: { id: 1, note: 'Cracked windscreen' },
    input: CarDamageSchema, output: CarSchema, http: { method: 'POST', path: '/api/v1/cars/:id/damage' },
  },
  'cars:repair': {
    emits: ['car.changed'],
    summary: 'Mark a car repaired', tags: ['Cars'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Clears the car\'s damage; 409 when it has none.',
    example: { id: 1 },
    input: CarIdSchema, output: CarSchema, http: { method: 'POST', path: '/api/v1/cars/:id/repair' },
  },
  'cars:export': {
    summary: 'Cars as CSV', tags: ['Exports', 'Cars'], roles: DESK, export: 'cars',
    description: 'The fleet as a CSV download, optionally one fuel type and one state.',
    example: { delimiter: ';', bom: true, fuel: 'Petrol', state: 'available' },
    input: CarExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/cars.csv' },
  },
});

export const CAR_ACTIONS = ['added', 'updated', 'deleted', 'damaged', 'repaired', 'rented', 'returned'] as const;

export const carEvents = {
  'car.changed': {
    schema: z.object({ type: z.literal('car.changed'), action: z.enum(CAR_ACTIONS), car: CarSchema }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
