/**
 * Benchmark 1's PostgreSQL part alone (bench/booking-http-postgres.ts: seed 000's `POST /bookings`
 * over HTTP, 50 connections, against raw `pg` running the same transaction from one process), with
 * the CPU each booking costs every process: the host (and how much of it in the kernel), PostgreSQL's
 * backends (the postmaster and its children, bench/support/cpu-time.ts), the load generator, and the
 * raw anchor's own process. On a 2-core machine the host's CPU is taken from PostgreSQL.
 *
 *   npx tsx bench/ab/booking-postgres-ab.ts [--rounds 6] [--seconds 3] [--trees /path/a,/path/b] [--profile] [--strace]
 *
 * `--trees`: checkouts whose hosts take turns in every round, in the same sitting, against the same
 * raw anchor and the same cluster (each host its own database, started from that checkout's
 * `bench/support/host-process.ts`, with the desk's V8 flags; default: this one), each with an optional environment for its host
 * (`.@MALLOC_ARENA_MAX=1`: bench/support/checkout-arg.ts). Each round runs every host and the anchor
 * once, the order rotating. With `--profile` one more run per host samples its CPU and says where it
 * went (with `BENCH_PROFILE_DIR` set, the whole profile is kept there: bench/support/cpu-profile.ts);
 * `--strace` counts the hosts' system calls over one more run each.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRawPgBooker } from '../booking-http-postgres';
import { ensureBenchAdmin } from '../support/bench-auth';
import { benchPostgres, freshPostgresDatabase, stopBenchPostgres } from '../support/bench-postgres';
import { parseCheckoutArg } from '../support/checkout-arg';
import { benchHostText } from '../support/host-build';
import { startHostProcess } from '../support/bench-host';
import { startChild, type BenchChild } from '../support/child-process';
import { whileProfiled } from '../support/cpu-profile';
import { cpuMeter, postgresPids } from '../support/cpu-time';
import { addDays } from '../../shared/time';
import { BENCH_DIR, createEmptyHotel, hotelRooms, scratchDir, TODAY } from '../support/hotel-dataset';
import { median } from '../support/stats';

const { values } = parseArgs({
  options: { rounds: { type: 'string' }, seconds: { type: 'string' }, trees: { type: 'string' }, profile: { type: 'boolean' }, strace: { type: 'boolean' } },
});
const rounds = Number(values.rounds ?? 6);
const durationMs = Number(values.seconds ?? 3) * 1000;
const trees = (values.trees ? values.trees.split(',') : [resolve(BENCH_DIR, '..')]).map(parseCheckoutArg);
for (const t of trees) console.log(`${t.name}: host ${benchHostText(t.dir, { ...process.env, ...t.env })}`);
const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface Run {
  rate: number;
  /** µs of CPU per booking: the host's (or the anchor's own process), of it in the kernel, PostgreSQL's, the load generator's. */
  own: number;
  system: number;
  postgres: number;
  load: number;
}

interface Host {
  name: string;
  child: BenchChild;
  url: string;
  token: string;
  next: number;
  runs: Run[];
}

/** System CPU seconds of `pid` (`/proc/<pid>/stat`'s stime, in clock ticks of 10 ms). */
function systemSeconds(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[12]) / 100;
}

const cluster = await benchPostgres();
const pgPids = () => postgresPids(cluster.dataDir);
const rawUrl = await freshPostgresDatabase('bench_booking_raw_ab');
await createEmptyHotel(rawUrl);
const raw = createRawPgBooker(rawUrl);
const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
const hosts: Host[] = [];

async function ours(h: Host, ms: number): Promise<Run> {
  const pid = h.child.process.pid!;
  const hostCpu = cpuMeter(() => [pid]);
  const system0 = systemSeconds(pid);
  const pgCpu = cpuMeter(pgPids);
  const loadCpu = cpuMeter(() => [client.process.pid!]);
  const r = await client.ask<{ elapsedMs: number; nextIndex: number; statuses: Record<string, number> }>(
    { type: 'closed-loop', origin: h.url, token: h.token, connections: 50, durationMs: ms, rooms, startDate: addDays(TODAY, 31), firstIndex: h.next },
    'closed-loop:done',
  );
  h.next = r.nextIndex;
  const booked = r.statuses['201'] ?? 0;
  const per = (s: number) => (s * 1e6) / Math.max(1, booked);
  return { rate: (booked * 1000) / r.elapsedMs, own: per(hostCpu()), system: per(systemSeconds(pid) - system0), postgres: per(pgCpu()), load: per(loadCpu()) };
}

async function anchor(ms: number): Promise<Run> {
  const pgCpu = cpuMeter(pgPids);
  const before = process.cpuUsage();
  const started = performance.now();
  const rate = await raw.run(ms);
  const booked = (rate * (performance.now() - started)) / 1000;
  const used = process.cpuUsage(before);
  const per = (s: number) => (s * 1e6) / Math.max(1, booked);
  return { rate, own: per((used.user + used.system) / 1e6), system: per(used.system / 1e6), postgres: per(pgCpu()), load: 0 };
}

