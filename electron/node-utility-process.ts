/**
 * Node's `child_process.fork`, shaped like the part of Electron's `UtilityProcess` that
 * host-client.ts uses: how the tests and benchmark 4 run the desk's host (dist-electron/host.cjs, or
 * host-process.ts through tsx) with plain Node. Values cross by structured clone
 * (`serialization: 'advanced'`), as they do between Electron's processes.
 */
import { fork } from 'node:child_process';
import { constants } from 'node:os';
import type { UtilityProcessLike } from './host-client';

export interface NodeUtilityOptions {
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** The child's stdout and stderr, as Electron's `stdio` option (default: the parent's). */
  stdio?: 'inherit' | 'ignore';
}

export interface NodeUtilityProcess extends UtilityProcessLike {
  readonly pid: number | undefined;
}

/** A signal's exit code as a shell reports it (SIGKILL → 137), so a killed host never looks like a clean exit. */
function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

export function forkNodeUtility(modulePath: string, options: NodeUtilityOptions = {}): NodeUtilityProcess {
  const child = fork(modulePath, [], {
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
    stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return {
    pid: child.pid,
    postMessage(message) {
      // Node reports a send on a closed channel as an 'error' event; Electron's postMessage just drops it.
      if (!child.connected) throw new Error('The host process has gone.');
      child.send(message as never);
    },
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'exit') child.on('exit', (code, signal) => (listener as (code: number) => void)(exitCode(code, signal)));
      else child.on('message', listener as (message: unknown) => void);
      return this;
    },
    kill: () => child.kill(),
  };
}
