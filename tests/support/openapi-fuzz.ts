/**
 * A document-driven fuzzer (issue 18 item 5): requests made from the API document (`/docs/json`),
 * not from the contract, so it finds where the two differ. Each operation starts from a request
 * that succeeds (the command's one valid input, tests/support/contract-fixture.ts) and changes one
 * thing at a time — a path or query parameter, a body field, a field left out — to values drawn from
 * that field's documented schema: values it allows (every enum member, the bounds, lengths and
 * formats it names, fast-check samples of its pattern) and values it forbids (one past each bound,
 * another type, outside the enum, off the pattern, required and missing). Whether the document
 * allows the whole request is then decided by a maintained validator (ajv, with its formats) against
 * the operation's documented parameters and body, never by what the generator meant.
 *
 * A request the document allows must not be refused with 400, unless the answer's message is one the
 * operation's document states (a rule across fields or against the clock: the 400 response's
 * `examples`, e.g. "checkout must be after checkin", with other values: `messagePattern`); one it
 * forbids must not be accepted (2xx, or a 404/409 that shows the server took it). Besides the values
 * a schema names, each field gets its grammar's near misses (a date's, an e-mail's, a URL's), its
 * longest text in characters outside the BMP, and each body a `__proto__` and a `constructor` key.
 * Runs `FRONTDESK_FUZZ_SAMPLES` random samples per field (default 2; `FRONTDESK_FUZZ_SAMPLES=50` for
 * a longer run) with a fixed seed (`FRONTDESK_FUZZ_SEED`).
 */
import fc from 'fast-check';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: JsonSchema;
}

export interface FuzzOperation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; schema: JsonSchema };
  /** An upload's file, sent as the body with its own type (its input is the query string). */
  file?: { contentType: string; text: string };
  /** The 400 messages the operation's document states (its 400 response's examples). */
  documented400: RegExp[];
}

/** One request: its values by place; `undefined` leaves a value out. */
export interface FuzzInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** What was changed, for the report. */
  label: string;
}

export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: true });
  addFormats(ajv);
  return ajv;
}

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);
const JUNK_STRINGS = ['', ' ', 'x', '\u0000', '\u0001x', '\ud800', 'a'.repeat(4000), '2026-02-30', '9999-12-31', '0000-01-01', 'Europe/Nowhere', 'javascript:alert(1)', '1e3', '-1'];
const JUNK_OTHERS: unknown[] = [null, true, 0, -1, 1.5, 2 ** 53, [], {}];

/** A few values the schema allows, and its documented boundaries (fast-check samples from the pattern). */
export function allowedSamples(s: JsonSchema, samples: number, seed: number): unknown[] {
  const out: unknown[] = [];
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) out.push(...allowedSamples(branch, samples, seed));
  // A long list (time zones, currencies): its ends and a few members drawn at random.
  if (s.enum) out.push(...(s.enum.length <= 12 ? s.enum : [s.enum[0], s.enum.at(-1), ...fc.sample(fc.constantFrom(...s.enum), { numRuns: samples * 2, seed })]));
  if (s.const !== undefined) out.push(s.const);
  if (s.default !== undefined) out.push(s.default);
  for (const t of typesOf(s)) {
    if (t === 'null') out.push(null);
    if (t === 'boolean') out.push(true, false);
    if (t === 'integer' || t === 'number') {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
      if (min !== undefined) out.push(min);
      if (max !== undefined) out.push(max);
      out.push(...fc.sample(fc.integer({ min: Math.max(min ?? -1e6, -1e15), max: Math.min(max ?? 1e6, 1e15) }), { numRuns: samples, seed }));
    }
    if (t === 'string' && !s.enum) out.push(...stringSamples(s, samples, seed));
    if (t === 'array' && s.items) {
      const items = allowedSamples(s.items, 1, seed).slice(0, 3);
      out.push(items.slice(0, Math.max(s.minItems ?? 0, 1)), []);
    }
    if (t === 'object' && s.properties) out.push(minimalObject(s, seed));
  }
  return out;
}

function stringSamples(s: JsonSchema, samples: number, seed: number): string[] {
  const out: string[] = [];
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  if (s.format === 'date') out.push('2026-05-01', '2026-12-31', '2000-02-29', ...fc.sample(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { numRuns: samples, seed }));
  else if (s.format === 'date-time') out.push('2026-05-01T14:00:00+02:00', '2026-05-01T12:00:00Z');
  else if (s.format === 'email') out.push('a@b.co', 'mette.hansen@example.dk', 'a@b.c', `${'a'.repeat(Math.max(1, max - 8))}@b.co`);
  else if (s.format === 'uri') out.push('https://example.dk/pay', 'http://10.0.0.5:8080/x', 'ftp://example.dk/', 'mailto:a@b.co');
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    out.push(...fc.sample(fc.stringMatching(re, { size: 'small' }), { numRuns: samples * 2, seed }).filter((v) => v.length >= min && v.length <= max));
    // The longest text, in letters and in characters outside the BMP (JSON Schema counts characters, not UTF-16 units).
    if (s.maxLength !== undefined && s.maxLength <= 4000) out.push('x'.repeat(s.maxLength), '\u{1F600}'.repeat(s.maxLength));
  } else if (!s.format) {
    out.push('x'.repeat(Math.max(min, 1)), 'x'.repeat(max), ' '.repeat(Math.max(min, 1)), ...fc.sample(fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 40) }), { numRuns: samples, seed }));
  }
  return out;
}

