/**
 * Bad requests for every route of the contract, generated from `commands` so a new route is covered
 * the day it is added. Each command has a valid input (below, or `{}` for one nobody listed yet);
 * every case breaks that input in one way:
 *   schema faults — a field missing, a wrong type, an array, null, an object, a huge string — kept
 *     only if the command's own zod schema refuses the result, so no valid request slips in;
 *   meaning faults the schema cannot see — checkout ≤ checkin, 2026-02-30, a wall time skipped by
 *     DST, an unknown room or id, a NUL byte in any text;
 *   wire faults — invalid JSON, a body over 1 MiB, a `__proto__` key, a foreign content type.
 * Requests to a route that takes no input carry junk it must ignore: those must only not fail.
 */
import { z } from 'zod';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { TEST_ADMIN_PASSWORD, TEST_PASSWORD } from '../support/sessions';

type Wire = Record<string, unknown>;

export interface BadCase {
  command: string;
  label: string;
  method: CommandDef['http']['method'];
  url: string;
  body?: string;
  contentType?: string;
  /** `4xx`: the request is bad and must be refused; `ignored`: junk the route must shrug off (any status but 5xx). */
  expect: '4xx' | 'ignored';
  /** Bytes written as they are on a fresh connection instead (socket pass only). */
  raw?: string;
}

/** The users of the fixture of bad-input.test.ts, in the order they are created (ids 1, 2). */
export const FIXTURE_USERS = {
  /** The first admin (FRONTDESK_ADMIN_PASSWORD); the signed-in passes run as this user. */
  admin: { id: 1, username: 'admin', password: TEST_ADMIN_PASSWORD },
  /** A staff user the admin manages (users:update, users:resetPassword) and who signs in (auth:login). */
  staff: { id: 2, username: 'desk.victim', password: TEST_PASSWORD },
} as const;

/**
 * A valid input per command, as it goes on the wire, against the fixture of bad-input.test.ts:
 * rooms 101 (id 1, single, 1 bed) and 102 (id 2), stay 1 in room 1 from 2026-06-01 to 06-03,
 * block 1 on room 2 from 2026-06-10 to 06-12, outbox message 1, and FIXTURE_USERS. The audit
 * filters name `from` only: `to` equal to `from` is a valid (one-day) audit range, not a fault.
 */
