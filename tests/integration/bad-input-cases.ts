/**
 * Bad requests for every route of the contract, generated from `commands` so a new route is covered
 * the day it is added. Each command starts from its one valid input (tests/support/contract-fixture.ts,
 * the only such table; a command without one fails the suite) and every case breaks it in one way:
 *   schema faults — a field missing, a wrong type, hostile values (huge, odd, injected text, extreme
 *     numbers and dates) — kept as "must be refused" when the command's own zod schema refuses the
 *     result; values the schema accepts are sent too, and must only not fail (any status but a 5xx);
 *   strict input (issue 7 item 9) — a boolean or a numeric string for a JSON number, an id in a path
 *     or query written as `0x10`, `1e1`, `+10`, `10.0`, ` 10`, an integer query value `1e3` or empty,
 *     a PATCH with no body or nothing to change;
 *   meaning faults the schema cannot see — checkout ≤ checkin, 2026-02-30, a wall time skipped by
 *     DST, an unknown room or id, a NUL byte in any text; a lone UTF-16 surrogate in any text of a
 *     JSON body (a query string cannot carry one) and a C0 / C1 control character or DEL in any
 *     text (a tab or line break only where the text is single-line; a password may hold controls);
 *   wire faults — invalid JSON, a body that is not an object, a body over 1 MiB, a `__proto__` or
 *     `constructor` key, a foreign content type, hostile query keys.
 */
import { z } from 'zod';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { UPLOAD_FILES } from '../support/contract-fixture';

type Wire = Record<string, unknown>;

export interface BadCase {
  command: string;
  label: string;
  method: CommandDef['http']['method'];
  url: string;
  body?: string;
  contentType?: string;
  /** `4xx`: the request is bad and must be refused, changing nothing; `any`: must only not fail (no 5xx). */
  expect: '4xx' | 'any';
  /** Bytes written as they are on a fresh connection instead (socket passes only). */
  raw?: string;
}

const HUGE = 'x'.repeat(200_000);
/** Hostile values for any field, JSON body or query. */
const HOSTILE: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x', 'x'.repeat(5_000), HUGE, [], [1, 2], {}, { $gt: 1 },
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-05-01T25:61:00', '2026-05-01T14:00:00+99:00',
  'Europe/Nowhere', '1e999', 'NaN', '-0', "'; DROP TABLE stays; --", '\u0000\uffff', '../../etc/passwd', '%00',
];
const QUERY_WRONG: (string | string[])[] = ['text', '', '-1', '0', '1.5', '1e400', '1e3', '+10', '0x10', 'NaN', 'true', ['a', 'b'], 'x'.repeat(5000), '2026-02-30'];
const PATH_WRONG = ['abc', '-1', '0', '1.5', '0x10', '1e1', '+10', '10.0', '%2010', '010', '99999999999999999999', '%00', '1%00', '%zz', 'x'.repeat(300)];
const BAD_DATES = ['2026-02-30', '2026-02-30T14:00:00', '2026-04-31', '2026-13-01', '2026-06-01T25:00:00', '2026-06-01T14:00:00+15:00', 'tomorrow'];
/** Summer time starts in Copenhagen on 2026-03-29: 02:00 jumps to 03:00, so 02:30 never happens. */
const DST_GAP = '2026-03-29T02:30:00';
const DATE_PAIRS: [string, string][] = [['checkin', 'checkout'], ['from', 'to']];
const UNKNOWN: Record<string, unknown> = { roomId: 999_999, roomnumber: 9999 };
const BAD_JSON = ['{', '{"a":1', "{'a':1}", '{"a":1}}', '{a:1}', 'nul', '\u0000', '{"a":'.repeat(5000)];
const NOT_AN_OBJECT = ['[]', '[{}]', '"text"', '123', 'null', 'true'];
const HOSTILE_QUERY_KEYS = ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'from=2026-05-01&from=2026-05-02', 'limit[]=1', '%zz=1', 'a=%E0%A4%A'];
/** Halves of UTF-16 pairs alone, which JSON can carry (`"\\ud800"`) and storage would turn into U+FFFD. */
const LONE_SURROGATES: [string, string][] = [['a lone high surrogate', '\ud800'], ['a lone low surrogate', '\udc00'], ['a reversed pair', '\ude00\ud83d']];
/** Control characters no text field takes. */
const CONTROLS: [string, string][] = [['U+0001', '\u0001'], ['ESC', '\u001b'], ['DEL', '\u007f'], ['NEL (C1)', '\u0085'], ['CSI (C1)', '\u009b']];
/** Refused in single-line text only; multi-line text (notes) keeps them. */
const LINE_CONTROLS: [string, string][] = [['a tab', '\t'], ['a line feed', '\n'], ['a carriage return', '\r']];
const MULTI_LINE_KEYS = new Set(['notes']);
/** Passwords are any characters but NUL and lone surrogates (the policy, not the text rule, judges them). */
const PASSWORD_KEY = /password/i;
export const OVERSIZED_BYTES = 1024 * 1024 + 1;

