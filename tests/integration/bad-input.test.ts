/**
 * Every bad input gets a clear 4xx, never a 5xx, and changes nothing (spec 4, 6; issue 3 §6; issue 7
 * items 9–10). The cases come from the contract (bad-input-cases.ts) and start from the one table of
 * valid inputs (tests/support/contract-fixture.ts), so a route added tomorrow is attacked too. Every
 * request is checked on its own: a refusal is a 4xx with a body of exactly `{"error": "<non-empty
 * text>"}` and leaves the stays, rooms, blocks, outbox, settings, users and sessions tables unchanged;
 * a hostile value the contract accepts must only not fail. All cases run signed in (as the admin,
 * whom every route allows) and anonymous, over `inject`, then all again over a real socket with a
 * few requests no HTTP client would send; afterwards the server still answers /health and still takes
 * a booking. Anonymous, a guarded route answers 401 whatever the body (the guard runs before the body
 * is parsed or validated); only a URL the router cannot read is refused (400) before any route. Every
 * answer is also checked against the API document (tests/support/openapi-conformance.ts).
 *
 * Every write a case makes is undone (tests/support/undoing-core.ts: each outermost unit of work runs
 * to its end through the real dispatcher, the group commit on SQLite included, then rolls back
 * instead of committing), on either engine. Before it rolls back, the unit compares the watched
 * tables with the fixture's: a request wrongly accepted is reported and cannot change the ground for
 * the cases after it (so the refused sign-ins' back-off never locks the fixture's accounts either).
 * The tables are compared again after each answer, for a write that escaped every unit.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../core/api/build-server';
import { NOTHING_TO_CHANGE_MESSAGE } from '../../core/api/contract-routes';
import { commandNames, commands, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { contractInput, seedContractHotel } from '../support/contract-fixture';
import type { ContractFixture } from '../support/domain-fixture';
import { assertConformant, checkResponsesAgainstDocs, type Conformance } from '../support/openapi-conformance';
import { createHttpClient, sendRaw, type HttpClient } from '../support/socket-client';
import type { TestCore } from '../support/test-core';
import { createUndoingTestCore, type UndoSwitch } from '../support/undoing-core';
import { allBadCases, casesFor, RAW_CASES, shapeKeys, type BadCase } from './bad-input-cases';

const WATCHED_TABLES = ['stays', 'room_blocks', 'guest_rooms', 'outbox', 'settings', 'users', 'sessions', 'service_rooms', 'timeslots', 'providers', 'appointments'] as const;
/** What the router answers before any route (and so before any guard) for a URL it cannot read. */
const ROUTER_REFUSALS = new Set(['{"error":"Malformed URL"}', '{"error":"A path parameter is too long"}']);

type Caller = 'signed in' | 'anonymous';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

interface PassResult {
  requests: number;
  statuses: Record<number, number>;
  failures: string[];
  /** Commands where some refusal came from the route itself (not the router's 404, not the guard's 401). */
  reached: Set<string>;
  ms: number;
}

let t: TestCore;
let undo: UndoSwitch;
/** The watched tables as the fixture left them: every case must find them so, and leave them so. */
let ground: string;
let app: FastifyInstance;
let baseUrl: string;
let fixture: ContractFixture;
let conformance: Conformance;
let cases: BadCase[];

beforeAll(async () => {
  const undoing = await createUndoingTestCore();
  t = undoing;
  undo = undoing.undo;
  fixture = await seedContractHotel(t.core);
  ground = await snapshot();
  cases = allBadCases((name) => contractInput(name, fixture));
  app = await buildServer(t.core, {});
  conformance = checkResponsesAgainstDocs(app);
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  // A refused export or sign-in logs nothing, but a 5xx would: keep the output to the report.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await app?.close();
  await t?.close();
});

const adminToken = () => fixture.sessions.admin.token;

/** The watched tables, as the calling unit of work sees them (its own uncommitted writes included). */
async function snapshot(): Promise<string> {
  const tables: string[] = [];
  for (const table of WATCHED_TABLES) tables.push(JSON.stringify(await t.db.all(`SELECT * FROM ${table} ORDER BY 1`)));
  return tables.join('\n');
}

/**
 * Sends one case with its writes undone; `changed` when a unit would have committed a change to the
 * watched tables, or when they differ from the fixture's afterwards.
 */
