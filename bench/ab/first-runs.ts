/**
 * Benchmark 1's load on fresh hosts, run by run: what the first run after the warm-up measures that
 * the later ones do not. Each host (this checkout's bench/support/host-process.ts, built as it
 * ships, on an empty hotel of its own) is warmed as benchmark 1 warms its host (1 s of the same
 * load), or, with `grown`, until the WAL has started over once (it has then reached its working
 * size: db/engine/wal-checkpointer.ts, 40 000 frames). Per run: bookings/s, p50 and p99; the `-wal`
 * file's size before and after (in frames of a 4 KiB page); the WAL's fsyncs (how many, p50, p90,
 * p99: the host times them) and restarts; the host's CPU, minor page faults and old-generation
 * collections per booking and its resident size.
 *
 *   npx tsx bench/ab/first-runs.ts [--runs 3] [--seconds 4] [--loaded] [variant,variant,…]   (variants: plain, grown; default plain,grown,plain,grown)
 *
 * The variants take turns, each on a new host; `BENCH_HOST_EXEC_ARGV` in this process's environment
 * replaces the host's V8 flags as in the other tools (`--trace-gc` added shows each collection).
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../../db/open-database';
import { addDays } from '../../shared/time';
import { startBackgroundLoad } from '../support/background-load';
import { ensureBenchAdmin } from '../support/bench-auth';
import { startHostProcess } from '../support/bench-host';
import { startChild } from '../support/child-process';
import { cpuSeconds, minorFaults } from '../support/cpu-time';
import { BENCH_DIR, createEmptyHotel, hotelRooms, scratchDir, TODAY } from '../support/hotel-dataset';
import { statusBytes } from '../support/serve-process';
import { percentile } from '../support/stats';

/** Epoch ms at its start, ms (host-process.ts's `gc:taken`). */
type Timed = [number, number];
interface Reply {
  statuses: Record<string, number>;
  elapsedMs: number;
  p50: number;
  p99: number;
  nextIndex: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '4' },
    loaded: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const variants = (positionals[0] ?? 'plain,grown,plain,grown').split(',');
if (variants.some((v) => v !== 'plain' && v !== 'grown')) throw new Error('variants are plain or grown');
const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
/** A WAL frame: its 24-byte header and a 4 KiB page. */
const FRAME_BYTES = 24 + 4096;
const walFrames = (file: string) => {
  try {
    return Math.round(statSync(`${file}-wal`).size / FRAME_BYTES);
  } catch {
    return 0;
  }
};
const ms = (values: number[], p: number) => (values.length ? percentile(values, p).toFixed(2) : '–');

const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
const background = values.loaded ? startBackgroundLoad() : undefined;
if (background) console.log(`beside: ${background.description}`);
try {
  await client.next('ready');
  for (const [i, variant] of variants.entries()) {
    const dir = scratchDir(`first-runs-${i}`);
    const file = join(dir, DB_FILE_NAME);
    await createEmptyHotel(file);
    await ensureBenchAdmin(file);
    const flags = process.env.BENCH_HOST_EXEC_ARGV;
    const host = startHostProcess(flags ? { BENCH_HOST_EXEC_ARGV: flags } : {});
    try {
      await host.next('ready');
      const { url, token } = await host.ask<{ url: string; token: string }>({ type: 'start', dataDir: dir }, 'started');
      await host.ask({ type: 'gc:watch' }, 'gc:watching');
      const pid = host.process.pid!;
      let next = 0;
      const load = async (durationMs: number) => {
        const r = await client.ask<Reply>({ type: 'closed-loop', origin: url, token, connections: 50, durationMs, rooms, startDate: addDays(TODAY, 31), firstIndex: next }, 'closed-loop:done');
        next = r.nextIndex;
        return r;
      };
      const taken = () => host.ask<{ syncs: Timed[]; restarts: Timed[]; collections: Timed[] }>({ type: 'gc:taken' }, 'gc:taken');
      await load(1000);
      let warmedS = 1;
      if (variant === 'grown') {
        for (let restarts = (await taken()).restarts.length; restarts === 0; restarts += (await taken()).restarts.length) {
          await load(1000);
          warmedS++;
        }
      }
      await taken();
      console.log(`host ${i + 1}, ${variant}: warmed ${warmedS} s, the WAL ${walFrames(file)} frames (load average ${loadavg()[0]!.toFixed(1)})`);
      for (let run = 0; run < runs; run++) {
        const before = walFrames(file);
        const cpu0 = cpuSeconds(pid);
        const faults0 = minorFaults(pid);
        const r = await load(seconds * 1000);
        const created = Math.max(1, r.statuses['201'] ?? 0);
        const cpuUs = ((cpuSeconds(pid) - cpu0) * 1e6) / created;
        const faults = (minorFaults(pid) - faults0) / created;
        const t = await taken();
        const syncs = t.syncs.map(([, d]) => d);
        console.log(
          `  run ${run + 1}: ${((created * 1000) / r.elapsedMs).toFixed(0)}/s, p50 ${r.p50.toFixed(1)}, p99 ${r.p99.toFixed(1)} ms; the WAL ${before} → ${walFrames(file)} frames, ` +
            `${syncs.length} fsyncs (p50 ${ms(syncs, 50)}, p90 ${ms(syncs, 90)}, p99 ${ms(syncs, 99)} ms), ${t.restarts.length} restarts; ` +
            `host ${cpuUs.toFixed(0)} µs and ${faults.toFixed(2)} page faults a booking, ${t.collections.length} old-generation collections (${t.collections.reduce((a, [, d]) => a + d, 0).toFixed(0)} ms), RSS ${(statusBytes(pid, 'VmRSS') / 2 ** 20).toFixed(0)} MB`,
        );
      }
    } finally {
      await host.stop();
    }
  }
} finally {
  await Promise.allSettled([client.stop(), background?.stop()]);
}
