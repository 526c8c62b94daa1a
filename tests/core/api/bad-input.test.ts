/**
 * "Every bad input gets a clear 4xx, never a crash or a 5xx." For every route of the contract, start
 * from a valid request and spoil one field at a time with hostile values (wrong types, impossible and
 * extreme dates, huge numbers, long and odd text), on a hotel with real rooms, stays and users — once
 * signed in (as a role the route allows) and once anonymous. Anonymous callers of a guarded route get
 * 401 whatever they send (the guard runs before validation), unless the URL itself is one the router
 * cannot read (400 before any route).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands, type CommandDef, type CommandName } from '../../../shared/contract/commands';
import { pathParams } from '../../../core/api/contract-routes';
import { aRoom, aStay } from '../../support/builders';
import { startTestApi, type RawOptions, type TestApi } from '../../support/http-client';
import { signIn, TEST_PASSWORD, type Session } from '../../support/sessions';
import { adminCtx, deskCtx } from '../../support/test-core';

const RANGE = { from: '2026-05-01', to: '2026-06-01' };

/** A valid input per command (what a careful client would send); `victim` is a user the admin manages. */
function validInputs(victim: Session): Record<CommandName, Record<string, unknown>> {
  return {
    'health:get': {},
    'auth:login': { username: victim.username, password: TEST_PASSWORD },
    'auth:logout': {},
    'auth:me': {},
    'auth:changePassword': { currentPassword: TEST_PASSWORD, newPassword: 'Another-Strong-Pass-42' },
    'users:seedList': {},
    'users:seedCreate': { username: 'new.guest', email_address: 'new.guest@example.test', password: TEST_PASSWORD, confirm_password: TEST_PASSWORD },
    'users:list': {},
    'users:create': { username: 'new.staff', email: 'new.staff@example.test', password: TEST_PASSWORD, role: 'staff' },
    'users:update': { id: victim.userId, email: 'victim@example.test', role: 'staff', active: true },
    'users:resetPassword': { id: victim.userId, newPassword: 'Reset-Password-9931' },
    'audit:list': { actor: 'admin', action: 'auth:login', entity: 'user', ...RANGE, limit: 10, beforeId: 100 },
    'audit:export': { actor: 'admin', action: 'auth:login', entity: 'user', ...RANGE, delimiter: ';', bom: true },
    'network:status': {},
    'stays:seedList': { ...RANGE, limit: 10 },
    'stays:seedCreate': { roomnumber: 101, category: 'Standard double room', checkin: '2026-06-01', checkout: '2026-06-03', guest_name: 'Ann', guests: 1, price: 1, notes: 'n' },
    'stays:seedExport': { delimiter: ';', bom: true, ...RANGE, status: 'booked', roomId: 1 },
    'stays:export': { delimiter: ',', bom: false, ...RANGE, status: 'booked', roomId: 1 },
    'rooms:list': { includeInactive: true },
    'rooms:free': { checkin: '2026-05-02', checkout: '2026-05-04', category: 'Standard double room', guests: 1 },
    'rooms:create': { number: 150, category: 'Suite', capacity: 2, nightlyRate: 100, floor: 1, housekeeping: 'clean' },
    'rooms:update': { id: 1, number: 101, category: 'Standard double room', capacity: 2, nightlyRate: 100, floor: 1, active: true },
    'rooms:deactivate': { id: 3 },
    'rooms:setHousekeeping': { id: 1, housekeeping: 'dirty' },
    'stays:list': { roomId: 1, status: 'booked', ...RANGE, guest: 'Mette', limit: 5, offset: 0 },
    'stays:get': { id: 1 },
    'stays:create': {
      roomId: 2, checkin: '2026-07-01', checkout: '2026-07-03', guestName: 'Ann', guestEmail: 'ann@example.dk', guestPhone: '+45 1234', guests: 1, price: 100, notes: 'n',
    },
    'stays:move': { id: 1, roomId: 2 },
    'stays:changeDates': { id: 1, checkin: '2026-05-01', checkout: '2026-05-04', price: 100 },
    'stays:cancel': { id: 2 },
    'stays:checkIn': { id: 1 },
    'stays:checkOut': { id: 1 },
    'stays:noShow': { id: 2 },
    'blocks:list': RANGE,
    'blocks:create': { roomId: 1, from: '2026-08-01', to: '2026-08-03', reason: 'Paint' },
    'blocks:remove': { id: 1 },
    'board:get': { from: '2026-05-01', days: 14 },
    'settings:get': {},
    'settings:update': { hotelName: 'H', checkinTime: '14:00', maxStayNights: 30, billingServiceUrl: '', outboxMaxAttempts: 5 },
    'outbox:status': {},
    'outbox:retry': { id: 1 },
  };
}

const HOSTILE: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x', 'x'.repeat(5_000), [], [1, 2], {}, { $gt: 1 },
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-05-01T25:61:00', '2026-03-29T02:30:00', '2026-05-01T14:00:00+99:00',
  'Europe/Nowhere', '1e999', 'NaN', '-0', "'; DROP TABLE stays; --", '\u0000\uffff', '../../etc/passwd', '%00',
];

/** What the router answers before any route (and so before any guard) for a URL it cannot read. */
const ROUTER_REFUSALS = new Set(['{"error":"Malformed URL"}', '{"error":"A path parameter is too long"}']);

let api: TestApi;
let VALID: Record<CommandName, Record<string, unknown>>;
/** The token each command is fuzzed with when signed in. */
const tokens = new Map<CommandName, string>();
let adminToken: string;

