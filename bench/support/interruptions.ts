/**
 * What the machine takes from a running core: one thread reads the clock in a tight loop for a while,
 * and every gap longer than `thresholdUs` between two readings is a moment the core was taken away
 * (a timer tick, an inter-processor call, the hypervisor running something else). On a bare machine
 * or a hardware-virtualised guest a tick costs a few µs; on a PVM guest every interrupt is a trip
 * through the host, and machine 9 lost its core ~1 800 times a second for a median ~35 µs each
 * (docs/benchmarks.md, forty-seventh pass).
 *
 * It bounds every tail a benchmark measures in microseconds: a call that takes `t` µs is caught by one
 * of these with a chance of about `t × rate`, and is then longer by the gap. Benchmark 2's p99 (a
 * check of ~10 µs) lands among the caught calls as soon as `t × rate` passes 1 %, whatever the check
 * does, so the figure goes into every run's header beside the page fault's.
 *
 *   npx tsx bench/support/interruptions.ts [--ms 2000]
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { fmt, median } from './stats';

export interface Interruptions {
  /** Gaps a second of running. */
  perSecond: number;
  /** The median gap, µs. */
  medianUs: number;
  /** The share of the core's time the gaps took (0–1). */
  share: number;
}

/** The gaps (µs) over `spanMs` of clock reading, summarised. Pure. */
export function summariseGaps(gapsUs: readonly number[], spanMs: number): Interruptions {
  const total = gapsUs.reduce((a, b) => a + b, 0);
  return {
    perSecond: (gapsUs.length * 1000) / spanMs,
    medianUs: gapsUs.length ? median(gapsUs) : 0,
    share: total / 1000 / spanMs,
  };
}

/** Reads the clock for `ms` milliseconds on this thread and counts the gaps over `thresholdUs`. */
export function measureInterruptions(ms = 1000, thresholdUs = 10): Interruptions {
  const gaps: number[] = [];
  const threshold = thresholdUs / 1000;
  const start = performance.now();
  const end = start + ms;
  let last = start;
  for (;;) {
    const now = performance.now();
    if (now - last > threshold) gaps.push((now - last) * 1000);
    last = now;
    if (now >= end) break;
  }
  return summariseGaps(gaps, last - start);
}

/**
 * The chance that a call of `callUs` µs is caught by one of the gaps (rate × length, at most 1): at
 * over 1 %, a p99 of such calls is a caught call's time.
 */
export const caughtShare = (i: Interruptions, callUs: number): number => Math.min(1, (i.perSecond * callUs) / 1e6);

/** The run header's words for it: `a core stopped 1 788 times a second, a median 35 µs each (7.4 % of its time)`. */
export const interruptionsText = (i: Interruptions): string =>
  `a core stopped ${fmt(i.perSecond)} times a second, a median ${i.medianUs.toFixed(0)} µs each (${(i.share * 100).toFixed(1)} % of its time)`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { ms: { type: 'string', default: '2000' } } });
  console.log(interruptionsText(measureInterruptions(Number(values.ms))));
}
