/**
 * Stays (SPEC §3.1, seed 000): a guest's booking of a guest room from check-in to check-out, with its
 * status `booked → checked_in → checked_out` or `cancelled` / `no_show`. Seed 000's own bodies
 * (`POST /bookings`, `GET /bookings`, its CSV) are kept exactly; they are the same stays.
 */
import { z } from 'zod';
import { DEPARTURE_PRICE_RULES, STAY_STATUSES } from '../rules/stay-rules';
import { defineCommands } from './command-def';
import { getByIdCommand } from './command-shapes';
import { type EventDefs } from './event-def';
import { BOOKABLE_ROOM_RULES, PERIOD_RULE, STAY_IN_PAST_RULE, STAY_PERIOD_RULES } from './input-rules';
import {
  DateOutSchema, DateSchema, DateTimeInputSchema, EmailAddressSchema, ExportResultSchema, IdParamSchema, IdSchema, InstantSchema, MoneySchema, NameSchema, QueryBoolSchema, queryInt, TextSchema,
} from './primitives';
import { DESK } from './roles';

export const StayStatusSchema = z.enum(STAY_STATUSES);

export const StaySchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  category: z.string(),
  guestName: z.string(),
  guestEmail: z.string().meta({ format: 'email' }).nullable(),
  guestPhone: z.string().nullable(),
  guests: z.number().int(),
  /** ISO 8601 with the hotel's offset. */
  checkin: InstantSchema,
  checkout: InstantSchema,
  /** Hotel-local dates of arrival and departure. */
  checkinDate: DateOutSchema,
  checkoutDate: DateOutSchema,
  nights: z.number().int(),
  status: StayStatusSchema,
  price: z.number().int(),
  notes: z.string(),
  createdBy: z.string(),
  /** The user the booking belongs to (a LAN client's own bookings); null for the desk's. */
  ownerId: z.number().int().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Stay = z.infer<typeof StaySchema>;

const GuestNameSchema = NameSchema(120, 'guest name');

/** A stay entirely in the past is refused (400) unless an admin enters it late on purpose (audited). */
export const LateEntrySchema = z
  .boolean()
  .optional()
  .meta({ description: 'An admin entering a stay that already ended (entirely in the past); refused (403) for anyone else, audited.' });

export const StayCreateSchema = z.object({
  roomId: IdSchema,
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  guestName: GuestNameSchema,
  guestEmail: EmailAddressSchema(200).optional(),
  guestPhone: TextSchema(40).trim().optional(),
  guests: z.number().int().min(1).max(20).default(1).meta({ description: 'How many guests stay (1–20); at most the room\'s capacity.' }),
  price: MoneySchema.optional().meta({ description: 'The whole stay\'s price in minor units; default: the room\'s nightly rate × nights.' }),
  notes: TextSchema(2000, { multiline: true }).optional(),
  lateEntry: LateEntrySchema,
});

export const StayIdSchema = z.object({ id: IdParamSchema });
/**
 * The user's answer to "keep the price or reprice?" (issue 10 item 6): `keep` the agreed price, or
 * `reprice` to nights × the room's nightly rate. `stays:quote` shows both before the user chooses.
 */
