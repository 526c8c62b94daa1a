/**
 * What a command is: its input and output schema, its REST binding, who may call it, and every other
 * fact the layers need about it, as a flag on the command. **Never keep a second list of commands
 * anywhere else**: the dispatcher, the routes, the preload, the renderer's transport and the tests
 * all read these flags (the renderer and the preload through the generated command-table.ts).
 */
import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { Role } from './roles';

export interface HttpBinding {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path; `:id` parameters are merged into the input object. */
  path: string;
  /** Success status (default 200). */
  status?: number;
  /**
   * Fields of a body method's input that may also come in the query string (`POST
   * /api/v1/imports/rooms?dryRun=true`), each with its schema as the query carries it (text: e.g.
   * `QueryBoolTextSchema`); the query's value wins over the body's, and the whole input is then
   * checked by the command's input schema as usual.
   */
  query?: Record<string, z.ZodType>;
}

/**
 * A command's own wording for a refused input, where a seed spells one out (seed 003's
 * `timeslotId and roomId are required`): given the request's input as sent and the message the API
 * would give, returns the message to send. Used by REST only; the status stays 400.
 */
export type BadInputMessage = (input: unknown, generated: string) => string;

/** The input as sent, as a record of its fields (none for anything but a JSON object): for a BadInputMessage. */
export function bodyOf(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

/**
 * A 400 that no schema can state: a rule across fields (`to` after `from`), against the clock (not
 * before today) or against the records (the room's capacity, the current password). The API document
 * lists each in the operation's description, with `error` (the refusal's message, as the server words
 * it) among the 400 answer's examples (core/api/openapi-rules.ts).
 */
export interface InputRule {
  /** When it is refused, in a few words: "`to` is not after `from`". */
  when: string;
  /** The message of the 400 `{"error"}`, with example values: "to (2026-06-01) must be after from (2026-06-05)". */
  error: string;
  /** The same refusal's other wordings (`A cancelled booking …` beside `A completed booking …`), as further examples. */
  also?: readonly string[];
}

export interface CommandDef {
  summary: string;
  /** What it does, for the API document, in the hotel's words (who uses it, what it changes). */
  description: string;
  /**
   * A realistic input as a client sends it (path parameters included, query values as JSON values):
   * shown in the API document and checked against `input` by tests/core/api/openapi-docs.test.ts.
   */
  example: Record<string, unknown>;
  /**
   * The input: a `z.object`, or for a JSON body a union of objects (`z.xor`, `z.union`,
   * `z.discriminatedUnion`): one path served by one command, told apart by the body (seed 001's
   * `provider_id` vs seed 003's `timeslotId`); each option must hold the path parameters.
   */
  input: z.ZodType;
  output: z.ZodType;
  http: HttpBinding;
  /**
   * Who may call it; 'public' needs no sign-in. Enforced in one place (core/auth/authorize.ts) for
   * REST and IPC, before the input is even validated.
   */
  roles: readonly Role[] | 'public';
  /**
   * Input fields only the desk (admin, staff) may set: a price, notes for staff, a status, an owner.
   * A caller of any other role (a LAN `client`) who sends one is refused with 403 `A client may not
   * set price`, never silently ignored, so the booking it gets is the booking it asked for. Checked
   * in one place for REST and IPC (core/auth/authorize.ts `authorizeFields`, called by the
   * dispatcher on the validated input). Every command a client may call that takes such a field must
   * list it (tests/integration/role-matrix.test.ts).
   */
  deskOnlyFields?: readonly string[];
  /**
   * Also open to anyone (signed in or not) while this setting is on: seed 002's `POST /users/`
   * becomes self-registration of `client` users.
   */
  openWhen?: 'selfRegistration';
  /**
   * Allowed while the caller must still change a default or reset password; every other command
   * then answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  beforePasswordChange?: boolean;
  /** False for commands only meaningful over HTTP (the seed's CSV download). */
  ipc?: boolean;
  /**
   * The output is built field by field by the core's own query (no user record, nothing secret) and
   * is large: REST sends JSON.stringify's text (as bytes made in pieces, core/api/json-bytes.ts)
   * instead of re-checking it through zod, which copies
   * every array (10–35 ms for a 300-room × 90-day board) and every object in it (a list of 300
   * rooms: zod's copy was half of all the desk's host allocated under benchmark 4's requests,
   * docs/benchmarks.md §4, eighteenth pass). tests/core/api pins that the output has exactly the
   * schema's fields.
   */
  trustedOutput?: boolean;
  /**
   * The handler returns a Promise: it hashes or verifies a password (argon2 runs off the event loop),
   * then writes in its own synchronous transaction and **writes its own audit row**. Never
   * group-committed, since a batch cannot wait for it.
   */
  async?: true;
  /**
   * A write that runs in its own transaction outside the write batch, because its service changes
   * in-memory state that a rolled-back batch could not undo (the settings cache).
   */
  unbatched?: true;
  /** The service writes its own audit row (with what only it knows); the dispatcher writes none. */
  selfAudited?: true;
  /**
   * A CSV export of the export registry (core/composition/export-registry.ts): REST streams it as a
   * download, the desktop app writes it to the file chosen in a save dialog. No JSON handler.
   */
  export?: string;
  /**
   * A file import whose file travels beside the input, not in it: REST takes the file as the request
   * body, streamed (`contentType`, at most `maxBytes`: 413 beyond; the input's fields in the query
   * string: core/api/upload-routes.ts); the desktop app takes the file the user chose in the open
   * dialog (electron/import-dialog.ts), read by the host from disk. No JSON handler.
   */
  upload?: { contentType: string; maxBytes: number };
  /**
   * Its `from` and `to` are hotel-local dates that only filter, both inclusive: `to = from` is that
   * one day and `to` before `from` finds nothing (the audit log). Without it, a `from`/`to` or
   * `checkin`/`checkout` pair is a period that must not be empty (a stay's nights, a block), and
   * the bad-input suite expects an empty or reversed one to be refused.
   */
  inclusiveDates?: true;
  /**
   * Sent by the renderer's boot script before the app's bundle is evaluated (the desk's first GETs);
   * must be a GET without path parameters.
   */
  boot?: true;
  /**
   * The domain errors it may answer beyond those every route shares (VALIDATION for an input, the
   * sign-in and role refusals, RATE_LIMITED): NOT_FOUND, ROOM_UNAVAILABLE, CONFLICT, … The API
   * document lists their statuses.
   */
  errors?: readonly ErrorCode[];
  /** The seed's own 400 message for a refused input (see BadInputMessage). */
  badInputMessage?: BadInputMessage;
  /** Its 400s beyond what the input's schema states (see InputRule); shared ones live in input-rules.ts. */
  rules?: readonly InputRule[];
  /**
   * Seed 003's order on a record's route (`PUT /api/v1/bookings/:id/reschedule`): the record is
   * looked up (404) and its owner checked (403) before the body is (400). Names the command that
   * reads the record by the same path parameters (`GET …/:id`, e.g. `appointments:get`): when the
   * body would be refused, REST first runs that read as the caller, so a missing or another's record
   * answers as it would with a good body. Without it, a refused body is answered first (seed 003's
   * `PUT /api/v1/admin/bookings/:id/status` checks `status` before the booking).
   */
  recordBeforeBody?: string;
  /**
   * Where the API document lists it: sections of shared/contract/tags.ts (commands.ts's
   * `UndeclaredTags` refuses another; typed there, as the tags may come from the domains' list).
   */
  tags: readonly string[];
  /**
   * A write's live events (`shared/contract/events.ts`): every event its change may publish, none
   * left out, `[]` for a write no screen follows (a sign-in). The renderer refreshes its stores
   * from this list (after its own change at once, after another client's when the event arrives):
   * no call site names what to reload. Reads have none. tests/integration/command-events.test.ts
   * runs every write and fails on an event it publishes that is not declared.
   */
  emits?: readonly EventName[];
}

/** A live event's name (`stay.changed`): one of `liveEvents`' keys, checked by the command-events test. */
export type EventName = `${string}.${string}`;

/** Checks a domain's commands against CommandDef while keeping their literal types. */
export function defineCommands<const T extends Record<string, CommandDef>>(commands: T): T {
  return commands;
}
