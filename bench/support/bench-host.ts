/**
 * Starts a host child process (bench/support/host-process.ts) on a data folder, with
 * the benchmark admin created first (bench-auth.ts) and signed in: requests carry `token`.
 */
import { join } from 'node:path';
import { defaultRendererDir } from '../../core/host';
import { MALLOC_ENV } from '../../core/malloc-env';
import { DB_FILE_NAME, defaultMigrationsDir } from '../../db/open-database';
import { HOST_EXEC_ARGV } from '../../electron/host-protocol';
import { ensureBenchAdmin } from './bench-auth';
import { startChild, type BenchChild } from './child-process';
import { benchHostScript, HOST_BUILD, type BenchBuild } from './host-build';
import { BENCH_DIR } from './hotel-dataset';

/**
 * `checkout`'s bench/support/host-process.ts (default: this one; or another `build`'s process, as benchmark 12's) in a child process of its own, so a
 * benchmark measures the host as it ships: built as `npm run serve`'s server is (host-build.ts; under
 * tsx it cost 1.3–1.4 × the CPU a stay booked, thirty-eighth pass), with the V8 flags the desk's host and
 * `npm run serve` run with (`HOST_EXEC_ARGV`: the young generation's 4 MB semi-spaces, the old
 * generation's 256 MB, no Maglev; without them a booking cost the host ~20 % less CPU, twentieth pass).
 * An A/B tool tries other flags through the checkout's environment: `BENCH_HOST_EXEC_ARGV` (flags
 * separated by spaces) replaces them, all of them (bench/ab/booking-cpu-ab.ts has an example);
 * `BENCH_HOST_UNDER_TSX=1` runs the TypeScript sources under tsx instead of the build. It starts with
 * `npm run serve`'s glibc settings (`benchHostMallocEnv`).
 */
export function startHostProcess(env: Record<string, string> = {}, checkout?: string, build: BenchBuild = HOST_BUILD): BenchChild {
  const { BENCH_HOST_EXEC_ARGV: flags, BENCH_HOST_MALLOC: malloc, ...rest } = env;
  const { script } = benchHostScript(checkout ?? join(BENCH_DIR, '..'), { ...process.env, ...env }, build);
  return startChild(script, [], { ...benchHostMallocEnv(malloc), ...rest }, flags === undefined ? HOST_EXEC_ARGV : flags.split(' ').filter(Boolean));
}

/**
 * glibc's settings the host starts with: `npm run serve`'s (`MALLOC_ENV`, core/malloc-env.ts), so the host's
 * allocator runs as it ships. Until the forty-second pass it ran with glibc's defaults while `serve` on
 * SQLite ran with a 16 KiB threshold, which on a machine whose page faults are dear (a PVM guest, ~12 µs
 * each) cost a built board 1.3 × the host's CPU and bookings up to 3.5 × (docs/benchmarks.md). A setting in
 * this process's environment is kept (as `serve` keeps it); an A/B tool's checkout may set its own
 * (`.@MALLOC_MMAP_THRESHOLD_=16384`: its value wins), or `.@BENCH_HOST_MALLOC=glibc` for glibc's defaults.
 */
export function benchHostMallocEnv(malloc?: string): Record<string, string> {
  if (malloc === 'glibc') return {};
  return Object.fromEntries(Object.entries(MALLOC_ENV).filter(([name]) => process.env[name] === undefined));
}

/** For a run's header: the host's glibc settings (`glibc's MALLOC_MMAP_THRESHOLD_=1048576 (as npm run serve …)`). */
export function benchHostMallocText(): string {
  const env: Record<string, string | undefined> = { ...benchHostMallocEnv(), ...process.env };
  const set = Object.keys(env).filter((name) => name.startsWith('MALLOC_')).map((name) => `${name}=${env[name]}`);
  return set.length ? `glibc's ${set.join(' ')} (as \`npm run serve\` runs)` : "glibc's defaults";
}

export interface BenchHost {
  child: BenchChild;
  url: string;
  dbFile: string;
  /** Resident memory right after start-up. */
  rssBytes: number;
  /** The benchmark admin's bearer token (`Authorization: Bearer …`). */
  token: string;
}

export interface BenchHostOptions {
  env?: Record<string, string>;
  /** Default dist/renderer. */
  rendererDir?: string;
  /** The checkout whose host runs (an A/B tool's side); default this one. */
  checkout?: string;
}

export async function startBenchHost(dataDir: string, options: BenchHostOptions = {}): Promise<BenchHost> {
  await ensureBenchAdmin(join(dataDir, DB_FILE_NAME));
  const child = startHostProcess(options.env, options.checkout);
  try {
    await child.next('ready');
    const started = await child.ask<{ type: string; url: string; dbFile: string; rssBytes: number; token: string }>(
      { type: 'start', dataDir, migrationsDir: defaultMigrationsDir(), rendererDir: options.rendererDir ?? defaultRendererDir() },
      'started',
    );
    return { child, url: started.url, dbFile: started.dbFile, rssBytes: started.rssBytes, token: started.token };
  } catch (e) {
    await child.stop();
    throw e;
  }
}
