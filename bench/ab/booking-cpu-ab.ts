/**
 * Benchmark 1's HTTP bookings (50 connections, host and load client in their own processes) against
 * two or more checkouts at once, taking turns in one sitting: each checkout's own host
 * (`<checkout>/bench/support/host-process.ts`, its own code) on a database of its own, one load client
 * for all. Per run and checkout: bookings/s, p99, bookings per COMMIT, and the host's CPU per booking
 * read from `/proc` (support/cpu-time.ts), which a busy neighbour moves far less than the rate, and
 * how busy the host's main thread was (its event-loop utilization: near 100 % the host's one thread,
 * not the disk or the client, sets the rate, and the latency follows the rate); per run also p50 and
 * the lowest and highest of the 50 clients' mean latencies (each keeps one request in flight: is any
 * served less?).
 *
 *   npx tsx bench/ab/booking-cpu-ab.ts [--runs 6] [--seconds 3] [--connections 50] [--profile] [--loaded] [--timeslots] [--tail] <checkout> [<checkout> …]
 *
 * A checkout may carry an environment for its host (support/checkout-arg.ts): `. .@MALLOC_MMAP_THRESHOLD_=16384`
 * is this checkout as it is, then with that setting. Every host runs with this checkout's
 * `HOST_EXEC_ARGV`, the desk's V8 flags (support/bench-host.ts); flags on the command line win over
 * `NODE_OPTIONS`, so other heap sizes are given as the checkout's `BENCH_HOST_EXEC_ARGV`, which replaces
 * them: `". .@BENCH_HOST_EXEC_ARGV=--max-semi-space-size=4 --max-old-space-size=256 --no-maglev --no-parallel-scavenge --no-memory-reducer"`
 * (docs/benchmarks.md, twenty-first pass).
 *
 * `--timeslots`: benchmark 8's `POST /api/v1/bookings` of a timeslot instead (each request the next free
 * slot of a year of 30-minute slots in a few service rooms).
 * `--loaded` runs it all beside `npm run bench -- --loaded`'s background load (support/background-load.ts).
 * With `--profile`, each checkout's host samples its CPU over its last run (whole profiles kept in
 * `BENCH_PROFILE_DIR` if set: support/cpu-profile.ts).
 * `--tail`: per run, where the requests at or over its p99 came from (support/tail-bursts.ts): how many
 * bursts they came in, and how many of those bursts had one of the host's old-generation collections
 * begin while their requests were in flight (the host watches its collections with a `gc` observer,
 * so every checkout named must have host-process.ts's `gc:watch`); then, for each of the largest bursts,
 * the longest WAL fsync that overlapped it (the host times them), the WAL's restart if one held the
 * writes meanwhile (db/engine/wal-checkpointer.ts publishes them) and what its main thread did meanwhile,
 * sampled from /proc every 2 ms (support/thread-sampler.ts): ran, waited for a CPU, or slept, and in
 * which system call.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../db/open-database';
import { addDays } from '../../shared/time';
import { parseCheckoutArg } from '../support/checkout-arg';
import { benchHostText } from '../support/host-build';
import { startHostProcess } from '../support/bench-host';
import { startChild, type BenchChild } from '../support/child-process';
import { whileProfiled, type ProfileSummary } from '../support/cpu-profile';
import { startBackgroundLoad } from '../support/background-load';
import { cpuSeconds, minorFaults } from '../support/cpu-time';
import { BENCH_DIR, hotelRooms, scratchDir, TODAY } from '../support/hotel-dataset';
import { loadavg } from 'node:os';
import { fmt, median } from '../support/stats';
import { describeBursts, describeTail, tailBursts, type Collection, type TailSummary, type TracedRequest } from '../support/tail-bursts';
import { describeShares, sampleThread, threadWindow, type ThreadSampler } from '../support/thread-sampler';

interface Batches {
  batches: number;
  writes: number;
  largest: number;
  /** The host's main thread so far, ms busy and idle (absent from a checkout older than this tool's `loop`). */
  loop?: { active: number; idle: number };
}
interface Reply {
  requests: number;
  elapsedMs: number;
  p50: number;
  p99: number;
  nextIndex: number;
  failures: number;
  statuses: Record<string, number>;
  /** The lowest and highest of the clients' mean latencies, ms (the bookings' load client only). */
  clientMeans?: { min: number; max: number };
  traced?: TracedRequest[];
}
interface Row {
  rate: number;
  p50: number;
  clientMeans?: { min: number; max: number };
  p99: number;
  perCommit: number;
  hostUs: number;
  /** The host's minor page faults a booking (a fresh page of memory first touched: dear on some VMs, docs/benchmarks.md forty-second pass). */
  hostFaults: number;
  clientUs: number;
  /** The share of the run the host's main thread was busy (NaN when its checkout does not say). */
  loopBusy: number;
  /** With `--tail`: where the run's slowest requests came from. */
  tail?: TailSummary;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    profile: { type: 'boolean', default: false },
    loaded: { type: 'boolean', default: false },
    timeslots: { type: 'boolean', default: false },
    tail: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const checkouts = positionals.map(parseCheckoutArg);
for (const c of checkouts) console.log(`${c.name}: host ${benchHostText(c.dir, { ...process.env, ...c.env })}`);
if (!checkouts.length) throw new Error('name at least one checkout');

const dir = scratchDir('booking-cpu-ab');

/** The host's old-generation collections, WAL fsyncs and WAL restarts since the last ask (`--tail`). */
async function hostTrace(child: BenchChild): Promise<{ collections: Collection[]; syncs: Collection[]; restarts: Collection[] }> {
  const r = await child.ask<{ collections: Collection[]; syncs?: Collection[]; restarts?: Collection[] }>({ type: 'gc:taken' }, 'gc:taken');
  return { collections: r.collections, syncs: r.syncs ?? [], restarts: r.restarts ?? [] };
}

/** The host's main thread's busy share between two asks (its event-loop utilization), NaN if not told. */
function loopBusy(s0: Batches, s1: Batches): number {
  if (!s0.loop || !s1.loop) return Number.NaN;
  const active = s1.loop.active - s0.loop.active;
  return active / (active + s1.loop.idle - s0.loop.idle);
}

/**
 * The empty hotel and its admin made by `checkout`'s own code, so each host opens a database of its
 * own migrations (a checkout that lacks one of another's would run on a schema it does not know).
 */
function createHotelWith(checkout: string, file: string): void {
  const at = (path: string) => JSON.stringify(join(checkout, path));
  // --timeslots: benchmark 8's rooms of a year of 30-minute slots (appointments-http-bench.ts's buildBookableSlots).
  const slots = `const { openDatabase } = await import(${at('db/open-database.ts')}); const { createCore } = await import(${at('core/create-core.ts')});
    const { createEventBus } = await import(${at('core/context.ts')}); const db = await openDatabase({ engine: 'sqlite', file: ${JSON.stringify(file)} });
    const core = await createCore({ db, clock: () => d.NOW_MS, events: createEventBus() }, { settings: { timeZone: d.TIME_ZONE } });
    const admin = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'internal' };
    for (let r = 1; r <= ${SLOT_ROOMS}; r++) {
      await core.handlers['serviceRooms:create']({ name: 'Spa ' + r, roomType: 'treatment', capacity: 1, hourlyRate: 60000, isActive: true }, admin);
      await core.handlers['timeslots:generate']({ roomId: r, startDate: '2030-01-01', endDate: '2030-12-31', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, admin);
    }
    await db.close();`;
  const code = `const d = await import(${at('bench/support/hotel-dataset.ts')});
    const a = await import(${at('bench/support/bench-auth.ts')});
    await d.createEmptyHotel(${JSON.stringify(file)}); ${values.timeslots ? slots : ''} await a.ensureBenchAdmin(${JSON.stringify(file)});`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: checkout, stdio: 'inherit' });
}

