/** Room blocks (SPEC §3.1): a room taken out of sale for a period (maintenance, out of order). */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { DateSchema, DateTimeInputSchema, IdSchema, NameSchema } from './primitives';
import { DESK } from './roles';

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
export const BlockIdSchema = z.object({ id: IdSchema });

export const blockCommands = defineCommands({
  'blocks:list': {
    summary: 'Room blocks overlapping a date range', tags: ['blocks'], roles: DESK,
    input: BlockListQuerySchema, output: z.array(BlockSchema), http: { method: 'GET', path: '/api/v1/blocks' },
  },
  'blocks:create': {
    summary: 'Block a room (maintenance, out of order)', tags: ['blocks'], roles: DESK,
    input: BlockCreateSchema, output: BlockSchema, http: { method: 'POST', path: '/api/v1/blocks', status: 201 },
  },
  'blocks:remove': {
    summary: 'Remove a room block', tags: ['blocks'], roles: DESK,
    input: BlockIdSchema, output: z.object({ id: z.number().int() }), http: { method: 'DELETE', path: '/api/v1/blocks/:id' },
  },
});

export const blockEvents = {
  'block.changed': {
    schema: z.object({ type: z.literal('block.changed'), action: z.enum(['created', 'removed']), block: BlockSchema }),
    audience: () => ({ desk: true }),
  },
} as const satisfies EventDefs;
