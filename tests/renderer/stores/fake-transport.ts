/**
 * A Transport for store tests: each command answers from a handler the test sets, every call is
 * recorded, and refusals reach `onRefusal` listeners as the real transports send them (401, 403).
 */
import type { CommandInput, CommandName } from '../../../shared/contract/commands';
import type { LiveEvent } from '../../../shared/contract/events';
import { refusalListeners, type ConnectionState, type Transport } from '../../../renderer/src/transport/transport';

type Handler = (input: unknown) => unknown;

export interface FakeTransport extends Transport {
  calls: [string, unknown][];
  live: boolean[];
  answer<K extends CommandName>(name: K, handler: (input: CommandInput<K>) => unknown): void;
  /** A live event from the feed, to every `onEvent` listener. */
  emit(event: LiveEvent): void;
  /** The feed's state, to every `onConnection` listener. */
  connection(state: ConnectionState): void;
}

export function fakeTransport(kind: 'ipc' | 'http'): FakeTransport {
  const handlers = new Map<string, Handler>();
  const refusals = refusalListeners();
  const calls: [string, unknown][] = [];
  const live: boolean[] = [];
  const eventListeners = new Set<(e: LiveEvent) => void>();
  const connectionListeners = new Set<(s: ConnectionState) => void>();
  return {
    kind,
    calls,
    live,
    answer(name, handler) {
      handlers.set(name, handler as Handler);
    },
    async invoke(name, input) {
      calls.push([name, input]);
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no answer for ${name}`);
      try {
        return (await handler(input)) as never;
      } catch (e) {
        refusals.check(name, e);
        throw e;
      }
    },
    emit(event) {
      for (const l of eventListeners) l(event);
    },
    connection(state) {
      for (const l of connectionListeners) l(state);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    onRefusal: (listener) => refusals.on(listener),
    setLive: (on) => void live.push(on),
    exportCsv: async () => 'downloaded',
    // A file import goes to the same handlers, the file beside the input.
    async importFile(name, input, file) {
      return (await this.invoke(name, { ...input, file } as never)) as never;
    },
  };
}
