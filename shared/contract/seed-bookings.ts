/**
 * Seed 000's booking API, kept exactly (SPEC §3.1): `GET /bookings`, `POST /bookings` and its CSV
 * (`/bookings/export/csv`), in its own field names (`roomnumber`, `category`, `isbooking`), over the
 * same stays as the app's own API (stays.ts).
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { BOOKABLE_ROOM_RULES, PERIOD_RULE, STAY_IN_PAST_RULE, STAY_PERIOD_RULES } from './input-rules';
import { DateSchema, DateTimeInputSchema, InstantSchema, MoneySchema, NameSchema, queryInt, TextSchema } from './primitives';
import { DESK, EVERYONE } from './roles';
import { LateEntrySchema, StayExportQuerySchema, StayStatusSchema } from './stays';

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
  notes: TextSchema(2000, { multiline: true }).optional(),
  late_entry: LateEntrySchema,
});
export const SeedBookingSchema = z.object({
  id: z.number().int(),
  roomnumber: z.number().int(),
  category: z.string(),
  isbooking: z.union([z.literal(0), z.literal(1)]),
  checkin: InstantSchema,
  checkout: InstantSchema,
  status: StayStatusSchema,
  guest_name: z.string(),
  guests: z.number().int(),
  price: z.number().int(),
});
export type SeedBooking = z.infer<typeof SeedBookingSchema>;
export const SeedBookingListQuerySchema = z.object({
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  limit: queryInt(1, 1_000_000).optional(),
});

export const seedBookingCommands = defineCommands({
  'stays:seedList': {
    summary: 'All bookings', tags: ['Stays'], roles: EVERYONE,
    description:
      'Every booking in the original booking API\'s field names (`roomnumber`, `category`, `isbooking`, `checkin`, `checkout`), ' +
      'oldest first, optionally only those overlapping the hotel-local dates [from, to). A client sees its own bookings only.',
    example: { from: '2026-06-01', to: '2026-07-01', limit: 50 },
    input: SeedBookingListQuerySchema, output: z.array(SeedBookingSchema), http: { method: 'GET', path: '/bookings' },
    rules: [PERIOD_RULE],
  },
  'stays:seedCreate': {
    emits: ['stay.changed'],
    summary: 'Book a room if it is free', tags: ['Stays'], roles: EVERYONE, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE'],
    description:
      'Books room `roomnumber` from `checkin` to `checkout` if no stay or block overlaps: 201 with the booking, 409 when the room ' +
      'is taken, 404 for an unknown room, 400 when a field is missing. The billing service is told afterwards (through the outbox). ' +
      'Only the desk may set `price` and `notes`: a client that sends either is refused with 403.',
    example: { roomnumber: 101, category: 'Standard single room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-05T12:00:00' },
    input: SeedBookingCreateSchema, output: SeedBookingSchema, http: { method: 'POST', path: '/bookings', status: 201 },
    rules: [{ when: '`category` is not the room\'s', error: 'Room 104 is a "Standard double room", not a "Standard single room"' }, ...STAY_PERIOD_RULES, STAY_IN_PAST_RULE, ...BOOKABLE_ROOM_RULES],
    deskOnlyFields: ['price', 'notes', 'late_entry'],
  },
  'stays:seedExport': {
    summary: 'All bookings as a CSV download', tags: ['Stays', 'Exports'], roles: DESK, ipc: false, export: 'stays',
    description: 'Every booking as a CSV file (id, roomnumber, category, isbooking, checkin, checkout, …), streamed; `;` and a BOM suit Excel in Danish.',
    example: { delimiter: ';', bom: true },
    input: StayExportQuerySchema, output: z.string(), http: { method: 'GET', path: '/bookings/export/csv' },
    rules: [PERIOD_RULE],
  },
});
