/**
 * What a process's main thread was doing, sampled from outside it every ~2 ms (bench/ab/booking-cpu-ab.ts
 * `--tail`): for a stall of the whole host, was the thread running (its own work or a collection),
 * waiting for a CPU that another thread of this machine held, or asleep — and in which system call
 * (idle in `epoll_wait` with every request waiting for the disk, or held in a `write`)? Linux only:
 * `/proc/<pid>/task/<pid>/schedstat` (time run and time waited on the run queue, ns, which leaves out
 * time the hypervisor took: that shows as `steal` in `/proc/stat`), `…/stat` (the state letter) and
 * `…/syscall` (the call it sleeps in, x86-64 numbers).
 */
import { readFileSync } from 'node:fs';
import { threadSchedstat, threadState } from './cpu-time';

/** One reading: epoch ms, ns run and waited so far, state letter, system call number (-1 if running), machine's steal ticks so far. */
export type ThreadSample = [atMs: number, runNs: number, waitNs: number, state: string, syscall: number, stealTicks: number];

/** x86-64 system call numbers a Node main thread sleeps in, by name. */
const SYSCALLS: Record<number, string> = { 0: 'read', 1: 'write', 18: 'pwrite64', 74: 'fsync', 75: 'fdatasync', 202: 'futex', 232: 'epoll_wait', 281: 'epoll_pwait', 441: 'epoll_pwait2' };

function read(pid: number): ThreadSample | undefined {
  const sched = threadSchedstat(pid, pid);
  const state = threadState(pid, pid);
  if (!sched || !state) return undefined;
  let syscall = -1;
  try {
    // `running` while on a CPU; a number while asleep in (or entering) a call.
    const call = readFileSync(`/proc/${pid}/task/${pid}/syscall`, 'utf8').split(' ')[0]!;
    if (/^\d+$/.test(call)) syscall = Number(call);
  } catch {
    return undefined;
  }
  const steal = Number(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)[8]);
  return [Date.now(), sched.runNs, sched.waitNs, state, syscall, steal];
}

export interface ThreadSampler {
  /** The samples since the last call, oldest first. */
  take(): ThreadSample[];
  stop(): void;
}

export function sampleThread(pid: number, everyMs = 2): ThreadSampler {
  let samples: ThreadSample[] = [];
  const timer = setInterval(() => {
    const s = read(pid);
    if (s) samples.push(s);
  }, everyMs);
  return {
    take() {
      const taken = samples;
      samples = [];
      return taken;
    },
    stop: () => clearInterval(timer),
  };
}

export interface ThreadWindow {
  /** ms the thread ran, waited for a CPU, and neither (asleep, or taken by the hypervisor) in the window. */
  runMs: number;
  waitMs: number;
  otherMs: number;
  /** The machine's steal over the window, in clock ticks (10 ms each): the hypervisor's share. */
  stealTicks: number;
  /** Where the samples that found the thread asleep found it: `epoll_wait 9, write 2`. */
  asleepIn: string;
}

/** The thread over [fromMs, toMs], from the samples that bracket it (undefined if fewer than two fall in). */
export function threadWindow(samples: readonly ThreadSample[], fromMs: number, toMs: number): ThreadWindow | undefined {
  const inside = samples.filter((s) => s[0] >= fromMs && s[0] <= toMs);
  if (inside.length < 2) return undefined;
  const a = inside[0]!;
  const b = inside.at(-1)!;
  const runMs = (b[1] - a[1]) / 1e6;
  const waitMs = (b[2] - a[2]) / 1e6;
  const asleep = new Map<string, number>();
  for (const s of inside) {
    if (s[3] === 'R') continue;
    const name = `${SYSCALLS[s[4]] ?? `call ${s[4]}`}${s[3] === 'D' ? ' (D)' : ''}`;
    asleep.set(name, (asleep.get(name) ?? 0) + 1);
  }
  const asleepIn = [...asleep].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'never';
  return { runMs, waitMs, otherMs: Math.max(0, b[0] - a[0] - runMs - waitMs), stealTicks: b[5] - a[5], asleepIn };
}

/** A window's time as shares: `ran 64 %, waited for a CPU 32 %, neither 4 % (steal 0 ticks)`. */
export function describeShares(w: ThreadWindow): string {
  const all = w.runMs + w.waitMs + w.otherMs || 1;
  const pct = (ms: number) => `${((100 * ms) / all).toFixed(0)} %`;
  return `ran ${pct(w.runMs)}, waited for a CPU ${pct(w.waitMs)}, neither ${pct(w.otherMs)} (steal ${w.stealTicks} ticks)`;
}
