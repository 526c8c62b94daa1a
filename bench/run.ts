/**
 * `npm run bench [-- --only 1,3] [--quick] [--write] [--loaded]`: Frontdesk's speed targets, each
 * measured as a ratio against raw better-sqlite3 (or a bare browser page) in the same run, 5 runs,
 * medians. `--loaded` runs them beside a reproducible background load (support/background-load.ts).
 * It prints the table and, after a full run of all of them, rewrites the results part of
 * docs/benchmarks.md with the last quiet and the last loaded run side by side, each with its load
 * average. It is a report: it exits 0 even when a target is missed (marked MISS).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { runAmqpOutboxBench } from './amqp-outbox-bench';
import { runOutboxRecoveryBench } from './outbox-recovery-bench';
import { runAppointmentsBench } from './appointments-bench';
import { runAvailabilityBench } from './availability-bench';
import { runBoardQueryBench } from './board-query-bench';
import { runBoardRenderBench } from './board-render-bench';
import { runBookingHttpBench } from './booking-http-bench';
import { runCsvExportBench } from './csv-export-bench';
import { runDbCopyBench } from './db-copy-bench';
import { runImportBench } from './import-bench';
import { runRentalsTimelineBench } from './rentals-timeline-bench';
import { runLiveSocketsBench } from './live-sockets-bench';
import { runMemoryBench } from './memory-bench';
import { runReportsBench } from './reports-bench';
import { runServersBench } from './servers-bench';
import { runStockHttpBench } from './stock-http-bench';
import { startBackgroundLoad } from './support/background-load';
import type { BenchOptions } from './support/bench-options';
import { benchHostMallocText } from './support/bench-host';
import { benchPostgresVersion, stopBenchPostgres } from './support/bench-postgres';
import { BENCH_DIR } from './support/hotel-dataset';
import { benchHostText } from './support/host-build';
import { interruptionsText, measureInterruptions } from './support/interruptions';
import { loadText, startLoadSampler } from './support/load-average';
import { pageFaultCost, pageFaultText } from './support/page-faults';
import { resultsText, twoColumnMarkdown, writeResultsInto, type BenchResult, type RunFacts, type RunRecord } from './support/report';

const BENCHMARKS: { id: number; title: string; run(o: BenchOptions): Promise<BenchResult> }[] = [
  { id: 1, title: 'POST /bookings over HTTP', run: runBookingHttpBench },
  { id: 2, title: 'Availability check in process', run: runAvailabilityBench },
  { id: 3, title: 'Board query, 300 rooms × 90 days', run: runBoardQueryBench },
  { id: 4, title: 'CSV export of 1 000 000 stays under load', run: runCsvExportBench },
  { id: 5, title: 'Board in Chromium, 300 rooms × 90 days', run: runBoardRenderBench },
  { id: 6, title: 'Rentals timeline, 50 cars × 90 days', run: runRentalsTimelineBench },
  { id: 7, title: 'POST /bookings/ (stock) over HTTP, one hot row', run: runStockHttpBench },
  { id: 8, title: 'Appointments: free slots, availability, generation, booking over HTTP', run: runAppointmentsBench },
  { id: 9, title: 'Memory of npm run serve', run: runMemoryBench },
  { id: 10, title: 'Desk bookings with 200 client live feeds open', run: runLiveSocketsBench },
  { id: 11, title: 'db:copy of a 300-room, 2-year hotel into PostgreSQL', run: runDbCopyBench },
  { id: 12, title: 'Fleet events through the outbox to RabbitMQ, with publisher confirms', run: runAmqpOutboxBench },
  { id: 13, title: 'Rooms report: a year beside the year before, 1 000 000 stays', run: runReportsBench },
  { id: 14, title: 'POST /bookings over HTTP through 1, 2 and 3 servers on one PostgreSQL', run: runServersBench },
  { id: 15, title: 'Outbox backlog after a billing outage, drained once billing answers again', run: runOutboxRecoveryBench },
  { id: 16, title: 'Import of 100 000 stays while the desk works', run: (o) => runImportBench(o) },
];

const DOC_FILE = join(BENCH_DIR, '..', 'docs', 'benchmarks.md');
/** The last run of each kind; a full run writes both into the doc. */
const resultsFile = (loaded: boolean) => join(BENCH_DIR, 'results', loaded ? 'latest-loaded.json' : 'latest.json');

function lastRun(loaded: boolean): RunRecord | undefined {
  const file = resultsFile(loaded);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunRecord) : undefined;
}

