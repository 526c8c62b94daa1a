/**
 * The role matrix (issue 3 §3, §6): every command of the contract × {admin, staff, client,
 * anonymous}, and for the commands a setting opens (`openWhen`) each of those again with the setting
 * on. Each cell calls the real server with an input that succeeds on the fixture
 * (tests/support/contract-fixture.ts) and is judged against an oracle written here from the
 * contract's `roles` — not by calling authorize(): allowed → a 2xx; refused → 401 for nobody, 403
 * for a signed-in role. The same cells go through `core.call` (the desktop's IPC path), which must
 * refuse exactly the same ones.
 *
 * Every cell's writes are undone (tests/support/undoing-core.ts: each outermost unit of work runs to
 * its end through the real dispatcher, the group commit on SQLite included, and is rolled back instead
 * of committed), so every cell meets the same hotel (a sign-out, a cancelled stay, a demoted user are
 * undone before the next cell), on either engine. Every answer is checked against the API document,
 * and every body the matrix receives is then searched for password hashes and the signing secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { buildServer } from '../../core/api/build-server';
import { anonymousContext, type CallContext, type HandledCommandName } from '../../core/context';
import { isAppError } from '../../shared/errors';
import { CALLER_ROLES, commandNames, commands, ROLES, type CallerRole, type CommandDef, type CommandName } from '../../shared/contract/commands';
import { contractInput, parsedContractInput, seedContractHotel, wireRequest } from '../support/contract-fixture';
import type { ContractFixture } from '../support/domain-fixture';
import { assertConformant, checkResponsesAgainstDocs, type Conformance } from '../support/openapi-conformance';
import { TEST_PASSWORD } from '../support/sessions';
import { createHttpClient } from '../support/socket-client';
import { adminCtx, type TestCore } from '../support/test-core';
import { createUndoingTestCore, type UndoSwitch } from '../support/undoing-core';

interface Cell {
  command: CommandName;
  caller: CallerRole;
  selfRegistration: boolean;
}

type Verdict = 'allowed' | 401 | 403;

/** The oracle, from the contract alone: who may call `command` with the setting as given. */
function expected({ command, caller, selfRegistration }: Cell): Verdict {
  const def = commands[command] as CommandDef;
  if (def.roles === 'public') return 'allowed';
  if (def.openWhen === 'selfRegistration' && selfRegistration) return 'allowed';
  if (caller === 'anonymous') return 401;
  return (def.roles as readonly string[]).includes(caller) ? 'allowed' : 403;
}

/**
 * The input a caller sends in its cell: the fixture's complete input, less the contract's
 * `deskOnlyFields` for a caller outside the desk (those are refused field by field, below).
 */
function cellInput(command: CommandName, caller: CallerRole): Record<string, unknown> {
  const input = { ...contractInput(command, fixture) };
  if (!DESK_ROLES.includes(caller)) for (const f of (commands[command] as CommandDef).deskOnlyFields ?? []) delete input[f];
  return input;
}

const DESK_ROLES: readonly CallerRole[] = ['admin', 'staff'];
/** Field names that are the desk's to set wherever they occur in an input a client may send. */
const DESK_FIELD_NAMES = ['price', 'notes', 'status', 'owner', 'ownerId', 'owner_id', 'createdBy', 'role'];
/**
 * Fields of those names that a seed gives the client itself: seed 003's signed-in user books a
 * timeslot with its own `notes` (its integration test does so as a plain user); staff notes are not
 * on that command.
 */
const CLIENT_OWN_FIELDS = ['appointments:create.notes', /* a filter of its own list, not a setter: */ 'appointments:mine.status'];

/** The field names of a command's input: a `z.object`'s, or every option's of a union. */
function inputFieldNames(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[]; def?: { in?: z.ZodType } };
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return s.options.flatMap(inputFieldNames);
  if (s.def?.in) return inputFieldNames(s.def.in);
  return [];
}

/** The commands a client may call, from the contract. */
const clientCommands = commandNames.filter((n) => {
  const roles = (commands[n] as CommandDef).roles;
  return roles !== 'public' && (roles as readonly string[]).includes('client');
});

/** Every cell: each command × each caller with self-registration off, and again on for the commands it opens. */
function allCells(): Cell[] {
  const cells: Cell[] = [];
  for (const command of commandNames) {
    const settings = (commands[command] as CommandDef).openWhen === 'selfRegistration' ? [false, true] : [false];
    for (const selfRegistration of settings) for (const caller of CALLER_ROLES) cells.push({ command, caller, selfRegistration });
  }
  return cells;
}

const cells = allCells();
const label = (c: Cell) => `${c.command} × ${c.caller}${c.selfRegistration ? ' (self-registration on)' : ''}`;

let t: TestCore;
let undo: UndoSwitch;
let app: FastifyInstance;
let baseUrl: string;
let fixture: ContractFixture;
/** Every answer checked against the API document (tests/support/openapi-conformance.ts). */
let conformance: Conformance;
/** Every body the HTTP passes received, for the secrets scan. */
const bodies: string[] = [];

