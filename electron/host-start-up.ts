/**
 * Imported first by host-process.ts, so that it runs before the host's modules are evaluated: V8's
 * optimizing compiler waits until the host is up (core/optimizing-compiler.ts; host-runner.ts
 * switches it on once the host listens).
 */
import { deferOptimizingCompiler } from '../core/optimizing-compiler';

deferOptimizingCompiler();
