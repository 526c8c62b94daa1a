/**
 * Guest rooms (SPEC §3.1): the rooms the desk sells, their category, capacity, nightly rate and
 * housekeeping state; listed, found free for a range, added, changed, taken out of use.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateTimeInputSchema, IdSchema, MoneySchema, NameSchema, QueryBoolSchema, TextSchema } from './primitives';
import { type EventDefs } from './event-def';
import { ADMIN, DESK } from './roles';

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

export const roomCommands = defineCommands({
  'rooms:list': {
    summary: 'Guest rooms', tags: ['rooms'], roles: DESK,
    input: RoomListQuerySchema, output: z.array(RoomSchema), http: { method: 'GET', path: '/api/v1/rooms' },
  },
  'rooms:free': {
    summary: 'Rooms free for a whole range', tags: ['rooms'], roles: DESK,
    input: FreeRoomsQuerySchema, output: z.array(RoomSchema), http: { method: 'GET', path: '/api/v1/rooms/free' },
  },
  'rooms:create': {
    summary: 'Add a guest room', tags: ['rooms'], roles: ADMIN,
    input: RoomCreateSchema, output: RoomSchema, http: { method: 'POST', path: '/api/v1/rooms', status: 201 },
  },
  'rooms:update': {
    summary: 'Change a guest room', tags: ['rooms'], roles: ADMIN,
    input: RoomUpdateSchema, output: RoomSchema, http: { method: 'PATCH', path: '/api/v1/rooms/:id' },
  },
  'rooms:deactivate': {
    summary: 'Take a guest room out of use (its history stays)', tags: ['rooms'], roles: ADMIN,
    input: RoomIdSchema, output: RoomSchema, http: { method: 'POST', path: '/api/v1/rooms/:id/deactivate' },
  },
  'rooms:setHousekeeping': {
    summary: 'Set a room clean / dirty / inspected / out of order', tags: ['rooms'], roles: DESK,
    input: RoomHousekeepingSchema, output: RoomSchema, http: { method: 'PUT', path: '/api/v1/rooms/:id/housekeeping' },
  },
});

export const roomEvents = {
  'room.changed': { schema: z.object({ type: z.literal('room.changed'), room: RoomSchema }), audience: () => ({ desk: true }) },
} as const satisfies EventDefs;
