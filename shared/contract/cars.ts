/**
 * Cars and rentals (SPEC §3.4, seed 004): the hotel's cars with brand, model, fuel type, mileage,
 * whether one is rented out or damaged (plus plate, seats, daily rate, notes), and their rentals to
 * guests: reserved for hotel-local dates [from, to), handed out, returned (mileage, damage),
 * cancelled. Seed 004's routes keep its paths and field names (`car_id`, `fuel_type`, `is_rented`,
 * `has_damage`); the app's own routes live under `/api/v1/cars` and `/api/v1/rentals`.
 */
import { z } from 'zod';
import { defineCommands, type InputRule } from './command-def';
import { getByIdCommand } from './command-shapes';
import { type EventDefs } from './event-def';
import {
  DateOutSchema,
  DateSchema,
  ExportResultSchema,
  IdParamSchema,
  IdSchema,
  InstantSchema,
  MessageSchema,
  MoneySchema,
  NameSchema,
  QueryBoolSchema,
  queryInt,
  TextSchema,
  wellFormedText,
} from './primitives';
import { DESK, EVERYONE } from './roles';
import { PERIOD_RULE } from './input-rules';

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
export type CarCreate = z.input<typeof CarCreateSchema>;
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
export type CarUpdate = z.input<typeof CarUpdateSchema>;
export const CarIdSchema = z.object({ id: IdParamSchema });
export const CarDamageSchema = z.object({ id: IdParamSchema, note: NameSchema(500, 'note') });

// ---- rentals ------------------------------------------------------------------------------------

export const RENTAL_STATUSES = ['reserved', 'out', 'returned', 'cancelled'] as const;
export const RentalStatusSchema = z.enum(RENTAL_STATUSES);
export type RentalStatus = z.infer<typeof RentalStatusSchema>;
/** The statuses that hold a car's days: no two of one car may overlap. */
export const HOLDING_RENTAL_STATUSES = ['reserved', 'out'] as const;

export const RentalSchema = z.object({
  id: z.number().int(),
  carId: z.number().int(),
  /** "Toyota Corolla (AB 12 345)". */
  carLabel: z.string(),
  guestName: z.string(),
  /** The stay the rental belongs to (an in-house guest's), or null. */
  stayId: z.number().int().nullable(),
  /** Hotel-local dates, half-open: the car is the guest's from `from` until it is due back on `to`. */
  from: DateOutSchema,
  to: DateOutSchema,
  days: z.number().int(),
  dailyRate: z.number().int(),
  /** days × daily rate, in minor units, fixed when reserved. */
  price: z.number().int(),
  status: RentalStatusSchema,
  mileageOut: z.number().int().nullable(),
  mileageIn: z.number().int().nullable(),
  damageNote: z.string().nullable(),
  notes: z.string(),
  handedOutAt: InstantSchema.nullable(),
  returnedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type Rental = z.infer<typeof RentalSchema>;

/** The longest rental, in days (a longer one is a lease, not a hotel's rental). */
export const MAX_RENTAL_DAYS = 90;

export const RentalReserveSchema = z.object({
  carId: IdSchema,
  from: DateSchema,
  to: DateSchema,
  /** Who rents it; taken from the stay when one is named and this is not. */
  guestName: NameSchema(120, 'guest name').optional(),
  /** An in-house (or booked) stay the rental belongs to. */
  stayId: IdSchema.optional(),
  notes: TextSchema(2000, { multiline: true }).default(''),
});
export type RentalReserve = z.input<typeof RentalReserveSchema>;
export const RentalIdSchema = z.object({ id: IdParamSchema });
export const RentalHandOutSchema = z.object({
  id: IdParamSchema,
  /** The odometer as the car leaves; the car's recorded mileage when not sent; never below it. */
  mileage: MileageSchema.optional(),
});
export const RentalReturnSchema = z.object({
  id: IdParamSchema,
  /** The odometer as the car comes back: never below the mileage it left with. */
  mileage: MileageSchema,
  damage: z.boolean().default(false),
  /** What is damaged: required when `damage` is true. */
  damageNote: TextSchema(500).optional(),
});
export type RentalReturn = z.input<typeof RentalReturnSchema>;
export const RentalListQuerySchema = z.object({
  carId: IdParamSchema.optional(),
  status: RentalStatusSchema.optional(),
  /** Rentals overlapping the hotel-local dates [from, to). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  limit: queryInt(1, 5000).default(500),
});
export type RentalListQuery = z.infer<typeof RentalListQuerySchema>;

export const TIMELINE_MAX_DAYS = 120;
export const RentalTimelineQuerySchema = z.object({ from: DateSchema, days: queryInt(1, TIMELINE_MAX_DAYS) });
/** The rentals timeline: cars × days, like the board; compact rows for a fast first paint. */
export const TimelineCarSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  fuelType: z.string(),
  isRented: z.boolean(),
  hasDamage: z.boolean(),
});
export const TimelineRentalSchema = z.object({
  id: z.number().int(),
  carId: z.number().int(),
  guestName: z.string(),
  from: DateOutSchema,
  to: DateOutSchema,
  status: RentalStatusSchema,
});
export const RentalTimelineSchema = z.object({
  from: DateOutSchema,
  days: z.number().int(),
  cars: z.array(TimelineCarSchema),
  rentals: z.array(TimelineRentalSchema),
});
export type RentalTimeline = z.infer<typeof RentalTimelineSchema>;

// ---- CSV ----------------------------------------------------------------------------------------

export const CarExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  fuel: TextSchema(40).optional(),
  state: CarStateSchema.optional(),
});
export type CarExportQuery = z.infer<typeof CarExportQuerySchema>;
export const RentalExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  carId: IdParamSchema.optional(),
  status: RentalStatusSchema.optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type RentalExportQuery = z.infer<typeof RentalExportQuerySchema>;

