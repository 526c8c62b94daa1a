/**
 * Domain schemas: written once, used by IPC validation, Fastify validation and serialization,
 * OpenAPI and the renderer's types. Inputs coerce query-string numbers so GET and IPC share them.
 */
import { z } from 'zod';
import { STAY_STATUSES, type StayStatus } from '../rules/stay-rules';
import { isValidTimeZone, parseDate } from '../time';

const realDate = (s: string) => {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
};

export const IdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A hotel-local calendar date, refusing impossible ones (2026-02-30). */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine(realDate, 'is not a real date');
/** A date or date-time; resolved in the hotel's zone by the service (a DST gap is refused there). */
export const DateTimeInputSchema = z.string().min(10, 'expected an ISO 8601 date or date-time').max(40);
/** Money in integer minor units (øre, cents). */
export const MoneySchema = z.number().int().nonnegative().max(100_000_000_00);
/**
 * Free text that goes into the database or a CSV cell. NUL bytes are refused here, in the contract,
 * so IPC and REST refuse them alike (they truncate strings in C libraries and spreadsheets).
 */
const noNul = (v: string) => !v.includes('\u0000');
export const TextSchema = (max: number) => z.string().max(max).refine(noNul, 'must not contain NUL characters');
export const NameSchema = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max).refine(noNul, 'must not contain NUL characters');

/** Query strings carry booleans as text. */
export const QueryBoolSchema = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

export const HOUSEKEEPING_STATES = ['clean', 'dirty', 'inspected', 'out_of_order'] as const;
export const HousekeepingSchema = z.enum(HOUSEKEEPING_STATES);
export type Housekeeping = z.infer<typeof HousekeepingSchema>;
export const StayStatusSchema = z.enum(STAY_STATUSES);

// ---- guest rooms --------------------------------------------------------------------------------

export const RoomSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  category: z.string(),
  capacity: z.number().int(),
  nightlyRate: z.number().int(),
  floor: z.number().int(),
  housekeeping: HousekeepingSchema,
  active: z.boolean(),
});
export type Room = z.infer<typeof RoomSchema>;

const RoomFieldsSchema = z.object({
  number: z.number().int().min(1).max(99_999),
  category: NameSchema(80, 'category'),
  capacity: z.number().int().min(1).max(20),
  nightlyRate: MoneySchema,
  floor: z.number().int().min(-5).max(200),
});
export const RoomCreateSchema = RoomFieldsSchema.extend({ housekeeping: HousekeepingSchema.default('clean') });
export type RoomCreate = z.input<typeof RoomCreateSchema>;

/** Only what is sent changes: no defaults here (a default would reset a dirty room to clean). */
export const RoomUpdateSchema = RoomFieldsSchema.partial().extend({
  id: IdSchema,
  housekeeping: HousekeepingSchema.optional(),
  active: z.boolean().optional(),
});
export const RoomIdSchema = z.object({ id: IdSchema });
export const RoomListQuerySchema = z.object({ includeInactive: QueryBoolSchema.optional() });
export const RoomHousekeepingSchema = z.object({ id: IdSchema, housekeeping: HousekeepingSchema });
export const FreeRoomsQuerySchema = z.object({
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  category: TextSchema(80).optional(),
  guests: z.coerce.number().int().min(1).max(20).optional(),
});

// ---- stays ------------------------------------------------------------------------------------

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

// ---- room blocks ---------------------------------------------------------------------------------

export const BlockSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  from: z.string(),
  to: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export type Block = z.infer<typeof BlockSchema>;
export const BlockCreateSchema = z.object({
  roomId: IdSchema,
  from: DateTimeInputSchema,
  to: DateTimeInputSchema,
  reason: NameSchema(200, 'reason'),
});
export const BlockListQuerySchema = z.object({ from: DateSchema, to: DateSchema });

// ---- the board --------------------------------------------------------------------------------

export const BoardQuerySchema = z.object({
  /** First day shown; default the hotel's today (so a desk can ask before it knows the hotel's zone). */
  from: DateSchema.optional(),
  days: z.coerce.number().int().min(1).max(120).default(14),
});
/** One stay on the board, as the desk reads it (decoded from the compact columns by board-stays.ts). */
export interface BoardStay {
  id: number;
  roomId: number;
  guestName: string;
  guests: number;
  checkinDate: string;
  checkoutDate: string;
  status: StayStatus;
}
const IntColumn = z.array(z.number().int());
/**
 * The board's stays as parallel columns: stay `i` is `id[i]`, `roomId[i]`, … . A dense board (300 rooms
 * × 90 days, ~19 000 stays) as objects was 2.6 MB of JSON, most of it repeated keys and dates; as
 * columns it is a quarter of that and parses and validates in a fraction of the time. Dates are day
 * offsets from the board's `from` (`checkin` may be negative: a stay that began before the window),
 * `nights` the length, `status` an index into `STAY_STATUSES`. Example, from `2026-05-01`: a stay
 * 2026-04-29 → 2026-05-03 is `checkin: -2, nights: 4`.
 */
