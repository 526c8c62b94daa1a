/**
 * The spike's measuring tools: N concurrent in-process callers for a fixed time (throughput and
 * process CPU per operation), sequential timed calls (latency), and the median/percentile summaries.
 */
import { median, percentile } from '../support/stats';

export interface DriveResult {
  ok: number;
  refused: number;
  perSec: number;
  /** Node process CPU (user + system, all threads) per successful operation, µs. */
  cpuUsPerOp: number;
  /** Server CPU per successful operation, µs (PostgreSQL only). */
  serverCpuUsPerOp?: number;
  firstError?: string;
}

/** `callers` loops, each calling `op(k)` with the next k and awaiting it, for `ms`; a warm-up of `warmMs` first. */
export async function drive(
  callers: number,
  ms: number,
  op: (k: number) => Promise<unknown>,
  opts: { warmMs?: number; serverCpu?: () => number } = {},
): Promise<DriveResult> {
  let k = 0;
  const loop = async (until: number, count: { ok: number; refused: number; firstError?: string }) => {
    while (performance.now() < until) {
      try {
        await op(k++);
        count.ok++;
      } catch (e) {
        count.refused++;
        count.firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  const warm = { ok: 0, refused: 0 };
  const warmUntil = performance.now() + (opts.warmMs ?? 300);
  await Promise.all(Array.from({ length: callers }, () => loop(warmUntil, warm)));

  const count: { ok: number; refused: number; firstError?: string } = { ok: 0, refused: 0 };
  const server0 = opts.serverCpu?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: callers }, () => loop(t0 + ms, count)));
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server1 = opts.serverCpu?.();
  return {
    ok: count.ok,
    refused: count.refused,
    perSec: (count.ok * 1000) / elapsed,
    cpuUsPerOp: (cpu.user + cpu.system) / Math.max(1, count.ok),
    serverCpuUsPerOp: server0 !== undefined && server1 !== undefined ? ((server1 - server0) * 1000) / Math.max(1, count.ok) : undefined,
    firstError: count.firstError,
  };
}

/** `n` sequential calls after `warm` untimed ones: each call's ms. */
export async function timeSequential(n: number, warm: number, call: (i: number) => unknown): Promise<Float64Array> {
  for (let i = 0; i < warm; i++) await call(i);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(i);
    out[i] = performance.now() - t0;
  }
  return out;
}

/** Rotates `items` by `r`: each repetition starts with a different candidate, so none always runs first. */
export function rotate<T>(items: T[], r: number): T[] {
  const i = r % items.length;
  return [...items.slice(i), ...items.slice(0, i)];
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function pooledPercentile(runs: Float64Array[], p: number): number {
  const all = new Float64Array(runs.reduce((n, r) => n + r.length, 0));
  let o = 0;
  for (const r of runs) {
    all.set(r, o);
    o += r.length;
  }
  return percentile(all, p);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}
