/**
 * Benchmark 4's export for two or more builds of the desk's host, taking turns in one sitting:
 * `npx tsx bench/ab/export-ab.ts <buildDirA> <buildDirB> … [--runs N] [--no-load]`, each a folder
 * holding `host.cjs`, `export-worker.cjs` and `host-probe.cjs` (bench/.cache/electron-host after a
 * benchmark 4 run of that checkout). Each turn starts a fresh host of each build on its own copy of
 * the dense hotel (so its VmHWM is that turn's), then the file export and the HTTP download under the
 * benchmark's paced requests (one every 5 ms). Per export: ms, the host's VmHWM, the probe's loop max,
 * the host's CPU seconds split into its main thread and the rest (the export worker, V8's and libuv's
 * threads), and how long the main thread waited on a run queue, from /proc. `--no-load`: without the paced requests; `--loaded`: beside
 * `npm run bench -- --loaded`'s background load (support/background-load.ts); `--profile DIR`: CPU profiles;
 * `--host-flags a,b`: Node flags for the hosts (a build's own after an `@`: `<dir>@a,b`); `--repeat N`: N exports and downloads per host (benchmark 4 makes five). Each host gets the desk's glibc settings
 * (`DESK_HOST_MALLOC_ENV`, as Electron's main forks it) unless this process's environment sets them
 * (`MALLOC_ARENA_MAX=2 npx tsx bench/ab/export-ab.ts …`: the caller's value is kept).
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startChild } from '../support/child-process';
import { startElectronHost } from '../support/electron-host';
import { statusBytes } from '../support/serve-process';
import { copyHotelTo, denseHistoryHotel, hotelRooms, scratchDir, TODAY, BENCH_DIR } from '../support/hotel-dataset';
import { cpuSeconds, threadCpuSeconds, threadSchedstat } from '../support/cpu-time';
import { startBackgroundLoad } from '../support/background-load';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const noLoad = args.includes('--no-load');
/** `--loaded`: the whole sitting beside the benchmarks' background load (busy processes, a disk trickle). */
const loaded = args.includes('--loaded');
/** `--repeat N`: N file exports and downloads in each host's life (benchmark 4 makes five), not one. */
const repeat = Number(args[args.indexOf('--repeat') + 1] || 1) || 1;
/** `--profile DIR`: each host writes a CPU profile of its main thread and of the export worker there. */
const profileDir = args.includes('--profile') ? resolve(args[args.indexOf('--profile') + 1]!) : undefined;
/** `--host-flags a,b`: more of Node's flags for every host (`--trace-gc`). */
const hostFlags = args.includes('--host-flags') ? args[args.indexOf('--host-flags') + 1]!.split(',') : [];
/** A build may carry flags of its own after an `@`: `bench/.cache/electron-host@--no-parallel-scavenge` (the same build with and without a flag, taking turns). */
const builds = args
  .filter((a, i) => !a.startsWith('--') && !['--runs', '--profile', '--host-flags', '--repeat'].includes(args[i - 1]!))
  .map((b) => ({ dir: resolve(b.split('@')[0]!), flags: b.includes('@') ? b.slice(b.indexOf('@') + 1).split(',') : [] }));

/** The host's resident memory now, anonymous / file-backed (`/proc/<pid>/status`), in MB. */
function rssSplit(pid: number): string {
  const mb = (field: 'RssAnon' | 'RssFile') => (statusBytes(pid, field) / 2 ** 20).toFixed(0);
  return `anon ${mb('RssAnon')} + file ${mb('RssFile')} MB`;
}

/** ms the host's main thread has waited on a run queue, runnable but not running. */
const runQueueWaitMs = (pid: number) => (threadSchedstat(pid, pid)?.waitNs ?? 0) / 1e6;

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

async function main(): Promise<void> {
  const data = await denseHistoryHotel(console.log);
  const scratch = scratchDir('export-ab');
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  await client.next('ready');
  const background = loaded ? startBackgroundLoad() : undefined;
  if (background) console.log(`beside: ${background.description}`);
  try {
    for (let r = 0; r < runs; r++) {
      for (const [b, build] of builds.entries()) {
        const dataDir = join(scratch, `h${b}-${r}`);
        copyHotelTo(data.file, dataDir);
        const host = await startElectronHost(dataDir, build.dir, [...hostFlags, ...build.flags, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])]);
        const csv = join(scratch, `out-${b}.csv`);
        try {
          await host.exportFile(csv); // warm
          const startRss = statusBytes(host.pid, 'VmRSS');
          const measure = async (what: string, work: () => Promise<unknown>) => {
            if (!noLoad) await client.ask({ type: 'paced:start', origin: host.client.url, token: host.token, intervalMs: 5, rooms, fromDate: TODAY, days: 150, seed: 10 + r }, 'paced:started');
            await host.probeStart();
            const cpu0 = cpuSeconds(host.pid);
            const main0 = threadCpuSeconds(host.pid, host.pid);
            const wait0 = runQueueWaitMs(host.pid);
            const t0 = performance.now();
            await work();
            const ms = performance.now() - t0;
            const cpu = cpuSeconds(host.pid) - cpu0;
            const mainCpu = threadCpuSeconds(host.pid, host.pid) - main0;
            const mainWait = runQueueWaitMs(host.pid) - wait0;
            const m = await host.probeStop();
            const paced = noLoad ? undefined : await client.ask<{ p99: number; max: number }>({ type: 'paced:stop' }, 'paced:done');
            console.log(
              `run ${r + 1} ${build.dir.split('/').slice(-3).join('/')}${build.flags.length ? `@${build.flags.join(',')}` : ''} ${what}: ${ms.toFixed(0)} ms, size ${(statSync(csv).size / 1e6).toFixed(1)} MB, start ${(startRss / 2 ** 20).toFixed(0)} MB, peak ${(m.rssPeakBytes / 2 ** 20).toFixed(0)} MB, VmHWM ${(statusBytes(host.pid, 'VmHWM') / 2 ** 20).toFixed(0)} MB, loop max ${m.loopMaxMs.toFixed(0)} p99 ${m.loopP99Ms.toFixed(0)} ms, main heap peak ${(m.heapTotalPeakBytes / 2 ** 20).toFixed(0)} (used ${(m.heapUsedPeakBytes / 2 ** 20).toFixed(0)}, external ${(m.externalPeakBytes / 2 ** 20).toFixed(0)}) MB, now ${rssSplit(host.pid)}, CPU main ${mainCpu.toFixed(2)} s (waited for a core ${mainWait.toFixed(0)} ms) other ${(cpu - mainCpu).toFixed(2)} s${paced ? `, requests p99 ${paced.p99.toFixed(0)} max ${paced.max.toFixed(0)} ms` : ''}, load ${loadavg()}`,
            );
          };
          for (let k = 0; k < repeat; k++) {
            await measure('file', () => host.exportFile(csv));
            await measure('http', async () => {
              const res = await fetch(`${host.client.url}/api/v1/exports/stays.csv`, { headers: { authorization: `Bearer ${host.token}` } });
              await pipeline(Readable.fromWeb(res.body as never), createWriteStream(csv));
            });
          }
        } finally {
          await host.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    const load = await background?.stop();
    if (load) console.log(`background load: busy rounds/s ${load.busyRoundsPerSecond.map((r) => r.toFixed(1)).join(', ')}, ${(load.diskBytesWritten / 2 ** 20).toFixed(0)} MiB written`);
    await client.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
