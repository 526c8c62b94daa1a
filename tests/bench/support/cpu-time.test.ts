/**
 * The benchmarks' CPU readings from `/proc` (bench/support/cpu-time.ts) that bench/board-load-cpu.ts
 * sums by process and thread: a process's descendants, and each thread's time on a CPU.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendantPids, threadsRunNs } from '../../../bench/support/cpu-time';

describe('CPU time from /proc (Linux)', () => {
  it('finds a child and its own child among a process’s descendants', async () => {
    // A shell that starts a sleep of its own: both are this process's descendants, the sleep two levels down.
    const shell = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    try {
      await expect.poll(() => descendantPids(shell.pid!).length).toBe(1);
      expect(descendantPids(process.pid)).toEqual(expect.arrayContaining([shell.pid, ...descendantPids(shell.pid!)]));
    } finally {
      shell.kill('SIGKILL');
    }
  });

  it('reads each thread’s time on a CPU, in ns, growing as the thread works', () => {
    const main = () => threadsRunNs(process.pid).get(process.pid)!;
    const before = main();
    expect(before.name.length).toBeGreaterThan(0);
    const until = performance.now() + 30;
    while (performance.now() < until) Math.sqrt(Math.random());
    // 30 ms of work on this thread: at least 10 ms more on a CPU.
    expect(main().runNs - before.runNs).toBeGreaterThan(10e6);
  });
});
