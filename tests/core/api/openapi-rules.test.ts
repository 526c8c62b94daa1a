/**
 * The API document states what the server enforces (issue 18 item 5) where no format says it: a new
 * password's length, the zones and currencies as lists, the statuses an admin may set, no
 * `__proto__` key in a body, and each operation's rules across fields, against the clock or the
 * records in its description with the 400's message as an example (core/api/openapi-rules.ts). The
 * document-driven fuzzer (tests/integration/openapi-fuzz.test.ts) checks all of it against the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTABLE_STATUSES } from '../../../shared/contract/appointments';
import { commands, type CommandName } from '../../../shared/contract/commands';
import { DST_GAP_RULE } from '../../../shared/contract/input-rules';
import { MIN_PASSWORD_LENGTH } from '../../../shared/contract/password-policy';
import { timeZoneNames } from '../../../shared/time-zones';
import { aRoom } from '../../support/builders';
import { startTestApi, type TestApi } from '../../support/http-client';
import { adminCtx } from '../../support/test-core';

interface Schema {
  enum?: unknown[];
  minLength?: number;
  propertyNames?: unknown;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  anyOf?: Schema[];
}
interface Operation {
  description: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, { summary: string; value: { error: string } }> }> }>;
}

let api: TestApi;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  api = await startTestApi();
  paths = (await api.get<{ paths: typeof paths }>('/docs/json')).body.paths;
});
afterAll(() => api.close());

const operationOf = (name: CommandName): Operation => {
  const def = commands[name];
  return paths[def.http.path.replace(/:([A-Za-z_]+)/g, '{$1}')]![def.http.method.toLowerCase()]!;
};
const body = (name: CommandName) => operationOf(name).requestBody!.content['application/json']!.schema;
const examples400 = (name: CommandName) => Object.values(operationOf(name).responses['400']!.content!['application/json']!.examples ?? {}).map((e) => e.value.error);

describe('single fields', () => {
  it('a new password is at least the policy\'s length; a password to sign in with is any', () => {
    expect(body('users:create').properties!.password!.minLength).toBe(MIN_PASSWORD_LENGTH);
    expect(body('users:seedCreate').properties!.confirm_password!.minLength).toBe(MIN_PASSWORD_LENGTH);
    expect(body('auth:changePassword').properties!.newPassword!.minLength).toBe(MIN_PASSWORD_LENGTH);
    expect(body('users:resetPassword').properties!.newPassword!.minLength).toBe(MIN_PASSWORD_LENGTH);
    expect(body('auth:login').properties!.password!.minLength).toBe(1);
  });

  it('lists the time zones, currencies and settable statuses the server takes', () => {
    const settings = body('settings:update').properties!;
    expect(settings.timeZone!.enum).toEqual([...timeZoneNames()]);
    expect(settings.timeZone!.enum).toEqual(expect.arrayContaining(['UTC', 'Europe/Copenhagen']));
    expect(settings.timeZone!.enum).not.toContain('US/Eastern');
    expect(settings.currency!.enum).toEqual(Intl.supportedValuesOf('currency'));
    expect(body('appointments:setStatus').properties!.status!.enum).toEqual([...SETTABLE_STATUSES]);
  });

  it('refuses a __proto__ or constructor key in any object of a body, as the document says', async () => {
    const notForbidden = { not: { enum: ['__proto__', 'constructor'] } };
    expect(body('stays:create').propertyNames).toEqual(notForbidden);
    expect(body('providers:create').properties!.workingHours!.propertyNames).toEqual(notForbidden);
    expect(body('serviceRooms:create').properties!.metadata!.anyOf![0]!.propertyNames).toEqual(notForbidden);
    const res = await api.raw({ method: 'POST', url: '/api/v1/rooms', headers: { 'content-type': 'application/json' }, payload: '{"number": 501, "category": "Single", "capacity": 1, "nightlyRate": 90000, "__proto__": {}}' });
    expect(res).toMatchObject({ status: 400, body: { error: 'Forbidden key "__proto__" in the body' } });
  });
});

describe('rules across fields, against the clock or the records', () => {
  it('are listed in the description, each with its 400 message as an example', () => {
    const op = operationOf('stays:create');
    expect(op.description).toContain('**Also refused with 400**');
    expect(op.description).toContain('- more guests than the room sleeps: `Room 104 sleeps at most 2 guests`');
    expect(examples400('stays:create')).toEqual(expect.arrayContaining(['checkout must be after checkin', 'Room 104 sleeps at most 2 guests']));
    expect(examples400('guests:profile')).toEqual(['Send an e-mail address or a phone number']);
    expect(examples400('rentals:reserve')).toContain('A rental lasts at most 90 days, not 120');
    expect(examples400('appointments:setStatus')).toEqual(expect.arrayContaining(['Invalid status transition to: completed', 'Invalid status transition to: cancelled']));
  });

  it('include the DST rule exactly where a date-time is taken', () => {
    expect(examples400('stays:create')).toContain(DST_GAP_RULE.error);
    expect(examples400('blocks:create')).toContain(DST_GAP_RULE.error);
    expect(examples400('stays:get')).toEqual([]);
    expect(operationOf('stays:get').description).not.toContain('Also refused');
  });

  it('word the refusal as the server does', async () => {
    await api.t.core.handlers['rooms:create'](aRoom({ number: 104, capacity: 2 }), adminCtx);
    const room = (await api.t.core.handlers['rooms:list']({}, adminCtx)).find((r) => r.number === 104)!;
    const stay = { roomId: room.id, guestName: 'Mette Hansen' };
    // 02:30 on the last Sunday of March does not exist in Copenhagen.
    expect(await api.post('/api/v1/stays', { ...stay, checkin: '2027-03-28T02:30', checkout: '2027-03-30' })).toMatchObject({
      status: 400, body: { error: '2027-03-28T02:30 does not exist in Europe/Copenhagen (daylight saving time change)' },
    });
    expect(await api.post('/api/v1/stays', { ...stay, checkin: '2026-06-01', checkout: '2026-06-04', guests: 3 })).toMatchObject({ status: 400, body: { error: 'Room 104 sleeps at most 2 guests' } });
    expect(await api.get('/api/v1/guests/profile')).toMatchObject({ status: 400, body: { error: 'Send an e-mail address or a phone number' } });
  });
});
