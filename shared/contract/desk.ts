/**
 * The desk's finding and doing (issue 10, items 9, 10 and 16; docs/desk-worklists.md): one search
 * over guests and stays, today's worklists (arrivals, departures, in house) with what is left to do,
 * and what a `client` (the kiosk, a guest app) may book for a period — rooms and categories, never
 * another guest's data.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateOutSchema, DateTimeInputSchema, InstantSchema, NameSchema, queryInt } from './primitives';
import { DESK, EVERYONE } from './roles';
import { HousekeepingSchema } from './rooms';
import { StayStatusSchema } from './stays';
import { STAY_PERIOD_RULES } from './input-rules';

// ---- search ---------------------------------------------------------------------------------------

export const SEARCH_MATCHES = ['id', 'room', 'name', 'email', 'phone'] as const;
export const SearchQuerySchema = z.object({
  q: NameSchema(100, 'q').meta({
    description:
      'What to look for: a stay id or room number (digits), or at least 3 characters of a guest\'s name, e-mail or phone ' +
      '(any part, any case, accents ignored; several words must all match).',
  }),
  limit: queryInt(1, 50).default(20),
});
export const SearchHitSchema = z.object({
  stayId: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  guestName: z.string(),
  guestEmail: z.string().nullable(),
  guestPhone: z.string().nullable(),
  checkinDate: DateOutSchema,
  checkoutDate: DateOutSchema,
  status: StayStatusSchema,
  /** What the query matched: the stay's id, its room's number, or the guest's name, e-mail or phone. */
  matched: z.enum(SEARCH_MATCHES),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResultSchema = z.object({
  items: z.array(SearchHitSchema),
  /** True when more stays matched than `limit` (the desk should type more). */
  more: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

// ---- worklists ------------------------------------------------------------------------------------

/**
 * What is left to do for a stay on a worklist: `check_in` / `check_out` (the one-click action),
 * `overdue` (the departure day has passed and the guest is still checked in), `room_not_clean`
 * (housekeeping has not finished the room), `room_out_of_order`, `room_occupied` (another guest is
 * still checked in there).
 */
export const WORK_TODOS = ['check_in', 'check_out', 'overdue', 'room_not_clean', 'room_out_of_order', 'room_occupied'] as const;
export type WorkTodo = (typeof WORK_TODOS)[number];
export const WorkItemSchema = z.object({
  stayId: z.number().int(),
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  housekeeping: HousekeepingSchema,
  guestName: z.string(),
  guests: z.number().int(),
  checkin: InstantSchema,
  checkout: InstantSchema,
  checkinDate: DateOutSchema,
  checkoutDate: DateOutSchema,
  status: StayStatusSchema,
  todo: z.array(z.enum(WORK_TODOS)),
});
export type WorkItem = z.infer<typeof WorkItemSchema>;
export const WorklistsSchema = z.object({
  today: DateOutSchema,
  /** Booked stays arriving today, not yet checked in. */
  arrivals: z.array(WorkItemSchema),
  /** Checked-in guests due to leave today, and those whose departure day has passed (overdue). */
  departures: z.array(WorkItemSchema),
  /** Every checked-in guest. */
  inHouse: z.array(WorkItemSchema),
});
export type Worklists = z.infer<typeof WorklistsSchema>;

// ---- what a client may book ----------------------------------------------------------------------

export const AvailabilityQuerySchema = z.object({
  checkin: DateTimeInputSchema,
  checkout: DateTimeInputSchema,
  guests: queryInt(1, 20).optional(),
});
export const AvailableRoomSchema = z.object({
  number: z.number().int(),
  category: z.string(),
  capacity: z.number().int(),
  /** Per night, in minor units. */
  nightlyRate: z.number().int(),
  /** The stay's price at that rate (nights × rate), in minor units. */
  price: z.number().int(),
});
export const AvailabilitySchema = z.object({
  checkin: InstantSchema,
  checkout: InstantSchema,
  nights: z.number().int(),
  currency: z.string(),
  /** Each category with a free room, cheapest first, with its free rooms. */
  categories: z.array(z.object({
    category: z.string(),
    fromRate: z.number().int(),
    maxCapacity: z.number().int(),
    rooms: z.array(AvailableRoomSchema),
  })),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

export const deskCommands = defineCommands({
  'desk:search': {
    summary: 'Find a guest or a stay', tags: ['Stays'], roles: DESK,
    description:
      'Stays whose id or room number is the query (digits), or whose guest\'s name, e-mail or phone holds it (at least 3 characters; ' +
      'several words must all be found). In-house and coming stays first, then the nearest in time; `more` says the list was cut.',
    example: { q: 'hansen', limit: 20 },
    input: SearchQuerySchema, output: SearchResultSchema, http: { method: 'GET', path: '/api/v1/search' },
  },
  'desk:worklists': {
    summary: 'Today\'s arrivals, departures and guests in house, with what is left to do', tags: ['Stays'], roles: DESK,
    description:
      'The desk\'s three lists for the hotel\'s today: booked stays arriving today, checked-in guests leaving today or overdue, ' +
      'and everyone in house; each with what is left to do (check in or out, a room not clean or out of order, a room still occupied). ' +
      'A list gets shorter as guests are checked in and out.',
    example: {},
    input: z.object({}), output: WorklistsSchema, http: { method: 'GET', path: '/api/v1/worklists' },
  },
  'rooms:available': {
    summary: 'Categories and rooms free for a period (for guests)', tags: ['Guest rooms'], roles: EVERYONE,
    description:
      'What can be booked from `checkin` to `checkout` for `guests` people: each category with its free rooms, their nightly rate ' +
      'and the stay\'s price. Holds no stays and no other guest\'s data; a kiosk or guest app books one with `POST /bookings`.',
    example: { checkin: '2026-06-01', checkout: '2026-06-04', guests: 2 },
    input: AvailabilityQuerySchema, output: AvailabilitySchema, http: { method: 'GET', path: '/api/v1/rooms/available' },
    rules: [...STAY_PERIOD_RULES, { when: 'the stay would end before now', error: 'checkout is in the past' }],
  },
});
