/**
 * Car rentals (SPEC §3.4): the hotel's cars (cars.ts) lent to guests for hotel-local dates [from, to):
 * reserved, handed out, returned (mileage, damage), cancelled or undone; the desk's timeline of cars
 * × days and the rentals' CSV. Routes under `/api/v1/rentals`. No two holding rentals of one car
 * overlap (core/cars/rentals-service.ts checks, the database enforces).
 */
import { z } from 'zod';
import { defineCommands, type InputRule } from './command-def';
import { getByIdCommand } from './command-shapes';
import { type EventDefs } from './event-def';
import {
  DateOutSchema, DateSchema, ExportResultSchema, IdParamSchema, IdSchema, InstantSchema, NameSchema, QueryBoolSchema, queryInt, TextSchema,
} from './primitives';
import { MileageSchema } from './cars';
import { DESK } from './roles';
import { PERIOD_RULE } from './input-rules';

export const RENTAL_STATUSES = ['reserved', 'out', 'returned', 'cancelled'] as const;
export const RentalStatusSchema = z.enum(RENTAL_STATUSES);
export type RentalStatus = z.infer<typeof RentalStatusSchema>;

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
export const rentalCommands = defineCommands({
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
  'rentals:export': {
    summary: 'Car rentals as CSV', tags: ['Exports', 'Car rentals'], roles: DESK, export: 'rentals',
    description: 'Car rentals as a CSV download, optionally one car, one status and those overlapping the hotel-local dates [from, to).',
    example: { delimiter: ';', bom: true, carId: 1, status: 'returned', from: '2026-06-01', to: '2026-07-01' },
    input: RentalExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/rentals.csv' },
    rules: [PERIOD_RULE],
  },
});

export const RENTAL_ACTIONS = ['reserved', 'handed_out', 'returned', 'cancelled', 'undone'] as const;

export const rentalEvents = {
  'rental.changed': {
    schema: z.object({ type: z.literal('rental.changed'), action: z.enum(RENTAL_ACTIONS), rental: RentalSchema }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
