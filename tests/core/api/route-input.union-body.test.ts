/**
 * One path, several seeds: a command whose JSON body is a union of objects is served at one path,
 * validated by the route, documented as `oneOf`, and handed to the handler as the option it matched,
 * with path parameters merged. A command may word a refused body as its seed does
 * (`badInputMessage`). Shown on a test-only command set shaped like seed 001's and seed 003's
 * `POST /api/v1/bookings` (the real commands are declared by the next issue).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractRoute, splitInput } from '../../../core/api/contract-routes';
import { registerErrorHandler } from '../../../core/api/error-handler';
import { registerOpenApi } from '../../../core/api/openapi-docs';
import { anonymousContext, type HandledCommandName } from '../../../core/context';
import { defineCommands, type CommandDef } from '../../../shared/contract/command-def';
import { DateSchema, IdParamSchema, IdSchema } from '../../../shared/contract/primitives';
import { EVERYONE } from '../../../shared/contract/roles';

/** Seed 001: a provider appointment. */
const ProviderBookingSchema = z.object({ provider_id: IdSchema, date: DateSchema, time: z.string().regex(/^\d{2}:\d{2}$/) });
/** Seed 003: a service-room appointment. */
const TimeslotBookingSchema = z.object({ timeslotId: IdSchema, roomId: IdSchema });

/** Each seed's own words for a refused body, told apart by the fields it sent. */
function seedBookingMessage(body: unknown, generated: string): string {
  const sent = body !== null && typeof body === 'object' ? Object.keys(body) : [];
  if (sent.includes('provider_id')) return 'Missing required fields: provider_id, date, time';
  if (sent.includes('timeslotId') || sent.includes('roomId')) return 'timeslotId and roomId are required';
  return generated;
}

const testCommands = defineCommands({
  'appointments:create': {
    summary: 'Book an appointment', tags: ['Stays'], roles: EVERYONE, errors: ['NOT_FOUND', 'CONFLICT'],
    description: 'A provider appointment (`provider_id`, `date`, `time`) or a service-room appointment (`timeslotId`, `roomId`).',
    example: { provider_id: 3, date: '2026-06-01', time: '10:30' },
    input: z.xor([ProviderBookingSchema, TimeslotBookingSchema]),
    output: z.object({ kind: z.string(), input: z.record(z.string(), z.unknown()) }),
    http: { method: 'POST', path: '/api/v1/bookings', status: 201 },
    badInputMessage: seedBookingMessage,
  },
  'appointments:reschedule': {
    summary: 'Move an appointment', tags: ['Stays'], roles: EVERYONE,
    description: 'New date and time, or a new timeslot, for appointment `:id`.',
    example: { id: 9, newTimeslotId: 4 },
    input: z.xor([
      z.object({ id: IdParamSchema, date: DateSchema, time: z.string() }),
      z.object({ id: IdParamSchema, newTimeslotId: IdSchema }),
    ]),
    output: z.object({ kind: z.string(), input: z.record(z.string(), z.unknown()) }),
    http: { method: 'PUT', path: '/api/v1/bookings/:id/reschedule' },
  },
}) satisfies Record<string, CommandDef>;

type TestName = keyof typeof testCommands;

let app: FastifyInstance;
const received: unknown[] = [];

beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { logInternal: () => undefined });
  app.decorateRequest('callContext', null);
  // The week the examples are written for: they are served as written.
  await registerOpenApi(app, { today: () => '2026-05-31' });
  const core = {
    contextFor: () => anonymousContext('http'),
    authorize: () => undefined,
    call: async (name: string, input: unknown) => {
      received.push(input);
      return { kind: 'provider_id' in (input as object) || 'date' in (input as object) ? 'provider' : 'timeslot', input: input as Record<string, unknown> };
    },
  };
  for (const name of Object.keys(testCommands) as TestName[]) {
    app.route(contractRoute(core as never, name as unknown as HandledCommandName, testCommands[name]));
  }
  await app.ready();
});
afterAll(async () => await app.close());

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/bookings', payload: payload as object });

describe('one path, one command, a body of either shape', () => {
  it('serves each option and hands the handler the parsed option', async () => {
    const a = await post({ provider_id: 3, date: '2026-06-01', time: '10:30', extra: 'dropped' });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toEqual({ kind: 'provider', input: { provider_id: 3, date: '2026-06-01', time: '10:30' } });
    const b = await post({ timeslotId: 7, roomId: 2 });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual({ kind: 'timeslot', input: { timeslotId: 7, roomId: 2 } });
  });

  it("answers a refused body in the seed's own words", async () => {
    for (const body of [{ provider_id: 3 }, { provider_id: 3, date: '2026-02-30', time: '10:30' }]) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'Missing required fields: provider_id, date, time' });
    }
    for (const body of [{ timeslotId: 7 }, { roomId: 2 }, { timeslotId: '7', roomId: 2 }]) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'timeslotId and roomId are required' });
    }
  });

  it('refuses a body matching both shapes (the union is exclusive), and names the closest shape otherwise', async () => {
    expect((await post({ provider_id: 3, date: '2026-06-01', time: '10:30', timeslotId: 7, roomId: 2 })).statusCode).toBe(400);
    const res = await app.inject({ method: 'PUT', url: '/api/v1/bookings/9/reschedule', payload: { date: '2026-06-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Missing required fields: time' });
  });

  it('merges the path parameters into whichever option the body matched', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/v1/bookings/9/reschedule', payload: { newTimeslotId: 4 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'timeslot', input: { newTimeslotId: 4, id: 9 } });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/bookings/0x9/reschedule', payload: { newTimeslotId: 4 } })).statusCode).toBe(400);
  });

  it('documents the body as oneOf the options, with the example and the error statuses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { oneOf: { required: string[] }[] }; example: unknown }> }; responses: Record<string, unknown> }>>;
    };
    const op = doc.paths['/api/v1/bookings']!.post!;
    const media = op.requestBody.content['application/json']!;
    expect(media.schema.oneOf.map((o) => o.required)).toEqual([['provider_id', 'date', 'time'], ['timeslotId', 'roomId']]);
    expect(media.example).toEqual(testCommands['appointments:create'].example);
    expect(Object.keys(op.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429', '431', '500']);
    const moved = doc.paths['/api/v1/bookings/{id}/reschedule']!.put!.requestBody.content['application/json']!.schema;
    expect(moved.oneOf.map((o) => o.required)).toEqual([['date', 'time'], ['newTimeslotId']]);
  });

  it('refuses a union input where there is no JSON body to carry it', () => {
    const def = { ...testCommands['appointments:create'], http: { method: 'GET', path: '/api/v1/bookings' } } as CommandDef;
    expect(() => splitInput('appointments:list', def)).toThrow(/needs a JSON body/);
  });
});
