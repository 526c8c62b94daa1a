/**
 * CPU time of processes, read from outside them (`/proc/<pid>/stat`: user + system time), for a
 * profile by process: how much of each booking's CPU goes to the Frontdesk servers, to PostgreSQL
 * (the postmaster's children: the backends serving the pools, the WAL writer, the checkpointer…) and
 * to the load generator. Linux only; elsewhere every figure is 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** A `/proc/…/stat` file's fields after the command name (which may hold spaces): [state, ppid, …]. */
function statFields(path: string): string[] | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime (the line's 14th and 15th fields, 12th and 13th after the name) in seconds; 0 if gone. */
const seconds = (f: string[] | undefined) => (f ? (Number(f[11]) + Number(f[12])) / clockTicks() : 0);

/** User + system CPU seconds the process has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  return seconds(statFields(`/proc/${pid}/stat`));
}

/** Minor page faults of the process so far (`stat`'s 10th field): pages it touched for the first time; 0 once it is gone. */
export function minorFaults(pid: number): number {
  return Number(statFields(`/proc/${pid}/stat`)?.[7] ?? 0);
}

/** User + system CPU seconds one thread of a process has used so far (0 once it is gone). */
export function threadCpuSeconds(pid: number, tid: number): number {
  return seconds(statFields(`/proc/${pid}/task/${tid}/stat`));
}

/** A thread's scheduler state letter now (`R`, `S`, `D`, …), undefined once it is gone. */
export function threadState(pid: number, tid: number): string | undefined {
  return statFields(`/proc/${pid}/task/${tid}/stat`)?.[0];
}

/** A thread's time so far on a CPU and waiting on a run queue, runnable but not running (`schedstat`), ns. */
export function threadSchedstat(pid: number, tid: number): { runNs: number; waitNs: number } | undefined {
  try {
    const [runNs, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
    return { runNs: runNs!, waitNs: waitNs! };
  } catch {
    return undefined;
  }
}

/** The PostgreSQL cluster's processes now: its postmaster and the postmaster's children. */
export function postgresPids(dataDir: string): number[] {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile) || !existsSync('/proc')) return [];
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => Number(statFields(`/proc/${pid}/stat`)?.[1]) === postmaster);
  return [postmaster, ...children];
}

/** CPU seconds of a set of processes, read at the start and the end of a run. */
export function cpuMeter(pids: () => number[]): () => number {
  const start = new Map(pids().map((pid) => [pid, cpuSeconds(pid)]));
  return () => pids().reduce((sum, pid) => sum + cpuSeconds(pid) - (start.get(pid) ?? 0), 0);
}

/** A process's descendants now (children, their children …), from each process's parent in `/proc`. */
export function descendantPids(root: number): number[] {
  if (!existsSync('/proc')) return [];
  const parentOf = new Map<number, number>();
  for (const e of readdirSync('/proc')) if (/^\d+$/.test(e)) parentOf.set(Number(e), Number(statFields(`/proc/${e}/stat`)?.[1]));
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * Time on a CPU so far of each live thread of a process, by thread id, with its name (`comm`), in ns
 * (`schedstat`: nanoseconds, where `stat`'s ticks are 10 ms — too coarse for one page load).
 */
export function threadsRunNs(pid: number): Map<number, { name: string; runNs: number }> {
  const threads = new Map<number, { name: string; runNs: number }>();
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    const s = threadSchedstat(pid, Number(tid));
    const name = read(`/proc/${pid}/task/${tid}/comm`)?.trim();
    if (s && name !== undefined) threads.set(Number(tid), { name, runNs: s.runNs });
  }
  return threads;
}