export const PricingChoiceSchema = z.enum(['keep', 'reprice']);
export type PricingChoice = z.infer<typeof PricingChoiceSchema>;
export const StayMoveSchema = z.object({
  id: IdParamSchema,
  roomId: IdSchema,
  pricing: PricingChoiceSchema.optional().meta({ description: '`keep` the agreed price (default) or `reprice` at the new room\'s rate.' }),
});
export const StayDatesSchema = z.object({
  id: IdParamSchema,
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  price: MoneySchema.optional().meta({ description: 'A price set by hand; it wins over `pricing`.' }),
  pricing: PricingChoiceSchema.optional().meta({ description: '`reprice` to nights × rate (default) or `keep` the agreed price.' }),
});
export const StayListQuerySchema = z.object({
  roomId: IdParamSchema.optional(),
  status: StayStatusSchema.optional(),
  /** Stays that overlap the local dates [from, to). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  guest: TextSchema(120).optional(),
  limit: queryInt(1, 1000).default(100),
  offset: queryInt(0, 10_000_000).default(0),
});
export const StayPageSchema = z.object({ items: z.array(StaySchema), total: z.number().int() });

/** Something the desk should know about a change that still went through (a room not yet clean). */
export const StayWarningSchema = z.object({
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type StayWarning = z.infer<typeof StayWarningSchema>;
export const StayCheckInResultSchema = StaySchema.extend({ warnings: z.array(StayWarningSchema) });

export const DepartureQuoteQuerySchema = z.object({ id: IdParamSchema, action: z.enum(['check_out', 'no_show']) });
/** What a check-out or a no-show would do now: nights freed and the price under the hotel's rule. */
export const DepartureQuoteSchema = z.object({
  id: z.number().int(),
  action: z.enum(['check_out', 'no_show']),
  /** The stay would end before its booked departure: the remaining nights become free. */
  early: z.boolean(),
  /** When the stay would end (ISO with the hotel's offset). */
  endsAt: InstantSchema,
  bookedNights: z.number().int(),
  usedNights: z.number().int(),
  chargedNights: z.number().int(),
  rule: z.enum(DEPARTURE_PRICE_RULES),
  bookedPrice: z.number().int(),
  price: z.number().int(),
});
export type DepartureQuote = z.infer<typeof DepartureQuoteSchema>;

// ---- CSV ----------------------------------------------------------------------------------------

export const StayExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  status: StayStatusSchema.optional(),
  roomId: IdParamSchema.optional(),
});
export type StayExportQuery = z.infer<typeof StayExportQuerySchema>;
/** The desk's own stays CSV (for accountants): the same filters and the language of its headers and statuses. */
export const DeskStayExportQuerySchema = StayExportQuerySchema.extend({
  lang: z.enum(['da', 'en']).optional().meta({ description: 'Language of the headers and statuses; default: the hotel\'s.' }),
});
export type DeskStayExportQuery = z.infer<typeof DeskStayExportQuerySchema>;

export const stayCommands = defineCommands({
  'stays:list': {
    summary: 'Stays, filtered by room, status, dates, guest name', tags: ['Stays'], roles: DESK,
    description: 'A page of stays (newest arrival first) with the total count, filtered by room, status, the hotel-local dates [from, to) they overlap, and part of the guest\'s name.',
    example: { status: 'booked', from: '2026-06-01', to: '2026-06-08', guest: 'Hansen', limit: 50, offset: 0 },
    input: StayListQuerySchema, output: StayPageSchema, http: { method: 'GET', path: '/api/v1/stays' },
    rules: [PERIOD_RULE],
  },
  'stays:get': getByIdCommand({
    summary: 'One stay', tags: ['Stays'], roles: DESK,
    description: 'One stay with its room, guest, dates, nights, status and price.',
    exampleId: 42, input: StayIdSchema, output: StaySchema, path: '/api/v1/stays/:id',
  }),
  'stays:create': {
    emits: ['stay.changed'],
    summary: 'Book a stay', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE'],
    description:
      'Books a guest room for a guest: 201 with the stay, 409 when another stay or a block overlaps, 404 for an unknown room. ' +
      'Nights are counted in the hotel\'s calendar; the price defaults to the nightly rate × nights.',
    example: { roomId: 3, checkin: '2026-06-01', checkout: '2026-06-04', guestName: 'Mette Hansen', guestEmail: 'mette.hansen@example.dk', guests: 2 },
    input: StayCreateSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays', status: 201 },
    rules: [...STAY_PERIOD_RULES, STAY_IN_PAST_RULE, ...BOOKABLE_ROOM_RULES],
  },
  'stays:move': {
    emits: ['stay.changed'],
    summary: 'Move a stay to another room', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE', 'ILLEGAL_TRANSITION'],
    description:
      'Moves a booked or checked-in stay to another room for the same dates; 409 when that room is taken then. `pricing` says what ' +
      'happens to the price (`keep`, the default, or `reprice` at the new room\'s rate; `stays:quote` shows both). Audited with the old and new room and price.',
    example: { id: 42, roomId: 5, pricing: 'reprice' },
    input: StayMoveSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/move' },
    rules: [{ when: 'the stay is in that room already', error: 'Stay 42 is already in room 104' }, ...BOOKABLE_ROOM_RULES],
    selfAudited: true,
  },
  'stays:changeDates': {
    emits: ['stay.changed'],
    summary: 'Extend, shorten or shift a stay', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE', 'ILLEGAL_TRANSITION'],
    description:
      'New check-in and check-out for a stay in the same room; 409 when the room is taken for the new nights. The price follows ' +
      '`pricing` (`reprice`, the default: nights × rate; `keep`: the agreed price) unless `price` is given. Audited with the old and new dates and price.',
    example: { id: 42, checkin: '2026-06-01', checkout: '2026-06-06', pricing: 'keep' },
    input: StayDatesSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/dates' },
    rules: [...STAY_PERIOD_RULES, STAY_IN_PAST_RULE, ...BOOKABLE_ROOM_RULES, { when: 'a checked-in stay\'s arrival would change', error: 'Stay 42 is checked in: its arrival stays 2026-06-01, only the departure can change' }],
    selfAudited: true,
  },
  'stays:cancel': {
    emits: ['stay.changed', 'stock.changed'],
    summary: 'Cancel a booked stay', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Cancels a stay that has not begun; the room is free again and the stay is kept in the history.',
    example: { id: 42 },
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/cancel' },
  },
  'stays:checkIn': {
    emits: ['stay.changed'],
    summary: 'Check a guest in', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION', 'ROOM_UNAVAILABLE', 'CONFLICT'],
    description:
      'The guest has arrived: a booked stay becomes checked in. Only on the arrival day (from `earlyCheckinMinutes` before the check-in time) ' +
      'and before the departure (409); refused (409) while another stay occupies the room or the room is out of order. A room that is not ' +
      'clean is a warning in `warnings`, not a refusal.',
    example: { id: 42 },
    input: StayIdSchema, output: StayCheckInResultSchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-in' },
  },
  'stays:checkOut': {
    emits: ['stay.changed', 'room.changed', 'stock.changed'],
    summary: 'Check a guest out', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description:
      'The guest has left: a checked-in stay becomes checked out (the room is then due for housekeeping). Before the booked departure date ' +
      'the stay ends now and its remaining nights are free; the price follows `departurePriceRule` (see the quote).',
    example: { id: 42 },
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-out' },
  },
  'stays:noShow': {
    emits: ['stay.changed', 'stock.changed'],
    summary: 'Mark a booked stay as a no-show', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description:
      'The guest never came: from the arrival time on, the booked stay becomes a no-show; it ends now and its room is free for the ' +
      'remaining nights. The price follows `departurePriceRule` (see the quote).',
    example: { id: 42 },
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/no-show' },
  },
  'stays:departureQuote': {
    summary: 'What a check-out or no-show would do now', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description:
      'Before confirming: whether the stay would end early, the nights booked, used and charged, and the price under the hotel\'s rule ' +
      '(`departurePriceRule`: the booked nights or the nights used).',
    example: { id: 42, action: 'check_out' },
    input: DepartureQuoteQuerySchema, output: DepartureQuoteSchema, http: { method: 'GET', path: '/api/v1/stays/:id/departure-quote' },
  },
  'stays:undo': {
    emits: ['stay.changed'],
    summary: 'Undo a stay\'s last status change', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION', 'ROOM_UNAVAILABLE', 'FORBIDDEN'],
    description:
      'Puts a cancelled, no-show, checked-in or checked-out stay back to its previous status, with the end and price it had: staff on ' +
      'the day of the change, an admin any time (else 403). The room is re-checked (409 names the stay or block now in the way).',
    example: { id: 42 },
    input: StayIdSchema, output: StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/undo' },
  },
  'stays:export': {
    summary: 'Stays as CSV for accountants', tags: ['Exports', 'Stays'], roles: DESK, export: 'deskStays',
    description:
      'Stays as a CSV download, filtered like the list, written for a spreadsheet: the price as a decimal in the hotel\'s currency ' +
      '(named in the header; decimal comma with `;`, point with `,`), hotel-local arrival and departure dates and times in their own ' +
      'columns, headers and statuses in `lang`. The desktop app writes the same file where the user chooses.',
    example: { delimiter: ';', bom: true, from: '2026-06-01', to: '2026-07-01', status: 'checked_out', lang: 'da' },
    input: DeskStayExportQuerySchema, output: ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/stays.csv' },
    rules: [PERIOD_RULE],
  },
});

export const STAY_EVENT_ACTIONS = ['created', 'moved', 'dates_changed', 'cancelled', 'checked_in', 'checked_out', 'no_show', 'guest_changed', 'undone'] as const;
export type StayEventAction = (typeof STAY_EVENT_ACTIONS)[number];

export const stayEvents = {
  /** The desk sees every stay; a LAN client its own (the stay's owner). */
  'stay.changed': {
    schema: z.object({ type: z.literal('stay.changed'), action: z.enum(STAY_EVENT_ACTIONS), stay: StaySchema }),
    audience: (e: { stay: { ownerId: number | null } }) => ({ desk: true, ownerId: e.stay.ownerId }),
  },
} as const satisfies EventDefs;
