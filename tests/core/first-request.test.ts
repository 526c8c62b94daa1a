/**
 * core/first-request.ts: the first request ends a host's start-up — noted by the HTTP handler's
 * wrapper (every request handed on), and V8's optimizing compiler, held back by the start-up, let in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { firstRequestCame, notingRequests } from '../../core/first-request';
import { deferOptimizingCompiler, optimizingCompilerDeferred } from '../../core/optimizing-compiler';

describe('the first request', () => {
  it('is noted by the handler, which lets the optimizing compiler in and hands every request on', () => {
    deferOptimizingCompiler([], () => undefined);
    const seen: unknown[] = [];
    const handler = notingRequests((req: IncomingMessage, res: ServerResponse) => void seen.push([req, res]));
    expect(firstRequestCame()).toBe(false);
    expect(optimizingCompilerDeferred()).toBe(true);
    const req = {} as IncomingMessage;
    const res = {} as ServerResponse;
    // The real flag reaches this process's V8 here: --turbofan, which it runs with anyway.
    handler(req, res);
    expect(firstRequestCame()).toBe(true);
    expect(optimizingCompilerDeferred()).toBe(false);
    handler(req, res);
    expect(seen).toEqual([
      [req, res],
      [req, res],
    ]);
  });
});
