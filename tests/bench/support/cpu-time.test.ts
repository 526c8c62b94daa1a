/**
 * The benchmarks' CPU readings from `/proc` (bench/support/cpu-time.ts) that bench/board-load-cpu.ts
 * sums by process and thread: a process's descendants, and each thread's time on a CPU.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendantPids, minorFaults, threadsRunNs } from '../../../bench/support/cpu-time';

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

  it('counts a process’s minor page faults, one more for each fresh page it touches', () => {
    const before = minorFaults(process.pid);
    const fresh = Buffer.allocUnsafeSlow(8 * 1024 * 1024);
    for (let i = 0; i < fresh.length; i += 4096) fresh[i] = 1;
    // 2 048 fresh pages, most of them a fault each (transparent huge pages may serve some with one).
    expect(minorFaults(process.pid) - before).toBeGreaterThan(100);
    expect(minorFaults(2 ** 22 + 12345)).toBe(0);
  });
});
