/** A handler map with one spy per core command (the stream commands have no handler), for tests of the dispatcher. */
import { vi, type Mock } from 'vitest';
import { handledCommandNames } from '../../core/command-dispatcher';
import type { HandledCommandName, Handlers } from '../../core/context';

export type FakeHandlers = Handlers & { [K in HandledCommandName]: Mock };

export function fakeHandlers(): FakeHandlers {
  return Object.fromEntries(handledCommandNames.map((name) => [name, vi.fn((input: unknown) => ({ echoed: input, by: name }))])) as unknown as FakeHandlers;
}
