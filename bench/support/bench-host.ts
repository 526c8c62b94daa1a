/**
 * Starts a host child process (bench/support/host-process.ts) on a data folder, with
 * the benchmark admin created first (bench-auth.ts) and signed in: requests carry `token`.
 */
import { join } from 'node:path';
import { defaultRendererDir } from '../../core/host';
import { DB_FILE_NAME, defaultMigrationsDir } from '../../db/open-database';
import { ensureBenchAdmin } from './bench-auth';
import { startChild, type BenchChild } from './child-process';
import { BENCH_DIR } from './hotel-dataset';

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
}

export async function startBenchHost(dataDir: string, options: BenchHostOptions = {}): Promise<BenchHost> {
  await ensureBenchAdmin(join(dataDir, DB_FILE_NAME));
  const child = startChild(join(BENCH_DIR, 'support', 'host-process.ts'), [], options.env);
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
