/** A handler map with one spy per core command, for the IPC glue tests (the core is tested elsewhere). */
import { vi, type Mock } from 'vitest';
import { createDispatcher, type Dispatch } from '../../core/command-dispatcher';
import { commandNames, type CommandName } from '../../shared/contract/commands';
import type { HandledCommandName, Handlers } from '../../core/context';
import { inlineWrites } from '../support/test-core';

const STREAM_COMMANDS: readonly CommandName[] = ['bookings:exportCsv', 'exports:stays'];

export type FakeHandlers = Handlers & { [K in HandledCommandName]: Mock };

export function fakeHandlers(): FakeHandlers {
  const names = commandNames.filter((name) => !STREAM_COMMANDS.includes(name));
  return Object.fromEntries(names.map((name) => [name, vi.fn((input: unknown) => ({ echoed: input, by: name }))])) as unknown as FakeHandlers;
}

/** The real dispatcher over the spies, as `core.call` is over the real handlers. */
export function fakeCall(handlers: Handlers): Dispatch {
  return createDispatcher(handlers, inlineWrites);
}
