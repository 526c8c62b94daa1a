/**
 * The IPC channel names as plain literals, for the preload. A sandboxed preload is one self-contained
 * file, and importing `commands.ts` would pull zod and every schema into it; this file imports types
 * only, so it bundles to a few strings. `tests/shared/ipc-channels.test.ts` holds it equal to
 * `ipcCommandNames`, so the two cannot drift.
 */
import type { CommandInput, CommandName, CommandOutput, Commands, IpcResult } from './commands';
import type { LiveEvent } from './events';

export const IPC_CHANNELS = [
  'health:get',
  'auth:login',
  'auth:logout',
  'auth:me',
  'auth:changePassword',
  'users:seedList',
  'users:seedCreate',
  'users:list',
  'users:create',
  'users:update',
  'users:resetPassword',
  'audit:list',
  'exports:audit',
  'network:status',
  'bookings:list',
  'bookings:create',
  'rooms:list',
  'rooms:free',
  'rooms:create',
  'rooms:update',
  'rooms:deactivate',
  'rooms:setHousekeeping',
  'stays:list',
  'stays:get',
  'stays:create',
  'stays:move',
  'stays:changeDates',
  'stays:cancel',
  'stays:checkIn',
  'stays:checkOut',
  'stays:noShow',
  'blocks:list',
  'blocks:create',
  'blocks:remove',
  'board:get',
  'settings:get',
  'settings:update',
  'outbox:status',
  'outbox:retry',
  'exports:stays',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** The command names the contract allows over IPC (those without `ipc: false`), as a type. */
export type IpcCommandName = { [K in CommandName]: Commands[K] extends { ipc: false } ? never : K }[CommandName];

/** Same value as `LIVE_EVENT_CHANNEL` in events.ts (which imports zod); the test holds them equal. */
export const LIVE_EVENT_IPC_CHANNEL = 'events:live';

/** What one exposed command does: send the input, get the `{ ok, value } | { ok, error }` result. */
/** Commands whose input fields are all optional may be called without an argument. */
export type IpcCall<K extends CommandName> = object extends CommandInput<K>
  ? (input?: CommandInput<K>) => Promise<IpcResult<CommandOutput<K>>>
  : (input: CommandInput<K>) => Promise<IpcResult<CommandOutput<K>>>;

/** `window.frontdesk` in the desktop app: one function per IPC command, plus live events. */
export type FrontdeskApi = { readonly [K in IpcChannel]: IpcCall<K> } & {
  /** Calls `listener` with each live event; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: LiveEvent) => void) => () => void;
};
