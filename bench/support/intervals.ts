/** The availability benchmarks' nights and their timing (bench/availability-bench.ts and availability-postgres.ts). */
import { addDays, resolveTime } from '../../shared/time';
import { HISTORY_DAYS, HISTORY_FROM, TIME_ZONE } from './hotel-dataset';
import { seededRandom } from './stats';

/** A stay's period as instants. */
export type Interval = [startMs: number, endMs: number];

/** One night (14:00 → 12:00 the next day) a day of the dense hotel's last year of history: where bookings are made, the whole past before them. */
export function lastYearNights(): Interval[] {
  const lastDay = addDays(HISTORY_FROM, HISTORY_DAYS);
  const nights: Interval[] = [];
  for (let d = addDays(lastDay, -365); d < addDays(lastDay, -1); d = addDays(d, 1)) {
    nights.push([resolveTime(d, TIME_ZONE, '14:00').ms, resolveTime(addDays(d, 1), TIME_ZONE, '12:00').ms]);
  }
  return nights;
}

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
