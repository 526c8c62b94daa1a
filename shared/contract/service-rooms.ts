/**
 * Service rooms and their timeslots (SPEC §3.2, seed 003): browsing is public
 * (`/api/v1/bookings/rooms…`), managing is the admin's (`/api/v1/admin/rooms…`,
 * `/api/v1/admin/timeslots…`). Seed 003's paths, bodies, defaults and messages are kept exactly.
 * The schemas live in appointments.ts (one vocabulary for the domain).
 */
import { z } from 'zod';
import { bodyOf, defineCommands, type InputRule } from './command-def';
import { getByIdCommand, pageListCommand, pageQuerySchema, pageSchema } from './command-shapes';
import { type EventDefs } from './event-def';
import { DATE_TIME_PATTERN } from './input-patterns';
import { IdParamSchema, IdSchema, MessageSchema, MoneySchema, NameSchema, QueryBoolSchema, queryInt, TextSchema } from './primitives';
import { ADMIN } from './roles';
import { ServiceRoomSchema, ServiceRoomTypeSchema, TimeslotSchema, WorkingHoursSchema } from './appointments';

export const ServiceRoomPageSchema = pageSchema(ServiceRoomSchema).extend({ pages: z.number().int() });

export const ServiceRoomListQuerySchema = pageQuerySchema(
  {
    type: TextSchema(40).optional().meta({ description: 'office, consultation, meeting or treatment.' }),
    /** `true` (default): active rooms only; `false`: every room. */
    active: QueryBoolSchema.default(true),
  },
  25,
);

export const ServiceRoomIdSchema = z.object({ id: IdParamSchema });

export const FreeTimeslotsQuerySchema = z.object({
  id: IdParamSchema,
  /** Required; checked by the service against the same pattern, for seed 003's own messages and order (404 first). */
  date: z.string().max(40).optional().meta({
    pattern: DATE_TIME_PATTERN,
    description:
      'The day, ISO 8601: a date (`2026-06-01`), a date-time in the hotel\'s wall time (its date), or a date-time with `Z` or an ' +
      'offset (the hotel-local date of that instant: `2024-11-01T23:30:00-05:00` is 2024-11-02 in Copenhagen). Required.',
    'x-required': true,
  }),
  duration: queryInt(1, 24 * 60).default(30).meta({ description: 'Only slots at least this many minutes long (default 30).' }),
});
export const FreeTimeslotsSchema = z.object({
  room: ServiceRoomSchema,
  date: z.string().meta({ description: 'The `date` as it was sent (seed 003), not the hotel-local date it was read as.' }),
  timeslots: z.array(TimeslotSchema),
});

const MetadataSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((m) => JSON.stringify(m).length <= 10_000, 'metadata is too large (at most 10 000 characters of JSON)')
  .nullable()
  .meta({ description: 'Free-form JSON object (equipment, floor, …), at most 10 000 characters.' });

export const ServiceRoomCreateSchema = z.object({
  name: NameSchema(120, 'name'),
  roomType: ServiceRoomTypeSchema,
  description: TextSchema(2000).nullable().optional(),
  capacity: z.number().int().min(1).max(100).default(1).meta({ description: 'Bookings each generated timeslot holds by default (1–100).' }),
  hourlyRate: MoneySchema.nullable().optional().meta({ description: 'Price per hour in minor units; default 0.' }),
  isActive: z.boolean().default(true),
  metadata: MetadataSchema.optional(),
});
export const ServiceRoomUpdateSchema = z.object({
  id: IdParamSchema,
  name: NameSchema(120, 'name').optional(),
  roomType: ServiceRoomTypeSchema.optional(),
  description: TextSchema(2000).nullable().optional(),
  capacity: z.number().int().min(1).max(100).optional(),
  hourlyRate: MoneySchema.nullable().optional(),
  isActive: z.boolean().optional(),
  metadata: MetadataSchema.optional(),
});

const blank = (v: unknown) => v === undefined || v === null || v === '' || v === 0 || v === false || (typeof v === 'string' && v.trim() === '');

/** Seed 003's `'<field> is required'`, the first of `fields` missing from the body, else the API's own words. */
export function requiredFieldMessage(fields: readonly string[]) {
  return (body: unknown, generated: string): string => {
    const b = bodyOf(body);
    if ('id' in b && Object.keys(b).length === 1) return generated; // a path parameter
    const missing = fields.find((f) => blank(b[f]));
    return missing ? `${missing} is required` : generated;
  };
}