export const VALID_INPUT: Partial<Record<CommandName, Wire>> = {
  'auth:login': { username: FIXTURE_USERS.staff.username, password: FIXTURE_USERS.staff.password },
  'auth:changePassword': { currentPassword: FIXTURE_USERS.admin.password, newPassword: 'Another-Strong-Pass-42' },
  'users:seedCreate': { username: 'new.guest', email_address: 'new.guest@example.test', password: TEST_PASSWORD, confirm_password: TEST_PASSWORD },
  'users:create': { username: 'new.staff', email: 'new.staff@example.test', password: TEST_PASSWORD, role: 'staff' },
  'users:update': { id: FIXTURE_USERS.staff.id, email: 'victim@example.test', role: 'client', active: true },
  'users:resetPassword': { id: FIXTURE_USERS.staff.id, newPassword: 'Reset-Password-9931' },
  'audit:list': { actor: 'admin', action: 'auth:login', entity: 'user', from: '2026-05-01', limit: '10', beforeId: '100' },
  'audit:export': { actor: 'admin', action: 'auth:login', entity: 'user', from: '2026-05-01', delimiter: ';', bom: 'true' },
  'stays:seedList': { from: '2026-06-01', to: '2026-07-01', limit: '10' },
  'stays:seedCreate': { roomnumber: 101, category: 'Standard single room', checkin: '2026-07-01T14:00:00', checkout: '2026-07-03T12:00:00', guest_name: 'Ann', guests: 1, notes: 'Late' },
  'stays:seedExport': { delimiter: ';', bom: 'true', from: '2026-06-01', to: '2026-07-01', status: 'booked', roomId: '1' },
  'rooms:list': { includeInactive: 'true' },
  'rooms:free': { checkin: '2026-07-01', checkout: '2026-07-03', category: 'Standard single room', guests: '1' },
  'rooms:create': { number: 201, category: 'Junior suite', capacity: 4, nightlyRate: 229_500, floor: 2, housekeeping: 'clean' },
  'rooms:update': { id: 1, floor: 3, category: 'Standard single room', active: true },
  'rooms:deactivate': { id: 1 },
  'rooms:setHousekeeping': { id: 1, housekeeping: 'dirty' },
  'stays:list': { roomId: '1', status: 'booked', from: '2026-06-01', to: '2026-07-01', guest: 'Ann', limit: '10', offset: '0' },
  'stays:get': { id: 1 },
  'stays:create': { roomId: 1, checkin: '2026-07-01', checkout: '2026-07-03', guestName: 'Ann', guestEmail: 'ann@example.com', guestPhone: '+45 1234', guests: 1, price: 1000, notes: 'Late' },
  'stays:move': { id: 1, roomId: 2 },
  'stays:changeDates': { id: 1, checkin: '2026-06-01', checkout: '2026-06-04', price: 1000 },
  'stays:cancel': { id: 1 },
  'stays:checkIn': { id: 1 },
  'stays:checkOut': { id: 1 },
  'stays:noShow': { id: 1 },
  'blocks:list': { from: '2026-06-01', to: '2026-07-01' },
  'blocks:create': { roomId: 1, from: '2026-08-01', to: '2026-08-03', reason: 'Repainting' },
  'blocks:remove': { id: 1 },
  'stays:export': { delimiter: ',', bom: 'false', from: '2026-06-01', to: '2026-07-01', status: 'booked', roomId: '1' },
  'board:get': { from: '2026-06-01', days: '7' },
  // The stored values but the name, so a wrongly accepted case leaves nothing that matters in the settings cache.
  'settings:update': { hotelName: 'Hotel Nordlys', timeZone: 'Europe/Copenhagen', currency: 'DKK', checkinTime: '14:00', billingServiceUrl: 'http://billing-service:5002', outboxRetryHours: 72 },
  'outbox:retry': { id: 1 },
};

const HUGE = 'x'.repeat(200_000);
const BODY_WRONG: unknown[] = ['text', '', 0, -1, 1.5, 1e308, true, null, [], ['x'], {}, { a: 1 }, HUGE];
const QUERY_WRONG: (string | string[])[] = ['text', '', '-1', '0', '1.5', '1e400', 'NaN', 'true', ['a', 'b'], 'x'.repeat(5000), '2026-02-30'];
const PATH_WRONG = ['abc', '-1', '0', '1.5', '99999999999999999999', '%00', '1%00', '%zz', 'x'.repeat(300)];
const BAD_DATES = ['2026-02-30', '2026-02-30T14:00:00', '2026-04-31', '2026-13-01', '2026-06-01T25:00:00', '2026-06-01T14:00:00+15:00', 'tomorrow'];
/** Summer time starts in Copenhagen on 2026-03-29: 02:00 jumps to 03:00, so 02:30 never happens. */
const DST_GAP = '2026-03-29T02:30:00';
const DATE_PAIRS: [string, string][] = [['checkin', 'checkout'], ['from', 'to']];
const UNKNOWN: Record<string, unknown> = { roomId: 999_999, roomnumber: 9999 };
const BAD_JSON = ['{', '{"a":1', "{'a':1}", '{"a":1}}', '{a:1}', 'nul', '\u0000'];
const NOT_AN_OBJECT = ['[]', '[{}]', '"text"', '123', 'null', 'true'];
export const OVERSIZED_BYTES = 1024 * 1024 + 1;

const isQuery = (def: CommandDef) => def.http.method === 'GET' || def.http.method === 'DELETE';
const pathKeys = (def: CommandDef) => [...def.http.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!);

