/**
 * HTTP bookings with 50 connections and how many share each COMMIT, as benchmark 1 runs them (host
 * and load client in their own processes), for A/B runs of two checkouts taking turns:
 * `npx tsx bench/ab/booking-batches-ab.ts [seconds]` from each checkout's folder. With `--profile`
 * the host samples its CPU over the measured run and says where it went (with `BENCH_PROFILE_DIR`
 * set, the whole profile is kept there: bench/support/cpu-profile.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../../db/open-database';
import { addDays } from '../../shared/time';
import { ensureBenchAdmin } from '../support/bench-auth';
import { startHostProcess } from '../support/bench-host';
import { startChild } from '../support/child-process';
import { whileProfiled } from '../support/cpu-profile';
import { BENCH_DIR, createEmptyHotel, hotelRooms, scratchDir, TODAY } from '../support/hotel-dataset';

interface Batches {
  batches: number;
  writes: number;
  largest: number;
}

const seconds = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 6);
const profile = process.argv.includes('--profile');
const dir = scratchDir('booking-batches-ab');
const hostDir = join(dir, 'host');
await createEmptyHotel(join(hostDir, DB_FILE_NAME));
await ensureBenchAdmin(join(hostDir, DB_FILE_NAME));
const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
const host = startHostProcess();
const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
try {
  await Promise.all([host.next('ready'), client.next('ready')]);
  const { url, token } = await host.ask<{ url: string; token: string }>({ type: 'start', dataDir: hostDir }, 'started');
  let next = 0;
  const load = async (ms: number) => {
    const r = await client.ask<{ requests: number; elapsedMs: number; p50: number; p99: number; nextIndex: number; statuses: Record<string, number> }>(
      { type: 'closed-loop', origin: url, token, connections: 50, durationMs: ms, rooms, startDate: addDays(TODAY, 31), firstIndex: next },
      'closed-loop:done',
    );
    next = r.nextIndex;
    return r;
  };
  await load(1000);
  const s0 = await host.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
  const measured = () => load(seconds * 1000);
  const { value: r, summary } = profile ? await whileProfiled(host, measured) : { value: await measured(), summary: undefined };
  const s1 = await host.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
  if (summary) console.log(`the host's busy time: ${Object.entries(summary.shares).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v * 100).toFixed(0)} %`).join(', ')}`);
  const perCommit = (s1.writes - s0.writes) / Math.max(1, s1.batches - s0.batches);
  console.log(
    `${((r.requests * 1000) / r.elapsedMs).toFixed(0)} bookings/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${JSON.stringify(r.statuses)}; ` +
      `${perCommit.toFixed(1)} per COMMIT (largest ${s1.largest}, ${s1.batches - s0.batches} COMMITs)`,
  );
} finally {
  await host.stop();
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
