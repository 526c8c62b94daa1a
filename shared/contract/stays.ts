/**
 * Stays (SPEC §3.1, seed 000): a guest's booking of a guest room from check-in to check-out, with its
 * status `booked → checked_in → checked_out` or `cancelled` / `no_show`. Seed 000's own bodies
 * (`POST /bookings`, `GET /bookings`, its CSV) are kept exactly; they are the same stays.
 */
import { z } from 'zod';
import { STAY_STATUSES } from '../rules/stay-rules';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { DateSchema, DateTimeInputSchema, ExportResultSchema, IdSchema, MoneySchema, NameSchema, QueryBoolSchema, TextSchema } from './primitives';
import { DESK, EVERYONE } from './roles';

export const StayStatusSchema = z.enum(STAY_STATUSES);

export const StaySchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  category: z.string(),
  guestName: z.string(),
  guestEmail: z.string().nullable(),
  guestPhone: z.string().nullable(),
  guests: z.number().int(),
  /** ISO 8601 with the hotel's offset. */
  checkin: z.string(),
  checkout: z.string(),
  /** Hotel-local dates of arrival and departure. */
  checkinDate: z.string(),
  checkoutDate: z.string(),
  nights: z.number().int(),
  status: StayStatusSchema,
  price: z.number().int(),
  notes: z.string(),
  createdBy: z.string(),
  /** The user the booking belongs to (a LAN client's own bookings); null for the desk's. */
  ownerId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stay = z.infer<typeof StaySchema>;

const GuestNameSchema = NameSchema(120, 'guest name');

export const StayCreateSchema = z.object({
  roomId: IdSchema,
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  guestName: GuestNameSchema,
  guestEmail: z.email().max(200).optional(),
  guestPhone: TextSchema(40).trim().optional(),
  guests: z.number().int().min(1).max(20).default(1),
  price: MoneySchema.optional(),
  notes: TextSchema(2000).optional(),
});
export type StayCreate = z.input<typeof StayCreateSchema>;

export const StayIdSchema = z.object({ id: IdSchema });
export const StayMoveSchema = z.object({ id: IdSchema, roomId: IdSchema });
export const StayDatesSchema = z.object({
  id: IdSchema,
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  price: MoneySchema.optional(),
});
export const StayListQuerySchema = z.object({
  roomId: IdSchema.optional(),
  status: StayStatusSchema.optional(),
  /** Stays that overlap the local dates [from, to). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  guest: TextSchema(120).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const StayPageSchema = z.object({ items: z.array(StaySchema), total: z.number().int() });

// ---- seed 000 -----------------------------------------------------------------------------------

const RoomNumberSchema = z.union([z.number().int().positive(), z.string().regex(/^\d{1,5}$/).transform(Number)]);
/** Seed 000 `POST /bookings`: its four fields, plus optional guest details the desk uses. */
export const SeedBookingCreateSchema = z.object({
  roomnumber: RoomNumberSchema,
  category: NameSchema(80, 'category'),
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  guest_name: NameSchema(120, 'guest_name').optional(),
  guests: z.number().int().min(1).max(20).optional(),
  price: MoneySchema.optional(),
  notes: TextSchema(2000).optional(),
});
export const SeedBookingSchema = z.object({
  id: z.number().int(),
  roomnumber: z.number().int(),
  category: z.string(),
  isbooking: z.union([z.literal(0), z.literal(1)]),
  checkin: z.string(),
  checkout: z.string(),
  status: StayStatusSchema,
  guest_name: z.string(),
  guests: z.number().int(),
  price: z.number().int(),
});
export type SeedBooking = z.infer<typeof SeedBookingSchema>;
export const SeedBookingListQuerySchema = z.object({
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

// ---- CSV ----------------------------------------------------------------------------------------

export const StayExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  status: StayStatusSchema.optional(),
  roomId: IdSchema.optional(),
});
export type StayExportQuery = z.infer<typeof StayExportQuerySchema>;

export const stayCommands = defineCommands({
  // ---- seed 000: hotel-room bookings ----
  'stays:seedList': {
    summary: 'All bookings (seed 000)', tags: ['bookings (seed 000)'], roles: EVERYONE,
    input: SeedBookingListQuerySchema, output: z.array(SeedBookingSchema), http: { method: 'GET', path: '/bookings' },
  },
  'stays:seedCreate': {
    summary: 'Book a room if it is free (seed 000): 201, 409 when taken, 400 on bad fields', tags: ['bookings (seed 000)'], roles: EVERYONE,
    input: SeedBookingCreateSchema, output: SeedBookingSchema, http: { method: 'POST', path: '/bookings', status: 201 },
  },
  'stays:seedExport': {
    summary: 'All bookings as a CSV download (seed 000)', tags: ['bookings (seed 000)'], roles: DESK, ipc: false, export: 'stays',
    input: StayExportQuerySchema, output: z.string(), http: { method: 'GET', path: '/bookings/export/csv' },
  },

  'stays:list': {
    summary: 'Stays, filtered by room, status, dates, guest name', tags: ['stays'], roles: DESK,
    input: StayListQuerySchema, output: StayPageSchema, http: { method: 'GET', path: '/api/v1/stays' },
  },
  'stays:get': {
    summary: 'One stay', tags: ['stays'], roles: DESK,
    input: StayIdSchema, output: StaySchema, http: { method: 'GET', path: '/api/v1/stays/:id' },
  },
  'stays:create': {
    summary: 'Book a stay (409 when the room is taken)', tags: ['stays'], roles: DESK,
    input: StayCreateSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays', status: 201 },
  },
  'stays:move': {
    summary: 'Move a stay to another room', tags: ['stays'], roles: DESK,
    input: StayMoveSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/move' },
  },
  'stays:changeDates': {
    summary: 'Extend, shorten or shift a stay', tags: ['stays'], roles: DESK,
    input: StayDatesSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/dates' },
  },
  'stays:cancel': {
    summary: 'Cancel a booked stay', tags: ['stays'], roles: DESK,
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/cancel' },
  },
  'stays:checkIn': {
    summary: 'Check a guest in', tags: ['stays'], roles: DESK,
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-in' },
  },
  'stays:checkOut': {
    summary: 'Check a guest out', tags: ['stays'], roles: DESK,
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-out' },
  },
  'stays:noShow': {
    summary: 'Mark a booked stay as a no-show (frees the room)', tags: ['stays'], roles: DESK,
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/no-show' },
  },
  'stays:export': {
    summary: 'Stays as CSV (a download over HTTP; a save dialog in the desktop app)', tags: ['export'], roles: DESK, export: 'stays',
    input: StayExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/stays.csv' },
  },
});

export const STAY_EVENT_ACTIONS = ['created', 'moved', 'dates_changed', 'cancelled', 'checked_in', 'checked_out', 'no_show'] as const;
export type StayEventAction = (typeof STAY_EVENT_ACTIONS)[number];

export const stayEvents = {
  /** The desk sees every stay; a LAN client its own (the stay's owner). */
  'stay.changed': {
    schema: z.object({ type: z.literal('stay.changed'), action: z.enum(STAY_EVENT_ACTIONS), stay: StaySchema }),
    audience: (e: { stay: { ownerId: number | null } }) => ({ desk: true, ownerId: e.stay.ownerId }),
  },
} as const satisfies EventDefs;