beforeAll(async () => {
  const undoing = await createUndoingTestCore();
  t = undoing;
  undo = undoing.undo;
  fixture = await seedContractHotel(t.core);
  app = await buildServer(t.core, {});
  conformance = checkResponsesAgainstDocs(app);
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** Committed (called between cells, never undone): the cells after it run with the setting as given. */
async function setSelfRegistration(on: boolean): Promise<void> {
  if (t.core.settings.get().selfRegistration !== on) await t.core.handlers['settings:update']({ selfRegistration: on }, adminCtx);
}

/** Runs `send` with every write it makes undone. */
async function undone<T>(send: () => Promise<T>): Promise<T> {
  undo.on = true;
  try {
    return await send();
  } finally {
    undo.on = false;
  }
}

function authorization(caller: CallerRole): Record<string, string> {
  return caller === 'anonymous' ? {} : { authorization: `Bearer ${fixture.sessions[caller].token}` };
}

interface Outcome {
  status: number;
  body: string;
}

/** Runs every cell through `send` (its writes undone); the cells that disagree with the oracle. */
async function runMatrix(send: (c: Cell) => Promise<Outcome>): Promise<{ mismatches: string[]; notSucceeded: string[]; statuses: Record<number, number> }> {
  const mismatches: string[] = [];
  const notSucceeded: string[] = [];
  const statuses: Record<number, number> = {};
  for (const cell of cells) {
    await setSelfRegistration(cell.selfRegistration);
    const outcome = await undone(() => send(cell));
    bodies.push(outcome.body);
    statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    const want = expected(cell);
    const refused = outcome.status === 401 || outcome.status === 403;
    if (want === 'allowed' ? refused : outcome.status !== want) {
      mismatches.push(`${label(cell)}: expected ${want}, got ${outcome.status} ${outcome.body.slice(0, 120)}`);
    } else if (want === 'allowed' && (outcome.status < 200 || outcome.status >= 300)) {
      notSucceeded.push(`${label(cell)}: ${outcome.status} ${outcome.body.slice(0, 120)}`);
    }
  }
  await setSelfRegistration(false);
  return { mismatches, notSucceeded, statuses };
}

describe('the role table in the contract', () => {
  it('gives every command a role entry: "public" or a non-empty list of known roles, without repeats', () => {
    const wrong: string[] = [];
    for (const name of commandNames) {
      const def = commands[name] as Partial<CommandDef>;
      const roles = def.roles as unknown;
      if (roles === 'public') continue;
      const ok = Array.isArray(roles) && roles.length > 0 && roles.every((r) => (ROLES as readonly unknown[]).includes(r)) && new Set(roles).size === roles.length;
      if (!ok) wrong.push(`${name}: ${JSON.stringify(roles)}`);
      if (def.openWhen !== undefined && def.openWhen !== 'selfRegistration') wrong.push(`${name}: openWhen ${String(def.openWhen)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents exactly the contract’s routes (a route added beside the contract would have no role entry)', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const contract = commandNames.map((n) => (commands[n] as CommandDef).http).map((h) => `${h.method} ${h.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`).sort();
    expect(documented).toEqual(contract);
  });

  it('has an input for every command that the contract accepts', () => {
    for (const name of commandNames) expect(() => parsedContractInput(name, fixture), name).not.toThrow();
  });
});

describe('fields by role: a client never sets what the desk sets (STYLE rule 16)', () => {
  it('declares as desk-only every desk field of every command a client may call', () => {
    const undeclared: string[] = [];
    for (const name of clientCommands) {
      const def = commands[name] as CommandDef;
      for (const field of inputFieldNames(def.input)) {
        if (DESK_FIELD_NAMES.includes(field) && !(def.deskOnlyFields ?? []).includes(field) && !CLIENT_OWN_FIELDS.includes(`${name}.${field}`)) undeclared.push(`${name}.${field}`);
      }
    }
    expect(undeclared).toEqual([]);
    // Seed 000's booking (the client's own booking form) takes a price, staff notes and an admin's late entry.
    expect((commands['stays:seedCreate'] as CommandDef).deskOnlyFields).toEqual(['price', 'notes', 'late_entry']);
  });

  const fieldCases = clientCommands.flatMap((command) => ((commands[command] as CommandDef).deskOnlyFields ?? []).map((field) => ({ command, field })));

  it('has a desk-only field to check', () => expect(fieldCases.length).toBeGreaterThan(0));

  for (const { command, field } of fieldCases) {
    it(`${command}: a client sending ${field} is refused with 403 over HTTP and IPC; a desk caller may send it`, async () => {
      // The attack that found it: `"price": 0` (a set field even though falsy); other fields as the fixture sends them.
      const withField = { ...cellInput(command, 'client'), [field]: field === 'price' ? 0 : contractInput(command, fixture)[field] };
      const send = async (caller: CallerRole, input: Record<string, unknown>) => {
        const req = wireRequest(command, input);
        const res = await undone(() =>
          app.inject({
            method: req.method,
            url: req.url,
            headers: { ...authorization(caller), ...(req.payload === undefined ? {} : { 'content-type': req.contentType ?? 'application/json' }) },
            ...(req.payload === undefined ? {} : { payload: req.payload }),
          }),
        );
        return { status: res.statusCode, body: res.body };
      };
      const refused = await send('client', withField);
      expect(refused.status, refused.body).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({ error: `A client may not set ${field}` });
      const without = await send('client', cellInput(command, 'client'));
      expect(without.status, without.body).toBeGreaterThanOrEqual(200);
      expect(without.status, without.body).toBeLessThan(300);
      const byDesk = await send('staff', withField);
      expect(byDesk.status, byDesk.body).toBeLessThan(300);

      const ctx = await t.core.contextFor(fixture.sessions.client.token, { via: 'ipc' });
      await undone(() =>
        expect(t.core.call(command as HandledCommandName, (commands[command] as CommandDef).input.parse(withField) as never, ctx)).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: `A client may not set ${field}`,
        }),
      );
    });
  }
});

describe('every cell of the matrix', () => {
  it('over HTTP (inject): allowed → 2xx, refused → 401 anonymous / 403 signed in; zero mismatches', async () => {
    const r = await runMatrix(async (cell) => {
      const req = wireRequest(cell.command, cellInput(cell.command, cell.caller));
      const res = await app.inject({
        method: req.method,
        url: req.url,
        headers: { ...authorization(cell.caller), ...(req.payload === undefined ? {} : { 'content-type': req.contentType ?? 'application/json' }) },
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
      return { status: res.statusCode, body: res.body };
    });
    const allowed = cells.filter((c) => expected(c) === 'allowed').length;
    console.info(
      `role matrix over inject: ${cells.length} cells (${commandNames.length} commands × ${CALLER_ROLES.length} callers + ` +
        `${cells.length - commandNames.length * CALLER_ROLES.length} with self-registration on): ${allowed} allowed, ` +
        `${cells.length - allowed} refused; statuses ${JSON.stringify(r.statuses)}; ${r.mismatches.length} mismatches`,
    );
    expect(r.mismatches).toEqual([]);
    expect(r.notSucceeded).toEqual([]);
    assertConformant(conformance);
  });

  it('over a real socket: the same', async () => {
    const client = createHttpClient(baseUrl);
    try {
      const r = await runMatrix(async (cell) => {
        const req = wireRequest(cell.command, cellInput(cell.command, cell.caller));
        const res = await client.send({ method: req.method, path: req.url, body: req.payload, headers: { ...authorization(cell.caller), ...(req.contentType ? { 'content-type': req.contentType } : {}) } });
        return { status: res.status, body: res.body };
      });
      console.info(`role matrix over a socket: ${cells.length} cells, statuses ${JSON.stringify(r.statuses)}; ${r.mismatches.length} mismatches`);
      expect(r.mismatches).toEqual([]);
      expect(r.notSucceeded).toEqual([]);
      assertConformant(conformance);
    } finally {
      client.close();
    }
  });

  it('through core.call (IPC): the same cells refused with UNAUTHENTICATED / FORBIDDEN, the others not', async () => {
    const contexts: Record<string, CallContext> = { anonymous: anonymousContext('ipc') };
    for (const [role, s] of Object.entries(fixture.sessions)) contexts[role] = await t.core.contextFor(s.token, { via: 'ipc' });
    const mismatches: string[] = [];
    let checked = 0;
    for (const cell of cells) {
      const def = commands[cell.command] as CommandDef;
      await setSelfRegistration(cell.selfRegistration);
      const ctx = contexts[cell.caller];
      let code: string | undefined;
      try {
        // The CSV exports and the file imports stream and have no handler: their IPC paths (the save
        // and open dialogs, electron/host-requests.ts) check `core.authorize`, the guard `call` applies.
        if (def.export || def.upload) t.core.authorize(cell.command, ctx!);
        else await undone(() => t.core.call(cell.command as HandledCommandName, (commands[cell.command] as CommandDef).input.parse(cellInput(cell.command, cell.caller)) as never, ctx!));
      } catch (e) {
        code = isAppError(e) ? e.code : String(e);
      }
      checked++;
      const want = expected(cell);
      const got: Verdict = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 'allowed';
      if (got !== want) mismatches.push(`${label(cell)}: expected ${want}, got ${code ?? 'success'}`);
    }
    await setSelfRegistration(false);
    console.info(`role matrix through core.call: ${checked} cells, ${mismatches.length} mismatches`);
    expect(checked).toBe(cells.length);
    expect(mismatches).toEqual([]);
  });
});

describe('what the matrix received', () => {
  it('never carries a password hash, a password or the signing secret', async () => {
    expect(bodies.length).toBe(2 * cells.length);
    const secret = (await t.db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'auth.signingSecret'`))!.value;
    const needles = ['password_hash', 'passwordHash', '$argon2', TEST_PASSWORD, JSON.parse(secret) as string];
    const leaks = bodies.flatMap((body, i) => needles.filter((n) => body.includes(n)).map((n) => `body ${i} contains ${n.slice(0, 12)}…`));
    expect(leaks).toEqual([]);
  });
});
