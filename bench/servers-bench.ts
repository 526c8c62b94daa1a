/**
 * Benchmark 14 (issue 20 item 9): seed 000's `POST /bookings` over HTTP through one, two and three
 * Frontdesk servers on one PostgreSQL, side by side in one run. Each configuration has its own
 * database on the benchmarks' cluster (the same empty 300-room hotel), its own server processes
 * (bench/support/host-process.ts: the real host, as `npm run serve -- --database …` starts it) and
 * the same load: one load-generator process, 50 keep-alive connections spread round-robin over the
 * configuration's servers, each sending its next booking as soon as the last is answered (no two
 * overlap). The configurations take turns within each run (1, 2, 3; then 2, 3, 1; …), so a noisy
 * neighbour hits them alike. After the runs, no two occupying stays of a room may overlap in any of
 * the three databases.
 *
 * The profile by process: each run reads the CPU time (`/proc/<pid>/stat`) of the servers, of
 * PostgreSQL (the postmaster and its children) and of the load generator, per booking: where the
 * time goes, and so what more cores would buy (docs/benchmarks.md).
 * Alone: `npx tsx bench/servers-bench.ts [--quick]`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { addDays } from '../shared/time';
import { ensureBenchAdmin } from './support/bench-auth';
import type { BenchOptions } from './support/bench-options';
import type { ProfileSummary } from './support/cpu-profile';
import { benchPostgres, freshPostgresDatabase, stopBenchPostgres } from './support/bench-postgres';
import { startHostProcess } from './support/bench-host';
import { startChild, type BenchChild } from './support/child-process';
import { cpuMeter, postgresPids } from './support/cpu-time';
import { BENCH_DIR, createEmptyHotel, hotelRooms, scratchDir, TODAY } from './support/hotel-dataset';
import type { LatencySummary } from './support/load-client-process';
import type { BenchResult, Check } from './support/report';
import { fmt, fmtMs, median } from './support/stats';

const CONNECTIONS = 50;
const SERVER_COUNTS = [1, 2, 3] as const;
const FIRST_NIGHT = addDays(TODAY, 31);

type ClosedLoopReply = LatencySummary & { elapsedMs: number; nextIndex: number };

interface Config {
  servers: number;
  url: string;
  hosts: BenchChild[];
  origins: string[];
  token: string;
  nextIndex: number;
  runs: Run[];
}

interface Run {
  rate: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU milliseconds per booking: the servers together, PostgreSQL, the load generator. */
  cpu: { servers: number; postgres: number; load: number };
  /** Busy cores on average over the run (all three together). */
  busyCores: number;
}

