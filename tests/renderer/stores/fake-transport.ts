/**
 * A Transport for store tests: each command answers from a handler the test sets, every call is
 * recorded, and refusals reach `onRefusal` listeners as the real transports send them (401, 403).
 */
import type { CommandName } from '../../../shared/contract/commands';
import { refusalListeners, type Transport } from '../../../renderer/src/transport/transport';

type Handler = (input: unknown) => unknown;

export interface FakeTransport extends Transport {
  calls: [string, unknown][];
  live: boolean[];
  answer(name: CommandName, handler: Handler): void;
}

export function fakeTransport(kind: 'ipc' | 'http'): FakeTransport {
  const handlers = new Map<string, Handler>();
  const refusals = refusalListeners();
  const calls: [string, unknown][] = [];
  const live: boolean[] = [];
  return {
    kind,
    calls,
    live,
    answer(name, handler) {
      handlers.set(name, handler);
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
    onEvent: () => () => undefined,
    onConnection: () => () => undefined,
    onRefusal: (listener) => refusals.on(listener),
    setLive: (on) => void live.push(on),
    exportCsv: async () => 'downloaded',
  };
}
