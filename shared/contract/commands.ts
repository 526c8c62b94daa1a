/**
 * The whole message API, merged from the domains' contracts (`shared/contract/<domain>.ts`). IPC
 * channels are the command names (`stays:create`), the preload exposes exactly those the contract
 * allows over IPC, and the Fastify routes and OpenAPI are generated from each command's `http`.
 * **Registry: a new domain adds one line to `commands`** (then `npm run contract:table`).
 */
import type { z } from 'zod';
import { appointmentAdminCommands } from './appointment-admin';
import { appointmentBookingCommands } from './appointment-bookings';
import { auditCommands } from './audit';
import { authCommands } from './auth';
import { blockCommands } from './blocks';
import { boardCommands } from './board';
import { carCommands } from './cars';
import { rentalCommands } from './rentals';
import type { CommandDef } from './command-def';
import { deskCommands } from './desk';
import { healthCommands } from './health';
import { importCommands } from './imports';
import { outboxCommands } from './outbox';
import { printCommands } from './print';
import { providerCommands } from './providers';
import { roomCommands } from './rooms';
import { serviceRoomCommands } from './service-rooms';
import { settingsCommands } from './settings';
import { stayDeskCommands } from './stay-desk';
import { stayCommands } from './stays';
import { seedBookingCommands } from './seed-bookings';
import { reportCommands } from './reports';
import { stockCommands } from './stock';
import { stockSeedCommands } from './stock-seed';
import { userCommands } from './users';

export { CALLER_ROLES, ROLES, type CallerRole, type Role } from './roles';
export type { CommandDef, HttpBinding } from './command-def';

export const commands = {
  ...healthCommands,
  ...authCommands,
  ...userCommands,
  ...auditCommands,
  ...settingsCommands,
  ...roomCommands,
  ...seedBookingCommands,
  ...stayCommands,
  ...stayDeskCommands,
  ...blockCommands,
  ...boardCommands,
  ...outboxCommands,
  ...serviceRoomCommands,
  ...providerCommands,
  ...appointmentBookingCommands,
  ...appointmentAdminCommands,
  ...carCommands,
  ...rentalCommands,
  ...stockSeedCommands,
  ...stockCommands,
  ...deskCommands,
  ...printCommands,
  ...importCommands,
  ...reportCommands,
} satisfies Record<string, CommandDef>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults and coercion). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];
/** The definition of `name`, as the general CommandDef (for code that reads flags). */
export function commandDef(name: CommandName): CommandDef {
  return commands[name] as CommandDef;
}

/** Names of the commands whose definition has flag `F` set (as a type). */
type Flagged<F extends string> = { [K in CommandName]: Commands[K] extends Record<F, unknown> ? K : never }[CommandName];
/** Commands that stream a CSV export (`export`): they have no JSON handler in the core. */
export type ExportCommandName = Flagged<'export'>;
/** Commands that take a file beside their input (`upload`): no JSON handler either (core/imports/import-jobs.ts). */
export type UploadCommandName = Flagged<'upload'>;

/** Commands the desktop window can call over IPC (the preload exposes exactly these). */
export const ipcCommandNames = commandNames.filter((k) => commandDef(k).ipc !== false);

/** The result shape across IPC. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        /** RATE_LIMITED: when to try again. */
        retryAfterSeconds?: number;
        /** The refusal's stable name and values, which the renderer translates (shared/errors.ts). */
        reason?: string;
        params?: Record<string, string | number>;
      };
    };
