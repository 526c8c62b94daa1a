/**
 * The desk's own stay workflows beyond seed 000 (issue 10 items 6 and 7): what a move or new dates
 * would cost before the user chooses (`stays:quote`), editing a stay's guest details
 * (`stays:updateGuest`), and a returning guest's profile (`guests:profile`: the stays that share an
 * e-mail address or a phone number). The choice keep / reprice itself is the `pricing` field of
 * `stays:move` and `stays:changeDates` (stays.ts).
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { DateOutSchema, DateTimeInputSchema, EmailAddressSchema, IdParamSchema, NameSchema, queryInt, TextSchema } from './primitives';
import { DESK } from './roles';
import { StaySchema } from './stays';
import { ROOM_CAPACITY_RULE, STAY_PERIOD_RULES } from './input-rules';

/** What a stay would be, for a quote: its room, local dates, nights, and the prices to choose from. */
export const StayPlacementSchema = z.object({
  roomId: z.number().int(),
  roomNumber: z.number().int(),
  category: z.string(),
  checkinDate: DateOutSchema,
  checkoutDate: DateOutSchema,
  nights: z.number().int(),
});

export const StayQuoteQuerySchema = z.object({
  id: IdParamSchema,
  /** The room it would move to (default: its room). */
  roomId: IdParamSchema.optional(),
  /** New dates (default: its dates). */
  checkin: DateTimeInputSchema.optional(),
  checkout: DateTimeInputSchema.optional(),
});

export const StayQuoteSchema = z.object({
  id: z.number().int(),
  current: StayPlacementSchema.extend({ price: z.number().int() }),
  proposed: StayPlacementSchema.extend({
    /** The price if the user keeps it: the agreed price, unchanged. */
    keepPrice: z.number().int(),
    /** The price if the user reprices: the nights × the (new) room's nightly rate. */
    repricePrice: z.number().int(),
    nightlyRate: z.number().int(),
  }),
  /** True when keeping and repricing give different prices: the UI must ask. */
  differs: z.boolean(),
});
export type StayQuote = z.infer<typeof StayQuoteSchema>;

const PhoneSchema = TextSchema(40).trim();

/** Only what is sent changes; `guestEmail` / `guestPhone` null (or '') clears it. */
export const StayGuestUpdateSchema = z.object({
  id: IdParamSchema,
  guestName: NameSchema(120, 'guest name').optional(),
  guestEmail: z.union([EmailAddressSchema(200), z.literal(''), z.null()]).optional(),
  guestPhone: z.union([PhoneSchema, z.null()]).optional(),
  guests: z.number().int().min(1).max(20).optional().meta({ description: 'How many guests stay (1–20); at most the room\'s capacity.' }),
  notes: TextSchema(2000, { multiline: true }).optional(),
});

export const GuestProfileQuerySchema = z.object({
  email: EmailAddressSchema(200).optional(),
  phone: PhoneSchema.optional(),
  limit: queryInt(1, 200).default(50),
});

export const GuestProfileSchema = z.object({
  /** The newest stay's name, e-mail and phone: how the guest was last known. */
  guestName: z.string().nullable(),
  guestEmail: z.string().nullable(),
  guestPhone: z.string().nullable(),
  /** How many stays the profile joins (all, not only those listed). */
  total: z.number().int(),
  /** The guest's stays, newest arrival first. */
  stays: z.array(StaySchema),
});
export type GuestProfile = z.infer<typeof GuestProfileSchema>;

export const stayDeskCommands = defineCommands({
  'stays:quote': {
    summary: 'What a move or new dates would cost', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND'],
    description:
      'The stay\'s current room, dates and price beside the proposed ones, with both prices to choose from: `keepPrice` (the ' +
      'agreed price) and `repricePrice` (nights × the new room\'s nightly rate). Writes nothing and checks no availability; ' +
      '`stays:move` and `stays:changeDates` then take the choice as `pricing`.',
    example: { id: 42, roomId: 5, checkin: '2026-06-01', checkout: '2026-06-06' },
    input: StayQuoteQuerySchema, output: StayQuoteSchema, http: { method: 'GET', path: '/api/v1/stays/:id/quote' },
    rules: STAY_PERIOD_RULES,
  },
  'stays:updateGuest': {
    emits: ['stay.changed'],
    summary: 'Change a stay\'s guest details', tags: ['Stays'], roles: DESK, errors: ['NOT_FOUND'],
    description:
      'Changes only the fields sent: guest name, e-mail, phone (null clears), number of guests (at most the room\'s capacity: 400 ' +
      'otherwise) and notes. Audited with the old and new values.',
    example: { id: 42, guestName: 'Mette Hansen', guestEmail: 'mette@example.dk', guestPhone: '+45 20 12 34 56', guests: 2, notes: 'Late arrival' },
    input: StayGuestUpdateSchema, output: StaySchema, http: { method: 'PATCH', path: '/api/v1/stays/:id/guest' },
    rules: [ROOM_CAPACITY_RULE],
    selfAudited: true,
  },
  'guests:profile': {
    summary: 'A returning guest: the stays that share an e-mail or phone', tags: ['Stays'], roles: DESK,
    description:
      'The stays whose guest has this e-mail address (case-insensitive) or this phone number (spaces, dashes and brackets ' +
      'ignored), and the stays that share an address or number with those, newest first; with the name, e-mail and phone ' +
      'the guest was last known by. An empty profile (total 0) when nobody matches.',
    example: { email: 'mette.hansen@example.dk', limit: 20 },
    input: GuestProfileQuerySchema, output: GuestProfileSchema, http: { method: 'GET', path: '/api/v1/guests/profile' },
    rules: [{ when: 'neither `email` nor a `phone` with more than spaces, dashes, dots and brackets is sent', error: 'Send an e-mail address or a phone number' }],
  },
});
