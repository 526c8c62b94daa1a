/**
 * `npx tsx bench/spike/run.ts [--quick] [--reps N] [--engines sqlite,postgres]`: issue 16's storage-seam
 * spike. Needs the spike-only packages: `npm i --no-save kysely pg @types/pg`. Measures A (today),
 * B (own async handle), C (Kysely) and C+cache on SQLite, and B, C and raw pg on a private
 * PostgreSQL 15 cluster it starts and removes, on benchmarks 1 (booking), 3 (board) and 7 (stock),
 * plus benchmark 2's availability probe for the per-query cost. Prints a Markdown report and keeps it
 * (with the raw figures as JSON) under bench/.cache/spike/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CACHE_DIR, createEmptyHotel, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';
import { Figures } from './figures';
import { startPgCluster } from './pg-cluster';
import { pgReads, pgWrites, POOL_SIZE, preparePg } from './pg-phase';
import { report } from './report';
import { sqliteReads, sqliteWrites, type PhaseOptions } from './sqlite-phase';

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const version = (pkg: string) => (JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, reps: { type: 'string' }, engines: { type: 'string', default: 'sqlite,postgres' } },
  });
  const quick = values.quick ?? false;
  const engines = new Set(values.engines!.split(','));
  const log = (line: string) => console.log(line);
  const o: PhaseOptions = {
    reps: values.reps ? Number(values.reps) : quick ? 2 : 5,
    ms: quick ? 800 : 3000,
    callers: 50,
    boardCalls: quick ? 6 : 30,
    microCalls: quick ? 3000 : 20_000,
    log,
  };
  const f = new Figures();
  const memory = new Database(':memory:');
  const facts = {
    started: new Date().toISOString(),
    uptimeBefore: uptime(),
    uptimeAfter: '',
    mode: `${quick ? 'quick' : 'full'}: ${o.reps} repetitions, ${o.callers} callers × ${o.ms} ms per write run, ${o.boardCalls} board calls, ${o.microCalls} availability calls per repetition`,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
    node: process.version,
    sqlite: (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    versions: `better-sqlite3 ${version('better-sqlite3')}, kysely ${version('kysely')}, pg ${version('pg')}`,
    postgres: '',
    poolSize: POOL_SIZE,
  };
  memory.close();
  log(`uptime before: ${facts.uptimeBefore}`);

  const scratch = scratchDir('spike');
  try {
    const template = join(scratch, 'empty-hotel.db');
    createEmptyHotel(template);
    const dense = denseHistoryHotel(log);
    log('SQLite: reads (board, availability)');
    const { window, shape } = await sqliteReads(dense.file, o, f);
    if (engines.has('sqlite')) {
      log('SQLite: bookings (benchmark 1)');
      await sqliteWrites('booking', template, scratch, o, f);
      log('SQLite: stock (benchmark 7)');
      await sqliteWrites('stock', template, scratch, o, f);
    }
    if (engines.has('postgres')) {
      const cluster = await startPgCluster(log);
      facts.postgres = cluster.version;
      try {
        const setup = await preparePg(cluster, template, dense.file, log);
        log('PostgreSQL: reads');
        await pgReads(setup, window, shape, o, f);
        log('PostgreSQL: bookings');
        await pgWrites('booking', setup, o, f);
        log('PostgreSQL: stock');
        await pgWrites('stock', setup, o, f);
      } finally {
        cluster.stop();
        log('PostgreSQL stopped and removed');
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  facts.uptimeAfter = uptime();
  log(`uptime after: ${facts.uptimeAfter}`);
  const md = report(f, facts);
  console.log(`\n${md}`);
  const out = join(CACHE_DIR, 'spike');
  mkdirSync(out, { recursive: true });
  const stamp = facts.started.replace(/[:.]/g, '-');
  writeFileSync(join(out, `results-${stamp}.md`), md);
  writeFileSync(join(out, `results-${stamp}.json`), JSON.stringify({ facts, figures: f.all }, null, 2));
  log(`kept in bench/.cache/spike/results-${stamp}.{md,json}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