function minimalObject(s: JsonSchema, seed: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of s.required ?? []) {
    const first = allowedSamples(s.properties![k] ?? {}, 1, seed)[0];
    if (first !== undefined) o[k] = first;
  }
  return o;
}

/** Texts just off a grammar (a date's, an e-mail's, a URL's), for the fields whose schema names it. */
const NEAR_MISSES: [(s: JsonSchema) => boolean, string[]][] = [
  [
    (s) => s.format === 'date' || s.format === 'date-time' || (s.pattern ?? '').includes('19\\d\\d'),
    ['2026-06-01T24:00', '2026-06-01T14:60', '2026-06-01T14:00+14:01', '2026-06-01T14:00+14:00', '2026-06-01T14:00:00.1234567890',
      '2026-06-01Z', ' 2026-06-01', '2026-06-01 ', '2026-6-1', '2026-06-01T14', '2026-06-01t14:00', '2026-06-01T14:00-0330', '1899-12-31'],
  ],
  [
    (s) => s.format === 'email' || (s.pattern ?? '').includes('@'),
    ['a@b.c', 'a@localhost', ' a@b.co', 'a@b.co ', 'a..b@c.dk', '.a@b.co', 'a.@b.co', 'a@-b.co', 'a@b-.co', 'æ@b.co', 'a@b.c0', 'A+B@EXAMPLE.DK'],
  ],
  [
    (s) => s.format === 'uri' || (s.pattern ?? '').includes('https?'),
    ['HTTP://example.dk', 'http://example.dk:65536/', 'http://example.dk:0', 'http://1.2.3.256/', 'http://a_b.dk/', 'http://example.123/',
      'http:example.dk', 'https://ex ample.dk', 'https://example.dk/ a', 'http://[::1]/', 'http://user@example.dk/', 'https://example.dk/{id}?a={amount}'],
  ],
];

/** Values the schema is meant to refuse: past each bound, another type, off the pattern, outside the enum, just off its grammar. */
export function forbiddenCandidates(s: JsonSchema): unknown[] {
  const out: unknown[] = [...JUNK_OTHERS, ...JUNK_STRINGS, 'zzz-not-listed'];
  for (const [applies, values] of NEAR_MISSES) if (applies(s)) out.push(...values);
  const first = s.enum?.find((v): v is string => typeof v === 'string');
  if (first !== undefined) out.push(first.toUpperCase(), first.toLowerCase(), ` ${first}`);
  if (s.minimum !== undefined) out.push(s.minimum - 1, String(s.minimum - 1));
  if (s.maximum !== undefined) out.push(s.maximum + 1, String(s.maximum + 1));
  if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum);
  if (s.minLength !== undefined && s.minLength > 0) out.push('x'.repeat(s.minLength - 1));
  if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
  return out;
}

/** The compiled checks of one operation: is a whole request allowed by its document? */
export function requestValidator(ajv: Ajv2020, op: FuzzOperation): (input: FuzzInput, readings: (v: unknown) => unknown[]) => boolean {
  const params = op.parameters.map((p) => ({ p, validate: ajv.compile(p.schema) as ValidateFunction }));
  const body = op.body ? ajv.compile(op.body.schema) : undefined;
  return (input, readings) => {
    for (const { p, validate } of params) {
      const value = (p.in === 'path' ? input.path : input.query)[p.name];
      if (value === undefined) {
        if (p.required || p.in === 'path') return false;
        continue;
      }
      // A query or path value travels as text: the text "7" is the document's integer 7 or its string "7".
      if (!readings(value).some((v) => validate(v))) return false;
    }
    if (op.body) {
      if (input.body === undefined) return !op.body.required;
      return body!(input.body);
    }
    return true;
  };
}

/**
 * A documented message as a pattern: the same words with other values. Its numbers (and so its dates
 * and times), its quoted texts and its time-zone names stand for any.
 */
export function messagePattern(example: string): RegExp {
  const values = /"[^"]*"|[A-Z][A-Za-z_]+(?:\/[A-Za-z_+-]+)+|\d+/g;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = '';
  let at = 0;
  for (const m of example.matchAll(values)) {
    pattern += escape(example.slice(at, m.index));
    pattern += m[0].startsWith('"') ? '".*"' : /^\d/.test(m[0]) ? '\\d+' : '[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)*';
    at = m.index + m[0].length;
  }
  return new RegExp(`^${pattern}${escape(example.slice(at))}$`, 's');
}

/** A refusal the operation's document states: its message, or each of the sentences it joins with `; ` (one per field). */
export function documented400(op: Pick<FuzzOperation, 'documented400'>, error: string): boolean {
  const stated = (text: string) => op.documented400.some((re) => re.test(text));
  return stated(error) || error.split('; ').every(stated);
}
