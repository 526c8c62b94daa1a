/**
 * The desk's host process from start to exit: waits for `start` (its options), starts the host
 * (database, core, REST server, outbox worker), answers main's requests, forwards every committed
 * change as an `event`, and on `close` (or when the parent is gone) closes the host, then exits.
 *
 * It runs in an Electron utility process so that its V8 flags are ours (`HOST_EXEC_ARGV` in
 * host-protocol.ts, which says what each is for; Electron's main takes V8 flags only on its own
 * command line) and so that the window's process does no database or HTTP work.
 * **It never imports electron**: the same file runs under plain Node in the tests and benchmark 4.
 */
import { audienceOf } from '../shared/contract/events';
import type { Host } from '../core/host';
import { requestCame } from '../core/first-request';
import { createHostRequestHandler, startDeskHost } from './host-requests';
import type { FromHost, HostRequest, HostStartOptions, ToHost } from './host-protocol';
import type { HostPort } from './parent-port';

export interface HostRunnerOptions {
  /** How the host is started (tests pass their own). */
  start?: (options: HostStartOptions) => Promise<Host>;
  exit?: (code: number) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function runHostProcess(port: HostPort, { start = startDeskHost, exit = (code) => process.exit(code) }: HostRunnerOptions = {}): void {
  const post = (message: FromHost) => port.post(message);
  let starting: Promise<Host | undefined> | undefined;
  let answer: ((request: HostRequest) => Promise<FromHost>) | undefined;
  let closing: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  const begin = (options: HostStartOptions) => {
    starting = start(options).then(
      (host) => {
        host.core.deps.events.subscribe((event) => {
          // A host-internal signal (waking the outbox worker) never leaves the host.
          if (audienceOf(event) !== 'internal') post({ kind: 'event', event });
        });
        answer = createHostRequestHandler(host);
        post({ kind: 'started', url: host.url, port: host.port, database: host.database });
        return host;
      },
      (error: unknown) => {
        // Main answers with `close` (or goes away): exiting here could lose this message in the pipe.
        console.error('[host] start-up failed', error);
        post({ kind: 'start-failed', message: describe(error) });
        return undefined;
      },
    );
  };

  /** Closes the host once (after its start-up and the requests under way), then exits. */
  function shutdown(): void {
    closing ??= (async () => {
      let code = 0;
      try {
        const host = await starting;
        await Promise.allSettled(inFlight);
        await host?.close();
      } catch (error) {
        console.error('[host] closing failed', error);
        code = 1;
      }
      exit(code);
    })();
  }

  /** Answers one request; a close waits for the answers under way. */
  function serve(request: HostRequest): void {
    // The window's first call ends the host's start-up (core/first-request.ts; host-start-up.ts held the optimizing compiler back).
    requestCame();
    if (!answer || closing) {
      post({ kind: 'result', id: request.id, ok: false, error: { code: 'INTERNAL', message: 'The desk is not running.' } });
      return;
    }
    const answered = answer(request).then(post);
    inFlight.add(answered);
    void answered.finally(() => inFlight.delete(answered));
  }

  port.onParentGone(shutdown);
  port.onMessage((raw) => {
    if (typeof raw !== 'object' || raw === null) return;
    const message = raw as ToHost;
    switch (message.kind) {
      case 'start':
        if (!starting) begin(message.options);
        return;
      case 'close':
        shutdown();
        return;
      case 'call':
      case 'authorize':
      case 'export':
      case 'importFile':
        serve(message);
        return;
      default: {
        // A message without a `kind` is not this protocol's: another listener on the channel may take it.
        const kind = (raw as { kind?: unknown }).kind;
        if (kind !== undefined) console.error('[host] unknown message', kind);
      }
    }
  });
}