/**
 * Seed 003's date text in a body: checked by the service against the document's pattern, so a date
 * it cannot read is 400 `Invalid date format for startDate. Use ISO 8601` as before.
 */
const SeedDateTextSchema = z.string().min(10).max(40).meta({ pattern: DATE_TIME_PATTERN });

export const TimeslotGenerateSchema = z.object({
  roomId: IdSchema,
  /** ISO dates (a date-time counts as its date), both inclusive. */
  startDate: SeedDateTextSchema.meta({ description: 'First day, ISO 8601 (`2026-06-01` or `2026-06-01T00:00:00`: a date-time counts as the date written).' }),
  endDate: SeedDateTextSchema.meta({ description: 'Last day (inclusive), ISO 8601, as `startDate`.' }),
  slotDuration: z.number().int().min(5).max(480).default(30).meta({ description: 'Minutes per slot (default 30).' }),
  workingHours: WorkingHoursSchema.default({ start: '09:00', end: '17:00' }),
  excludedDates: z.array(SeedDateTextSchema).max(1000).nullable().optional(),
  capacity: z.number().int().min(1).max(100).optional().meta({ description: 'Bookings each slot holds; default the room\'s capacity.' }),
});
export type TimeslotGenerate = z.output<typeof TimeslotGenerateSchema>;
export const TimeslotGeneratedSchema = z.object({
  message: z.string(),
  count: z.number().int(),
  dateRange: z.object({ start: z.string(), end: z.string() }),
});
export const TimeslotIdSchema = z.object({ id: IdParamSchema });

const ROOMS = ['Service rooms'] as const;

/** A generation covers at most two years and a day. */
export const MAX_GENERATION_DAYS = 731;
/** A generation's rules beyond its schema (core/appointments/service-rooms-service.ts). */
const GENERATION_RULES: readonly InputRule[] = [
  { when: '`endDate` before `startDate`', error: 'endDate must not be before startDate' },
  { when: `more than ${MAX_GENERATION_DAYS} days from \`startDate\` to \`endDate\``, error: `A generation covers at most ${MAX_GENERATION_DAYS} days` },
  { when: '`workingHours.end` not after `workingHours.start`', error: 'workingHours: end must be after start' },
];

