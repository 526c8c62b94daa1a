/**
 * What a benchmark reads from inside the process it measures (the in-process host of
 * host-process.ts, the desk's host through host-probe.ts): resident memory and V8's heap sampled
 * every 10 ms, the kernel's high-water mark, and the event loop's delay (`monitorEventLoopDelay`).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { highWaterMarkBytes } from './memory-high-water';

export interface MonitorReport {
  rssStartBytes: number;
  rssPeakBytes: number;
  /** The kernel's high-water mark for the whole process life (start-up included). */
  maxRssBytes: number;
  /** Peaks of V8's heap (reserved, used) and of memory outside it (Buffers, SQLite's own is not counted). */
  heapTotalPeakBytes: number;
  heapUsedPeakBytes: number;
  externalPeakBytes: number;
  /** Longest gap between two 10 ms event-loop ticks, in ms (10 ms of it is the tick itself). */
  loopMaxMs: number;
  loopP99Ms: number;
}

interface Monitor {
  sampler: NodeJS.Timeout;
  rssStart: number;
  rssPeak: number;
  heapTotalPeak: number;
  heapUsedPeak: number;
  externalPeak: number;
}

let monitor: Monitor | undefined;
/**
 * One histogram for the process's life, reset at each start, not a new one per measurement: a heap
 * snapshot of the desk's host after ten exports held five of them (1.84 MB of native memory each
 * measurement left behind until V8 collected its handle). Their pages are mostly never touched, so
 * VmHWM did not move measurably (export-ab.ts --repeat 5, 14:04 UTC), but the probe should leave
 * nothing of its own in the process it measures.
 */
let loop: ReturnType<typeof monitorEventLoopDelay> | undefined;

function sample(state: Monitor): void {
  const m = process.memoryUsage();
  state.rssPeak = Math.max(state.rssPeak, m.rss);
  state.heapTotalPeak = Math.max(state.heapTotalPeak, m.heapTotal);
  state.heapUsedPeak = Math.max(state.heapUsedPeak, m.heapUsed);
  state.externalPeak = Math.max(state.externalPeak, m.external);
}

export function startMonitor(): void {
  loop ??= monitorEventLoopDelay({ resolution: 10 });
  loop.reset();
  loop.enable();
  const rss = process.memoryUsage.rss();
  const state: Monitor = { sampler: setInterval(() => sample(state), 10), rssStart: rss, rssPeak: rss, heapTotalPeak: 0, heapUsedPeak: 0, externalPeak: 0 };
  monitor = state;
}

export function stopMonitor(): MonitorReport {
  const state = monitor!;
  clearInterval(state.sampler);
  loop!.disable();
  sample(state);
  monitor = undefined;
  return {
    rssStartBytes: state.rssStart,
    rssPeakBytes: state.rssPeak,
    maxRssBytes: highWaterMarkBytes(),
    heapTotalPeakBytes: state.heapTotalPeak,
    heapUsedPeakBytes: state.heapUsedPeak,
    externalPeakBytes: state.externalPeak,
    loopMaxMs: loop!.max / 1e6,
    loopP99Ms: loop!.percentile(99) / 1e6,
  };
}