async function undone<T>(send: () => Promise<T>): Promise<{ value: T; changed: boolean }> {
  let changed = false;
  undo.probe = async () => {
    if ((await snapshot()) !== ground) changed = true;
  };
  undo.on = true;
  let value: T;
  try {
    value = await send();
  } finally {
    undo.on = false;
    undo.probe = undefined;
  }
  if ((await snapshot()) !== ground) changed = true;
  return { value, changed };
}

function errorShapeProblem(a: Answer): string | undefined {
  if (!a.contentType.startsWith('application/json')) return `content type ${JSON.stringify(a.contentType)}`;
  let body: unknown;
  try {
    body = JSON.parse(a.body);
  } catch {
    return 'a body that is not JSON';
  }
  const ok = body !== null && typeof body === 'object' && Object.keys(body).join() === 'error' && typeof (body as { error: unknown }).error === 'string' && (body as { error: string }).error.trim() !== '';
  return ok ? undefined : `body ${a.body.slice(0, 120)}`;
}

function isGuarded(command: string): boolean {
  const def = (commands as Record<string, CommandDef>)[command];
  return def !== undefined && def.roles !== 'public';
}

function headersFor(caller: Caller, c: BadCase): Record<string, string> {
  return {
    ...(caller === 'signed in' ? { authorization: `Bearer ${adminToken()}` } : {}),
    ...(c.body === undefined ? {} : { 'content-type': c.contentType ?? 'application/json' }),
  };
}

async function runPass(caller: Caller, list: BadCase[], send: (c: BadCase) => Promise<Answer>): Promise<PassResult> {
  const result: PassResult = { requests: 0, statuses: {}, failures: [], reached: new Set(), ms: 0 };
  const started = performance.now();
  for (const c of list) {
    let answer: Answer;
    let changed: boolean;
    try {
      ({ value: answer, changed } = await undone(() => send(c)));
    } catch (e) {
      result.failures.push(`${c.command} · ${c.label}: no answer (${(e as Error).message})`);
      continue;
    }
    result.requests++;
    result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
    const where = `${c.command} · ${c.label} · ${c.method} ${c.url.slice(0, 80)}`;
    const tail = `${answer.status} ${answer.body.slice(0, 160)}`;
    for (const p of conformance.take()) result.failures.push(`${where}: differs from the API document: ${p}`);
    if (answer.status >= 500) result.failures.push(`${where}: a 5xx: ${tail}`);
    else if (caller === 'anonymous' && isGuarded(c.command)) {
      if (answer.status !== 401 && !ROUTER_REFUSALS.has(answer.body)) result.failures.push(`${where}: anonymous, not 401: ${tail}`);
      const problem = errorShapeProblem(answer);
      if (problem) result.failures.push(`${where}: ${problem}`);
      if (changed) result.failures.push(`${where}: anonymous, changed the database`);
    } else if (c.expect === '4xx') {
      if (answer.status < 400) result.failures.push(`${where}: accepted: ${tail}`);
      else {
        const problem = errorShapeProblem(answer);
        if (problem) result.failures.push(`${where}: ${problem}`);
        if (!answer.body.includes('"Not found"')) result.reached.add(c.command);
      }
      if (changed) result.failures.push(`${where}: changed the database`);
    } else if (answer.status >= 400) {
      const problem = errorShapeProblem(answer);
      if (problem) result.failures.push(`${where}: ${problem}`);
    }
  }
  result.ms = performance.now() - started;
  return result;
}

function report(label: string, r: PassResult): string {
  return `bad input ${label}: ${r.requests} requests in ${r.ms.toFixed(0)} ms → statuses ${JSON.stringify(r.statuses)}, ${r.failures.length} failures`;
}

const HAS_INPUT = commandNames.filter((n) => shapeKeys(commands[n] as CommandDef).length > 0);

/** What each pass must have reached: signed in, every route with an input; anonymous, the public ones. */
function unreached(caller: Caller, r: PassResult): CommandName[] {
  return HAS_INPUT.filter((n) => (caller === 'signed in' || !isGuarded(n)) && !r.reached.has(n));
}

async function injected(caller: Caller, c: BadCase): Promise<Answer> {
  const res = await app.inject({ method: c.method, url: c.url, headers: headersFor(caller, c), ...(c.body === undefined ? {} : { payload: c.body }) });
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
}