async function countOverlaps(url: string): Promise<{ overlaps: number; stays: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const overlaps = Number((await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM stays a JOIN stays b
        ON b.room_id = a.room_id AND b.id > a.id AND b.checkin_ms < a.checkout_ms AND a.checkin_ms < b.checkout_ms
      WHERE a.status IN ('booked', 'checked_in', 'checked_out') AND b.status IN ('booked', 'checked_in', 'checked_out')`)).rows[0]!.n);
    const stays = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM stays')).rows[0]!.n);
    return { overlaps, stays };
  } finally {
    await client.end();
  }
}

async function startConfig(servers: number, log: (line: string) => void): Promise<Config> {
  const url = await freshPostgresDatabase(`bench_servers_${servers}`);
  await createEmptyHotel(url);
  await ensureBenchAdmin(url);
  const hosts = Array.from({ length: servers }, () => startHostProcess());
  await Promise.all(hosts.map((h) => h.next('ready')));
  const started: { url: string; token: string }[] = [];
  // One after the other: a start migrates under a lock and creates the settings; the load is what is measured.
  for (const [i, h] of hosts.entries()) {
    started.push(await h.ask<{ type: string; url: string; token: string }>({ type: 'start', dataDir: scratchDir(`servers-${servers}-${i}`), databaseUrl: url }, 'started'));
  }
  log(`  ${servers} server(s) up: ${started.map((s) => s.url).join(', ')}`);
  return { servers, url, hosts, origins: started.map((s) => s.url), token: started[0]!.token, nextIndex: 0, runs: [] };
}

async function measure(config: Config, client: BenchChild, durationMs: number, pgDataDir: string): Promise<Run> {
  const serversCpu = cpuMeter(() => config.hosts.map((h) => h.process.pid!));
  const postgresCpu = cpuMeter(() => postgresPids(pgDataDir));
  const loadCpu = cpuMeter(() => [client.process.pid!]);
  const rooms = hotelRooms().map((r) => ({ number: r.number, category: r.category }));
  const r = await client.ask<ClosedLoopReply & { type: string }>(
    { type: 'closed-loop', origin: config.origins[0]!, origins: config.origins, token: config.token, connections: CONNECTIONS, durationMs, rooms, startDate: FIRST_NIGHT, firstIndex: config.nextIndex },
    'closed-loop:done',
  );
  config.nextIndex = r.nextIndex;
  const booked = r.statuses['201'] ?? 0;
  const perBooking = (seconds: number) => (booked ? (seconds * 1000) / booked : 0);
  const cpu = { servers: perBooking(serversCpu()), postgres: perBooking(postgresCpu()), load: perBooking(loadCpu()) };
  const busyCores = ((cpu.servers + cpu.postgres + cpu.load) * booked) / r.elapsedMs;
  return { rate: (booked * 1000) / r.elapsedMs, p50: r.p50, p99: r.p99, failures: r.failures, cpu, busyCores };
}

/**
 * One more run of `config` with every server sampling its CPU (not counted in the figures above: the
 * sampler costs time): each category's share of the servers' busy samples, all servers together.
 */
async function profiled(config: Config, client: BenchChild, durationMs: number, pgDataDir: string): Promise<{ run: Run; shares: [string, number][] }> {
  await Promise.all(config.hosts.map((h) => h.ask({ type: 'profile:start' }, 'profile:started')));
  const run = await measure(config, client, durationMs, pgDataDir);
  const profiles = await Promise.all(config.hosts.map((h) => h.ask<ProfileSummary & { type: string }>({ type: 'profile:stop' }, 'profile:done')));
  const samples = profiles.reduce((n, p) => n + p.samples, 0);
  const totals: Record<string, number> = {};
  for (const p of profiles) for (const [k, share] of Object.entries(p.shares)) totals[k] = (totals[k] ?? 0) + (share * p.samples) / samples;
  return { run, shares: Object.entries(totals).sort((a, b) => b[1] - a[1]) };
}

const summary = (c: Config) => ({
  rate: median(c.runs.map((r) => r.rate)),
  p99: median(c.runs.map((r) => r.p99)),
  servers: median(c.runs.map((r) => r.cpu.servers)),
  postgres: median(c.runs.map((r) => r.cpu.postgres)),
  load: median(c.runs.map((r) => r.cpu.load)),
  busy: median(c.runs.map((r) => r.busyCores)),
});

export async function runServersBench(o: BenchOptions): Promise<BenchResult> {
  const durationMs = o.quick ? 2000 : 5000;
  const cluster = await benchPostgres();
  const configs: Config[] = [];
  const client = startChild(join(BENCH_DIR, 'support', 'load-client-process.ts'));
  try {
    await client.next('ready');
    for (const n of SERVER_COUNTS) configs.push(await startConfig(n, o.log));
    o.log('  warm-up …');
    for (const c of configs) await measure(c, client, 1000, cluster.dataDir);
    for (let i = 0; i < o.runs; i++) {
      // Each run starts with another configuration, so none always follows the same one.
      for (let j = 0; j < configs.length; j++) {
        const c = configs[(i + j) % configs.length]!;
        const run = await measure(c, client, durationMs, cluster.dataDir);
        c.runs.push(run);
        o.log(`  run ${i + 1}, ${c.servers} server(s): ${fmt(run.rate)} bookings/s, p99 ${fmtMs(run.p99)}, CPU ms per booking: servers ${run.cpu.servers.toFixed(2)}, PostgreSQL ${run.cpu.postgres.toFixed(2)}, load ${run.cpu.load.toFixed(2)} (${run.busyCores.toFixed(2)} cores busy)`);
      }
    }
    const profiles: string[] = [];
    for (const c of configs) {
      const p = await profiled(c, client, durationMs, cluster.dataDir);
      const line = p.shares.filter(([, share]) => share >= 0.005).map(([k, share]) => `${k} ${(share * 100).toFixed(0)} %`).join(', ');
      profiles.push(`${c.servers} server(s), sampled (${fmt(p.run.rate)} bookings/s while sampling): the servers' busy time by where the code lives: ${line}.`);
      o.log(`  ${profiles.at(-1)}`);
    }
    await Promise.all(configs.flatMap((c) => c.hosts.map((h) => h.stop())));
    const overlaps = await Promise.all(configs.map((c) => countOverlaps(c.url)));
    const one = summary(configs[0]!);
    const checks: Check[] = configs.flatMap((c, i) => {
      const s = summary(c);
      const failures = c.runs.reduce((n, r) => n + r.failures, 0);
      return [
        { label: `${c.servers} server(s): throughput (${CONNECTIONS} conns)`, ours: `${fmt(s.rate)} bookings/s`, ...(i > 0 ? { anchor: `${fmt(one.rate)}/s (1 server)`, ratio: fmt(s.rate / one.rate) } : {}), target: 'measured', pass: null },
        { label: `${c.servers} server(s): p99 latency`, ours: fmtMs(s.p99), target: 'measured', pass: null },
        { label: `${c.servers} server(s): overlapping stays after, failures`, ours: `${overlaps[i]!.overlaps} in ${overlaps[i]!.stays} stays, ${failures} failed`, target: '0', pass: overlaps[i]!.overlaps === 0 && failures === 0 },
      ];
    });
    return {
      id: 14,
      title: 'POST /bookings over HTTP through 1, 2 and 3 servers on one PostgreSQL',
      checks,
      figures: [
        ...configs.map((c) => {
          const s = summary(c);
          return `${c.servers} server(s): CPU per booking ${fmtMs(s.servers + s.postgres + s.load)} = servers ${fmtMs(s.servers)} + PostgreSQL ${fmtMs(s.postgres)} + load generator ${fmtMs(s.load)}; ${s.busy.toFixed(2)} of the machine's cores busy. Runs: ${c.runs.map((r) => fmt(r.rate)).join(', ')} bookings/s.`;
        }),
        ...profiles,
      ],
    };
  } finally {
    await Promise.allSettled([client.stop(), ...configs.flatMap((c) => c.hosts.map((h) => h.stop()))]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  try {
    const r = await runServersBench({ runs: quick ? 2 : 5, quick, log: (line) => console.log(line) });
    for (const c of r.checks) console.log(`${c.label}: ${c.ours}${c.ratio ? ` (${c.ratio}× ${c.anchor})` : ''}`);
    for (const f of r.figures) console.log(f);
  } finally {
    stopBenchPostgres();
  }
}
