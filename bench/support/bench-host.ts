/**
 * Starts a host child process (bench/support/host-process.ts) on a data folder, with
 * the benchmark admin created first (bench-auth.ts) and signed in: requests carry `token`.
 */
import { join } from 'node:path';
import { defaultRendererDir } from '../../core/host';
import { DB_FILE_NAME, defaultMigrationsDir } from '../../db/open-database';
import { HOST_EXEC_ARGV } from '../../electron/host-protocol';
import { ensureBenchAdmin } from './bench-auth';
import { startChild, type BenchChild } from './child-process';
import { benchHostScript } from './host-build';
import { BENCH_DIR } from './hotel-dataset';

/**
 * `checkout`'s bench/support/host-process.ts (default: this one) in a child process of its own, so a
 * benchmark measures the host as it ships: built as `npm run serve`'s server is (host-build.ts; under
 * tsx it cost 1.3–1.4 × the CPU a stay booked, thirty-eighth pass), with the V8 flags the desk's host and
 * `npm run serve` run with (`HOST_EXEC_ARGV`: the young generation's 4 MB semi-spaces, the old
 * generation's 256 MB, no Maglev; without them a booking cost the host ~20 % less CPU, twentieth pass).
 * An A/B tool tries other flags through the checkout's environment: `BENCH_HOST_EXEC_ARGV` (flags
 * separated by spaces) replaces them, all of them (bench/ab/booking-cpu-ab.ts has an example);
 * `BENCH_HOST_UNDER_TSX=1` runs the TypeScript sources under tsx instead of the build.
 */
export function startHostProcess(env: Record<string, string> = {}, checkout?: string): BenchChild {
  const { BENCH_HOST_EXEC_ARGV: flags, ...rest } = env;
  const { script } = benchHostScript(checkout ?? join(BENCH_DIR, '..'), { ...process.env, ...env });
  return startChild(script, [], rest, flags === undefined ? HOST_EXEC_ARGV : flags.split(' ').filter(Boolean));
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
