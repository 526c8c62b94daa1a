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

/**
 * Times `n` calls of `call(i)` one by one, after `warmup` untimed calls (`call(0)`, `call(1)`, …):
 * each call's milliseconds, in call order.
 */
export function timeCalls(n: number, call: (i: number) => unknown, warmup = 1): Float64Array {
  for (let i = 0; i < warmup; i++) call(i);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    call(i);
    out[i] = performance.now() - t0;
  }
  return out;
}

/**
 * `runs` rounds of `n` timed calls of ours and of the anchor (timeCalls), taking turns at going
 * first so that neither always runs on the other's warm caches: each side's runs.
 */
export function timeAgainst(runs: number, n: number, ours: () => unknown, anchor: () => unknown): { ours: Float64Array[]; anchor: Float64Array[] } {
  const out = { ours: [] as Float64Array[], anchor: [] as Float64Array[] };
  for (let r = 0; r < runs; r++) {
    if (r % 2) {
      out.ours.push(timeCalls(n, ours));
      out.anchor.push(timeCalls(n, anchor));
    } else {
      out.anchor.push(timeCalls(n, anchor));
      out.ours.push(timeCalls(n, ours));
    }
  }
  return out;
}

/** A seeded PRNG: the same dataset and request mix on every run (the demo hotel's generator). */
export { seededRandom } from '../../core/demo/demo-guests';

/** timeCalls for a call that returns a promise: each call is awaited before the next starts. */
export async function timeCallsAsync(n: number, call: (i: number) => unknown, warmup = 1, before?: () => unknown): Promise<Float64Array> {
  for (let i = 0; i < warmup; i++) await call(i);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (before) await before();
    const t0 = performance.now();
    await call(i);
    out[i] = performance.now() - t0;
  }
  return out;
}

/**
 * timeAgainst where either side may return a promise (the engine seam is async): every call awaited.
 * `beforeOurs` runs before each of our calls, untimed (benchmark 3: a write, so the board is built
 * each time rather than answered from core/read-memo.ts).
 */
export async function timeAgainstAsync(runs: number, n: number, ours: () => unknown, anchor: () => unknown, beforeOurs?: () => unknown): Promise<{ ours: Float64Array[]; anchor: Float64Array[] }> {
  const out = { ours: [] as Float64Array[], anchor: [] as Float64Array[] };
  for (let r = 0; r < runs; r++) {
    if (r % 2) {
      out.ours.push(await timeCallsAsync(n, ours, 1, beforeOurs));
      out.anchor.push(await timeCallsAsync(n, anchor));
    } else {
      out.anchor.push(await timeCallsAsync(n, anchor));
      out.ours.push(await timeCallsAsync(n, ours, 1, beforeOurs));
    }
  }
  return out;
}

/** Per round, a variant's median call (ms) and this process's CPU per call (µs): `takingTurns`. */
export interface TurnFigures {
  wallMs: number[];
  cpuUs: number[];
}

/**
 * Runs each variant `calls` times per round, the variants taking turns (the order reversed every
 * other round, so neither always follows the other), for A/B in one sitting: each round's median
 * call and this process's CPU time per call (`process.cpuUsage`, which a busy neighbour moves less
 * than wall time).
 */
export async function takingTurns(variants: Record<string, (i: number) => unknown>, rounds: number, calls: number): Promise<Map<string, TurnFigures>> {
  const out = new Map<string, TurnFigures>(Object.keys(variants).map((name) => [name, { wallMs: [], cpuUs: [] }]));
  for (let r = 0; r < rounds; r++) {
    const names = Object.keys(variants);
    if (r % 2) names.reverse();
    for (const name of names) {
      const f = variants[name]!;
      const xs: number[] = [];
      const c0 = process.cpuUsage();
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        await f(i);
        xs.push(performance.now() - t0);
      }
      const used = process.cpuUsage(c0);
      out.get(name)!.wallMs.push(median(xs));
      out.get(name)!.cpuUs.push((used.user + used.system) / calls);
    }
  }
  return out;
}