const isQuery = (def: CommandDef) => def.http.method === 'GET' || def.http.method === 'DELETE';
/** An upload's input is its query string (its body is the file): text values, as a GET's. */
const inQueryString = (def: CommandDef) => isQuery(def) || def.upload !== undefined;
const pathKeys = (def: CommandDef) => [...def.http.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!);

function wireText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

function queryString(rest: Wire): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, wireText(one));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The request carrying `input`: path parameters in the path (raw when given), the rest in the query or
 * the JSON body; an upload's rest in the query and the fixture's file as its body.
 */
function request(def: CommandDef, input: Wire, rawPath: Record<string, string> = {}, name?: CommandName): Pick<BadCase, 'method' | 'url' | 'body' | 'contentType'> {
  const keys = pathKeys(def);
  const path = def.http.path.replace(/:([A-Za-z_]\w*)/g, (_, k: string) => rawPath[k] ?? encodeURIComponent(wireText(input[k])));
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !keys.includes(k)));
  if (def.upload) return { method: def.http.method, url: path + queryString(rest), body: (name && UPLOAD_FILES[name]) ?? '', contentType: def.upload.contentType };
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

/** The input as the route's validation sees it: query values arrive as text. */
function asReceived(def: CommandDef, input: Wire): Wire {
  if (!inQueryString(def)) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v.map(wireText) : v === undefined ? v : wireText(v)]));
}

/** Whether the contract refuses this input as the route receives it. */
function schemaRefuses(def: CommandDef, input: Wire, inPath: string[]): boolean {
  const received = asReceived(def, input);
  for (const k of inPath) if (received[k] !== undefined) received[k] = wireText(received[k]);
  return !(def.input as z.ZodType).safeParse(received).success;
}

export function shapeKeys(def: CommandDef): string[] {
  return def.input instanceof z.ZodObject ? Object.keys((def.input as z.ZodObject).shape) : [];
}

