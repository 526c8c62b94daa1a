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

/** `/proc/<pid>/stat`'s fields after the command name (which may hold spaces): [state, ppid, …]. */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds the process has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  const f = statFields(pid);
  // utime and stime are the 14th and 15th fields of the line, 12th and 13th after the name.
  return f ? (Number(f[11]) + Number(f[12])) / clockTicks() : 0;
}

/** The PostgreSQL cluster's processes now: its postmaster and the postmaster's children. */
export function postgresPids(dataDir: string): number[] {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile) || !existsSync('/proc')) return [];
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => Number(statFields(pid)?.[1]) === postmaster);
  return [postmaster, ...children];
}

/** CPU seconds of a set of processes, read at the start and the end of a run. */
export function cpuMeter(pids: () => number[]): () => number {
  const start = new Map(pids().map((pid) => [pid, cpuSeconds(pid)]));
  return () => pids().reduce((sum, pid) => sum + cpuSeconds(pid) - (start.get(pid) ?? 0), 0);
}
