/**
 * Benchmark 9: the memory of `npm run serve`, read from outside it in /proc (support/proc-memory.ts:
 * PSS from smaps_rollup — counted as if no other process shared its files —, RSS and VmHWM from
 * status), as a user runs it (support/serve-process.ts).
 *
 * A. **Idle**: `serve --demo` on a new data folder, once its memory has settled after start-up (the
 *    demo hotel made, nobody signed in; settled: PSS within 1 MB for 15 s, past V8's memory
 *    reducer). Target: PSS ≤ 80 MB.
 * B. **The board to 8 desks**: serve on a copy of the dense hotel (1 000 000 stays), 8 connections
 *    each asking for the 300-room, 90-day board again as soon as it has the last one, for a minute
 *    (15 s with --quick). Target: peak RSS (VmHWM) ≤ 130 MB. Twice, on a fresh start each: as is
 *    (nothing changes, so after the first board every desk gets the kept one: core/read-memo.ts),
 *    and with a seed 000 booking every second beside the desks (each a change: the board is built
 *    anew after each, what a working desk meets). The target holds for both.
 * C. **A mixed soak**: the demo hotel's server from A, 50 requests a second for 5 minutes (1 with
 *    --quick): reads (the two-week board, free rooms, a week's stays), seed 000 bookings and the
 *    stays CSV download (support/memory-load-process.ts). Targets: peak RSS ≤ 160 MB, and flat: the
 *    mean RSS of the last fifth at most 10 MB above that of the second fifth (after warm-up).
 * The desk host's memory during the 1 000 000-row export is benchmark 4's.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../shared/time';
import type { BenchOptions } from './support/bench-options';
import { chooseAdminPassword, ensureBenchAdmin, signInOverHttp } from './support/bench-auth';
import { startChild, type BenchChild } from './support/child-process';
import { BENCH_DIR, copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from './support/hotel-dataset';
import type { PlanRoom } from './support/load-client-process';
import { procMemorySupported, sampleProcMemory, settled, type ProcMemory } from './support/proc-memory';
import type { BenchResult } from './support/report';
import { startServeProcess, type ServeProcess } from './support/serve-process';
import { fmtMb } from './support/stats';

const MB = 1024 * 1024;
const IDLE_PSS_LIMIT = 80 * MB;
const BOARD_RSS_LIMIT = 130 * MB;
const SOAK_RSS_LIMIT = 160 * MB;
const SOAK_GROWTH_LIMIT = 10 * MB;
const SOAK_PER_SECOND = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const split = (m: ProcMemory) =>
  `PSS ${fmtMb(m.pssAlone)} alone (anonymous ${fmtMb(m.pssAnon)}, files ${fmtMb(m.pssAlone - m.pssAnon)}; ${fmtMb(m.pss)} as read, the files shared with the benchmark's own node processes), RSS ${fmtMb(m.rss)}`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

interface LoadSummary {
  requests: number;
  bytes: number;
  statuses: Record<string, number>;
  failures: number;
  failureSamples: string[];
  p50: number;
  p99: number;
}

async function demoRooms(origin: string, token: string): Promise<PlanRoom[]> {
  const res = await fetch(`${origin}/api/v1/rooms`, { headers: { authorization: `Bearer ${token}` } });
  const rooms = (await res.json()) as { number: number; category: string }[];
  return rooms.map((r) => ({ number: r.number, category: r.category }));
}


/**
 * A: the first start with `--demo`, as a new user meets it. C: the next start on the same data (the
 * first admin's password chosen in between, which loads the common-password list into that first
 * process only), then the soak.
 */
async function idleAndSoak(o: BenchOptions, client: BenchChild, scratch: string) {
  const dataDir = join(scratch, 'demo');
  const first = (await startServeProcess(dataDir, { args: ['--demo'] }))!;
  let idle: ProcMemory;
  try {
    idle = await settled(first.pid);
    o.log(`  idle, demo hotel: ${split(idle)}`);
    await chooseAdminPassword(first.url);
  } finally {
    await first.stop();
  }
  const serve = (await startServeProcess(dataDir))!;
  try {
    const started = await settled(serve.pid);
    const token = await signInOverHttp(serve.url);
    const rooms = await demoRooms(serve.url, token);
    const seconds = o.quick ? 60 : 300;
    const sampler = sampleProcMemory(serve.pid, 1000);
    await client.ask({ type: 'soak:start', origin: serve.url, token, perSecond: SOAK_PER_SECOND, rooms, fromDate: addDays(TODAY, 1), days: 365, seed: 9 }, 'soak:started');
    await sleep(seconds * 1000);
    const load = await client.ask<LoadSummary>({ type: 'soak:stop' }, 'soak:done');
    const memory = sampler.stop();
    return { idle, started, load, memory, seconds };
  } finally {
    await serve.stop();
  }
}

/**
 * B: the board to 8 desks, on a fresh start each time: `book` false, nothing changes (after the first
 * board every desk is answered the kept one, core/read-memo.ts); `book` true, a booking every second
 * beside them, so a board is built anew after each.
 */
