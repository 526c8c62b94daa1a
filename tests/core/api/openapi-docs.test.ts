/**
 * The API document at /docs/json, as a LAN integrator uses it: valid OpenAPI (checked by a maintained
 * validator), a bearer scheme with the public routes marked public, declared tags, and per operation
 * a description with the roles, an example the contract accepts, and every status it can answer with
 * the `{"error"}` schema. Every answer the API tests receive is checked against this document by
 * tests/support/openapi-conformance.ts.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorStatuses } from '../../../core/api/openapi-docs';
import { carriesRefusal, REFUSAL_HEADERS } from '../../../core/api/openapi-refusal-headers';
import { commandNames, commands, type CommandDef, type CommandName } from '../../../shared/contract/commands';
import { DATE_TIME_PATTERN, EMAIL_RE, EMAIL_TRIMMED_PATTERN, HTTP_URL_RE } from '../../../shared/contract/input-patterns';
import { MIN_PASSWORD_LENGTH } from '../../../shared/contract/password-policy';
import { TAGS } from '../../../shared/contract/tags';
import { decodeReasonParams, REASON_HEADER, REASON_PARAMS_HEADER } from '../../../shared/errors';
import { aRoom, aStay } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  description?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  examples?: unknown[];
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  parameters?: { name: string; in: string; schema: Schema; example?: unknown }[];
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }>;
}
interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  components: {
    securitySchemes: Record<string, { type: string; scheme: string }>;
    headers: Record<string, { description: string; required: boolean; schema: Schema }>;
  };
  paths: Record<string, Record<string, Operation>>;
}

let api: TestApi;
let doc: OpenApiDoc;

beforeAll(async () => {
  api = await startTestApi();
  const res = await api.get<OpenApiDoc>('/docs/json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => await api.close());

const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');
const operationOf = (name: CommandName): Operation => {
  const def = commands[name] as CommandDef;
  return doc.paths[openApiPath(def.http.path)]![def.http.method.toLowerCase()]!;
};
const bodySchema = (name: CommandName) => operationOf(name).requestBody!.content['application/json']!.schema;
const parameter = (name: CommandName, key: string) => operationOf(name).parameters!.find((p) => p.name === key)!;
const param = (name: CommandName, key: string) => parameter(name, key).schema;

describe('OpenAPI at /docs', () => {
  it('is a valid OpenAPI document, says the validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is titled "Frontdesk API" with the app version', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: 'Frontdesk API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("lists seed 000's paths exactly", () => {
    expect(Object.keys(doc.paths['/bookings'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/bookings/export/csv']?.get).toBeDefined();
    // `/bookings/` (the slash) is seed 002's stock bookings, a different path and operation.
    expect(doc.paths['/bookings/']?.post?.summary).toBe('Book a quantity of a resource');
  });

  it("lists seed 002's stock paths exactly, trailing slashes included", () => {
    expect(Object.keys(doc.paths['/resources/'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/bookings/'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/resources']).toBeUndefined();
  });

  it('documents every command of the contract at its path and method', () => {
    for (const [name, def] of Object.entries(commands) as [string, CommandDef][]) {
      const op = doc.paths[openApiPath(def.http.path)]?.[def.http.method.toLowerCase()];
      expect(op, `${name}: ${def.http.method} ${def.http.path}`).toBeDefined();
    }
  });

  it("derives the request schemas from the contract's zod schemas", () => {
    expect(bodySchema('stays:seedCreate').required).toEqual(expect.arrayContaining(['roomnumber', 'category', 'checkin', 'checkout']));
    const params = operationOf('stays:checkIn').parameters ?? [];
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
  });

  it('leaves out the docs, the WebSocket and the renderer', () => {
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/docs') || p === '/ws' || p === '/')).toEqual([]);
  });

  it('serves the docs page', async () => {
    const res = await api.raw({ method: 'GET', url: '/docs/' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
  });
});

describe('signing in from the docs page', () => {
  it('declares a bearer scheme required by default (the Authorize button)', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('marks the public routes public, and the self-registration route as optionally signed in', () => {
    for (const name of commandNames) {
      const def = commands[name] as CommandDef;
      const op = operationOf(name);
      if (def.roles === 'public') expect(op.security, name).toEqual([]);
      else if (def.openWhen) expect(op.security, name).toEqual([{ bearerAuth: [] }, {}]);
      else expect(op.security, name).toBeUndefined();
    }
  });

  it('names the roles that may call each operation, in its description and as x-roles', () => {
    for (const name of commandNames) {
      const def = commands[name] as CommandDef;
      const op = operationOf(name);
      expect(op['x-roles'], name).toEqual(def.roles === 'public' ? ['public'] : [...def.roles]);
      expect(op.description, name).toMatch(/\*\*Who may call it:\*\*/);
      if (def.roles !== 'public') for (const role of def.roles) expect(op.description, name).toContain(role);
    }
  });
});

