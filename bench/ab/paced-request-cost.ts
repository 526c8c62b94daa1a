/**
 * What one of benchmark 4's paced requests costs the desk's host on its main thread, by kind:
 * `npx tsx bench/ab/paced-request-cost.ts [buildDir …] [--runs 2] [--seconds 6] [--profile DIR]`.
 *
 * Each build (a folder holding `host.cjs`, `export-worker.cjs` and `host-probe.cjs`; without one, this
 * checkout's, built into bench/.cache/electron-host as benchmark 4 builds it) starts a host of its own per
 * run on a copy of the dense hotel, builds taking turns. Its admin signed in, the benchmark's load client
 * sends it one request every 5 ms for `--seconds` of each kind in turn — free rooms only, bookings only
 * (mostly 409s once the nights fill), both alternating as benchmark 4 does, and both during the file
 * export — and the host's main thread's CPU over each is read from /proc: a core's share and ms a
 * request. `--profile DIR`: each host writes a CPU profile of its main thread there (200 µs sampling).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startChild } from '../support/child-process';
import { cpuSeconds, threadCpuSeconds } from '../support/cpu-time';
import { buildElectronHost, startElectronHost, type ElectronLikeHost } from '../support/electron-host';
import { BENCH_DIR, copyHotelTo, denseHistoryHotel, hotelRooms, scratchDir, TODAY } from '../support/hotel-dataset';
import { nowMs } from '../support/stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option('--runs', 2);
const seconds = option('--seconds', 6);
const profileDir = args.includes('--profile') ? resolve(args[args.indexOf('--profile') + 1]!) : undefined;
const OPTIONS_WITH_VALUES = ['--runs', '--seconds', '--profile'];
const buildArgs = args.filter((a, i) => !a.startsWith('--') && !OPTIONS_WITH_VALUES.includes(args[i - 1]!));

const KINDS = [
  { name: 'free rooms', mix: 'free', exporting: false },
  { name: 'bookings', mix: 'book', exporting: false },
  { name: 'both', mix: 'both', exporting: false },
  { name: 'both, exporting', mix: 'both', exporting: true },
] as const;

async function main(): Promise<void> {
  const builds = buildArgs.length ? buildArgs.map((b) => resolve(b)) : [await buildElectronHost()];
  const data = await denseHistoryHotel(console.log);
  const scratch = scratchDir('paced-request-cost');
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  await client.next('ready');
  try {
    for (let run = 0; run < runs; run++) {
      for (const [b, build] of builds.entries()) {
        const dataDir = join(scratch, `h${b}-${run}`);
        copyHotelTo(data.file, dataDir);
        const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '200'] : [];
        const host = await startElectronHost(dataDir, build, profile);
        try {
          const csv = join(scratch, `out-${b}.csv`);
          await host.exportFile(csv); // the worker's first start, not measured
          const lines = [];
          for (const kind of KINDS) lines.push(await measure(host, kind, { rooms, seed: 10 + run, csv }));
          console.log(`run ${run + 1} ${build.split('/').slice(-3).join('/')}: ${lines.join('; ')}`);
        } finally {
          await host.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await client.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  async function measure(host: ElectronLikeHost, kind: (typeof KINDS)[number], o: { rooms: { number: number; category: string }[]; seed: number; csv: string }): Promise<string> {
    const start = { type: 'paced:start', origin: host.client.url, token: host.token, intervalMs: 5, rooms: o.rooms, fromDate: TODAY, days: 150, seed: o.seed, mix: kind.mix };
    await client.ask(start, 'paced:started');
    const main0 = threadCpuSeconds(host.pid, host.pid);
    const all0 = cpuSeconds(host.pid);
    const t0 = nowMs();
    if (kind.exporting) await host.exportFile(o.csv);
    else await new Promise((r) => setTimeout(r, seconds * 1000));
    const wallS = (nowMs() - t0) / 1000;
    const mainS = threadCpuSeconds(host.pid, host.pid) - main0;
    const otherS = cpuSeconds(host.pid) - all0 - mainS;
    const done = await client.ask<{ statuses: Record<string, number>; failures: number }>({ type: 'paced:stop' }, 'paced:done');
    const n = Object.values(done.statuses).reduce((a, c) => a + c, 0);
    const failed = done.failures ? `, ${done.failures} FAILED` : '';
    return `${kind.name} ${(mainS / wallS).toFixed(3)} core, ${((mainS / Math.max(n, 1)) * 1000).toFixed(2)} ms a request (${n} in ${wallS.toFixed(1)} s${failed}; other threads ${(otherS / wallS).toFixed(3)} core)`;
  }
}

await main();