export const BoardStaysSchema = z.object({
  id: IntColumn,
  roomId: IntColumn,
  guestName: z.array(z.string()),
  guests: IntColumn,
  checkin: IntColumn,
  nights: IntColumn,
  status: z.array(z.number().int().min(0).max(STAY_STATUSES.length - 1)),
});
export type BoardStays = z.infer<typeof BoardStaysSchema>;
export const BoardBlockSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
});
export type BoardBlock = z.infer<typeof BoardBlockSchema>;
export const BoardSchema = z.object({
  from: z.string(),
  /** Exclusive end date. */
  to: z.string(),
  today: z.string(),
  rooms: z.array(RoomSchema),
  stays: BoardStaysSchema,
  blocks: z.array(BoardBlockSchema),
  /** Today's counts at the desk. */
  counts: z.object({ arrivals: z.number().int(), departures: z.number().int(), inHouse: z.number().int() }),
});
export type Board = z.infer<typeof BoardSchema>;

// ---- settings ---------------------------------------------------------------------------------

const HttpUrlSchema = z
  .string()
  .max(500)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const SettingsSchema = z.object({
  hotelName: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.enum(['da', 'en']),
  checkinTime: z.string(),
  checkoutTime: z.string(),
  maxStayNights: z.number().int(),
  billingServiceUrl: z.string(),
  eventServiceUrl: z.string(),
  outboxMaxAttempts: z.number().int(),
  outboxRetentionDays: z.number().int(),
  /** The LAN API: off (127.0.0.1 only) until an admin turns it on. */
  lanEnabled: z.boolean(),
  lanHost: z.string(),
  lanPort: z.number().int(),
  /** Seed 002's `POST /users/` open to anyone, creating `client` users. */
  selfRegistration: z.boolean(),
  /** How long a sign-in lasts. */
  sessionHours: z.number().int(),
});
export type Settings = z.infer<typeof SettingsSchema>;

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const SettingsUpdateSchema = z.object({
  hotelName: NameSchema(120, 'hotel name').optional(),
  timeZone: z.string().max(64).refine(isValidTimeZone, 'is not an IANA time zone').optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as DKK').optional(),
  locale: z.enum(['da', 'en']).optional(),
  checkinTime: TimeOfDaySchema.optional(),
  checkoutTime: TimeOfDaySchema.optional(),
  maxStayNights: z.number().int().min(1).max(365).optional(),
  billingServiceUrl: z.union([HttpUrlSchema, z.literal('')]).optional(),
  eventServiceUrl: z.union([HttpUrlSchema, z.literal('')]).optional(),
  outboxMaxAttempts: z.number().int().min(1).max(100).optional(),
  outboxRetentionDays: z.number().int().min(1).max(365).optional(),
  lanEnabled: z.boolean().optional(),
  lanHost: z.union([z.ipv4(), z.ipv6()], { error: 'expected an IP address such as 0.0.0.0' }).optional(),
  lanPort: z.number().int().min(1024).max(65535).optional(),
  selfRegistration: z.boolean().optional(),
  sessionHours: z.number().int().min(1).max(720).optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

// ---- outbox -----------------------------------------------------------------------------------

export const OutboxMessageSchema = z.object({
  id: z.number().int(),
  target: z.string(),
  topic: z.string(),
  path: z.string(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export const OutboxStatusSchema = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  dead: z.number().int(),
  lastError: z.object({ id: z.number().int(), message: z.string(), at: z.string() }).nullable(),
  deadMessages: z.array(OutboxMessageSchema),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

// ---- export, health, seed 000 ------------------------------------------------------------------

export const StayExportQuerySchema = z.object({
  delimiter: z.enum([',', ';']).default(','),
  bom: QueryBoolSchema.default(false),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  status: StayStatusSchema.optional(),
  roomId: IdSchema.optional(),
});
export type StayExportQuery = z.infer<typeof StayExportQuerySchema>;
export const ExportResultSchema = z.object({ path: z.string().nullable(), rows: z.number().int() });

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), sqlite: z.string() });

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