/** A reservation's rules beyond its schema (core/cars/rentals-service.ts). */
const RENTAL_RULES: readonly InputRule[] = [
  PERIOD_RULE,
  { when: `longer than ${MAX_RENTAL_DAYS} days`, error: `A rental lasts at most ${MAX_RENTAL_DAYS} days, not 120` },
  { when: '`from` before today (hotel-local)', error: 'from (2026-05-01) is before today (2026-05-02)' },
  { when: 'neither `guestName` nor `stayId` is sent', error: 'guestName or stayId is required' },
];

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
  'rentals:list': {
    summary: 'Car rentals, filtered', tags: ['Car rentals'], roles: DESK,
    description: 'Rentals by start date, optionally of one car, one status, and overlapping the hotel-local dates [from, to).',
    example: { carId: 1, status: 'reserved', from: '2026-06-01', to: '2026-07-01', limit: 100 },
    input: RentalListQuerySchema, output: z.array(RentalSchema), http: { method: 'GET', path: '/api/v1/rentals' },
    rules: [PERIOD_RULE],
  },
  'rentals:timeline': {
    summary: 'The rentals timeline: cars × days', tags: ['Car rentals'], roles: DESK, trustedOutput: true,
    description: 'Every car and the reserved, handed-out and returned rentals that overlap `days` days from `from`, for the desk\'s timeline.',
    example: { from: '2026-06-01', days: 30 },
    input: RentalTimelineQuerySchema, output: RentalTimelineSchema, http: { method: 'GET', path: '/api/v1/rentals/timeline' },
  },
  'rentals:get': getByIdCommand({
    summary: 'One car rental', tags: ['Car rentals'], roles: DESK,
    description: 'The rental with its car, guest, dates, price, mileage and damage.',
    exampleId: 1, input: RentalIdSchema, output: RentalSchema, path: '/api/v1/rentals/:id',
  }),
  'rentals:reserve': {
    emits: ['rental.changed'],
    summary: 'Reserve a car', tags: ['Car rentals'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION'],
    description:
      'Reserves the car for a guest (or a stay\'s guest) for the hotel-local dates [from, to); the price is days × the car\'s daily rate. ' +
      '409 when another reservation or rental of the car overlaps them.',
    example: { carId: 1, from: '2026-06-01', to: '2026-06-04', guestName: 'Mette Hansen', notes: 'Child seat' },
    input: RentalReserveSchema, output: RentalSchema, http: { method: 'POST', path: '/api/v1/rentals', status: 201 },
    rules: RENTAL_RULES,
  },
  'rentals:handOut': {
    emits: ['rental.changed', 'car.changed'],
    summary: 'Hand a reserved car out', tags: ['Car rentals'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION'],
    description:
      'The guest takes the car: records the mileage out and marks the car rented. Only on one of the rental\'s days (hotel-local, from 00:00 of `from` ' +
      'until `to` begins): 409 `Rental 7 can be handed out from 2026-06-01, its first day` before, 409 `Rental 7 was due back on 2026-06-04; it can no longer be handed out` after. ' +
      '409 while the car is damaged or out on another rental (`Car 1 is already out on another rental`).',
    example: { id: 1, mileage: 12000 },
    input: RentalHandOutSchema, output: RentalSchema, http: { method: 'POST', path: '/api/v1/rentals/:id/hand-out' },
  },
  'rentals:return': {
    emits: ['rental.changed', 'car.changed'],
    summary: 'Take a car back', tags: ['Car rentals'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION'],
    description: 'Records the mileage in (never below the mileage out) and any damage (with a note), which keeps the car from being handed out until repaired.',
    example: { id: 1, mileage: 12480, damage: true, damageNote: 'Scratch on the rear bumper' },
    input: RentalReturnSchema, output: RentalSchema, http: { method: 'POST', path: '/api/v1/rentals/:id/return' },
    rules: [{ when: '`damage` is true and `damageNote` is missing or blank', error: 'damageNote: say what is damaged' }],
  },
  'rentals:undo': {
    emits: ['rental.changed', 'car.changed'],
    summary: 'Undo a car\'s hand-out or return', tags: ['Car rentals'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION', 'FORBIDDEN'],
    description:
      'Puts a handed-out rental back to reserved (the car is no longer out), or a returned one back to out (re-checked: 409 while the car is out on ' +
      'another rental or another rental holds its days; damage the return reported is taken off the car again). The car\'s mileage never goes down. ' +
      'Staff may undo a change made today, an admin any (403 `Only an admin can undo a change made before today (rental 7 changed on 2026-06-01)`); ' +
      '409 `Rental 7 is reserved: there is no hand-out or return to undo`.',
    example: { id: 1 },
    input: RentalIdSchema, output: RentalSchema, http: { method: 'POST', path: '/api/v1/rentals/:id/undo' },
  },
  'rentals:cancel': {
    emits: ['rental.changed'],
    summary: 'Cancel a car reservation', tags: ['Car rentals'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Frees the car\'s days; only a reservation not yet handed out can be cancelled.',
    example: { id: 1 },
    input: RentalIdSchema, output: RentalSchema, http: { method: 'POST', path: '/api/v1/rentals/:id/cancel' },
  },
  'cars:export': {
    summary: 'Cars as CSV', tags: ['Exports', 'Cars'], roles: DESK, export: 'cars',
    description: 'The fleet as a CSV download, optionally one fuel type and one state.',
    example: { delimiter: ';', bom: true, fuel: 'Petrol', state: 'available' },
    input: CarExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/cars.csv' },
  },
  'rentals:export': {
    summary: 'Car rentals as CSV', tags: ['Exports', 'Car rentals'], roles: DESK, export: 'rentals',
    description: 'Car rentals as a CSV download, optionally one car, one status and those overlapping the hotel-local dates [from, to).',
    example: { delimiter: ';', bom: true, carId: 1, status: 'returned', from: '2026-06-01', to: '2026-07-01' },
    input: RentalExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/rentals.csv' },
    rules: [PERIOD_RULE],
  },
});

export const CAR_ACTIONS = ['added', 'updated', 'deleted', 'damaged', 'repaired', 'rented', 'returned'] as const;
export const RENTAL_ACTIONS = ['reserved', 'handed_out', 'returned', 'cancelled', 'undone'] as const;

export const carEvents = {
  'car.changed': {
    schema: z.object({ type: z.literal('car.changed'), action: z.enum(CAR_ACTIONS), car: CarSchema }),
    audience: () => ({ desk: true }),
  },
  'rental.changed': {
    schema: z.object({ type: z.literal('rental.changed'), action: z.enum(RENTAL_ACTIONS), rental: RentalSchema }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
