/** The front-desk board: guest rooms × days with their stays and blocks, in one call. */
import { z } from 'zod';
import { BLOCK_KINDS } from '../rules/stay-rules';
import { STAY_STATUSES, type StayStatus } from '../rules/stay-rules';
import { defineCommands } from './command-def';
import { DateOutSchema, DateSchema, queryInt } from './primitives';
import { DESK } from './roles';
import { RoomSchema } from './rooms';

export const BoardQuerySchema = z.object({
  /** First day shown; default the hotel's today (so a desk can ask before it knows the hotel's zone). */
  from: DateSchema.optional(),
  days: queryInt(1, 120).default(14),
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
  fromDate: DateOutSchema,
  toDate: DateOutSchema,
  reason: z.string(),
  /** `blocked` or `out_of_order` (stays' rules, issue 10). */
  kind: z.enum(BLOCK_KINDS),
});
export type BoardBlock = z.infer<typeof BoardBlockSchema>;
export const BoardSchema = z.object({
  from: DateOutSchema,
  /** Exclusive end date. */
  to: DateOutSchema,
  today: DateOutSchema,
  rooms: z.array(RoomSchema),
  stays: BoardStaysSchema,
  blocks: z.array(BoardBlockSchema),
  /** Today's counts at the desk. */
  counts: z.object({ arrivals: z.number().int(), departures: z.number().int(), inHouse: z.number().int() }),
});
export type Board = z.infer<typeof BoardSchema>;

export const boardCommands = defineCommands({
  'board:get': {
    summary: 'Rooms × days with stays and blocks, in one call', tags: ['Front-desk board'], roles: DESK, trustedOutput: true, boot: true,
    description:
      'The board from `from` (default: the hotel\'s today) for `days` days: every room, the stays as compact columns ' +
      '(day offsets from `from`, status indexes), the blocks, and today\'s arrivals, departures and guests in house.',
    example: { from: '2026-06-01', days: 14 },
    input: BoardQuerySchema, output: BoardSchema, http: { method: 'GET', path: '/api/v1/board' },
  },
});