function queryString(rest: Wire): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The request carrying `input`: path parameters in the path (raw), the rest in the query or the JSON body. */
function request(def: CommandDef, input: Wire, rawPath: Record<string, string> = {}): Pick<BadCase, 'method' | 'url' | 'body'> {
  const keys = pathKeys(def);
  const path = def.http.path.replace(/:([A-Za-z_]\w*)/g, (_, k: string) => rawPath[k] ?? encodeURIComponent(String(input[k])));
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !keys.includes(k)));
  if (isQuery(def)) return { method: def.http.method, url: path + queryString(rest) };
  return { method: def.http.method, url: path, body: JSON.stringify(rest) };
}

function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Whether the contract itself refuses this input (the route's validation sees exactly this object). */
function schemaRefuses(def: CommandDef, input: Wire): boolean {
  return !(def.input as z.ZodType).safeParse(input).success;
}

export function shapeKeys(def: CommandDef): string[] {
  return def.input instanceof z.ZodObject ? Object.keys((def.input as z.ZodObject).shape) : [];
}

export function validInput(name: CommandName): Wire {
  return VALID_INPUT[name] ?? {};
}

export function casesFor(name: CommandName): BadCase[] {
  const def = commands[name] as CommandDef;
  const base = validInput(name);
  const keys = shapeKeys(def);
  const inPath = pathKeys(def);
  const restKeys = keys.filter((k) => !inPath.includes(k));
  const cases: BadCase[] = [];
  const add = (label: string, input: Wire, extra: Partial<BadCase> = {}, rawPath?: Record<string, string>) =>
    cases.push({ command: name, label, expect: '4xx', ...request(def, input, rawPath), ...extra });
  const addIfRefused = (label: string, input: Wire, rawPath?: Record<string, string>) => {
    if (schemaRefuses(def, input)) add(label, input, {}, rawPath);
  };

  // ---- schema faults ----
  for (const k of restKeys) {
    const { [k]: _dropped, ...without } = base;
    addIfRefused(`without ${k}`, without);
    for (const v of isQuery(def) ? QUERY_WRONG : BODY_WRONG) {
      addIfRefused(`${k} = ${JSON.stringify(v).slice(0, 40)}`, { ...base, [k]: v });
    }
  }
  for (const k of inPath) {
    for (const raw of PATH_WRONG) {
      const value = decoded(raw);
      if (value === undefined) add(`:${k} = ${raw}`, base, {}, { [k]: raw });
      else addIfRefused(`:${k} = ${raw.slice(0, 40)}`, { ...base, [k]: value }, { [k]: raw });
    }
  }
  if (!isQuery(def) && restKeys.length > 0) {
    addIfRefused('an empty body', Object.fromEntries(inPath.map((k) => [k, base[k]])));
    const target = request(def, base);
    if (schemaRefuses(def, Object.fromEntries(inPath.map((k) => [k, base[k]])))) cases.push({ command: name, label: 'no body at all', expect: '4xx', ...target, body: undefined });
    for (const body of NOT_AN_OBJECT) cases.push({ command: name, label: `body ${body}`, expect: '4xx', ...target, body });
  }

  // ---- meaning faults ----
  for (const [a, b] of DATE_PAIRS) {
    if (typeof base[a] !== 'string' || typeof base[b] !== 'string') continue;
    add(`${b} = ${a}`, { ...base, [b]: base[a] });
    add(`${b} before ${a}`, { ...base, [a]: base[b], [b]: base[a] });
    add(`${a} in the DST gap`, { ...base, [a]: DST_GAP, [b]: '2026-03-31' });
    add(`${b} in the DST gap`, { ...base, [a]: '2026-03-27', [b]: DST_GAP });
    for (const d of BAD_DATES) {
      add(`${a} = ${d}`, { ...base, [a]: d });
      add(`${b} = ${d}`, { ...base, [b]: d });
    }
  }
  if (!isQuery(def)) {
    for (const k of restKeys) if (k in UNKNOWN) add(`unknown ${k}`, { ...base, [k]: UNKNOWN[k] });
  }
  for (const k of inPath) add(`unknown :${k}`, { ...base, [k]: 999_999 });
  for (const k of restKeys) {
    if (typeof base[k] !== 'string') continue;
    add(`NUL in ${k}`, { ...base, [k]: `${String(base[k]).slice(0, 3)}\u0000x` });
  }

  // ---- wire faults ----
  if (!isQuery(def) || def.http.method === 'DELETE') {
    const target = request(def, base);
    const json = target.body ?? '{}';
    for (const body of BAD_JSON) cases.push({ command: name, label: `invalid JSON ${JSON.stringify(body)}`, expect: '4xx', ...target, body });
    cases.push({ command: name, label: 'a body over 1 MiB', expect: '4xx', ...target, body: JSON.stringify({ pad: 'x'.repeat(OVERSIZED_BYTES) }) });
    cases.push({ command: name, label: '__proto__ key', expect: '4xx', ...target, body: `{"__proto__":{"polluted":true},${json.slice(1)}` });
    cases.push({ command: name, label: 'nested constructor key', expect: '4xx', ...target, body: `{"x":[{"constructor":{"prototype":{"polluted":true}}}],${json.slice(1)}` });
    // A route that takes no body ignores one, whatever its type; one that takes JSON must refuse anything else.
    if (restKeys.length > 0) cases.push({ command: name, label: 'text/plain body', expect: '4xx', ...target, body: json, contentType: 'text/plain' });
  }
  if (def.http.method === 'GET') {
    const target = request(def, base);
    const junk = '__proto__=x&constructor=y&zz=%00&' + 'p='.concat('y'.repeat(2000));
    cases.push({ command: name, label: 'junk query parameters', expect: 'ignored', method: 'GET', url: `${target.url}${target.url.includes('?') ? '&' : '?'}${junk}` });
  }
  return cases;
}

/**
 * Seed endpoints (spec 4) whose routes may not exist yet: junk sent there is refused too (404 until
 * they land). Seed 002's `/login/`, `/logout/` and `/users/` have landed as commands, attacked above.
 */
export const SEED_PROBES: BadCase[] = [
  ['GET', '/bookings/'], ['POST', '/bookings/'], ['GET', '/resources/'], ['POST', '/resources/'],
  ['POST', '/api/v1/bookings'], ['GET', '/api/v1/bookings/rooms'], ['GET', '/cars'], ['POST', '/cars/add'], ['DELETE', '/cars/abc'],
].map(([method, url]) => ({
  command: 'seed probe',
  label: `${method} ${url} with a broken body`,
  expect: '4xx' as const,
  method: method as BadCase['method'],
  url: url!,
  ...(method === 'GET' ? {} : { body: '{"provider_id": [], "timeslotId": null, "__proto__": {}}' }),
}));

export function allBadCases(): BadCase[] {
  return [...commandNames.flatMap((name) => casesFor(name)), ...SEED_PROBES];
}

/** Requests no HTTP client would send, written straight to a socket: Node's parser refuses them before Fastify routes. */
export const RAW_CASES: BadCase[] = [
  ['a URL over 16 KiB', `GET /api/v1/stays?guest=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: desk\r\n\r\n`],
  ['a broken request line', 'BOOK ROOM 101 PLEASE\r\n\r\n'],
  ['a Content-Length that is not a number', 'POST /api/v1/stays HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}'],
  ['a NUL byte in a header', 'GET /health HTTP/1.1\r\nHost: desk\r\nX-Note: a\u0000b\r\n\r\n'],
].map(([label, raw]) => ({ command: 'raw HTTP', label: label!, expect: '4xx' as const, method: 'GET' as const, url: '-', raw: raw! }));
