/**
 * Stock resources (SPEC §3.3, seed 002): things the desk lends or hands out by quantity — extra beds,
 * baby cots, bikes, parking passes — and their bookings. Seed 002's `GET/POST /resources/` and
 * `GET/POST /bookings/` (with the trailing slash; `/bookings` is seed 000's stays) are kept exactly;
 * the app's own API is under `/api/v1/stock/…`: edit, restock, deactivate, bookings for a guest or a
 * stay with a "return by" time, return, cancel, the overdue loans and each resource's movements.
 *
 * The available quantity only ever changes by one guarded UPDATE inside the booking's transaction
 * (`available_quantity >= n`), and the database refuses `available < 0` or `available > total`.
 */
import { z } from 'zod';
import { defineCommands, type InputRule } from './command-def';
import { type EventDefs } from './event-def';
import {
  CsvOptionsSchema, DateSchema, DateTimeInputSchema, ExportResultSchema, IdParamSchema, IdSchema, InstantSchema, NameSchema, QueryBoolSchema, queryInt, TextSchema,
} from './primitives';
import { DESK } from './roles';

/** The most of one resource the hotel can hold (a sanity bound, far above any hotel's stock). */
export const MAX_STOCK_QUANTITY = 100_000;

/** A quantity of a resource: a whole number from `min` to MAX_STOCK_QUANTITY, with the seed's words. */
export const stockQuantity = (min: number) =>
  z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
    .max(MAX_STOCK_QUANTITY, `must be at most ${MAX_STOCK_QUANTITY}`);

export const STOCK_BOOKING_STATUSES = ['out', 'returned', 'cancelled'] as const;
export const StockBookingStatusSchema = z.enum(STOCK_BOOKING_STATUSES);
export type StockBookingStatus = z.infer<typeof StockBookingStatusSchema>;

export const STOCK_MOVEMENT_KINDS = ['created', 'booked', 'returned', 'cancelled', 'restocked', 'edited', 'deactivated', 'reactivated'] as const;
export const StockMovementKindSchema = z.enum(STOCK_MOVEMENT_KINDS);

// ---- the app's own ------------------------------------------------------------------------------

export const StockResourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  totalQuantity: z.number().int(),
  availableQuantity: z.number().int(),
  /** Lent out now: total − available. */
  outQuantity: z.number().int(),
  active: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type StockResource = z.infer<typeof StockResourceSchema>;

export const StockBookingSchema = z.object({
  id: z.number().int(),
  resourceId: z.number().int(),
  resourceName: z.string(),
  quantity: z.number().int(),
  status: StockBookingStatusSchema,
  guestName: z.string().nullable(),
  /** The stay it belongs to (an extra bed for room 204): returned when that stay ends. */
  stayId: z.number().int().nullable(),
  roomNumber: z.number().int().nullable(),
  /** The LAN client that booked it for itself; null for the desk's. */
  ownerId: z.number().int().nullable(),
  createdBy: z.string(),
  bookedAt: InstantSchema,
  returnBy: InstantSchema.nullable(),
  /** Still out after its "return by" time. */
  overdue: z.boolean(),
  closedAt: InstantSchema.nullable(),
  closedBy: z.string().nullable(),
  notes: z.string(),
});
export type StockBooking = z.infer<typeof StockBookingSchema>;
export const StockBookingPageSchema = z.object({ items: z.array(StockBookingSchema), total: z.number().int() });

export const StockMovementSchema = z.object({
  id: z.number().int(),
  resourceId: z.number().int(),
  bookingId: z.number().int().nullable(),
  kind: StockMovementKindSchema,
  /** How the available quantity changed (−2 for a booking of two). */
  availableChange: z.number().int(),
  totalChange: z.number().int(),
  availableAfter: z.number().int(),
  totalAfter: z.number().int(),
  at: InstantSchema,
  actor: z.string(),
  note: z.string(),
});
export type StockMovement = z.infer<typeof StockMovementSchema>;

