/**
 * The whole message API, once. Each command names its input and output schema, its REST binding and
 * who may call it. IPC channels are the command names (`stays:create`), the preload exposes exactly
 * these, the Fastify routes and OpenAPI are generated from `http`. A command without schemas does
 * not compile (`satisfies`).
 */
import { z } from 'zod';
import * as A from './auth-schemas';
import { ROLES, type Role } from './auth-schemas';
import * as S from './schemas';

export { ROLES, type Role };
/** Who may be calling: a signed-in role, or nobody (no token). The role matrix's columns. */
export const CALLER_ROLES = [...ROLES, 'anonymous'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

export interface HttpBinding {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path; `:id` parameters are merged into the input object. */
  path: string;
  /** Success status (default 200). */
  status?: number;
  /** The route streams a file (CSV) instead of JSON; registered by the export routes. */
  stream?: 'csv';
}

export interface CommandDef {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  http: HttpBinding;
  /**
   * Who may call it; 'public' needs no sign-in. Enforced in one place (core/auth/authorize.ts) for
   * REST and IPC, before the input is even validated.
   */
  roles: readonly Role[] | 'public';
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
   * is large: REST sends it with JSON.stringify instead of re-checking it through zod, which copies
   * every array (10–35 ms for a 300-room × 90-day board). tests/core/api pins that the output has
   * exactly the schema's fields.
   */
  trustedOutput?: boolean;
  tags: readonly string[];
}

const DESK = ['admin', 'staff'] as const;
const ADMIN = ['admin'] as const;
const EVERYONE = ['admin', 'staff', 'client'] as const;
const Empty = z.object({});
const Removed = z.object({ id: z.number().int() });

export const commands = {
  'health:get': {
    summary: 'Liveness and versions', tags: ['health'], roles: 'public',
    input: Empty, output: S.HealthSchema, http: { method: 'GET', path: '/health' },
  },

  // ---- seed 002: sessions and users ----
  'auth:login': {
    summary: 'Sign in (seed 002): a bearer token; 401 on a wrong name or password, 429 while backing off', tags: ['auth'], roles: 'public',
    input: A.LoginSchema, output: A.LoginResultSchema, http: { method: 'POST', path: '/login/' },
  },
  'auth:logout': {
    summary: 'Sign out (seed 002): the token is revoked at once', tags: ['auth'], roles: EVERYONE, beforePasswordChange: true,
    input: Empty, output: A.MessageSchema, http: { method: 'POST', path: '/logout/' },
  },
  'auth:me': {
    summary: 'The signed-in user', tags: ['auth'], roles: EVERYONE, beforePasswordChange: true,
    input: Empty, output: A.UserSchema, http: { method: 'GET', path: '/api/v1/me' },
  },
  'auth:changePassword': {
    summary: 'Change your own password (needs the current one); ends your other sessions', tags: ['auth'], roles: EVERYONE, beforePasswordChange: true,
    input: A.PasswordChangeSchema, output: A.MessageSchema, http: { method: 'POST', path: '/api/v1/me/password' },
  },
  'users:seedList': {
    summary: 'Users (seed 002)', tags: ['users (seed 002)'], roles: ADMIN,
    input: Empty, output: z.array(A.SeedUserSchema), http: { method: 'GET', path: '/users/' },
  },
  'users:seedCreate': {
    summary: 'Create a user (seed 002): 201; 400 when the passwords differ; 409 when the name or e-mail is taken. Admin only, or anyone (as a client) while self-registration is on',
    tags: ['users (seed 002)'], roles: ADMIN, openWhen: 'selfRegistration',
    input: A.SeedUserCreateSchema, output: A.SeedUserSchema, http: { method: 'POST', path: '/users/', status: 201 },
  },

  // ---- users ----
  'users:list': {
    summary: 'Users with their roles', tags: ['users'], roles: ADMIN,
    input: Empty, output: z.array(A.UserSchema), http: { method: 'GET', path: '/api/v1/users' },
  },
  'users:create': {
    summary: 'Create a user with a role', tags: ['users'], roles: ADMIN,
    input: A.UserCreateSchema, output: A.UserSchema, http: { method: 'POST', path: '/api/v1/users', status: 201 },
  },
  'users:update': {
    summary: 'Change a user\'s e-mail or role, or (de)activate it (ends its sessions)', tags: ['users'], roles: ADMIN,
    input: A.UserUpdateSchema, output: A.UserSchema, http: { method: 'PATCH', path: '/api/v1/users/:id' },
  },
  'users:resetPassword': {
    summary: 'Set a new password that the user must change at next sign-in; ends its sessions', tags: ['users'], roles: ADMIN,
    input: A.PasswordResetSchema, output: A.UserSchema, http: { method: 'POST', path: '/api/v1/users/:id/password' },
  },

  // ---- audit log, network ----
  'audit:list': {
    summary: 'The audit log, newest first, filtered', tags: ['audit'], roles: ADMIN,
    input: A.AuditQuerySchema, output: A.AuditPageSchema, http: { method: 'GET', path: '/api/v1/audit' },
  },
  'exports:audit': {
    summary: 'The audit log as CSV (a download over HTTP; a save dialog in the desktop app)', tags: ['export', 'audit'], roles: ADMIN,
    input: A.AuditExportQuerySchema, output: S.ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/audit.csv', stream: 'csv' },
  },
  'network:status': {
    summary: 'Whether the LAN API is on, where the host listens, the URLs LAN clients use', tags: ['settings'], roles: DESK,
    input: Empty, output: A.NetworkStatusSchema, http: { method: 'GET', path: '/api/v1/network' },
  },

  // ---- seed 000: hotel-room bookings ----
  'bookings:list': {
    summary: 'All bookings (seed 000)', tags: ['bookings (seed 000)'], roles: EVERYONE,
    input: S.SeedBookingListQuerySchema, output: z.array(S.SeedBookingSchema), http: { method: 'GET', path: '/bookings' },
  },
  'bookings:create': {
    summary: 'Book a room if it is free (seed 000): 201, 409 when taken, 400 on bad fields', tags: ['bookings (seed 000)'], roles: EVERYONE,
    input: S.SeedBookingCreateSchema, output: S.SeedBookingSchema, http: { method: 'POST', path: '/bookings', status: 201 },
  },
  'bookings:exportCsv': {
    summary: 'All bookings as a CSV download (seed 000)', tags: ['bookings (seed 000)'], roles: DESK, ipc: false,
    input: S.StayExportQuerySchema, output: z.string(), http: { method: 'GET', path: '/bookings/export/csv', stream: 'csv' },
  },

  // ---- guest rooms ----
  'rooms:list': {
    summary: 'Guest rooms', tags: ['rooms'], roles: DESK,
    input: S.RoomListQuerySchema, output: z.array(S.RoomSchema), http: { method: 'GET', path: '/api/v1/rooms' },
  },
  'rooms:free': {
    summary: 'Rooms free for a whole range', tags: ['rooms'], roles: DESK,
    input: S.FreeRoomsQuerySchema, output: z.array(S.RoomSchema), http: { method: 'GET', path: '/api/v1/rooms/free' },
  },
  'rooms:create': {
    summary: 'Add a guest room', tags: ['rooms'], roles: ADMIN,
    input: S.RoomCreateSchema, output: S.RoomSchema, http: { method: 'POST', path: '/api/v1/rooms', status: 201 },
  },
  'rooms:update': {
    summary: 'Change a guest room', tags: ['rooms'], roles: ADMIN,
    input: S.RoomUpdateSchema, output: S.RoomSchema, http: { method: 'PATCH', path: '/api/v1/rooms/:id' },
  },
  'rooms:deactivate': {
    summary: 'Take a guest room out of use (its history stays)', tags: ['rooms'], roles: ADMIN,
    input: S.RoomIdSchema, output: S.RoomSchema, http: { method: 'POST', path: '/api/v1/rooms/:id/deactivate' },
  },
  'rooms:setHousekeeping': {
    summary: 'Set a room clean / dirty / inspected / out of order', tags: ['rooms'], roles: DESK,
    input: S.RoomHousekeepingSchema, output: S.RoomSchema, http: { method: 'PUT', path: '/api/v1/rooms/:id/housekeeping' },
  },

  // ---- stays ----
  'stays:list': {
    summary: 'Stays, filtered by room, status, dates, guest name', tags: ['stays'], roles: DESK,
    input: S.StayListQuerySchema, output: S.StayPageSchema, http: { method: 'GET', path: '/api/v1/stays' },
  },
  'stays:get': {
    summary: 'One stay', tags: ['stays'], roles: DESK,
    input: S.StayIdSchema, output: S.StaySchema, http: { method: 'GET', path: '/api/v1/stays/:id' },
  },
  'stays:create': {
    summary: 'Book a stay (409 when the room is taken)', tags: ['stays'], roles: DESK,
    input: S.StayCreateSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays', status: 201 },
  },
  'stays:move': {
    summary: 'Move a stay to another room', tags: ['stays'], roles: DESK,
    input: S.StayMoveSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/move' },
  },
  'stays:changeDates': {
    summary: 'Extend, shorten or shift a stay', tags: ['stays'], roles: DESK,
    input: S.StayDatesSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/dates' },
  },
  'stays:cancel': {
    summary: 'Cancel a booked stay', tags: ['stays'], roles: DESK,
    input: S.StayIdSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/cancel' },
  },
  'stays:checkIn': {
    summary: 'Check a guest in', tags: ['stays'], roles: DESK,
    input: S.StayIdSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-in' },
  },
  'stays:checkOut': {
    summary: 'Check a guest out', tags: ['stays'], roles: DESK,
    input: S.StayIdSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/check-out' },
  },
  'stays:noShow': {
    summary: 'Mark a booked stay as a no-show (frees the room)', tags: ['stays'], roles: DESK,
    input: S.StayIdSchema, output: S.StaySchema, http: { method: 'POST', path: '/api/v1/stays/:id/no-show' },
  },

  // ---- room blocks ----
  'blocks:list': {
    summary: 'Room blocks overlapping a date range', tags: ['blocks'], roles: DESK,
    input: S.BlockListQuerySchema, output: z.array(S.BlockSchema), http: { method: 'GET', path: '/api/v1/blocks' },
  },
  'blocks:create': {
    summary: 'Block a room (maintenance, out of order)', tags: ['blocks'], roles: DESK,
    input: S.BlockCreateSchema, output: S.BlockSchema, http: { method: 'POST', path: '/api/v1/blocks', status: 201 },
  },
  'blocks:remove': {
    summary: 'Remove a room block', tags: ['blocks'], roles: DESK,
    input: S.RoomIdSchema, output: Removed, http: { method: 'DELETE', path: '/api/v1/blocks/:id' },
  },

  // ---- the board ----
  'board:get': {
    summary: 'Rooms × days with stays and blocks, in one call', tags: ['board'], roles: DESK, trustedOutput: true,
    input: S.BoardQuerySchema, output: S.BoardSchema, http: { method: 'GET', path: '/api/v1/board' },
  },

  // ---- settings, outbox, export ----
  'settings:get': {
    summary: 'Hotel settings', tags: ['settings'], roles: DESK,
    input: Empty, output: S.SettingsSchema, http: { method: 'GET', path: '/api/v1/settings' },
  },
  'settings:update': {
    summary: 'Change hotel settings', tags: ['settings'], roles: ADMIN,
    input: S.SettingsUpdateSchema, output: S.SettingsSchema, http: { method: 'PATCH', path: '/api/v1/settings' },
  },
  'outbox:status': {
    summary: 'Pending / sent / dead counts, last error, dead messages', tags: ['outbox'], roles: ADMIN,
    input: Empty, output: S.OutboxStatusSchema, http: { method: 'GET', path: '/api/v1/outbox' },
  },
  'outbox:retry': {
    summary: 'Send a dead message again', tags: ['outbox'], roles: ADMIN,
    input: S.RoomIdSchema, output: S.OutboxMessageSchema, http: { method: 'POST', path: '/api/v1/outbox/:id/retry' },
  },
  'exports:stays': {
    summary: 'Stays as CSV (a download over HTTP; a save dialog in the desktop app)', tags: ['export'], roles: DESK,
    input: S.StayExportQuerySchema, output: S.ExportResultSchema, http: { method: 'GET', path: '/api/v1/exports/stays.csv', stream: 'csv' },
  },
} as const satisfies Record<string, CommandDef>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults and coercion). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];
/** Commands the desktop window can call over IPC (the preload exposes exactly these). */
export const ipcCommandNames = commandNames.filter((k) => (commands[k] as CommandDef).ipc !== false);

/** The result shape across IPC. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; /** RATE_LIMITED: when to try again. */ retryAfterSeconds?: number } };
