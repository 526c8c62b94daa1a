/**
 * Imported first by host-process.ts, so that it runs before the host's modules are evaluated: V8's
 * optimizing compiler waits for the host's first request (core/optimizing-compiler.ts): the window's
 * first call (host-runner.ts) or the first over HTTP (core/api/build-server.ts).
 */
import { deferOptimizingCompiler } from '../core/optimizing-compiler';

deferOptimizingCompiler();