beforeAll(async () => {
  api = await startTestApi();
  const h = api.t.core.handlers;
  for (const n of [101, 102, 103]) h['rooms:create'](aRoom({ number: n }), adminCtx);
  h['stays:create'](aStay({ roomId: 1 }), deskCtx);
  h['stays:create'](aStay({ roomId: 2, checkin: '2026-05-05', checkout: '2026-05-07' }), deskCtx);
  h['blocks:create']({ roomId: 1, from: '2026-09-01', to: '2026-09-02', reason: 'x' }, deskCtx);
  const victim = await signIn(api.t.core, 'staff');
  VALID = validInputs(victim);
  adminToken = (await api.session('admin')).token;
  // The own password change is fuzzed by a user of its own: a hostile value the policy accepts changes it.
  tokens.set('auth:changePassword', (await signIn(api.t.core, 'client')).token);
  // Every login attempt below counts against 127.0.0.1's back-off; the sessions above were made first.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  await api.close();
  vi.restoreAllMocks();
});

function request(def: CommandDef, input: Record<string, unknown>) {
  let url = def.http.path;
  const rest: Record<string, unknown> = { ...input };
  for (const p of pathParams(def.http.path)) {
    url = url.replace(`:${p}`, encodeURIComponent(typeof rest[p] === 'object' ? JSON.stringify(rest[p]) : String(rest[p])));
    delete rest[p];
  }
  if (def.http.method === 'GET' || def.http.method === 'DELETE') {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) {
      if (Array.isArray(v)) for (const item of v) qs.append(k, String(item));
      else if (v !== undefined) qs.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    return { method: def.http.method, url: qs.size ? `${url}?${qs}` : url };
  }
  return { method: def.http.method, url, payload: JSON.stringify(rest), headers: { 'content-type': 'application/json' } };
}

/** Signed in as the admin (every route allows it), but the own password change (see beforeAll). */
function signedIn(name: CommandName): Record<string, string> {
  return { authorization: `Bearer ${tokens.get(name) ?? adminToken}` };
}

type Caller = 'signed in' | 'anonymous';

/** The problem with an answer, or undefined when it is right for who asked. */
function problem(caller: Caller, def: CommandDef, res: { status: number; text: string; body: unknown }): string | undefined {
  if (res.status >= 500) return `${res.status} ${res.text}`;
  if (res.status >= 400 && typeof (res.body as { error?: unknown }).error !== 'string') return `${res.status} without {"error"}`;
  if (caller === 'anonymous' && def.roles !== 'public' && res.status !== 401 && !ROUTER_REFUSALS.has(res.text)) return `anonymous got ${res.status} ${res.text.slice(0, 100)}`;
  return undefined;
}

async function send(caller: Caller, name: CommandName, req: RawOptions) {
  const headers = { ...(req.headers as Record<string, string> | undefined), ...(caller === 'signed in' ? signedIn(name) : {}) };
  return api.raw({ ...req, headers, as: 'anonymous' });
}

describe.each<Caller>(['signed in', 'anonymous'])('bad input never gets a 5xx (%s)', (caller) => {
  it.each(Object.keys(commands) as CommandName[])('%s', async (name) => {
    const def = commands[name] as CommandDef;
    const valid = VALID[name];
    const failures: string[] = [];
    for (const key of Object.keys(valid)) {
      for (const value of HOSTILE) {
        const req = request(def, { ...valid, [key]: value });
        const res = await send(caller, name, req as RawOptions);
        const wrong = problem(caller, def, res);
        if (wrong) failures.push(`${req.method} ${req.url} ${'payload' in req ? req.payload : ''} → ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('hostile query keys on every GET route', async () => {
    const failures: string[] = [];
    for (const [name, def] of Object.entries(commands) as [CommandName, CommandDef][]) {
      if (def.http.method !== 'GET') continue;
      const url = def.http.path.replace(/:[a-z]+/gi, '1');
      for (const qs of ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'from=2026-05-01&from=2026-05-02', 'limit[]=1', '%zz=1', 'a=%E0%A4%A']) {
        const res = await send(caller, name, { method: 'GET', url: `${url}?${qs}` });
        const wrong = problem(caller, def, res);
        if (wrong) failures.push(`GET ${url}?${qs} → ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('whole-body garbage on every JSON route', async () => {
    const failures: string[] = [];
    for (const [name, def] of Object.entries(commands) as [CommandName, CommandDef][]) {
      if (def.http.method === 'GET' || def.http.method === 'DELETE') continue;
      const url = def.http.path.replace(/:[a-z]+/gi, '1');
      for (const payload of ['[]', '"x"', 'null', '1', '{', '{"a":1}}', '\u0000', '{"a":'.repeat(5000)]) {
        // Sign-out takes no body, so junk is ignored and it signs out: with a session of its own each time.
        if (name === 'auth:logout' && caller === 'signed in') tokens.set(name, (await signIn(api.t.core, 'client', { address: '10.1.1.1' })).token);
        const res = await send(caller, name, { method: def.http.method, url, payload, headers: { 'content-type': 'application/json' } });
        const wrong = problem(caller, def, res);
        if (wrong) failures.push(`${def.http.method} ${url} ${payload.slice(0, 20)} → ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves the signed-in callers signed in (the fuzz really ran signed in)', async () => {
    expect((await api.get('/api/v1/me', { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(200);
    expect((await api.get('/api/v1/me', { headers: signedIn('auth:changePassword') })).status).toBe(200);
  });
});