export const StockResourceCreateSchema = z.object({
  name: NameSchema(120, 'name'),
  description: TextSchema(2000).default(''),
  totalQuantity: stockQuantity(0),
  /** Default: all of it. */
  availableQuantity: stockQuantity(0).optional(),
});
export const StockResourceUpdateSchema = z.object({
  id: IdParamSchema,
  name: NameSchema(120, 'name').optional(),
  description: TextSchema(2000).optional(),
  active: z.boolean().optional(),
});
export const StockRestockSchema = z.object({ id: IdParamSchema, totalQuantity: stockQuantity(0), note: TextSchema(200).optional() });
export const StockResourceIdSchema = z.object({ id: IdParamSchema });
export const StockResourceListQuerySchema = z.object({ includeInactive: QueryBoolSchema.optional() });

export const StockBookSchema = z.object({
  resourceId: IdSchema,
  quantity: stockQuantity(1),
  /** For a stay: returned automatically when it checks out or is cancelled. */
  stayId: IdSchema.optional(),
  /** Who has it; default: the stay's guest. */
  guestName: NameSchema(120, 'guest name').optional(),
  /** When it is due back (bikes); a date alone means the hotel's check-out time that day. */
  returnBy: DateTimeInputSchema.optional(),
  notes: TextSchema(500, { multiline: true }).optional(),
});
export type StockBookInput = z.input<typeof StockBookSchema>;
export const StockBookingIdSchema = z.object({ id: IdParamSchema });
export const StockBookingListQuerySchema = z.object({
  resourceId: IdParamSchema.optional(),
  stayId: IdParamSchema.optional(),
  status: StockBookingStatusSchema.optional(),
  /** Only loans still out after their "return by" time. */
  overdue: QueryBoolSchema.optional(),
  guest: TextSchema(120).optional(),
  /** Booked on these hotel-local dates (both inclusive). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  limit: queryInt(1, 1000).default(100),
  offset: queryInt(0, 10_000_000).default(0),
});
export const StockMovementsQuerySchema = z.object({ id: IdParamSchema, limit: queryInt(1, 1000).default(200) });
export const StockExportQuerySchema = CsvOptionsSchema.extend({
  resourceId: IdParamSchema.optional(),
  status: StockBookingStatusSchema.optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type StockExportQuery = z.infer<typeof StockExportQuerySchema>;

/** A new resource's quantities (core/stock/stock-service.ts); `availableQuantity` in the app's own API. */
export const AVAILABLE_ABOVE_TOTAL_RULE: InputRule = {
  when: 'the available quantity is above the total',
  error: 'available_quantity (12) cannot be greater than total_quantity (10)',
};

export const stockCommands = defineCommands({
  'stock:list': {
    summary: 'Stock resources', tags: ['Stock'], roles: DESK,
    description: 'The resources by name with total, available and lent-out quantities; those out of use only when asked.',
    example: { includeInactive: true },
    input: StockResourceListQuerySchema, output: z.array(StockResourceSchema), http: { method: 'GET', path: '/api/v1/stock/resources' },
  },
  'stock:create': {
    emits: ['stock.changed'],
    summary: 'Add a stock resource', tags: ['Stock'], roles: DESK, errors: ['CONFLICT'],
    description: 'Adds a resource with its total (and available, default all of it); 409 when the name is taken.',
    example: { name: 'Bike', description: 'City bike with lock', totalQuantity: 8, availableQuantity: 8 },
    input: StockResourceCreateSchema, output: StockResourceSchema, http: { method: 'POST', path: '/api/v1/stock/resources', status: 201 },
    rules: [AVAILABLE_ABOVE_TOTAL_RULE],
  },
  'stock:update': {
    emits: ['stock.changed'],
    summary: 'Rename, describe or (de)activate a resource', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Changes only the fields sent (at least one); 409 when the new name is taken. Quantities change by restocking.',
    example: { id: 2, name: 'Baby cot', description: 'With mattress and linen' },
    input: StockResourceUpdateSchema, output: StockResourceSchema, http: { method: 'PATCH', path: '/api/v1/stock/resources/:id' },
  },
  'stock:restock': {
    emits: ['stock.changed'],
    summary: 'Change how many of a resource the hotel has', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Sets the total (more bought, some broken); the available quantity moves by the same amount. 409 when the new total is below ' +
      'what is lent out now.',
    example: { id: 2, totalQuantity: 10, note: 'Two new bikes' },
    input: StockRestockSchema, output: StockResourceSchema, http: { method: 'POST', path: '/api/v1/stock/resources/:id/restock' },
  },
  'stock:deactivate': {
    emits: ['stock.changed'],
    summary: 'Take a resource out of use', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND'],
    description: 'No new bookings; what is lent out can still be returned, and the history stays.',
    example: { id: 2 },
    input: StockResourceIdSchema, output: StockResourceSchema, http: { method: 'POST', path: '/api/v1/stock/resources/:id/deactivate' },
  },
  'stock:movements': {
    summary: 'A resource\'s movements', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND'],
    description: 'Every change of the resource\'s quantities, newest first: added, booked, returned, cancelled, restocked, edited, (de)activated.',
    example: { id: 2, limit: 50 },
    input: StockMovementsQuerySchema, output: z.array(StockMovementSchema), http: { method: 'GET', path: '/api/v1/stock/resources/:id/movements' },
  },
  'stock:bookings': {
    summary: 'Stock bookings, filtered', tags: ['Stock'], roles: DESK, inclusiveDates: true,
    description:
      'A page of stock bookings (newest first) with the total count, by resource, stay, status, guest name, hotel-local booking dates ' +
      '(both inclusive) and only the overdue loans.',
    example: { resourceId: 2, status: 'out', overdue: true, limit: 50, offset: 0 },
    input: StockBookingListQuerySchema, output: StockBookingPageSchema, http: { method: 'GET', path: '/api/v1/stock/bookings' },
  },
  'stock:book': {
    emits: ['stock.changed'],
    summary: 'Lend a quantity of a resource to a guest or a stay', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND', 'CONFLICT', 'ILLEGAL_TRANSITION'],
    description:
      'Takes `quantity` for a guest or a stay (returned automatically when the stay checks out or is cancelled), optionally due back by ' +
      '`returnBy`; 409 when fewer are left or the stay has ended.',
    example: { resourceId: 1, quantity: 1, stayId: 42, guestName: 'Mette Hansen', returnBy: '2026-06-04T12:00:00', notes: 'Room 204' },
    input: StockBookSchema, output: StockBookingSchema, http: { method: 'POST', path: '/api/v1/stock/bookings', status: 201 },
    rules: [{ when: '`returnBy` not after now', error: 'returnBy (2026-05-01T12:00:00+02:00) must be in the future' }],
  },
  'stock:return': {
    emits: ['stock.changed'],
    summary: 'Take a loan back', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'What was lent is back: its quantity is available again. 409 when it was already returned or cancelled.',
    example: { id: 7 },
    input: StockBookingIdSchema, output: StockBookingSchema, http: { method: 'POST', path: '/api/v1/stock/bookings/:id/return' },
  },
  'stock:cancel': {
    emits: ['stock.changed'],
    summary: 'Cancel a stock booking', tags: ['Stock'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Booked by mistake or never handed out: its quantity is available again. 409 when it was already returned or cancelled.',
    example: { id: 7 },
    input: StockBookingIdSchema, output: StockBookingSchema, http: { method: 'POST', path: '/api/v1/stock/bookings/:id/cancel' },
  },
  'stock:export': {
    summary: 'Stock bookings as CSV', tags: ['Exports', 'Stock'], roles: DESK, export: 'stockBookings', inclusiveDates: true,
    description: 'Stock bookings as a CSV download, optionally one resource, one status and the hotel-local booking dates (both inclusive).',
    example: { delimiter: ';', bom: true, resourceId: 1, status: 'out', from: '2026-06-01', to: '2026-06-30' },
    input: StockExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/stock-bookings.csv' },
  },
});

export const STOCK_EVENT_ACTIONS = ['created', 'updated', 'restocked', 'deactivated', 'booked', 'returned', 'cancelled'] as const;

export const stockEvents = {
  /** The desk hears of every change; a LAN client of its own bookings only. */
  'stock.changed': {
    schema: z.object({
      type: z.literal('stock.changed'),
      action: z.enum(STOCK_EVENT_ACTIONS),
      resource: StockResourceSchema,
      booking: StockBookingSchema.nullable(),
    }),
    audience: (e: { booking: { ownerId: number | null } | null }) => ({ desk: true, ownerId: e.booking?.ownerId ?? null }),
  },
} as const satisfies EventDefs;