async function board(o: BenchOptions, client: BenchChild, scratch: string, book: boolean) {
  const data = await denseHistoryHotel(o.log);
  const dataDir = join(scratch, book ? 'dense-booking' : 'dense');
  const dbFile = copyHotelTo(data.file, dataDir);
  await ensureBenchAdmin(dbFile);
  const serve: ServeProcess = (await startServeProcess(dataDir))!;
  try {
    const token = await signInOverHttp(serve.url);
    const path = `/api/v1/board?from=${addDays(TODAY, -30)}&days=90`;
    const before = await settled(serve.pid);
    const sampler = sampleProcMemory(serve.pid, 250);
    const seconds = o.quick ? 15 : 60;
    const bookings = book ? { everyMs: 1000, rooms: await demoRooms(serve.url, token), fromDate: addDays(TODAY, 3 * 365) } : undefined;
    const load = await client.ask<LoadSummary & { bookings?: LoadSummary }>({ type: 'board', origin: serve.url, token, connections: 8, durationMs: seconds * 1000, path, book: bookings }, 'board:done', seconds * 1000 + 120_000);
    const memory = sampler.stop();
    return { before, load, memory, seconds };
  } finally {
    await serve.stop();
  }
}

export async function runMemoryBench(o: BenchOptions): Promise<BenchResult> {
  if (!procMemorySupported()) throw new Error('benchmark 9 reads /proc/<pid>/smaps_rollup (Linux)');
  const scratch = scratchDir('memory');
  const client = startChild(join(BENCH_DIR, 'support', 'memory-load-process.ts'));
  try {
    await client.next('ready');
    const a = await idleAndSoak(o, client, scratch);
    const b = await board(o, client, scratch, false);
    const w = await board(o, client, scratch, true);

    const s = a.memory.samples;
    const fifth = (k: number) => s.slice(Math.floor((s.length * k) / 5), Math.floor((s.length * (k + 1)) / 5)).map((x) => x.rss);
    const growth = mean(fifth(4)) - mean(fifth(1));
    const soakPeak = Math.max(a.memory.hwm, a.memory.peakRss);
    const boardPeak = b.memory.hwm;
    const bookingPeak = w.memory.hwm;
    const perMinute = s.filter((x, i) => i % (o.quick ? 15 : 60) === 0 || i === s.length - 1).map((x) => `${Math.round(x.at / 1000)} s ${fmtMb(x.rss)}`);
    const wBookings = w.load.bookings!;
    const failures = a.load.failures + b.load.failures + w.load.failures + wBookings.failures;
    return {
      id: 9,
      title: 'Memory of npm run serve',
      checks: [
        { label: 'idle after start, demo hotel: PSS', ours: fmtMb(a.idle.pssAlone), target: '≤ 80 MB', pass: a.idle.pssAlone <= IDLE_PSS_LIMIT },
        { label: `board 300 × 90 to 8 desks for ${b.seconds} s: peak RSS`, ours: fmtMb(boardPeak), target: '≤ 130 MB', pass: boardPeak <= BOARD_RSS_LIMIT },
        { label: `the same with a booking every second beside them: peak RSS`, ours: fmtMb(bookingPeak), target: '≤ 130 MB', pass: bookingPeak <= BOARD_RSS_LIMIT },
        { label: `mixed soak, ${SOAK_PER_SECOND} requests/s for ${a.seconds / 60} min: peak RSS`, ours: fmtMb(soakPeak), target: '≤ 160 MB', pass: soakPeak <= SOAK_RSS_LIMIT },
        { label: 'mixed soak: RSS growth, last fifth vs second fifth', ours: fmtMb(growth), target: '≤ 10 MB (flat)', pass: growth <= SOAK_GROWTH_LIMIT },
        { label: 'failed requests', ours: `${failures} of ${a.load.requests + b.load.requests + w.load.requests + wBookings.requests}`, target: '0', pass: failures === 0 },
      ],
      figures: [
        `Idle after start (\`npm run serve -- --demo\`, settled): ${split(a.idle)}.`,
        `Board: before the load ${split(b.before)}; peak PSS ${fmtMb(b.memory.peakPss)}, peak RSS sampled ${fmtMb(b.memory.peakRss)}, VmHWM ${fmtMb(boardPeak)}; ${b.load.requests} boards (${fmtMb(b.load.bytes / b.load.requests)} each), p50 ${b.load.p50.toFixed(0)} ms, p99 ${b.load.p99.toFixed(0)} ms, statuses ${JSON.stringify(b.load.statuses)}.`,
        `Board with a booking every second: before the load ${split(w.before)}; peak PSS ${fmtMb(w.memory.peakPss)}, peak RSS sampled ${fmtMb(w.memory.peakRss)}, VmHWM ${fmtMb(bookingPeak)}; ${w.load.requests} boards, p50 ${w.load.p50.toFixed(0)} ms, p99 ${w.load.p99.toFixed(0)} ms, statuses ${JSON.stringify(w.load.statuses)}; bookings ${JSON.stringify(wBookings.statuses)}, p50 ${wBookings.p50.toFixed(0)} ms${wBookings.failureSamples.length ? `; failures: ${wBookings.failureSamples.join(' | ')}` : ''}.`,
        `Soak: after start-up ${split(a.started)}; RSS ${perMinute.join(', ')}; peak PSS ${fmtMb(a.memory.peakPss)}, VmHWM ${fmtMb(a.memory.hwm)}; ${a.load.requests} requests, statuses ${JSON.stringify(a.load.statuses)}, p50 ${a.load.p50.toFixed(1)} ms, p99 ${a.load.p99.toFixed(1)} ms${a.load.failureSamples.length ? `; failures: ${a.load.failureSamples.join(' | ')}` : ''}.`,
      ],
    };
  } finally {
    await client.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
