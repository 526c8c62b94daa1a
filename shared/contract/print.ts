/**
 * The desk's printed lists (issue 17 §2; docs/printing.md): today's arrivals, departures and guests
 * in house with each stay's price, and every room's housekeeping state by floor. The same lists as the
 * desk's worklists (`desk:worklists`: which stays, in which order), with what paper needs beside them.
 * The print views, the desktop's print-to-PDF and the downtime pack all read this one answer.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateOutSchema, InstantSchema } from './primitives';
import { DESK } from './roles';
import { HousekeepingSchema } from './rooms';
import { WorkItemSchema } from './desk';

/**
 * A stay on a printed list: its worklist row plus what the paper shows. `price` is the stay's price
 * (minor units): Frontdesk records no payments (billing is another service), so this is what the
 * guest owes for the room, not a balance after payments.
 */
export const PrintStaySchema = WorkItemSchema.extend({
  category: z.string(),
  floor: z.number().int(),
  nights: z.number().int(),
  price: z.number().int(),
  guestEmail: z.string().nullable(),
  guestPhone: z.string().nullable(),
  notes: z.string(),
});
export type PrintStay = z.infer<typeof PrintStaySchema>;

/** A room on the housekeeping list: its state, and who is in it, leaving or arriving today. */
export const PrintRoomSchema = z.object({
  number: z.number().int(),
  floor: z.number().int(),
  category: z.string(),
  housekeeping: HousekeepingSchema,
  /** The guest checked in there, if any. */
  inHouse: z.string().nullable(),
  /** That guest leaves today (or is overdue). */
  departing: z.boolean(),
  /** A booked guest arrives today. */
  arriving: z.string().nullable(),
});
export type PrintRoom = z.infer<typeof PrintRoomSchema>;

export const PrintListsSchema = z.object({
  hotelName: z.string(),
  currency: z.string(),
  /** The hotel's today, in its zone. */
  today: DateOutSchema,
  /** When the lists were read (the paper says how fresh it is). */
  printedAt: InstantSchema,
  arrivals: z.array(PrintStaySchema),
  departures: z.array(PrintStaySchema),
  inHouse: z.array(PrintStaySchema),
  /** Every active room, by floor and number. */
  rooms: z.array(PrintRoomSchema),
});
export type PrintLists = z.infer<typeof PrintListsSchema>;

export const printCommands = defineCommands({
  'print:lists': {
    summary: 'Today\'s lists for paper: arrivals, departures, in house (with prices) and housekeeping by floor', tags: ['Stays'], roles: DESK,
    description:
      'What the desk prints, and what the downtime pack holds: the worklists of the hotel\'s today (the same stays as ' +
      '`GET /api/v1/worklists`) with each stay\'s category, floor, nights, price and contact, and every active room with its ' +
      'housekeeping state and who is in it, leaving or arriving. Prices are the stays\' prices: payments are not recorded here.',
    example: {},
    input: z.object({}), output: PrintListsSchema, http: { method: 'GET', path: '/api/v1/print/lists' },
  },
});