export const serviceRoomCommands = defineCommands({
  'serviceRooms:list': pageListCommand({
    summary: 'Service rooms', tags: ROOMS, roles: 'public',
    description:
      'The spa, meeting and treatment rooms one can book, by name: `{items, total, page, limit, pages}`. `type` filters by room type, ' +
      '`active=false` lists rooms out of use too; `limit` (default 25) above 100 is read as 100. No sign-in needed.',
    example: { type: 'treatment', active: true, page: 1, limit: 25 },
    input: ServiceRoomListQuerySchema, output: ServiceRoomPageSchema, path: '/api/v1/bookings/rooms',
  }),
  'serviceRooms:get': getByIdCommand({
    summary: 'One service room', tags: ROOMS, roles: 'public',
    description: 'A service room\'s details; 404 `Room not found`. No sign-in needed.',
    exampleId: 2, input: ServiceRoomIdSchema, output: ServiceRoomSchema, path: '/api/v1/bookings/rooms/:id',
  }),
  'serviceRooms:freeTimeslots': {
    summary: 'Free timeslots of a service room on a day', tags: ROOMS, roles: 'public', errors: ['NOT_FOUND'],
    description:
      'The room\'s timeslots that still have a free seat and have not begun, on the hotel-local day `date` names (a date-time with an ' +
      'offset names the hotel\'s day at that instant): `{room, date, timeslots}`, with `date` as it was sent, as seed 003 answers it ' +
      '(`?date=2024-11-01T23:30:00-05:00` answers that text, with the slots of 2 November in Copenhagen). ' +
      '404 `Room not found` (before the date is read), 400 `Date parameter is required`, 400 `Invalid date format. Use ISO 8601`. No sign-in needed.',
    example: { id: 2, date: '2026-06-01', duration: 30 },
    input: FreeTimeslotsQuerySchema, output: FreeTimeslotsSchema, http: { method: 'GET', path: '/api/v1/bookings/rooms/:id/timeslots' },
  },
  'serviceRooms:create': {
    emits: ['appointmentSetup.changed'],
    summary: 'Add a service room', tags: ROOMS, roles: ADMIN,
    description: 'A new service room: 201 with the room. 400 `name is required`, 400 `roomType is required`; roomType is office, consultation, meeting or treatment.',
    example: { name: 'Spa room 1', roomType: 'treatment', description: 'Massage table, shower', capacity: 1, hourlyRate: 90_000, isActive: true, metadata: { floor: -1 } },
    input: ServiceRoomCreateSchema, output: ServiceRoomSchema, http: { method: 'POST', path: '/api/v1/admin/rooms', status: 201 },
    badInputMessage: requiredFieldMessage(['name', 'roomType']),
  },
  'serviceRooms:update': {
    emits: ['appointmentSetup.changed'],
    summary: 'Change a service room', tags: ROOMS, roles: ADMIN, errors: ['NOT_FOUND'],
    description: 'Changes the fields sent (name, description, capacity, roomType, hourlyRate, isActive, metadata); 404 `Room not found`.',
    example: { id: 2, name: 'Spa room 1', hourlyRate: 95_000, isActive: true },
    input: ServiceRoomUpdateSchema, output: ServiceRoomSchema, http: { method: 'PUT', path: '/api/v1/admin/rooms/:id' },
  },
  'serviceRooms:deactivate': {
    emits: ['appointmentSetup.changed'],
    summary: 'Take a service room out of use', tags: ROOMS, roles: ADMIN, errors: ['NOT_FOUND'],
    description: 'Seed 003\'s delete is a deactivation: `{message: "Room deactivated"}`; its bookings and timeslots are kept.',
    example: { id: 2 },
    input: ServiceRoomIdSchema, output: MessageSchema, http: { method: 'DELETE', path: '/api/v1/admin/rooms/:id' },
  },
  'timeslots:generate': {
    emits: ['appointmentSetup.changed'],
    summary: 'Generate timeslots for a service room', tags: ROOMS, roles: ADMIN, errors: ['NOT_FOUND'],
    description:
      'Slots of `slotDuration` minutes (default 30) within `workingHours` (default 09:00–17:00, hotel-local wall time) on every day from ' +
      '`startDate` to `endDate` except `excludedDates`: 201 `{message: "Generated N timeslots", count, dateRange}`. Idempotent: a slot that ' +
      'exists, or that would overlap one, is not made again. DST-correct: each slot is its real length, and a wall time skipped by a DST ' +
      'change makes no slot. 400 `roomId is required`, `startDate is required`, `endDate is required`.',
    example: { roomId: 2, startDate: '2026-06-01', endDate: '2026-06-30', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' }, excludedDates: ['2026-06-05'], capacity: 1 },
    input: TimeslotGenerateSchema, output: TimeslotGeneratedSchema, http: { method: 'POST', path: '/api/v1/admin/timeslots/generate', status: 201 },
    badInputMessage: requiredFieldMessage(['roomId', 'startDate', 'endDate']),
    rules: GENERATION_RULES,
  },
  'timeslots:preview': {
    emits: [],
    summary: 'How many timeslots a generation would make', tags: ROOMS, roles: ADMIN, errors: ['NOT_FOUND'],
    description: 'The same body as the generation; answers how many new slots it would make now, and makes none.',
    example: { roomId: 2, startDate: '2026-06-01', endDate: '2026-06-30', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' }, excludedDates: ['2026-06-05'], capacity: 1 },
    input: TimeslotGenerateSchema, output: TimeslotGeneratedSchema, http: { method: 'POST', path: '/api/v1/admin/timeslots/preview' },
    badInputMessage: requiredFieldMessage(['roomId', 'startDate', 'endDate']),
    rules: GENERATION_RULES,
  },
  'timeslots:delete': {
    emits: ['appointmentSetup.changed'],
    summary: 'Delete a timeslot', tags: ROOMS, roles: ADMIN, errors: ['NOT_FOUND'],
    description: '`{message: "Timeslot deleted"}`; 400 `Cannot delete timeslot with existing bookings`; 404 `Timeslot not found`.',
    example: { id: 31 },
    input: TimeslotIdSchema, output: MessageSchema, http: { method: 'DELETE', path: '/api/v1/admin/timeslots/:id' },
    rules: [{ when: 'the timeslot has bookings', error: 'Cannot delete timeslot with existing bookings' }],
  },
});

export const SETUP_PARTS = ['rooms', 'timeslots', 'providers'] as const;

export const serviceRoomEvents = {
  /** Service rooms, timeslots or providers changed: the desk's calendar and admin screens reload. */
  'appointmentSetup.changed': {
    schema: z.object({ type: z.literal('appointmentSetup.changed'), what: z.enum(SETUP_PARTS) }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
