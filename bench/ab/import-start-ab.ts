/**
 * What a desk's reads wait while an import's worker starts, two builds of `npm run serve` taking turns:
 * `npx tsx bench/ab/import-start-ab.ts <serveA.cjs> <serveB.cjs> [--runs 8] [--rows 5000] [--loaded]`.
 *
 * Each run starts a build's server (support/serve-process.ts, serve's Node flags, its own copy of an
 * empty 300-room hotel: its import worker not started yet, as after 30 s without an import), reads the
 * room list every 25 ms from a small process of its own (as benchmark 16 reads), and after a second of
 * reads uploads a file of `--rows` stays (benchmark 16's rows: few, so the run is the worker's start,
 * ~0.4 s of a core, more than its rows). Reported per build: the longest read and the p99 while the
 * upload was under way, the longest in its first second, the longest of the second before it, and the import's time; medians over
 * the runs, A and B alternating (A B B A …). `--loaded`: the whole sitting beside `npm run bench --
 * --loaded`'s background load (support/background-load.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshHotel, writeCsv } from '../import-bench';
import { readEvery25ms, startReadClient, upload } from '../import-serve';
import { startBackgroundLoad } from '../support/background-load';
import { ensureBenchAdmin, signInOverHttp } from '../support/bench-auth';
import { scratchDir } from '../support/scratch-dirs';
import { startServeProcess } from '../support/serve-process';
import { fmt, fmtMs, max, median, percentile } from '../support/stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const OPTIONS_WITH_VALUES = ['--runs', '--rows'];
const scripts = args.filter((a, i) => !a.startsWith('--') && !OPTIONS_WITH_VALUES.includes(args[i - 1]!)).map((s) => resolve(s));

interface Run {
  longest: number;
  /** The longest read sent in the upload's first second (the spool, the worker's start). */
  first: number;
  p99: number;
  before: number;
  importMs: number;
}

async function oneRun(script: string, emptyDb: string, csv: string, dir: string): Promise<Run> {
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, 'frontdesk.db');
  copyFileSync(emptyDb, dbFile);
  await ensureBenchAdmin(dbFile);
  const serve = await startServeProcess(dir, { script });
  if (!serve) throw new Error('this tool reads /proc: Linux only');
  const client = await startReadClient();
  try {
    const token = await signInOverHttp(serve.url);
    const stop = await readEvery25ms(client, serve.url, token);
    await new Promise((r) => setTimeout(r, 1_000));
    const started = Date.now();
    const summary = await upload(serve.url, token, csv);
    const ended = Date.now();
    if (!summary.committed) throw new Error(`the import was not committed: ${JSON.stringify(summary).slice(0, 300)}`);
    const reads = await stop();
    if (reads.failures) throw new Error(`${reads.failures} reads failed: ${reads.failureSamples.join('; ')}`);
    const during = reads.traced.filter(([at]) => at >= started && at <= ended).map(([, ms]) => ms);
    const before = reads.traced.filter(([at]) => at >= started - 1_000 && at < started).map(([, ms]) => ms);
    const first = reads.traced.filter(([at]) => at >= started && at < started + 1_000).map(([, ms]) => ms);
    return { longest: max(during), first: max(first), p99: percentile(during, 99), before: max(before), importMs: ended - started };
  } finally {
    await client.stop();
    await serve.stop();
  }
}

async function main(): Promise<void> {
  if (scripts.length !== 2) throw new Error('usage: tsx bench/ab/import-start-ab.ts <serveA.cjs> <serveB.cjs> [--runs 8] [--rows 5000] [--loaded]');
  const runs = option('--runs', 8);
  const rows = option('--rows', 5_000);
  const scratch = scratchDir('import-start-ab');
  const csv = join(scratch, 'stays.csv');
  writeCsv(csv, rows);
  const empty = await freshHotel('sqlite', scratch, 'empty');
  const emptyDb = (empty as { file: string }).file;
  const background = args.includes('--loaded') ? startBackgroundLoad() : undefined;
  if (background) console.log(`beside: ${background.description}`);
  const results: Run[][] = [[], []];
  try {
    for (let r = 0; r < runs; r++) {
      for (const side of r % 2 ? [1, 0] : [0, 1]) {
        const run = await oneRun(scripts[side]!, emptyDb, csv, join(scratch, `run-${r}-${side}`));
        results[side]!.push(run);
        console.log(`  run ${r + 1} ${'AB'[side]}: longest read ${fmtMs(run.longest)} (in the first second ${fmtMs(run.first)}; p99 ${fmtMs(run.p99)}; the second before ${fmtMs(run.before)}), import ${fmtMs(run.importMs)}`);
      }
    }
  } finally {
    await background?.stop();
  }
  const m = (side: number, pick: (x: Run) => number) => median(results[side]!.map(pick));
  for (const side of [0, 1]) {
    console.log(`${'AB'[side]} (${scripts[side]}): longest read during the import ${fmtMs(m(side, (x) => x.longest))} (median of ${runs}; runs ${results[side]!.map((x) => fmt(x.longest)).join(', ')}), in its first second ${fmtMs(m(side, (x) => x.first))}, p99 ${fmtMs(m(side, (x) => x.p99))}, the second before ${fmtMs(m(side, (x) => x.before))}, import ${fmtMs(m(side, (x) => x.importMs))}`);
  }
  const wins = results[1]!.filter((b, i) => b.longest < results[0]![i]!.longest).length;
  console.log(`B / A longest read: ${fmt(m(1, (x) => x.longest) / m(0, (x) => x.longest))} (B lower in ${wins} of ${runs} runs); import time ${fmt(m(1, (x) => x.importMs) / m(0, (x) => x.importMs))}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
