/**
 * core/optimizing-compiler.ts: a host's start-up runs without V8's optimizing compiler, and its
 * first request switches it on. The flags it sets are checked against V8 itself in a child Node (a
 * Node or V8 upgrade that ignored them at run time, or a misspelt flag, fails the last test); the
 * built `serve` doing it end to end is in serve.bundle.sqlite.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { deferOptimizingCompiler, optimizingCompilerDeferred, resumeOptimizingCompiler } from '../../core/optimizing-compiler';

/** What the module sets, captured instead of applied to this process's V8. */
function recorder() {
  const flags: string[] = [];
  return { flags, set: (flag: string) => void flags.push(flag) };
}

afterEach(() => {
  // Never leave this process's state deferred for the next test (nothing reaches V8 here).
  resumeOptimizingCompiler(() => undefined);
});

describe('the optimizing compiler held back while a host starts', () => {
  it('defers with --no-turbofan and resumes with --turbofan, each once', () => {
    const r = recorder();
    deferOptimizingCompiler([], r.set);
    deferOptimizingCompiler([], r.set);
    expect(optimizingCompilerDeferred()).toBe(true);
    resumeOptimizingCompiler(r.set);
    resumeOptimizingCompiler(r.set);
    expect(optimizingCompilerDeferred()).toBe(false);
    expect(r.flags).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('resumes nothing it did not defer', () => {
    const r = recorder();
    resumeOptimizingCompiler(r.set);
    expect(r.flags).toEqual([]);
  });

  it.each([['--jitless'], ['--no-turbofan'], ['--turbofan'], ['--no-opt'], ['--max-opt=2']])('leaves a process started with %s as it is', (flag) => {
    const r = recorder();
    deferOptimizingCompiler(['--max-semi-space-size=2', flag], r.set);
    resumeOptimizingCompiler(r.set);
    expect(r.flags).toEqual([]);
    expect(optimizingCompilerDeferred()).toBe(false);
  });

  it('defers beside the hosts\' other flags (heap sizes, --no-maglev, --expose-gc)', () => {
    const r = recorder();
    deferOptimizingCompiler(['--max-semi-space-size=2', '--max-old-space-size=256', '--no-maglev', '--expose-gc', '--trace-opt'], r.set);
    expect(r.flags).toEqual(['--no-turbofan']);
  });

  it('the flags, set while V8 runs, keep a hot function out of TurboFan and then let it in', () => {
    const r = recorder();
    deferOptimizingCompiler([], r.set);
    resumeOptimizingCompiler(r.set);
    expect(r.flags).toHaveLength(2);
    // %GetOptimizationStatus: bit 6 is "TurboFanned" (V8's OptimizationStatus, runtime-test.cc). Compiled
    // on the main thread (`--no-concurrent-recompilation`), so the code is in place when the loop ends.
    const script = `
      const v8 = require('node:v8');
      function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s = (s + a[i] * 31) % 1000003; return s; }
      const numbers = Array.from({ length: 1000 }, (_, i) => i);
      const run = () => { for (let k = 0; k < 5000; k++) hot(numbers); };
      const turbofanned = () => (%GetOptimizationStatus(hot) & (1 << 6)) !== 0;
      const [defer, resume] = JSON.parse(process.argv[1]);
      v8.setFlagsFromString(defer);
      run();
      const deferred = turbofanned();
      v8.setFlagsFromString(resume);
      run();
      console.log(JSON.stringify({ deferred, resumed: turbofanned() }));`;
    const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-maglev', '--no-concurrent-recompilation', '-e', script, JSON.stringify(r.flags)], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ deferred: false, resumed: true });
  });
});
