/** A handler map with one spy per core command, for the IPC glue tests (the core is tested elsewhere). */
import { vi, type Mock } from 'vitest';
import { commandNames, type CommandName } from '../../shared/contract/commands';
import type { HandledCommandName, Handlers } from '../../core/context';

const STREAM_COMMANDS: readonly CommandName[] = ['bookings:exportCsv', 'exports:stays'];

export type FakeHandlers = Handlers & { [K in HandledCommandName]: Mock };

export function fakeHandlers(): FakeHandlers {
  const names = commandNames.filter((name) => !STREAM_COMMANDS.includes(name));
  return Object.fromEntries(names.map((name) => [name, vi.fn((input: unknown) => ({ echoed: input, by: name }))])) as unknown as FakeHandlers;
}