const line = (r: Run) =>
  `${r.rate.toFixed(0)}/s, CPU µs per booking: own ${r.own.toFixed(0)} (system ${r.system.toFixed(0)}), PostgreSQL ${r.postgres.toFixed(0)}${r.load ? `, load generator ${r.load.toFixed(0)}` : ''}`;
const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));

try {
  await client.next('ready');
  for (const [i, tree] of trees.entries()) {
    const dbUrl = await freshPostgresDatabase(`bench_booking_http_ab${i}`);
    await createEmptyHotel(dbUrl);
    await ensureBenchAdmin(dbUrl);
    const child = startHostProcess(tree.env, tree.dir);
    await child.next('ready');
    const { url, token } = await child.ask<{ url: string; token: string }>({ type: 'start', dataDir: scratchDir(`booking-pg-ab${i}`), databaseUrl: dbUrl }, 'started');
    hosts.push({ name: `${tree.name}${trees.length > 1 ? ` (${i})` : ''}`, child, url, token, next: 0, runs: [] });
    console.log(`host ${hosts.at(-1)!.name}: pid ${child.process.pid}`);
  }
  for (const h of hosts) await ours(h, 1000);
  await anchor(500);
  const rawRuns: Run[] = [];
  const ratios = new Map<Host, number[]>(hosts.map((h) => [h, []]));
  for (let i = 0; i < rounds; i++) {
    // Every host and the anchor once per round; who goes first rotates.
    const turn: (Host | 'raw')[] = [...hosts, 'raw'];
    const order = [...turn.slice(i % turn.length), ...turn.slice(0, i % turn.length)];
    let rawRun: Run | undefined;
    for (const who of order) {
      if (who === 'raw') rawRun = await anchor(durationMs);
      else who.runs.push(await ours(who, durationMs));
    }
    rawRuns.push(rawRun!);
    console.log(`round ${i + 1} (load ${loadAverage()}): raw ${line(rawRun!)}`);
    for (const h of hosts) {
      ratios.get(h)!.push(h.runs[i]!.rate / rawRun!.rate);
      console.log(`  ${h.name}: HTTP ${line(h.runs[i]!)} | ratio ${(h.runs[i]!.rate / rawRun!.rate).toFixed(3)}`);
    }
    if (hosts.length === 2) console.log(`  ${hosts[1]!.name} ÷ ${hosts[0]!.name}: ${(hosts[1]!.runs[i]!.rate / hosts[0]!.runs[i]!.rate).toFixed(3)}`);
  }
  console.log(`medians: raw ${med(rawRuns, 'rate').toFixed(0)}/s (own ${med(rawRuns, 'own').toFixed(0)} µs, system ${med(rawRuns, 'system').toFixed(0)}, PostgreSQL ${med(rawRuns, 'postgres').toFixed(0)} µs per booking)`);
  for (const h of hosts) {
    console.log(
      `medians: ${h.name}: HTTP ${med(h.runs, 'rate').toFixed(0)}/s (host ${med(h.runs, 'own').toFixed(0)} µs, system ${med(h.runs, 'system').toFixed(0)}, PostgreSQL ${med(h.runs, 'postgres').toFixed(0)} µs, load ${med(h.runs, 'load').toFixed(0)} µs per booking); ` +
        `median ratio to raw ${median(ratios.get(h)!).toFixed(3)} (${ratios.get(h)!.map((r) => r.toFixed(2)).join(', ')})`,
    );
  }
  if (hosts.length === 2) console.log(`median ${hosts[1]!.name} ÷ ${hosts[0]!.name}: ${median(hosts[1]!.runs.map((r, i) => r.rate / hosts[0]!.runs[i]!.rate)).toFixed(3)}`);
  for (const h of hosts) {
    if (values.strace) {
      // strace slows the host down: the counts per booking are the figure, not the rate.
      const out = join(scratchDir('booking-pg-ab'), `strace-${h.child.process.pid}.txt`);
      const tracer = spawn('strace', ['-c', '-f', '-o', out, '-p', String(h.child.process.pid)], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 500));
      const r = await ours(h, durationMs);
      tracer.kill('SIGINT');
      await new Promise((r) => tracer.on('exit', r));
      console.log(`${h.name}, straced: ${line(r)}, ${Math.round((r.rate * durationMs) / 1000)} bookings\n${readFileSync(out, 'utf8')}`);
    }
    if (values.profile) {
      const { value, summary } = await whileProfiled(h.child, () => ours(h, durationMs));
      console.log(`${h.name}, profiled: ${line(value)}`);
      console.log(`  the host's busy time: ${Object.entries(summary.shares).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v * 100).toFixed(1)} %`).join(', ')}`);
    }
  }
} finally {
  await Promise.allSettled([client.stop(), ...hosts.map((h) => h.child.stop())]);
  await raw.close();
  stopBenchPostgres();
}
process.exit(0);
