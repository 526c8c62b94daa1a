/** Room blocks (SPEC §3.1): a room taken out of sale for a period (maintenance, out of order). */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { DateOutSchema, DateSchema, DateTimeInputSchema, IdParamSchema, IdSchema, InstantSchema, NameSchema } from './primitives';
import { BLOCK_KINDS } from '../rules/stay-rules';
import { DESK } from './roles';
import { BLOCK_PERIOD_RULES, PERIOD_RULE } from './input-rules';

export const BlockSchema = z.object({
  id: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  from: InstantSchema,
  to: InstantSchema,
  fromDate: DateOutSchema,
  toDate: DateOutSchema,
  reason: z.string(),
  /** `blocked` (held back, maintenance) or `out_of_order`: either way the room is not sold for the period. */
  kind: z.enum(BLOCK_KINDS),
  createdAt: InstantSchema,
});
export type Block = z.infer<typeof BlockSchema>;
export const BlockCreateSchema = z.object({
  roomId: IdSchema,
  from: DateTimeInputSchema,
  to: DateTimeInputSchema,
  reason: NameSchema(200, 'reason'),
  kind: z.enum(BLOCK_KINDS).default('blocked'),
});
/** Only what is sent changes; the result is re-checked like a new block. */
export const BlockUpdateSchema = z.object({
  id: IdParamSchema,
  roomId: IdSchema.optional(),
  from: DateTimeInputSchema.optional(),
  to: DateTimeInputSchema.optional(),
  reason: NameSchema(200, 'reason').optional(),
  kind: z.enum(BLOCK_KINDS).optional(),
});
export const BlockListQuerySchema = z.object({ from: DateSchema, to: DateSchema });
export const BlockIdSchema = z.object({ id: IdParamSchema });

export const blockCommands = defineCommands({
  'blocks:list': {
    summary: 'Room blocks overlapping a date range', tags: ['Room blocks'], roles: DESK,
    description: 'The blocks that overlap the hotel-local dates [from, to).',
    example: { from: '2026-06-01', to: '2026-07-01' },
    input: BlockListQuerySchema, output: z.array(BlockSchema), http: { method: 'GET', path: '/api/v1/blocks' },
    rules: [PERIOD_RULE],
  },
  'blocks:create': {
    emits: ['block.changed'],
    summary: 'Block a room', tags: ['Room blocks'], roles: DESK, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE'],
    description:
      'Takes a room out of sale for a period (`kind`: `blocked`, or `out_of_order`) with a reason; 409 when a stay or another block ' +
      'overlaps (the message names it). Dates alone cover those nights: 06-10 → 06-12 is the nights of the 10th and 11th.',
    example: { roomId: 7, from: '2026-06-10', to: '2026-06-12', reason: 'New carpet', kind: 'out_of_order' },
    input: BlockCreateSchema, output: BlockSchema, http: { method: 'POST', path: '/api/v1/blocks', status: 201 },
    rules: BLOCK_PERIOD_RULES,
  },
  'blocks:update': {
    emits: ['block.changed'],
    summary: 'Change a room block', tags: ['Room blocks'], roles: DESK, errors: ['NOT_FOUND', 'ROOM_UNAVAILABLE'],
    description: 'Another room, period, reason or kind (only what is sent changes); re-checked like a new block: 409 when a stay or block is in the way.',
    example: { id: 3, to: '2026-06-14', reason: 'New carpet and paint' },
    input: BlockUpdateSchema, output: BlockSchema, http: { method: 'PATCH', path: '/api/v1/blocks/:id' },
    rules: BLOCK_PERIOD_RULES,
  },
  'blocks:remove': {
    emits: ['block.changed'],
    summary: 'Remove a room block', tags: ['Room blocks'], roles: DESK, errors: ['NOT_FOUND'],
    description: 'The room can be sold again for the block\'s period.',
    example: { id: 3 },
    input: BlockIdSchema, output: z.object({ id: z.number().int() }), http: { method: 'DELETE', path: '/api/v1/blocks/:id' },
  },
});

export const blockEvents = {
  'block.changed': {
    schema: z.object({ type: z.literal('block.changed'), action: z.enum(['created', 'changed', 'removed']), block: BlockSchema }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
