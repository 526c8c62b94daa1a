/**
 * Small statistics for the benchmarks: percentiles by nearest rank, medians of runs, and the
 * number formats the report prints. Times are in milliseconds unless a name says otherwise.
 */

/** Nearest-rank percentile of `values` (need not be sorted): p99 of 1 000 samples is the 990th smallest. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: ArrayLike<number>): number {
  return percentile(values, 50);
}

export function max(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i]!);
  return m;
}

/** A fixed number of significant digits, without exponent noise: 0.01234, 12.3, 4 567. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  const text = value.toFixed(decimals);
  const [whole, frac] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return frac ? `${grouped}.${frac}` : grouped;
}

export function fmtMs(ms: number): string {
  return ms < 1 ? `${fmt(ms * 1000)} µs` : `${fmt(ms)} ms`;
}

export function fmtMb(bytes: number): string {
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

/** Wall-clock milliseconds with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A seeded PRNG: the same dataset and request mix on every run (the demo hotel's generator). */
export { seededRandom } from '../../core/demo/demo-guests';
