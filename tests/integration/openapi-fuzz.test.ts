/**
 * The API document is the server's rules (issue 18 item 5): a fuzzer driven by `/docs/json`
 * (tests/support/openapi-fuzz.ts) changes one thing at a time in each operation's succeeding request
 * and sends it; the test fails on any request the document allows that the server refuses with a
 * 400 the document does not state, and on any request it forbids that the server accepts. Every
 * request's writes are undone (tests/support/undoing-core.ts, as tests/integration/bad-input.test.ts
 * does), so each starts from the same hotel. A 400 the document states is one whose message is among
 * the operation's 400 examples (its rules across fields, against the clock or the records:
 * core/api/openapi-rules.ts). Prints how many requests it made and the two counts, both 0.
 * `FRONTDESK_FUZZ_SAMPLES=50 npx vitest run tests/integration/openapi-fuzz.test.ts` for a longer run
 * (`FRONTDESK_FUZZ_SEED` for other draws, `FRONTDESK_FUZZ_REPORT=file.json` for every request's verdict).
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../core/api/build-server';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { contractInput, seedContractHotel, UPLOAD_FILES } from '../support/contract-fixture';
import type { ContractFixture } from '../support/domain-fixture';
import {
  allowedSamples, documented400, forbiddenCandidates, makeAjv, messagePattern, requestValidator,
  type FuzzInput, type FuzzOperation, type JsonSchema, type Parameter,
} from '../support/openapi-fuzz';
import type { TestCore } from '../support/test-core';
import { createUndoingTestCore, type UndoSwitch } from '../support/undoing-core';

const SAMPLES = Number(process.env.FRONTDESK_FUZZ_SAMPLES ?? 2);
const SEED = Number(process.env.FRONTDESK_FUZZ_SEED ?? 18);

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

let t: TestCore;
let undo: UndoSwitch;
let app: FastifyInstance;
let fixture: ContractFixture;
let doc: OpenApiDocument;

beforeAll(async () => {
  const undoing = await createUndoingTestCore();
  t = undoing;
  undo = undoing.undo;
  fixture = await seedContractHotel(t.core);
  app = await buildServer(t.core, {});
  doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app?.close();
  await t?.close();
});

function operationOf(name: CommandName): FuzzOperation {
  const def = commands[name] as CommandDef;
  const path = def.http.path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
  const op = doc.paths[path]![def.http.method.toLowerCase()]!;
  const body = op.requestBody?.content['application/json'];
  const examples = Object.values(op.responses['400']?.content?.['application/json']?.examples ?? {}).map((e) => (e.value as { error: string }).error);
  return {
    method: def.http.method,
    path: def.http.path,
    parameters: op.parameters ?? [],
    body: body ? { required: op.requestBody!.required ?? false, schema: body.schema } : undefined,
    ...(def.upload ? { file: { contentType: def.upload.contentType, text: UPLOAD_FILES[name] ?? '' } } : {}),
    documented400: examples.map(messagePattern),
  };
}

const wire = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
/** How a value sent in a URL reads against the document: as its text, and as the number or boolean that text spells. */
const readings = (v: unknown): unknown[] => {
  if (Array.isArray(v)) return [v];
  const text = wire(v);
  const out: unknown[] = [text];
  if (/^(0|-?[1-9]\d{0,15})$/.test(text) && Number.isSafeInteger(Number(text))) out.push(Number(text));
  if (text === 'true' || text === 'false') out.push(text === 'true');
  return out;
};

function baseInput(name: CommandName, op: FuzzOperation): FuzzInput {
  const input = contractInput(name, fixture);
  const inPath = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const path = Object.fromEntries(inPath.map((k) => [k, input[k]]));
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !inPath.includes(k)));
  return op.body ? { path, query: {}, body: rest, label: 'as it is' } : { path, query: rest, body: undefined, label: 'as it is' };
}

function propertiesOf(s: JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = { ...s.properties };
  for (const option of [...(s.oneOf ?? []), ...(s.anyOf ?? [])]) Object.assign(out, propertiesOf(option));
  return out;
}

function mutations(op: FuzzOperation, base: FuzzInput): FuzzInput[] {
  const out: FuzzInput[] = [];
  for (const p of op.parameters) {
    const place = p.in === 'path' ? 'path' : 'query';
    // A URL cannot carry half a UTF-16 pair: those values go only into bodies.
    // An empty list is no value at all in a URL: the same as leaving the parameter out.
    // A path cannot leave its parameter out (the URL would read `…/undefined/…`, a value of its own).
    const values = [...allowedSamples(p.schema, SAMPLES, SEED), ...forbiddenCandidates(p.schema), ...(place === 'path' ? [] : [undefined])]
      .filter((v) => (typeof v !== 'string' || !/\p{Cs}/u.test(v)) && !(Array.isArray(v) && v.length === 0));
    for (const v of values) out.push({ ...base, [place]: { ...base[place], [p.name]: v }, label: `${p.in} ${p.name} = ${JSON.stringify(v)?.slice(0, 40)}` });
  }
  if (op.body) {
    const body = base.body as Record<string, unknown>;
    for (const [k, s] of Object.entries(propertiesOf(op.body.schema))) {
      for (const v of [...allowedSamples(s, SAMPLES, SEED), ...forbiddenCandidates(s), undefined]) {
        out.push({ ...base, body: { ...body, [k]: v }, label: `body ${k} = ${JSON.stringify(v)?.slice(0, 40)}` });
      }
    }
    out.push({ ...base, body: undefined, label: 'no body' }, { ...base, body: {}, label: 'body {}' }, { ...base, body: [], label: 'body []' });
    // Keys that would poison a prototype (own properties, as JSON.parse makes them).
    for (const key of ['__proto__', 'constructor']) out.push({ ...base, body: { ...body, ...JSON.parse(`{"${key}": {}}`) }, label: `body with a ${key} key` });
  }
  return out;
}