/** Enough slots for every run at 7 500 bookings/s. */
const SLOT_ROOMS = Math.ceil(((runs + 2) * seconds * 7_500) / (365 * 16));
function slotBodies(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT id, room_id AS roomId FROM timeslots ORDER BY id').all() as { id: number; roomId: number }[]).map((s) => JSON.stringify({ timeslotId: s.id, roomId: s.roomId }));
  } finally {
    db.close();
  }
}
const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
const client = startChild(join(BENCH_DIR, 'support', values.timeslots ? 'post-load-client-process.ts' : 'load-client-process.ts'));
const background = values.loaded ? startBackgroundLoad() : undefined;
if (background) console.log(`beside: ${background.description}`);
const hosts: { name: string; child: BenchChild; url: string; token: string; next: number; bodies: string[]; rows: Row[]; profile?: ProfileSummary; thread?: ThreadSampler; burstLines?: string[] }[] = [];
try {
  await client.next('ready');
  for (const [i, checkout] of checkouts.entries()) {
    const hostDir = join(dir, `host-${i}`);
    createHotelWith(checkout.dir, join(hostDir, DB_FILE_NAME));
    const child = startHostProcess(checkout.env, checkout.dir);
    await child.next('ready');
    const { url, token } = await child.ask<{ url: string; token: string }>({ type: 'start', dataDir: hostDir }, 'started');
    if (values.tail) await child.ask({ type: 'gc:watch' }, 'gc:watching');
    const thread = values.tail ? sampleThread(child.process.pid!) : undefined;
    hosts.push({ name: checkout.name, child, url, token, next: 0, bodies: values.timeslots ? slotBodies(join(hostDir, DB_FILE_NAME)) : [], rows: [], ...(thread ? { thread } : {}) });
  }
  const load = async (h: (typeof hosts)[number], ms: number) => {
    if (values.timeslots) {
      // Each run books slots no run booked before: a slice as long as the run could ever need.
      const take = Math.ceil((ms / 1000) * 7_500);
      const bodies = h.bodies.slice(h.next, (h.next += take));
      return await client.ask<Reply>(
        { type: 'closed-loop', origin: h.url, token: h.token, connections, durationMs: ms, path: '/api/v1/bookings', bodies, expected: [201], trace: values.tail },
        'closed-loop:done',
        120_000,
      );
    }
    const r = await client.ask<Reply>(
      { type: 'closed-loop', origin: h.url, token: h.token, connections, durationMs: ms, rooms, startDate: addDays(TODAY, 31), firstIndex: h.next, trace: values.tail },
      'closed-loop:done',
    );
    h.next = r.nextIndex;
    return r;
  };
  for (const h of hosts) await load(h, 1500);
  console.log(`load average before: ${loadavg()[0]!.toFixed(1)}`);
  for (let run = 0; run < runs; run++) {
    // Each run starts one host later (ABC, BCA, CAB, …; with two, AB then BA): every checkout takes
    // every place in the turn equally often, so a machine that warms or cools within a turn favours none.
    const shift = run % hosts.length;
    const order = [...hosts.slice(shift), ...hosts.slice(0, shift)];
    for (const h of order) {
      const s0 = await h.child.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
      if (values.tail) await hostTrace(h.child);
      h.thread?.take();
      const host0 = cpuSeconds(h.child.process.pid!);
      const client0 = cpuSeconds(client.process.pid!);
      const faults0 = minorFaults(h.child.process.pid!);
      const measured = () => load(h, seconds * 1000);
      const last = values.profile && run === runs - 1;
      const { value: r, summary } = last ? await whileProfiled(h.child, measured) : { value: await measured(), summary: undefined };
      const hostS = cpuSeconds(h.child.process.pid!) - host0;
      const clientS = cpuSeconds(client.process.pid!) - client0;
      const faults = minorFaults(h.child.process.pid!) - faults0;
      const s1 = await h.child.ask<Batches>({ type: 'group-commit:stats' }, 'group-commit:stats');
      if (summary) h.profile = summary;
      const taken = r.traced ? await hostTrace(h.child) : undefined;
      const tail = r.traced && taken ? tailBursts(r.traced, taken.collections, taken.restarts) : undefined;
      const samples = h.thread?.take() ?? [];
      if (tail && taken) {
        // The whole run's shares first: what a burst's are to be read against.
        const run = samples.length > 1 ? threadWindow(samples, samples[0]![0], samples.at(-1)![0]) : undefined;
        const lines = describeBursts(tail, taken, (from, to) => threadWindow(samples, from, to));
        h.burstLines = run ? [`the whole run, main thread: ${describeShares(run)}`, ...lines] : lines;
      }
      const created = r.statuses['201'] ?? 0;
      if (r.failures) console.log(`  ${h.name}: ${r.failures} failures ${JSON.stringify(r.statuses)}`);
      h.rows.push({
        rate: (created * 1000) / r.elapsedMs,
        p50: r.p50,
        p99: r.p99,
        clientMeans: r.clientMeans,
        perCommit: (s1.writes - s0.writes) / Math.max(1, s1.batches - s0.batches),
        hostUs: (hostS * 1e6) / Math.max(1, r.requests),
        hostFaults: faults / Math.max(1, r.requests),
        clientUs: (clientS * 1e6) / Math.max(1, r.requests),
        loopBusy: loopBusy(s0, s1),
        ...(tail ? { tail } : {}),
      });
    }
    const spread = (c: Row['clientMeans']) => (c ? `, clients' means ${c.min.toFixed(1)}–${c.max.toFixed(1)} ms` : '');
    const busy = (r: Row) => (Number.isNaN(r.loopBusy) ? '' : `, loop ${(r.loopBusy * 100).toFixed(0)} % busy`);
    const line = (r: Row) => `${r.rate.toFixed(0)}/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms${spread(r.clientMeans)} ${r.hostUs.toFixed(0)} µs ${r.hostFaults.toFixed(1)} faults${busy(r)}`;
    console.log(`run ${run + 1}: ${hosts.map((h) => line(h.rows.at(-1)!)).join(' | ')}  (load ${loadavg()[0]!.toFixed(1)})`);
    for (const h of hosts) if (h.rows.at(-1)!.tail) console.log(`  ${h.name} tail: ${describeTail(h.rows.at(-1)!.tail!)}${(h.burstLines ?? []).map((l) => `\n    ${l}`).join('')}`);
  }
  for (const h of hosts) {
    const m = (f: (r: Row) => number) => median(h.rows.map(f));
    console.log(
      `${h.name}: ${fmt(m((r) => r.rate))} bookings/s, p99 ${m((r) => r.p99).toFixed(1)} ms, host CPU ${m((r) => r.hostUs).toFixed(0)} µs/booking ` +
        `(runs ${h.rows.map((r) => r.hostUs.toFixed(0)).join(', ')}), ${m((r) => r.hostFaults).toFixed(1)} minor page faults/booking, client ${m((r) => r.clientUs).toFixed(0)} µs, ${m((r) => r.perCommit).toFixed(1)} per COMMIT` +
        (h.rows.some((r) => Number.isNaN(r.loopBusy)) ? '' : `, host's main thread ${(m((r) => r.loopBusy) * 100).toFixed(0)} % busy`),
    );
    if (h.profile) console.log(`  busy time: ${Object.entries(h.profile.shares).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v * 100).toFixed(0)} %`).join(', ')}`);
  }
  // Each run's pair side by side: the drift of a shared machine (and of the growing databases) cancels out.
  for (const h of hosts.slice(1)) {
    const cpu = h.rows.map((r, i) => r.hostUs / hosts[0]!.rows[i]!.hostUs);
    const rate = h.rows.map((r, i) => r.rate / hosts[0]!.rows[i]!.rate);
    const p99 = h.rows.map((r, i) => r.p99 / hosts[0]!.rows[i]!.p99);
    console.log(`${h.name} ÷ ${hosts[0]!.name}, run by run: host CPU a booking ${fmt(median(cpu))} (${cpu.map((x) => x.toFixed(2)).join(', ')}), bookings/s ${fmt(median(rate))}, p99 ${fmt(median(p99))}`);
  }
} finally {
  for (const h of hosts) h.thread?.stop();
  await Promise.allSettled([client.stop(), ...hosts.map((h) => h.child.stop()), background?.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
