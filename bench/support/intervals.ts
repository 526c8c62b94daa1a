/** The availability benchmarks' nights and their timing (bench/availability-bench.ts and availability-postgres.ts). */
import { seededRandom } from './stats';

/** A stay's period as instants. */
export type Interval = [startMs: number, endMs: number];

/** `length` intervals drawn from `items` (with repeats) by a seeded generator. */
export function shuffled<T>(items: T[], seed: number, length: number): T[] {
  const rand = seededRandom(seed);
  return Array.from({ length }, () => items[Math.floor(rand() * items.length)]!);
}

/** Per-call latencies (ms) of an async `check` (through the engine seam) over `intervals`, after a warm-up pass of up to `warmup` calls. */
export async function timeAsync(intervals: Interval[], check: (s: number, e: number) => Promise<unknown>, warmup = 2000): Promise<Float64Array> {
  for (let i = 0; i < Math.min(warmup, intervals.length); i++) await check(intervals[i]![0], intervals[i]![1]);
  const out = new Float64Array(intervals.length);
  for (let i = 0; i < intervals.length; i++) {
    const [s, e] = intervals[i]!;
    const t0 = performance.now();
    await check(s, e);
    out[i] = performance.now() - t0;
  }
  return out;
}