function chromiumVersion(): string | undefined {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function runFacts(command: string, mode: string, durationSeconds: number): RunFacts {
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  const pkg = JSON.parse(readFileSync(join(BENCH_DIR, '..', 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string };
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command,
    mode,
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: `${type()} ${release()}`,
    pageFault: pageFaultText(pageFaultCost()),
    interruptions: interruptionsText(measureInterruptions()),
    node: process.version,
    sqlite,
    betterSqlite3: pkg.version,
    chromium: chromiumVersion(),
    host: `${benchHostText(join(BENCH_DIR, '..'))}; ${benchHostMallocText()}`,
    durationSeconds,
  };
}

/** No benchmark takes this long (the longest, 9 and 15, take a few minutes); past it, one is stuck. */
const LIMIT_MS = 30 * 60_000;

class BenchTimeout extends Error {}

/** `work`, or a `BenchTimeout` once `ms` have passed (a hung benchmark must not hang the run). */
async function withinLimit<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new BenchTimeout(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      loaded: { type: 'boolean', default: false },
    },
  });
  const loaded = values.loaded ?? false;
  const only = values.only ? new Set(values.only.split(',').map((s) => Number(s.trim()))) : undefined;
  const selected = BENCHMARKS.filter((b) => !only || only.has(b.id));
  if (selected.length === 0) throw new Error(`--only ${values.only}: no such benchmark (1–${BENCHMARKS.length})`);
  const quick = values.quick ?? false;
  const options: BenchOptions = { runs: quick ? 2 : 5, quick, log: (line) => console.log(line) };

  const started = performance.now();
  const sampler = startLoadSampler();
  const background = loaded ? startBackgroundLoad() : undefined;
  if (background) console.log(`Loaded: ${background.description}.`);
  const results: BenchResult[] = [];
  let stuck: number | undefined;
  for (const b of selected) {
    if (stuck !== undefined) {
      // A benchmark that did not finish may have left its processes running: nothing after it is measured beside them.
      results.push({ id: b.id, title: b.title, checks: [], figures: [], error: `not run: benchmark ${stuck} did not finish` });
      continue;
    }
    console.log(`\n[${b.id}] ${b.title}`);
    const t0 = sampler.now();
    try {
      results.push(await withinLimit(b.run(options), LIMIT_MS, `benchmark ${b.id} did not finish in ${LIMIT_MS / 60_000} minutes`));
    } catch (e) {
      if (e instanceof BenchTimeout) stuck = b.id;
      results.push({ id: b.id, title: b.title, checks: [], figures: [], error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    results[results.length - 1]!.load = sampler.between(t0, sampler.now());
    console.log(`    (${((sampler.now() - t0) / 1000).toFixed(1)} s, ${loadText(results[results.length - 1]!.load!)})`);
    // What is done so far, in case the run is stopped before the end (the doc is written only at the end).
    mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
    writeFileSync(join(BENCH_DIR, 'results', loaded ? 'partial-loaded.json' : 'partial.json'), JSON.stringify({ results }, null, 2));
  }
  const runLoad = sampler.between(started, sampler.now());
  sampler.stop();
  const work = await background?.stop();

  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const mode = `${quick ? 'quick' : 'full'}: ${options.runs} runs, medians`;
  const facts = runFacts(command, mode, (performance.now() - started) / 1000);
  facts.kind = loaded ? 'loaded' : 'quiet';
  facts.load = runLoad;
  if (background && work) {
    const rounds = work.busyRoundsPerSecond.map((r) => r.toFixed(1)).join(', ');
    facts.background = `${background.description} (busy rounds/s per process: ${rounds}; ${(work.diskBytesWritten / 2 ** 20).toFixed(0)} MiB written)`;
  }
  const postgres = await benchPostgresVersion();
  if (postgres) facts.postgres = postgres;
  stopBenchPostgres();
  console.log(`\n${resultsText(results)}\n`);

  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  // Only a run the doc may show is kept as the last of its kind: a `--only` or `--quick` run left in
  // latest-loaded.json once put a one-benchmark loaded column beside the next full quiet run.
  const forTheDoc = (!quick && selected.length === BENCHMARKS.length) || values.write;
  if (forTheDoc) {
    writeFileSync(resultsFile(loaded), JSON.stringify({ facts, results } satisfies RunRecord, null, 2));
    writeResultsInto(DOC_FILE, twoColumnMarkdown(lastRun(false), lastRun(true)));
    console.log(`Results written to docs/benchmarks.md (${facts.node}, SQLite ${facts.sqlite}, ${facts.cores} cores).`);
  } else {
    console.log('docs/benchmarks.md not rewritten: only a full run of all of them does that (or --write).');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    stopBenchPostgres();
    console.error(e);
    process.exit(1);
  },
);
