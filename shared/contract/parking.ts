/**
 * Parking spaces (the rehearsal of docs/adding-a-domain.md): the hotel's numbered spaces, each booked
 * for a car (its plate) and a guest for hotel-local dates [from, to); no two bookings of one space
 * overlap (core/parking/parking-service.ts checks, the database enforces). Routes under
 * `/api/v1/parking`; the bookings' CSV under `/api/v1/exports/parking.csv`.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { PERIOD_RULE } from './input-rules';
import { CsvOptionsSchema, DateOutSchema, DateSchema, ExportResultSchema, IdParamSchema, IdSchema, InstantSchema, NameSchema } from './primitives';
import { DESK } from './roles';

export const PARKING_BOOKING_STATUSES = ['booked', 'cancelled'] as const;

export const ParkingSpaceSchema = z.object({ id: z.number().int(), label: z.string(), createdAt: InstantSchema });
export type ParkingSpace = z.infer<typeof ParkingSpaceSchema>;
export const ParkingSpaceCreateSchema = z.object({ label: NameSchema(40, 'label') });

export const ParkingBookingSchema = z.object({
  id: z.number().int(),
  spaceId: z.number().int(),
  spaceLabel: z.string(),
  plate: z.string(),
  guestName: z.string(),
  /** Hotel-local dates, half-open: the space is the car's from `from` until `to` begins. */
  from: DateOutSchema,
  to: DateOutSchema,
  status: z.enum(PARKING_BOOKING_STATUSES),
  createdAt: InstantSchema,
});
export type ParkingBooking = z.infer<typeof ParkingBookingSchema>;
export const ParkingBookSchema = z.object({
  spaceId: IdSchema,
  plate: NameSchema(20, 'plate'),
  guestName: NameSchema(120, 'guest name'),
  from: DateSchema,
  to: DateSchema,
});
export const ParkingBookingIdSchema = z.object({ id: IdParamSchema });
export const ParkingBookingListQuerySchema = z.object({
  spaceId: IdParamSchema.optional(),
  /** Bookings overlapping the hotel-local dates [from, to). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type ParkingBookingListQuery = z.infer<typeof ParkingBookingListQuerySchema>;
export const ParkingExportQuerySchema = CsvOptionsSchema.extend(ParkingBookingListQuerySchema.shape);
export type ParkingExportQuery = z.infer<typeof ParkingExportQuerySchema>;

export const parkingCommands = defineCommands({
  'parking:spaces': {
    summary: 'Parking spaces', tags: ['Parking'], roles: DESK,
    description: 'The hotel\'s parking spaces, by label.',
    example: {},
    input: z.object({}), output: z.array(ParkingSpaceSchema), http: { method: 'GET', path: '/api/v1/parking/spaces' },
  },
  'parking:createSpace': {
    emits: ['parking.changed'],
    summary: 'Add a parking space', tags: ['Parking'], roles: DESK, errors: ['CONFLICT'],
    description: 'Adds a space by its label; 409 when the label is taken.',
    example: { label: 'P12' },
    input: ParkingSpaceCreateSchema, output: ParkingSpaceSchema, http: { method: 'POST', path: '/api/v1/parking/spaces', status: 201 },
  },
  'parking:bookings': {
    summary: 'Parking bookings, filtered', tags: ['Parking'], roles: DESK,
    description: 'Bookings by start date, optionally of one space and overlapping the hotel-local dates [from, to).',
    example: { spaceId: 1, from: '2026-06-01', to: '2026-07-01' },
    input: ParkingBookingListQuerySchema, output: z.array(ParkingBookingSchema), http: { method: 'GET', path: '/api/v1/parking/bookings' },
    rules: [PERIOD_RULE],
  },
  'parking:book': {
    emits: ['parking.changed'],
    summary: 'Book a parking space', tags: ['Parking'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Books the space for a car and its guest for the hotel-local dates [from, to), at most the `parkingMaxDays` setting\'s days. ' +
      '409 when another booking of the space overlaps them.',
    example: { spaceId: 1, plate: 'AB 12 345', guestName: 'Mette Hansen', from: '2026-06-01', to: '2026-06-04' },
    input: ParkingBookSchema, output: ParkingBookingSchema, http: { method: 'POST', path: '/api/v1/parking/bookings', status: 201 },
    rules: [PERIOD_RULE, { when: 'longer than the `parkingMaxDays` setting', error: 'A parking booking lasts at most 14 days, not 20' }],
  },
  'parking:cancel': {
    emits: ['parking.changed'],
    summary: 'Cancel a parking booking', tags: ['Parking'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Frees the space\'s days; 409 when the booking was cancelled already.',
    example: { id: 1 },
    input: ParkingBookingIdSchema, output: ParkingBookingSchema, http: { method: 'POST', path: '/api/v1/parking/bookings/:id/cancel' },
  },
  'parking:export': {
    summary: 'Parking bookings as CSV', tags: ['Exports', 'Parking'], roles: DESK, export: 'parking',
    description: 'Parking bookings as a CSV download, optionally one space and those overlapping the hotel-local dates [from, to).',
    example: { delimiter: ';', bom: true, spaceId: 1, from: '2026-06-01', to: '2026-07-01' },
    input: ParkingExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/parking.csv' },
    rules: [PERIOD_RULE],
  },
});

export const PARKING_ACTIONS = ['space_added', 'booked', 'cancelled'] as const;

export const parkingEvents = {
  'parking.changed': {
    schema: z.object({ type: z.literal('parking.changed'), action: z.enum(PARKING_ACTIONS), spaceId: z.number().int() }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