interface Tally {
  requests: number;
  allowed: number;
  forbidden: number;
  allowedButRefused: string[];
  forbiddenButAccepted: string[];
}

async function send(op: FuzzOperation, input: FuzzInput) {
  const url = op.path.replace(/:([A-Za-z_]\w*)/g, (_, k: string) => encodeURIComponent(wire(input.path[k])));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, wire(one));
  }
  const qs = q.toString();
  const res = await app.inject({
    method: op.method as 'GET',
    url: qs ? `${url}?${qs}` : url,
    headers: {
      authorization: `Bearer ${fixture.sessions.admin.token}`,
      ...(op.file ? { 'content-type': op.file.contentType } : input.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(op.file ? { payload: op.file.text } : input.body === undefined ? {} : { payload: JSON.stringify(input.body) }),
  });
  return { status: res.statusCode, error: res.statusCode >= 400 ? ((res.json() as { error?: string }).error ?? '') : '' };
}

async function fuzz(names: readonly CommandName[]): Promise<Tally> {
  const ajv = makeAjv();
  const tally: Tally = { requests: 0, allowed: 0, forbidden: 0, allowedButRefused: [], forbiddenButAccepted: [] };
  const settingsBefore = t.core.settings.get();
  for (const name of names) {
    const def = commands[name] as CommandDef;
    if (def.export) continue; // CSV downloads: their queries are checked by the same schemas, their answers are files
    const op = operationOf(name);
    const allows = requestValidator(ajv, op);
    const seen = new Set<string>();
    for (const input of mutations(op, baseInput(name, op))) {
      const key = JSON.stringify([input.path, input.query, input.body === undefined ? '∅' : input.body]);
      if (seen.has(key)) continue;
      seen.add(key);
      const allowed = allows(input, readings);
      undo.on = true;
      let answer: { status: number; error: string };
      try {
        answer = await send(op, input);
      } finally {
        undo.on = false;
      }
      // The settings cache follows an update inside its unit, so it outlives the undo: set the name back.
      if (name === 'settings:update') await t.core.services.settings.update({ hotelName: settingsBefore.hotelName });
      tally.requests++;
      const where = `${def.http.method} ${def.http.path} · ${input.label} → ${answer.status} ${answer.error.slice(0, 120)}`;
      if (allowed) {
        tally.allowed++;
        if (answer.status === 400 && !documented400(op, answer.error)) tally.allowedButRefused.push(where);
      } else {
        tally.forbidden++;
        if (answer.status < 400 || answer.status === 404 || answer.status === 409) tally.forbiddenButAccepted.push(where);
      }
    }
  }
  return tally;
}

describe('the API document is the server\'s rules', () => {
  it('no request the document allows is refused, none it forbids is accepted', async () => {
    const tally = await fuzz(commandNames);
    console.info(
      `document fuzzer: ${tally.requests} requests (${tally.allowed} allowed by the document, ${tally.forbidden} forbidden), ` +
        `${tally.allowedButRefused.length} allowed-but-refused, ${tally.forbiddenButAccepted.length} forbidden-but-accepted`,
    );
    if (process.env.FRONTDESK_FUZZ_REPORT) writeFileSync(process.env.FRONTDESK_FUZZ_REPORT, JSON.stringify(tally, null, 1));
    expect.soft([...new Set(tally.allowedButRefused)].sort()).toEqual([]);
    expect.soft([...new Set(tally.forbiddenButAccepted)].sort()).toEqual([]);
    expect(tally.allowed).toBeGreaterThan(1000);
    expect(tally.forbidden).toBeGreaterThan(1000);
  }, 600_000);

  it('takes a documented message for the same words with other values', () => {
    const re = messagePattern('Room 104 is a "Standard double room", not a "Standard single room" in Europe/Copenhagen');
    expect(re.test('Room 7 is a "Suite", not a "x" in America/New_York')).toBe(true);
    expect(re.test('Room 7 is a "Suite", not a "x" in America/New_York.')).toBe(false);
    expect(re.test('Room is a "Suite", not a "x" in UTC')).toBe(false);
    const op = { documented400: ['workingHours.mon: end must be after start', 'workingHours.tue: end must be after start'].map(messagePattern) };
    expect(documented400(op, 'workingHours.mon: end must be after start; workingHours.tue: end must be after start')).toBe(true);
    expect(documented400(op, 'workingHours.mon: end must be after start; name: name is required')).toBe(false);
  });
});
