/**
 * Child process: a real host (`createHost`, the same start-up as `npm run serve`) on a given data
 * folder, plus the probes the benchmarks read from inside it: resident memory sampled every 10 ms
 * and the event loop's delay (`monitorEventLoopDelay`), and the desktop's CSV export to a file.
 * The outbox worker is off: the benchmarks measure the desk, not deliveries to a billing service
 * that does not exist here. `started` carries the benchmark admin's bearer token (bench-auth.ts).
 */
import { statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { anonymousContext } from '../../core/context';
import { createHost, type Host } from '../../core/host';
import { writeCsvFile } from '../../core/composition/csv-export';
import { BENCH_ADMIN_PASSWORD, BENCH_ADMIN_USERNAME } from './bench-auth';
import { serveParent } from './child-process';
import { startProfile } from './cpu-profile';
import { NOW_MS, TIME_ZONE } from './hotel-dataset';
import { nowMs } from './stats';
import { highWaterMarkBytes } from './memory-high-water';

let host: Host | undefined;

interface Monitor {
  loop: ReturnType<typeof monitorEventLoopDelay>;
  sample(): void;
  sampler: NodeJS.Timeout;
  rssStart: number;
  rssPeak: number;
  heapTotalPeak: number;
  heapUsedPeak: number;
  externalPeak: number;
}
let monitor: Monitor | undefined;

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

/** `migrationsDir` and `rendererDir` are given as absolute paths: a bundled copy of this file lives elsewhere. */
async function start(m: { dataDir: string; migrationsDir: string; rendererDir: string; databaseUrl?: string }) {
  const started = Date.now();
  host = await createHost({
    dataDir: m.dataDir,
    // PostgreSQL when the benchmark gives a URL (the same start-up as `npm run serve -- --database`).
    ...(m.databaseUrl ? { databaseUrl: m.databaseUrl } : {}),
    port: 0,
    worker: false,
    logger: false,
    rendererDir: m.rendererDir,
    migrationsDir: m.migrationsDir,
    settings: { timeZone: TIME_ZONE },
    // The benchmarks' "now" (10:00 in Copenhagen on hotel-dataset.ts's TODAY), moving with real time.
    clock: () => NOW_MS + (Date.now() - started),
    // Only if the benchmark did not create the admin first (ensureBenchAdmin).
    adminPassword: BENCH_ADMIN_PASSWORD,
  });
  const rssBytes = process.memoryUsage.rss();
  const session = await host.core.auth.login({ username: BENCH_ADMIN_USERNAME, password: BENCH_ADMIN_PASSWORD }, anonymousContext('http', '127.0.0.1'));
  return { type: 'started', url: host.url, database: host.database, rssBytes, token: session.access_token };
}

function startMonitor() {
  // With --expose-gc (diagnosis runs only), start from a collected heap so growth means retention.
  (globalThis as { gc?: () => void }).gc?.();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const sample = (): void => {
    const m = process.memoryUsage();
    state.rssPeak = Math.max(state.rssPeak, m.rss);
    state.heapTotalPeak = Math.max(state.heapTotalPeak, m.heapTotal);
    state.heapUsedPeak = Math.max(state.heapUsedPeak, m.heapUsed);
    state.externalPeak = Math.max(state.externalPeak, m.external);
  };
  const rss = process.memoryUsage.rss();
  const state: Monitor = { loop, sample, sampler: setInterval(sample, 10), rssStart: rss, rssPeak: rss, heapTotalPeak: 0, heapUsedPeak: 0, externalPeak: 0 };
  monitor = state;
  return { type: 'monitor:started' };
}

function stopMonitor() {
  const state = monitor!;
  clearInterval(state.sampler);
  state.loop.disable();
  state.sample();
  monitor = undefined;
  const report: MonitorReport = {
    rssStartBytes: state.rssStart,
    rssPeakBytes: state.rssPeak,
    maxRssBytes: highWaterMarkBytes(),
    heapTotalPeakBytes: state.heapTotalPeak,
    heapUsedPeakBytes: state.heapUsedPeak,
    externalPeakBytes: state.externalPeak,
    loopMaxMs: state.loop.max / 1e6,
    loopP99Ms: state.loop.percentile(99) / 1e6,
  };
  return { type: 'monitor:done', ...report };
}

/** The desktop's export (save dialog → file), timed inside the host. */
async function exportFile(m: { filePath: string }) {
  const t0 = nowMs();
  const { rows } = await writeCsvFile(host!.core.deps.db.exportSource, 'stays', {}, m.filePath);
  const ms = nowMs() - t0;
  return { type: 'export-file:done', rows, ms, bytes: statSync(m.filePath).size };
}

let profiling: Awaited<ReturnType<typeof startProfile>> | undefined;

serveParent(
  {
    start: (m) => start(m as never),
    // A CPU profile of this host over the benchmark's window, summed by where the code lives (cpu-profile.ts).
    'profile:start': async () => {
      profiling = await startProfile();
      return { type: 'profile:started' };
    },
    'profile:stop': async () => ({ type: 'profile:done', ...(await profiling!.stop()) }),
    'monitor:start': () => startMonitor(),
    'monitor:stop': () => stopMonitor(),
    'export-file': (m) => exportFile(m as never),
  },
  async () => {
    await host?.close();
  },
);
process.send!({ type: 'ready' });
