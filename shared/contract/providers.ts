/**
 * Providers (SPEC §3.2, seed 001): a therapist or a tour guide, booked at a date and time through
 * `POST /api/v1/bookings` with `{provider_id, date, time}`. Appointment length, working hours per
 * weekday, days off and a buffer after each appointment decide when they are free. Deactivated,
 * never deleted (their appointments are history).
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { WEEK_HOURS_RULE } from './input-rules';
import { getByIdCommand } from './command-shapes';
import { DateOutSchema, DateSchema, EmailAddressSchema, IdParamSchema, InstantSchema, MoneySchema, NameSchema, QueryBoolSchema } from './primitives';
import { ADMIN, EVERYONE } from './roles';
import { ProviderSchema, WeekHoursSchema } from './appointments';

export const ProviderListQuerySchema = z.object({ includeInactive: QueryBoolSchema.optional() });
export const ProviderIdSchema = z.object({ id: IdParamSchema });

const ProviderFields = {
  name: NameSchema(120, 'name'),
  email: EmailAddressSchema(200),
  appointmentMinutes: z.number().int().min(5).max(480).meta({ description: 'Length of one appointment in minutes (default 30).' }),
  bufferMinutes: z.number().int().min(0).max(240).meta({ description: 'Minutes kept free after each appointment (default 0).' }),
  price: MoneySchema,
  workingHours: WeekHoursSchema.meta({ description: 'Per weekday `{start, end}` or null (not working); default every day 09:00–17:00.' }),
  daysOff: z.array(DateSchema).max(1000),
  active: z.boolean(),
};

export const ProviderCreateSchema = z.object({
  name: ProviderFields.name,
  email: ProviderFields.email,
  appointmentMinutes: ProviderFields.appointmentMinutes.default(30),
  bufferMinutes: ProviderFields.bufferMinutes.default(0),
  price: ProviderFields.price.default(0),
  workingHours: ProviderFields.workingHours.optional(),
  daysOff: ProviderFields.daysOff.default([]),
  active: ProviderFields.active.default(true),
});
export type ProviderCreate = z.output<typeof ProviderCreateSchema>;

export const ProviderUpdateSchema = z.object({
  id: IdParamSchema,
  name: ProviderFields.name.optional(),
  email: ProviderFields.email.optional(),
  appointmentMinutes: ProviderFields.appointmentMinutes.optional(),
  bufferMinutes: ProviderFields.bufferMinutes.optional(),
  price: ProviderFields.price.optional(),
  workingHours: ProviderFields.workingHours.optional(),
  daysOff: ProviderFields.daysOff.optional(),
  active: ProviderFields.active.optional(),
});
export type ProviderUpdate = z.output<typeof ProviderUpdateSchema>;

export const ProviderAvailabilityQuerySchema = z.object({ id: IdParamSchema, date: DateSchema });
export const ProviderAvailabilitySchema = z.object({
  providerId: z.number().int(),
  date: DateOutSchema,
  durationMinutes: z.number().int(),
  /** The free start times, hotel-local `HH:MM:SS` (seed 001's `time`). */
  times: z.array(z.string()),
  slots: z.array(z.object({ time: z.string(), startTime: InstantSchema, endTime: InstantSchema })),
});

const TAG = ['Providers'] as const;

export const providerCommands = defineCommands({
  'providers:list': {
    summary: 'Providers', tags: TAG, roles: EVERYONE,
    description: 'Therapists, guides and others one books by date and time, by name; those out of use only when asked.',
    example: { includeInactive: false },
    input: ProviderListQuerySchema, output: z.array(ProviderSchema), http: { method: 'GET', path: '/api/v1/providers' },
  },
  'providers:get': getByIdCommand({
    summary: 'One provider', tags: TAG, roles: EVERYONE,
    description: 'A provider with appointment length, working hours, days off and buffer; 404 `Provider not found`.',
    exampleId: 1, input: ProviderIdSchema, output: ProviderSchema, path: '/api/v1/providers/:id',
  }),
  'providers:create': {
    emits: ['appointmentSetup.changed'],
    summary: 'Add a provider', tags: TAG, roles: ADMIN, errors: ['CONFLICT'],
    description: '201 with the provider (and its `id`); the e-mail is unique (409). Default: 30-minute appointments, every day 09:00–17:00, no buffer.',
    example: {
      name: 'Sofie Lund', email: 'sofie.lund@example.dk', appointmentMinutes: 60, bufferMinutes: 15, price: 65_000,
      workingHours: { mon: { start: '09:00', end: '17:00' }, tue: { start: '09:00', end: '17:00' }, wed: null, thu: { start: '12:00', end: '20:00' }, fri: { start: '09:00', end: '15:00' }, sat: null, sun: null },
      daysOff: ['2026-06-05'], active: true,
    },
    input: ProviderCreateSchema, output: ProviderSchema, http: { method: 'POST', path: '/api/v1/providers', status: 201 },
    rules: [WEEK_HOURS_RULE],
  },
  'providers:update': {
    emits: ['appointmentSetup.changed'],
    summary: 'Change a provider', tags: TAG, roles: ADMIN, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'Changes the fields sent; `active: false` takes the provider out of use (never deleted: their appointments are history).',
    example: { id: 1, bufferMinutes: 10, daysOff: ['2026-06-05', '2026-06-06'] },
    input: ProviderUpdateSchema, output: ProviderSchema, http: { method: 'PATCH', path: '/api/v1/providers/:id' },
    rules: [WEEK_HOURS_RULE],
  },
  'providers:availability': {
    summary: 'A provider\'s free start times on a day', tags: TAG, roles: EVERYONE, errors: ['NOT_FOUND'],
    description:
      'Every start time on the hotel-local `date` at which an appointment of the provider\'s length fits in the working hours, is not ' +
      'in the past and overlaps no booking (buffer included): seed 001\'s availability checker. Empty on a day off.',
    example: { id: 1, date: '2026-06-01' },
    input: ProviderAvailabilityQuerySchema, output: ProviderAvailabilitySchema, http: { method: 'GET', path: '/api/v1/providers/:id/availability' },
  },
});