/** Every case for `name`, starting from its valid input `base`. */
export function casesFor(name: CommandName, base: Wire): BadCase[] {
  const def = commands[name] as CommandDef;
  const keys = shapeKeys(def);
  const inPath = pathKeys(def);
  const restKeys = keys.filter((k) => !inPath.includes(k));
  const cases: BadCase[] = [];
  const add = (label: string, input: Wire, extra: Partial<BadCase> = {}, rawPath?: Record<string, string>) =>
    cases.push({ command: name, label, expect: '4xx', ...request(def, input, rawPath, name), ...extra });
  /**
   * Refused by the contract → must be a 4xx; accepted → sent anyway (must only not fail), but only
   * for a field the valid input names: an accepted value of another field is a real change
   * (`selfRegistration: true`), and the settings cache outlives the rollback.
   */
  const addJudged = (key: string, label: string, input: Wire, rawPath?: Record<string, string>) => {
    if (schemaRefuses(def, input, inPath)) add(label, input, {}, rawPath);
    else if (key in base) add(label, input, { expect: 'any' }, rawPath);
  };

  // ---- schema faults ----
  for (const k of restKeys) {
    const { [k]: _dropped, ...without } = base;
    if (schemaRefuses(def, without, inPath)) add(`without ${k}`, without);
    // In a query, no 200 KB value: Node refuses a URL over 16 KiB before Fastify (a raw case below).
    for (const v of inQueryString(def) ? [...QUERY_WRONG, ...HOSTILE.filter((h) => typeof h === 'string' && h.length < 10_000)] : HOSTILE) {
      addJudged(k, `${k} = ${JSON.stringify(v).slice(0, 40)}`, { ...base, [k]: v });
    }
  }
  for (const k of inPath) {
    for (const raw of PATH_WRONG) {
      const value = decoded(raw);
      if (value === undefined) add(`:${k} = ${raw}`, base, {}, { [k]: raw });
      else addJudged(k, `:${k} = ${raw.slice(0, 40)}`, { ...base, [k]: value }, { [k]: raw });
    }
  }

  // ---- strict input (item 9) ----
  if (!inQueryString(def)) {
    for (const k of restKeys) {
      if (typeof base[k] !== 'number') continue;
      add(`${k} = true (no boolean → number)`, { ...base, [k]: true });
      // Seed 000 takes `roomnumber` as digits too, as its seed's clients send it.
      if (!(name === 'stays:seedCreate' && k === 'roomnumber')) add(`${k} = "${String(base[k])}" (no text → number)`, { ...base, [k]: String(base[k]) });
    }
  }
  if (def.http.method === 'PATCH') {
    const target = request(def, base, {}, name);
    cases.push({ command: name, label: 'PATCH with no body', expect: '4xx', ...target, body: undefined });
    cases.push({ command: name, label: 'PATCH with {}', expect: '4xx', ...target, body: '{}' });
    cases.push({ command: name, label: 'PATCH with only unknown fields', expect: '4xx', ...target, body: '{"colour":"blue"}' });
  }
  if (!inQueryString(def) && restKeys.length > 0) {
    const pathOnly = Object.fromEntries(inPath.map((k) => [k, base[k]]));
    const target = request(def, base);
    if (schemaRefuses(def, pathOnly, inPath)) {
      add('an empty body', pathOnly);
      cases.push({ command: name, label: 'no body at all', expect: '4xx', ...target, body: undefined });
    }
    for (const body of NOT_AN_OBJECT) cases.push({ command: name, label: `body ${body}`, expect: '4xx', ...target, body });
  }

  // ---- meaning faults ----
  // A command flagged `inclusiveDates` (the audit log) only filters by [from, to]: `to = from` is one day, `to < from` finds nothing.
  for (const [a, b] of def.inclusiveDates ? [] : DATE_PAIRS) {
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
  if (!inQueryString(def)) for (const k of restKeys) if (k in UNKNOWN) add(`unknown ${k}`, { ...base, [k]: UNKNOWN[k] });
  for (const k of inPath) add(`unknown :${k}`, { ...base, [k]: 999_999 });
  for (const k of restKeys) {
    if (typeof base[k] !== 'string') continue;
    const head = String(base[k]).slice(0, 3);
    add(`NUL in ${k}`, { ...base, [k]: `${head}\u0000x` });
    if (!inQueryString(def)) for (const [what, s] of LONE_SURROGATES) add(`${what} in ${k}`, { ...base, [k]: `${head}${s}` });
    if (PASSWORD_KEY.test(k)) continue;
    for (const [what, c] of CONTROLS) add(`${what} in ${k}`, { ...base, [k]: `${head}${c}x` });
    if (!MULTI_LINE_KEYS.has(k)) for (const [what, c] of LINE_CONTROLS) add(`${what} in single-line ${k}`, { ...base, [k]: `${head}${c}x` });
  }

  // ---- wire faults ----
  if (def.upload) {
    // The file itself: not the command's type (415), not text, or empty (400).
    const target = request(def, base, {}, name);
    cases.push({ command: name, label: 'a JSON body', expect: '4xx', ...target, body: '{"csv":"a;b"}', contentType: 'application/json' });
    cases.push({ command: name, label: 'a text/plain body', expect: '4xx', ...target, contentType: 'text/plain' });
    cases.push({ command: name, label: 'a binary file', expect: '4xx', ...target, body: 'PK\u0003\u0004\u0000\u0000' });
    cases.push({ command: name, label: 'an empty file', expect: '4xx', ...target, body: '' });
  } else if (!isQuery(def) || def.http.method === 'DELETE') {
    const target = request(def, base);
    const json = target.body ?? '{}';
    const ignoresBody = def.http.method === 'DELETE' || restKeys.length === 0;
    // A route that takes no body ignores one it cannot parse only when it never parses it: JSON is still parsed.
    for (const body of BAD_JSON) cases.push({ command: name, label: `invalid JSON ${JSON.stringify(body.slice(0, 20))}`, expect: '4xx', ...target, body });
    cases.push({ command: name, label: 'a body over 1 MiB', expect: '4xx', ...target, body: JSON.stringify({ pad: 'x'.repeat(OVERSIZED_BYTES) }) });
    cases.push({ command: name, label: '__proto__ key', expect: '4xx', ...target, body: `{"__proto__":{"polluted":true}${json.length > 2 ? ',' : ''}${json.slice(1)}` });
    cases.push({ command: name, label: 'nested constructor key', expect: '4xx', ...target, body: `{"x":[{"constructor":{"prototype":{"polluted":true}}}]${json.length > 2 ? ',' : ''}${json.slice(1)}` });
    if (!ignoresBody) cases.push({ command: name, label: 'text/plain body', expect: '4xx', ...target, body: json, contentType: 'text/plain' });
  }
  if (def.http.method === 'GET') {
    const target = request(def, base);
    const sep = target.url.includes('?') ? '&' : '?';
    for (const qs of HOSTILE_QUERY_KEYS) cases.push({ command: name, label: `hostile query ${qs}`, expect: 'any', method: 'GET', url: `${target.url}${sep}${qs}` });
    const junk = '__proto__=x&constructor=y&zz=%00&' + 'p='.concat('y'.repeat(2000));
    cases.push({ command: name, label: 'junk query parameters', expect: 'any', method: 'GET', url: `${target.url}${sep}${junk}` });
  }
  return cases;
}

/**
 * Seed endpoints (spec 4) whose routes do not exist yet: junk sent there is refused too (404 until
 * they land).
 */
export const SEED_PROBES: BadCase[] = [
  ['POST', '/api/v1/bookings'], ['POST', '/cars/add'], ['DELETE', '/cars/abc'],
].map(([method, url]) => ({
  command: 'seed probe',
  label: `${method} ${url} with a broken body`,
  expect: '4xx' as const,
  method: method as BadCase['method'],
  url: url!,
  ...(method === 'GET' ? {} : { body: '{"provider_id": [], "timeslotId": null, "__proto__": {}}' }),
}));

/** Every case of every command, from the fixture's valid inputs. */
export function allBadCases(validInput: (name: CommandName) => Wire): BadCase[] {
  return [...commandNames.flatMap((name) => casesFor(name, validInput(name))), ...SEED_PROBES];
}

/** Requests no HTTP client would send, written straight to a socket: Node's parser refuses them before Fastify routes. */
export const RAW_CASES: BadCase[] = [
  ['a URL over 16 KiB', `GET /api/v1/stays?guest=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: desk\r\n\r\n`],
  ['a broken request line', 'BOOK ROOM 101 PLEASE\r\n\r\n'],
  ['a Content-Length that is not a number', 'POST /api/v1/stays HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}'],
  ['a NUL byte in a header', 'GET /health HTTP/1.1\r\nHost: desk\r\nX-Note: a\u0000b\r\n\r\n'],
].map(([label, raw]) => ({ command: 'raw HTTP', label: label!, expect: '4xx' as const, method: 'GET' as const, url: '-', raw: raw! }));
