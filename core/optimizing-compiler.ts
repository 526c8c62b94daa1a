/**
 * V8's optimizing compiler (TurboFan) held back while a host starts, and switched on by the first
 * request it serves (docs/benchmarks.md §4, twenty-sixth pass).
 *
 * A host's start-up runs once: its modules' top levels (the contract's ~3 000 zod schemas), the
 * migrations, the demo hotel, ~250 routes. Some of that code is called often enough for V8 to
 * optimize it, and the first optimization pages the compiler's own machine code in from the node
 * binary: ~6 MB of file pages (TurboFan and Turboshaft, read from `/proc/<pid>/pagemap` against the
 * binary's symbols), resident for the process's life. Held back, the start-up code stays in V8's
 * interpreter and baseline tiers; the start measured no slower (the concurrent compile jobs no
 * longer compete with it for the machine's two cores). The compiler is switched on by the first
 * request (first-request.ts: over HTTP or the desk window's first call over IPC), not when the host is up: functions the
 * start-up made hot are optimized by their next call, and the background jobs' first rounds (the
 * downtime pack) would page it in for nothing. So a server nobody has asked anything yet does not
 * hold the compiler, as it does not hold Socket.IO (core/api/socket-io-gate.ts); from its first
 * request on it optimizes as before.
 *
 * `serve` defers before it loads the host (core/serve.ts), the desk's host process before its
 * modules load (electron/host-start-up.ts). A process whose own V8 flags decide the tiers
 * (`--jitless`, `--no-turbofan`, `--no-opt`, `--max-opt=…`) is left as it was started. Hosts started
 * another way (the tests', the benchmarks' in-process ones) never defer, and resuming is then nothing.
 * tests/core/optimizing-compiler.test.ts checks in a child Node that a flag set this way does keep
 * a hot function out of TurboFan, and that resuming lets it in.
 */
import { setFlagsFromString } from 'node:v8';

/** Node flags with which the process itself chose its compiler tiers: then this module changes nothing. */
const OWN_CHOICE = /^--(jitless|no-turbofan|turbofan|no-opt|opt|max-opt)(=|$)/;

let deferred = false;

/** Holds TurboFan back from now on, unless the process was started with flags that decide it. */
export function deferOptimizingCompiler(execArgv: readonly string[] = process.execArgv, set: (flag: string) => void = setFlagsFromString): void {
  if (deferred || execArgv.some((arg) => OWN_CHOICE.test(arg))) return;
  set('--no-turbofan');
  deferred = true;
}

/** Whether TurboFan is held back now (by `deferOptimizingCompiler`, not yet resumed). */
export const optimizingCompilerDeferred = (): boolean => deferred;

/** Lets TurboFan in again after `deferOptimizingCompiler`; nothing if it was not deferred. */
export function resumeOptimizingCompiler(set: (flag: string) => void = setFlagsFromString): void {
  if (!deferred) return;
  deferred = false;
  set('--turbofan');
}
