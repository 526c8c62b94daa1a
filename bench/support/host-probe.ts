/**
 * Preloaded (`node --require`) into benchmark 4's host process — dist-electron's host.cjs, run the
 * way Electron runs it — to read what only the process itself can: event-loop delay
 * (`monitorEventLoopDelay`), V8's heap and resident memory every 10 ms, the kernel's high-water mark.
 * It talks on the host's own IPC channel with `{ type }` messages, which the host's protocol
 * (`{ kind }`) leaves alone. Bundled to a .cjs by electron-host.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MonitorReport } from './host-process';
import { highWaterMarkBytes } from './memory-high-water';

interface Monitor {
  loop: ReturnType<typeof monitorEventLoopDelay>;
  sampler: NodeJS.Timeout;
  rssStart: number;
  rssPeak: number;
  heapTotalPeak: number;
  heapUsedPeak: number;
  externalPeak: number;
}
let monitor: Monitor | undefined;

function sample(state: Monitor): void {
  const m = process.memoryUsage();
  state.rssPeak = Math.max(state.rssPeak, m.rss);
  state.heapTotalPeak = Math.max(state.heapTotalPeak, m.heapTotal);
  state.heapUsedPeak = Math.max(state.heapUsedPeak, m.heapUsed);
  state.externalPeak = Math.max(state.externalPeak, m.external);
}

function start(): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const rss = process.memoryUsage.rss();
  const state: Monitor = { loop, sampler: setInterval(() => sample(state), 10), rssStart: rss, rssPeak: rss, heapTotalPeak: 0, heapUsedPeak: 0, externalPeak: 0 };
  monitor = state;
}

function stop(): MonitorReport {
  const state = monitor!;
  clearInterval(state.sampler);
  state.loop.disable();
  sample(state);
  monitor = undefined;
  return {
    rssStartBytes: state.rssStart,
    rssPeakBytes: state.rssPeak,
    maxRssBytes: highWaterMarkBytes(),
    heapTotalPeakBytes: state.heapTotalPeak,
    heapUsedPeakBytes: state.heapUsedPeak,
    externalPeakBytes: state.externalPeak,
    loopMaxMs: state.loop.max / 1e6,
    loopP99Ms: state.loop.percentile(99) / 1e6,
  };
}

process.on('message', (raw) => {
  const type = (raw as { type?: unknown } | null)?.type;
  if (type === 'probe:start') {
    start();
    process.send!({ type: 'probe:started', rssBytes: process.memoryUsage.rss() });
  } else if (type === 'probe:stop') {
    process.send!({ type: 'probe:done', ...stop() });
  }
});