describe('bad input, for every route of the contract', () => {
  it('starts from the one fixture table, whose inputs the contract accepts, and attacks every command', () => {
    for (const name of commandNames) {
      const input = contractInput(name, fixture);
      expect(input, `${name} has no valid input in tests/support/contract-fixture.ts`).toBeDefined();
      expect(casesFor(name, input).length, name).toBeGreaterThan(0);
    }
  });

  it('refuses strict-input faults (issue 7 item 9), each with a clear message', async () => {
    const stay = contractInput('stays:create', fixture);
    const expectations: [string, string, unknown, RegExp][] = [
      ['POST', '/api/v1/stays', { ...stay, roomId: true }, /^roomId: expected a positive whole number/],
      ['POST', '/api/v1/stays', { ...stay, roomId: '7' }, /^roomId: expected a positive whole number/],
      ['POST', '/api/v1/stays', { ...stay, guests: '2' }, /^guests: expected number, received string/],
      ['GET', '/api/v1/stays/0x10', undefined, /^id: expected a positive whole number such as 7/],
      ['GET', '/api/v1/stays/1e1', undefined, /^id: expected a positive whole number/],
      ['GET', '/api/v1/stays/+10', undefined, /^id: expected a positive whole number/],
      ['GET', '/api/v1/stays/10.0', undefined, /^id: expected a positive whole number/],
      ['GET', '/api/v1/stays/%2010', undefined, /^id: expected a positive whole number/],
      ['GET', '/api/v1/stays?roomId=0x1', undefined, /^roomId: expected a positive whole number/],
      ['GET', '/api/v1/stays?limit=1e3', undefined, /^limit: expected a whole number from 1 to 1000/],
      ['GET', '/api/v1/stays?offset=', undefined, /^offset: expected a whole number from 0 to 10000000/],
      ['GET', '/api/v1/board?days=7.0', undefined, /^days: expected a whole number from 1 to 120/],
      ['PATCH', '/api/v1/rooms/1', undefined, new RegExp(`^${NOTHING_TO_CHANGE_MESSAGE}$`)],
      ['PATCH', '/api/v1/rooms/1', {}, new RegExp(`^${NOTHING_TO_CHANGE_MESSAGE}$`)],
      ['PATCH', '/api/v1/settings', {}, new RegExp(`^${NOTHING_TO_CHANGE_MESSAGE}$`)],
      ['PATCH', `/api/v1/users/${fixture.victim.userId}`, { colour: 'blue' }, new RegExp(`^${NOTHING_TO_CHANGE_MESSAGE}$`)],
    ];
    const seen: string[] = [];
    for (const [method, url, body, message] of expectations) {
      const { value: res } = await undone(() =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { authorization: `Bearer ${adminToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        }),
      );
      seen.push(`${method} ${url} ${body === undefined ? '' : JSON.stringify(body).slice(0, 40)} → ${res.statusCode} ${res.body}`);
      expect({ url, body, status: res.statusCode }).toEqual({ url, body, status: 400 });
      expect((res.json() as { error: string }).error).toMatch(message);
    }
    assertConformant(conformance);
    console.info(`strict input:\n  ${seen.join('\n  ')}`);
  });

  it("keeps seed 000's POST /bookings taking the room number as digits, as its clients send it", async () => {
    const body = { ...contractInput('stays:seedCreate', fixture), roomnumber: '104' };
    const { value: res, changed } = await undone(() =>
      app.inject({ method: 'POST', url: '/bookings', headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) }),
    );
    expect(res.statusCode).toBe(201);
    // Booked (the undone unit held the new stay before it rolled back), and then undone.
    expect(changed).toBe(true);
    expect(await snapshot()).toBe(ground);
  });

  it('refuses the named faults of a booking, a sign-in and a user for the reason named', async () => {
    const caseOf = (command: string, label: string) => {
      const c = cases.find((x) => x.command === command && x.label === label);
      expect(c, `${command} · ${label}`).toBeDefined();
      return c!;
    };
    const expectations: [string, string, number, RegExp][] = [
      ['stays:create', 'checkout = checkin', 400, /after/],
      ['stays:create', 'checkout before checkin', 400, /after/],
      ['stays:create', 'checkin = 2026-02-30', 400, /not a real date/],
      ['stays:create', 'checkin in the DST gap', 400, /does not exist in Europe\/Copenhagen/],
      ['stays:create', 'checkout in the DST gap', 400, /does not exist in Europe\/Copenhagen/],
      ['stays:create', 'unknown roomId', 404, /not found/],
      ['stays:create', 'guests = "x"', 400, /guests/],
      ['stays:create', 'guestName = null', 400, /guestName/],
      ['stays:create', 'a body over 1 MiB', 413, /too large/],
      ['stays:create', 'invalid JSON "{\\"a\\":1"', 400, /Invalid JSON/],
      ['stays:create', '__proto__ key', 400, /__proto__/],
      ['stays:create', 'text/plain body', 415, /application\/json/],
      ['stays:seedCreate', 'unknown roomnumber', 404, /Room 9999 not found/],
      ['stays:seedCreate', 'checkout before checkin', 400, /after/],
      ['stays:cancel', 'unknown :id', 404, /Stay 999999 not found/],
      ['stays:get', ':id = 0x10', 400, /^\{"error":"id: expected a positive whole number/],
      ['auth:login', 'without password', 400, /password/],
      ['auth:login', 'NUL in username', 401, /Invalid username or password/],
      ['users:seedCreate', 'email_address = "x"', 400, /email_address/],
      ['users:update', 'unknown :id', 404, /User 999999 not found/],
      ['users:update', 'PATCH with {}', 400, /Nothing to change/],
      ['users:resetPassword', 'NUL in newPassword', 400, /NUL/],
      // Issue 10 item 15: refused, never stored as U+FFFD or with hidden control characters.
      ['stays:seedCreate', 'a lone high surrogate in guest_name', 400, /^\{"error":"guest_name: must not contain a lone UTF-16 surrogate/],
      ['stays:seedCreate', 'a lone low surrogate in category', 400, /surrogate/],
      ['stays:create', 'a reversed pair in notes', 400, /surrogate/],
      ['stays:create', 'ESC in guestName', 400, /guestName: must not contain control characters/],
      ['stays:create', 'NEL (C1) in notes', 400, /notes: must not contain control characters/],
      ['stays:create', 'a line feed in single-line guestPhone', 400, /control characters/],
      ['blocks:create', 'DEL in reason', 400, /control characters/],
      ['users:resetPassword', 'a lone high surrogate in newPassword', 400, /surrogate/],
    ];
    for (const [command, label, status, message] of expectations) {
      const c = caseOf(command, label);
      const { value: answer } = await undone(() => injected('signed in', c));
      expect({ command, label, status: answer.status }).toEqual({ command, label, status });
      expect(answer.body).toMatch(message);
    }
    assertConformant(conformance);
  });

  /** A pass sends every case of every command: it grows with the contract, and the machine may be shared. */
  const PASS_TIMEOUT_MS = 600_000;

  it.each<Caller>(['signed in', 'anonymous'])('over inject, %s: a 4xx {"error": …} for each, never a 5xx, nothing written', async (caller) => {
    const r = await runPass(caller, cases, (c) => injected(caller, c));
    console.info(report(`over inject, ${caller}`, r));
    expect.soft(r.failures).toEqual([]);
    expect(unreached(caller, r)).toEqual([]);
    if (caller === 'anonymous') expect(r.statuses[401]).toBeGreaterThan(cases.length / 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, PASS_TIMEOUT_MS);

  it.each<Caller>(['signed in', 'anonymous'])('over a real socket, %s: the same answers, then /health is 200 and a booking still goes through', async (caller) => {
    const client: HttpClient = createHttpClient(baseUrl);
    try {
      const viaClient = async (c: BadCase): Promise<Answer> => {
        const res = c.raw
          ? await sendRaw(baseUrl, c.raw)
          : await client.send({ method: c.method, path: c.url, body: c.body, headers: headersFor(caller, c) });
        return { status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
      };
      const r = await runPass(caller, [...cases, ...RAW_CASES], viaClient);
      console.info(report(`over a socket, ${caller}`, r));
      expect.soft(r.failures).toEqual([]);
      expect(unreached(caller, r)).toEqual([]);

      const health = await client.send({ method: 'GET', path: '/health' });
      expect(health.status).toBe(200);
      const signedIn = createHttpClient(baseUrl, { token: adminToken() });
      try {
        const dates = caller === 'anonymous' ? { checkin: '2026-08-01', checkout: '2026-08-03' } : { checkin: '2026-07-01', checkout: '2026-07-03' };
        const booking = await signedIn.send({ method: 'POST', path: '/api/v1/stays', body: { ...contractInput('stays:create', fixture), ...dates } });
        expect(booking.status).toBe(201);
        // Committed: the ground the next cases meet.
        ground = await snapshot();
      } finally {
        signedIn.close();
      }
      assertConformant(conformance);
    } finally {
      client.close();
    }
  }, PASS_TIMEOUT_MS);
});
