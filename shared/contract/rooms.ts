/**
 * Guest rooms (SPEC §3.1): the rooms the desk sells, their category, capacity, nightly rate and
 * housekeeping state; listed, found free for a range, added, changed, taken out of use.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateTimeInputSchema, IdParamSchema, MoneySchema, NameSchema, QueryBoolSchema, queryInt, TextSchema } from './primitives';
import { type EventDefs } from './event-def';
import { ADMIN, DESK } from './roles';
import { STAY_PERIOD_RULES } from './input-rules';

export const HOUSEKEEPING_STATES = ['clean', 'dirty', 'inspected', 'out_of_order'] as const;
export const HousekeepingSchema = z.enum(HOUSEKEEPING_STATES);
export type Housekeeping = z.infer<typeof HousekeepingSchema>;

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
  capacity: z.number().int().min(1).max(20).meta({ description: 'How many guests the room sleeps: 1 to 20.' }),
  nightlyRate: MoneySchema,
  floor: z.number().int().min(-5).max(200),
});
export const RoomCreateSchema = RoomFieldsSchema.extend({ housekeeping: HousekeepingSchema.default('clean') });

/** Only what is sent changes: no defaults here (a default would reset a dirty room to clean). */
export const RoomUpdateSchema = RoomFieldsSchema.partial().extend({
  id: IdParamSchema,
  housekeeping: HousekeepingSchema.optional(),
  active: z.boolean().optional(),
});
export const RoomIdSchema = z.object({ id: IdParamSchema });
export const RoomListQuerySchema = z.object({ includeInactive: QueryBoolSchema.optional() });
export const RoomHousekeepingSchema = z.object({ id: IdParamSchema, housekeeping: HousekeepingSchema });
export const FreeRoomsQuerySchema = z.object({
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  category: TextSchema(80).optional(),
  guests: queryInt(1, 20).optional(),
});

export const roomCommands = defineCommands({
  'rooms:list': {
    summary: 'Guest rooms', tags: ['Guest rooms'], roles: DESK, trustedOutput: true,
    description: 'The hotel\'s guest rooms by number, with category, capacity, nightly rate, floor and housekeeping state; rooms out of use only when asked.',
    example: { includeInactive: false },
    input: RoomListQuerySchema, output: z.array(RoomSchema), http: { method: 'GET', path: '/api/v1/rooms' },
  },
  'rooms:free': {
    summary: 'Rooms free for a whole range', tags: ['Guest rooms'], roles: DESK, trustedOutput: true,
    description:
      'The rooms in use and in order with no stay or block (blocked or out of order) in any night from check-in to check-out, optionally ' +
      'of one category and sleeping at least `guests`. Nights freed by an early departure or a no-show are offered.',
    example: { checkin: '2026-06-01', checkout: '2026-06-04', category: 'Standard double room', guests: 2 },
    input: FreeRoomsQuerySchema, output: z.array(RoomSchema), http: { method: 'GET', path: '/api/v1/rooms/free' },
    rules: STAY_PERIOD_RULES,
  },
  'rooms:create': {
    emits: ['room.changed'],
    summary: 'Add a guest room', tags: ['Guest rooms'], roles: ADMIN, errors: ['CONFLICT'],
    description: 'Adds a room the desk can sell; 409 when its number is taken.',
    example: { number: 214, category: 'Standard double room', capacity: 2, nightlyRate: 112_500, floor: 2 },
    input: RoomCreateSchema, output: RoomSchema, http: { method: 'POST', path: '/api/v1/rooms', status: 201 },
  },
  'rooms:update': {
    emits: ['room.changed'],
    summary: 'Change a guest room', tags: ['Guest rooms'], roles: ADMIN, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Changes only the fields sent (at least one); 409 when the new number is taken.',
    example: { id: 7, nightlyRate: 119_500, category: 'Superior double room' },
    input: RoomUpdateSchema, output: RoomSchema, http: { method: 'PATCH', path: '/api/v1/rooms/:id' },
  },
  'rooms:deactivate': {
    emits: ['room.changed'],
    summary: 'Take a guest room out of use', tags: ['Guest rooms'], roles: ADMIN, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'The room is no longer sold; its history is kept. Refused (409, listing them) while it has booked or in-house stays: move them first.',
    example: { id: 7 },
    input: RoomIdSchema, output: RoomSchema, http: { method: 'POST', path: '/api/v1/rooms/:id/deactivate' },
  },
  'rooms:setHousekeeping': {
    emits: ['room.changed'],
    summary: 'Set a room clean / dirty / inspected / out of order', tags: ['Guest rooms'], roles: DESK, errors: ['NOT_FOUND'],
    description: 'Housekeeping\'s state of a room, shown on the board.',
    example: { id: 7, housekeeping: 'clean' },
    input: RoomHousekeepingSchema, output: RoomSchema, http: { method: 'PUT', path: '/api/v1/rooms/:id/housekeeping' },
  },
});

export const roomEvents = {
  'room.changed': { schema: z.object({ type: z.literal('room.changed'), room: RoomSchema }), audience: () => ({ desk: true }) },
} as const satisfies EventDefs;
