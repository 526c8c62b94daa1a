/**
 * A host's first request — over HTTP (core/api/build-server.ts) or from the desk's window over IPC
 * (electron/host-runner.ts) — ends its start-up for two start-up policies: V8's optimizing compiler,
 * held back until then (optimizing-compiler.ts), and the idle collector's start-up collection
 * (idle-gc.ts), made at the host's first idle moment only if no work has followed a request. Once
 * requests have run hot, a full collection at that moment finds their objects dead and V8 drops the
 * optimized code that held them, and the start-up's code flush took their compiled code too: the next
 * burst of bookings on PostgreSQL cost the host ~2 × the CPU each for seconds (docs/benchmarks.md,
 * forty-sixth pass).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resumeOptimizingCompiler } from './optimizing-compiler';

let came = false;

/** Whether a request has come to this process yet. */
export const firstRequestCame = (): boolean => came;

/** A request has come: the start-up is over, and the optimizing compiler is let in if it was held back. */
export function requestCame(): void {
  came = true;
  resumeOptimizingCompiler();
}

/** `handler`, each request noted first (a flag set and one check). */
export function notingRequests<R extends IncomingMessage, S extends ServerResponse>(handler: (req: R, res: S) => void): (req: R, res: S) => void {
  return (req, res) => {
    requestCame();
    handler(req, res);
  };
}
