/**
 * Seed 002's stock API, kept exactly (SPEC §3.3): `GET/POST /resources/` and `GET/POST /bookings/`
 * (with the trailing slash; `/bookings` is seed 000's stays), over the same resources and bookings as
 * the app's own stock API (stock.ts).
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { InstantSchema, NameSchema, TextSchema } from './primitives';
import { DESK, EVERYONE } from './roles';
import { AVAILABLE_ABOVE_TOTAL_RULE, stockQuantity } from './stock';


export const SeedResourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  total_quantity: z.number().int(),
  available_quantity: z.number().int(),
});
export type SeedResource = z.infer<typeof SeedResourceSchema>;

/** `GET /resources/`: in stock and out of stock apart, under the seed's own keys (one with spaces). */
export const SeedResourceListSchema = z.object({
  message: z.string(),
  resources: z.array(SeedResourceSchema),
  'out of stock resources': z.array(SeedResourceSchema),
});
export const SeedResourceCreateSchema = z.object({
  name: NameSchema(120, 'name'),
  description: TextSchema(2000),
  total_quantity: stockQuantity(0),
  available_quantity: stockQuantity(0),
});
export const SeedResourceCreatedSchema = SeedResourceSchema.extend({ message: z.string() });

export const SeedStockBookingSchema = z.object({
  /** The resource's integer id. */
  resource: z.number().int(),
  purchase_quantity: z.number().int(),
  /** ISO 8601 with the hotel's offset. */
  booking_date: InstantSchema,
});
export type SeedStockBooking = z.infer<typeof SeedStockBookingSchema>;
export const SeedStockBookingCreateSchema = z.object({
  /** The resource's name (any case). */
  resource: NameSchema(120, 'resource'),
  purchase_quantity: stockQuantity(1),
});

const SEED_NOTE = 'The original booking system\'s shape, kept exactly.';

export const stockSeedCommands = defineCommands({
  'stock:seedList': {
    summary: 'Resources in stock and out of stock', tags: ['Stock'], roles: EVERYONE,
    description:
      'Every resource in use as `{id, name, description, total_quantity, available_quantity}`, those with some available under ' +
      '`resources`, those with none under `out of stock resources`. ' + SEED_NOTE,
    example: {},
    input: z.object({}), output: SeedResourceListSchema, http: { method: 'GET', path: '/resources/' },
  },
  'stock:seedCreate': {
    emits: ['stock.changed'],
    summary: 'Add a resource', tags: ['Stock'], roles: DESK, errors: ['CONFLICT'],
    description:
      'Adds a resource (extra beds, bikes…): 201; 400 for a missing field, a negative quantity or more available than the total; ' +
      '409 when the name is taken (in any case).',
    example: { name: 'Extra bed', description: 'Folding bed with linen', total_quantity: 6, available_quantity: 6 },
    input: SeedResourceCreateSchema, output: SeedResourceCreatedSchema, http: { method: 'POST', path: '/resources/', status: 201 },
    rules: [AVAILABLE_ABOVE_TOTAL_RULE],
  },
  'stock:seedBookings': {
    summary: 'Stock bookings', tags: ['Stock'], roles: EVERYONE,
    description:
      'Every stock booking as `{resource, purchase_quantity, booking_date}` (the resource\'s id; the date with the hotel\'s offset), ' +
      'oldest first. A client sees its own bookings only. ' + SEED_NOTE,
    example: {},
    input: z.object({}), output: z.array(SeedStockBookingSchema), http: { method: 'GET', path: '/bookings/' },
  },
  'stock:seedBook': {
    emits: ['stock.changed'],
    summary: 'Book a quantity of a resource', tags: ['Stock'], roles: EVERYONE, errors: ['NOT_FOUND', 'CONFLICT'],
    description:
      'Takes `purchase_quantity` of the resource named `resource`: 201; 409 when fewer are left (saying how many are); ' +
      '404 for an unknown resource; 400 for a quantity below 1 or a missing field. The check and the decrement are one transaction.',
    example: { resource: 'Extra bed', purchase_quantity: 1 },
    input: SeedStockBookingCreateSchema, output: SeedStockBookingSchema, http: { method: 'POST', path: '/bookings/', status: 201 },
  },
});
