/**
 * Child process: a real host (`createHost`, the same start-up as `npm run serve`) on a given data
 * folder, plus the probes the benchmarks read from inside it (process-monitor.ts: resident memory
 * sampled every 10 ms, the event loop's delay), and the desktop's CSV export to a file.
 * The outbox worker is off: the benchmarks measure the desk, not deliveries to a billing service
 * that does not exist here. `started` carries the benchmark admin's bearer token (bench-auth.ts).
 */
import { subscribe } from 'node:diagnostics_channel';
import fs, { statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { anonymousContext } from '../../core/context';
import { createHost, type Host } from '../../core/host';
import { writeCsvFile } from '../../core/composition/csv-export';
import type { GroupCommitStats } from '../../db/engine/sqlite-group-commit';
import { WAL_RESTART_CHANNEL, type WalRestart } from '../../db/engine/wal-checkpointer';
import { BENCH_ADMIN_PASSWORD, BENCH_ADMIN_USERNAME } from './bench-auth';
import { serveParent } from './child-process';
import { startProfile } from './cpu-profile';
import { NOW_MS, TIME_ZONE } from './hotel-dataset';
import { startMonitor, stopMonitor } from './process-monitor';
import type { Collection } from './tail-bursts';
import { nowMs } from './stats';

let host: Host | undefined;

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

function monitorStart() {
  // With --expose-gc (diagnosis runs only), start from a collected heap so growth means retention.
  (globalThis as { gc?: () => void }).gc?.();
  startMonitor();
  return { type: 'monitor:started' };
}

/** The desktop's export (save dialog → file), timed inside the host. */
async function exportFile(m: { filePath: string }) {
  const t0 = nowMs();
  const { rows } = await writeCsvFile(host!.core.deps.db.exportSource, 'stays', {}, m.filePath);
  const ms = nowMs() - t0;
  return { type: 'export-file:done', rows, ms, bytes: statSync(m.filePath).size };
}

let profiling: Awaited<ReturnType<typeof startProfile>> | undefined;

/** The old generation's collections since the last `gc:taken` (epoch ms at their start, ms), once `gc:watch` asked for them. */
let majorCollections: Collection[] | undefined;
/** The WAL's fsyncs (db/engine/wal-sync.ts) since the last `gc:taken`: epoch ms at their start, ms until their callback ran. */
const walSyncs: Collection[] = [];
/** The WAL's restarts (db/engine/wal-checkpointer.ts: every write waits while one is made) since the last `gc:taken`: epoch ms at their start, ms. */
const walRestarts: Collection[] = [];
function watchCollections() {
  if (!majorCollections) {
    majorCollections = [];
    subscribe(WAL_RESTART_CHANNEL, (m) => walRestarts.push([(m as WalRestart).startedAt, (m as WalRestart).ms]));
    // Every fdatasync of this process timed from its call to its callback (the loop's delay included).
    const fdatasync = fs.fdatasync;
    fs.fdatasync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      const t0 = performance.now();
      fdatasync(fd, (error) => {
        walSyncs.push([performance.timeOrigin + t0, performance.now() - t0]);
        done(error);
      });
    }) as typeof fs.fdatasync;
    syncBuiltinESMExports();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorCollections!.push([performance.timeOrigin + e.startTime, e.duration]);
      }
    }).observe({ entryTypes: ['gc'] });
  }
  return { type: 'gc:watching' };
}

serveParent(
  {
    start: (m) => start(m as never),
    // A CPU profile of this host over the benchmark's window, summed by where the code lives (cpu-profile.ts).
    'profile:start': async () => {
      profiling = await startProfile();
      return { type: 'profile:started' };
    },
    'profile:stop': async () => ({ type: 'profile:done', ...(await profiling!.stop()) }),
    'monitor:start': () => monitorStart(),
    'monitor:stop': () => ({ type: 'monitor:done', ...stopMonitor() }),
    'export-file': (m) => exportFile(m as never),
    // The old generation's collections (and the WAL's fsyncs and restarts), for the tail of a run (bench/support/tail-bursts.ts).
    'gc:watch': () => watchCollections(),
    'gc:taken': () => ({ type: 'gc:taken', collections: majorCollections?.splice(0) ?? [], syncs: walSyncs.splice(0), restarts: walRestarts.splice(0) }),
    // How many writes shared each COMMIT so far (SQLite's group commit; none on PostgreSQL), and the
    // main thread's time so far, busy and idle (its event-loop utilization between two asks).
    'group-commit:stats': () => {
      const db = host!.core.deps.db as { groupCommitStats?: () => GroupCommitStats };
      const { active, idle } = performance.eventLoopUtilization();
      return { type: 'group-commit:stats', ...(db.groupCommitStats?.() ?? { batches: 0, writes: 0, largest: 0 }), loop: { active, idle } };
    },
  },
  async () => {
    await host?.close();
  },
);
process.send!({ type: 'ready' });
