/**
 * The whole message API, merged from the domains' contracts (`shared/contract/<domain>.ts`) in the
 * order of the contract's registry (domains.ts: a new domain is an entry there, not a line here). IPC
 * channels are the command names (`stays:create`), the preload exposes exactly those the contract
 * allows over IPC, and the Fastify routes and OpenAPI are generated from each command's `http`.
 */
import type { z } from 'zod';
import type { CommandDef } from './command-def';
import { mergedPart, type MergedPart } from './domains';
import { settingsCommands } from './settings';
import type { TagName } from './tags';

export { CALLER_ROLES, ROLES, type CallerRole, type Role } from './roles';
export type { CommandDef, HttpBinding } from './command-def';

type AllCommands = MergedPart<'commands'> & typeof settingsCommands;
export const commands = mergedPart('commands', (entry) => (entry.settingsDomain ? settingsCommands : {})) as { [K in keyof AllCommands]: AllCommands[K] };

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

/**
 * Every command's tags are sections of the API document (tags.ts): this line does not compile
 * otherwise (`Type '"Parking"' does not satisfy the constraint 'never'`, naming the tag).
 */
type NoneLeft<T extends never> = T;
export type UndeclaredTags = NoneLeft<Exclude<{ [K in CommandName]: Commands[K]['tags'][number] }[CommandName], TagName>>;

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