describe('each operation, as an integrator reads it', () => {
  it('belongs to declared tags, each described in the hotel’s words', () => {
    expect(doc.tags.map((t) => t.name)).toEqual(Object.keys(TAGS));
    for (const t of doc.tags) expect(t.description.length, t.name).toBeGreaterThan(20);
    const declared = new Set(Object.keys(TAGS));
    for (const name of commandNames) for (const tag of operationOf(name).tags ?? []) expect(declared.has(tag), `${name}: ${tag}`).toBe(true);
    expect(JSON.stringify(doc.tags) + JSON.stringify(commandNames.map((n) => operationOf(n).tags))).not.toMatch(/seed/i);
  });

  it('has a description and an example the contract accepts, for every command', () => {
    for (const name of commandNames) {
      const def = commands[name] as CommandDef;
      expect(def.description.length, name).toBeGreaterThan(20);
      const parsed = (def.input as z.ZodType).safeParse(def.example);
      expect(parsed.success ? [] : parsed.error.issues, `${name}: its example`).toEqual([]);
    }
    // Dated from the test clock's tomorrow on (Friday 2026-05-01: the examples' Monday 06-01 becomes 05-04; openapi-dated-examples.ts).
    expect(operationOf('stays:create').requestBody!.content['application/json']!.example).toEqual({ ...commands['stays:create'].example, checkin: '2026-05-04', checkout: '2026-05-07' });
    expect(parameter('stays:list', 'guest').example).toBe('Hansen');
    expect(parameter('stays:get', 'id').example).toBe(42);
  });

  it('lists every status it can answer, each error with the {"error"} schema and no ranges', () => {
    for (const name of commandNames) {
      const def = commands[name] as CommandDef;
      const op = operationOf(name);
      const statuses = Object.keys(op.responses);
      expect(statuses, name).toEqual([String(def.http.status ?? 200), ...[...errorStatuses(def).keys()].map(String)]);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(op.responses[status]!.content!['application/json']!.schema, `${name} ${status}`).toMatchObject({ type: 'object', required: ['error'] });
        expect(op.responses[status]!.description.length, `${name} ${status}`).toBeGreaterThan(5);
      }
      expect(op.responses['429']!.headers, name).toHaveProperty('Retry-After');
    }
  });

  it('derives the statuses from the flags: public → no 401/403; a body → 413/415; declared errors → their statuses', () => {
    expect(Object.keys(operationOf('health:get').responses)).toEqual(['200', '400', '429', '431', '500', '503']);
    expect(operationOf('health:ready').responses['503']!.headers).toHaveProperty('Retry-After');
    expect(Object.keys(operationOf('health:live').responses)).toEqual(['200', '400', '429', '431', '500']);
    expect(Object.keys(operationOf('auth:login').responses)).toEqual(['200', '400', '401', '413', '415', '429', '431', '500']);
    expect(Object.keys(operationOf('stays:create').responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429', '431', '500']);
    expect(Object.keys(operationOf('stays:get').responses)).toEqual(['200', '400', '401', '403', '404', '429', '431', '500']);
    // DELETE /api/v1/bookings/:id also matches /api/v1/bookings/rooms, a GET-only path: 405 with Allow is listed there.
    expect(operationOf('appointments:delete').responses['405']!.headers).toHaveProperty('Allow');
  });

  it('states formats for dates, instants, e-mails and URLs', () => {
    const stay = operationOf('stays:get').responses['200']!.content!['application/json']!.schema.properties!;
    expect(stay.checkin!.format).toBe('date-time');
    expect(stay.checkinDate!.format).toBe('date');
    expect(bodySchema('stays:create').properties!.guestEmail!.format).toBe('email');
    expect(bodySchema('stays:create').properties!.guestEmail!.pattern).toBe(EMAIL_RE.source);
    // A user's e-mail is trimmed by the server: its pattern allows the white space, which `format: email` would not.
    expect(bodySchema('users:create').properties!.email).toMatchObject({ pattern: EMAIL_TRIMMED_PATTERN });
    expect(bodySchema('users:create').properties!.email!.format).toBeUndefined();
    expect(param('blocks:list', 'from').format).toBe('date');
    expect(bodySchema('stays:create').properties!.checkin!.pattern).toBe(DATE_TIME_PATTERN);
    const url = bodySchema('settings:update').properties!.billingServiceUrl!.anyOf!;
    expect(url.map((s) => s.pattern)).toContain(HTTP_URL_RE.source);
  });

  it('states what the server enforces: password policy, IANA zone, capacity, NUL, strict ids', () => {
    expect(bodySchema('users:create').properties!.password!.description).toContain(`At least ${MIN_PASSWORD_LENGTH}`);
    expect(bodySchema('settings:update').properties!.timeZone!.description).toMatch(/IANA/);
    expect(bodySchema('rooms:create').properties!.capacity).toMatchObject({ minimum: 1, maximum: 20 });
    expect(bodySchema('stays:create').properties!.notes!.description).toMatch(/NUL/);
    // A path id is its digits: the document shows the number it is, within what the server takes (issue 18).
    expect(param('stays:get', 'id')).toMatchObject({ type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER });
    expect(bodySchema('stays:create').properties!.notes!.pattern).toBeDefined();
    expect(bodySchema('stays:create').properties!.guestName!.pattern).toBeDefined();
    expect(doc.info.description).toMatch(/__proto__|strict/i);
  });
});

describe('the CSV downloads (csv-routes.ts, one route per export command)', () => {
  it('answer 200 text/csv with a Content-Disposition naming the export file', () => {
    const exportNames = commandNames.filter((n) => (commands[n] as CommandDef).export);
    expect(exportNames.length).toBeGreaterThanOrEqual(3);
    for (const name of exportNames) {
      const ok = operationOf(name).responses[String((commands[name] as CommandDef).http.status ?? 200)]!;
      expect(Object.keys(ok.content ?? {}), name).toEqual(['text/csv']);
      expect(ok.headers, name).toHaveProperty('Content-Disposition');
    }
  });
});

describe('refusal headers (X-Frontdesk-Reason, X-Frontdesk-Reason-Params)', () => {
  const refs = {
    'X-Frontdesk-Reason': { $ref: '#/components/headers/X-Frontdesk-Reason' },
    'X-Frontdesk-Reason-Params': { $ref: '#/components/headers/X-Frontdesk-Reason-Params' },
  };

  it('are described once: what they are, that they are optional, and where the codes are listed', () => {
    expect(REFUSAL_HEADERS.map((h) => h.toLowerCase())).toEqual([REASON_HEADER, REASON_PARAMS_HEADER]);
    const { headers } = doc.components;
    expect(headers['X-Frontdesk-Reason']).toMatchObject({ required: false, schema: { type: 'string' } });
    expect(headers['X-Frontdesk-Reason']!.description).toMatch(/stable code/);
    expect(headers['X-Frontdesk-Reason-Params']).toMatchObject({ required: false, schema: { type: 'string' } });
    expect(headers['X-Frontdesk-Reason-Params']!.description).toMatch(/percent-encoded JSON/);
    for (const h of Object.values(headers)) expect(h.description).toContain('renderer/src/i18n/refusal-text.ts');
    expect(doc.info.description).toContain('X-Frontdesk-Reason');
  });

  it('are listed on every 4xx answer of every operation but 413 and 415 (Fastify answers those without a code)', () => {
    for (const name of commandNames) {
      for (const [status, response] of Object.entries(operationOf(name).responses)) {
        const listed = Object.keys(response.headers ?? {}).filter((h) => h.startsWith('X-Frontdesk-'));
        expect(listed, `${name} ${status}`).toEqual(carriesRefusal(Number(status)) ? [...REFUSAL_HEADERS] : []);
      }
    }
    expect([400, 401, 403, 404, 409, 429].every(carriesRefusal)).toBe(true);
    expect([200, 201, 413, 415, 500].some(carriesRefusal)).toBe(false);
  });

  it("on seed 000's POST /bookings: its 400 and 409 list both, its bodies stay exactly {\"error\"}", () => {
    const post = doc.paths['/bookings']!.post!;
    for (const status of ['400', '409']) {
      expect(post.responses[status]!.headers, status).toEqual(refs);
      expect(post.responses[status]!.content!['application/json']!.schema, status).toMatchObject({
        type: 'object', properties: { error: { type: 'string' } }, required: ['error'], additionalProperties: false,
      });
    }
    expect(post.responses['429']!.headers).toEqual({ 'Retry-After': expect.anything(), ...refs });
    expect(post.responses['201']!.headers).toBeUndefined();
  });

  it('a real refusal carries them beside a {"error"} body (each answer is also checked against the document)', async () => {
    await api.t.core.handlers['rooms:create'](aRoom({ number: 101, category: 'Standard single room' }), adminCtx);
    await api.post('/api/v1/stays', aStay({ roomId: 1, checkin: '2026-06-02', checkout: '2026-06-04', guestName: 'Søren Ærø' }));
    const seed = { roomnumber: 101, category: 'Standard single room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-05T12:00:00' };

    const taken = await api.post('/bookings', seed);
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ error: 'Room 101 is not available from 2026-06-01 to 2026-06-05' });
    expect(taken.headers[REASON_HEADER]).toBe('stays.roomTakenByStay');
    expect(decodeReasonParams(taken.headers[REASON_PARAMS_HEADER] as string)).toMatchObject({ room: 101, stayId: 1, guest: 'Søren Ærø' });

    const invalid = await api.post('/bookings', { ...seed, checkout: 'soon' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body as object)).toEqual(['error']);
    expect(invalid.headers[REASON_HEADER]).toMatch(/^(input|time)\./);
  });
});
