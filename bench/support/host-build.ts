/**
 * The benchmarks' host as it ships: bench/support/host-process.ts built the way `npm run serve`'s
 * server is (bench/vite.host.config.ts → vite.server.config.ts's `serverBuildConfig`), into a
 * checkout's bench/.cache/host-build/, and run there with plain Node (support/bench-host.ts).
 *
 * Under tsx the same host cost 1.3–1.4 × the CPU a stay booked (docs/benchmarks.md, thirty-eighth
 * pass): tsx compiles each file on its own with esbuild's `keepNames` — a `__name(…)` call defining a
 * function's name wherever a named closure is made, on every call that makes one — and links them as
 * ES modules; the shipped bundles are one CommonJS file of our code with no such calls.
 *
 * Built again when any file it is built from is newer than the build (a build takes ~2 s). A
 * checkout without bench/vite.host.config.ts (older than this file) runs its host under tsx, and
 * `BENCH_HOST_UNDER_TSX=1` in the host's environment asks for that too (an A/B of the two ways).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { newestMtime } from '../../scripts/build-if-stale.mjs';

const CONFIG = join('bench', 'vite.host.config.ts');
const BUILD_DIR = join('bench', '.cache', 'host-build');
/** Every file the build writes that the host needs; the oldest decides whether it is stale. */
const BUILT = ['host-process.cjs', 'export-worker.cjs', 'import-worker.cjs', join('migrations', 'sqlite', 'meta', '_journal.json')];
/** What it is built from. */
const SOURCES = ['core', 'db', 'shared', join('bench', 'support'), CONFIG, 'vite.server.config.ts', 'package.json'];

const underTsx = (checkout: string, env: Record<string, string | undefined>) => env.BENCH_HOST_UNDER_TSX === '1' || !existsSync(join(checkout, CONFIG));

export interface HostScript {
  /** The file to start: the built host-process.cjs, or host-process.ts under tsx. */
  script: string;
  /** For a benchmark's lines: how its host runs. */
  how: 'built' | 'tsx';
}

/** `checkout`'s host script, built first if its build is missing or stale. */
export function benchHostScript(checkout: string, env: Record<string, string | undefined> = process.env): HostScript {
  const source = join(checkout, 'bench', 'support', 'host-process.ts');
  if (underTsx(checkout, env)) return { script: source, how: 'tsx' };
  const dir = join(checkout, BUILD_DIR);
  const built = BUILT.map((file) => join(dir, file));
  const builtAt = built.every((file) => existsSync(file)) ? Math.min(...built.map((file) => statSync(file).mtimeMs)) : 0;
  if (SOURCES.some((s) => newestMtime(join(checkout, s)) > builtAt)) {
    const vite = join(dirname(createRequire(join(checkout, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', CONFIG, '--logLevel', 'error'], { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { script: join(dir, 'host-process.cjs'), how: 'built' };
}

/** How the benchmarks' hosts run, for the results: `built as npm run serve's server is` or `under tsx`. */
export function benchHostText(checkout: string, env: Record<string, string | undefined> = process.env): string {
  return underTsx(checkout, env) ? 'under tsx (the TypeScript sources)' : "built as `npm run serve`'s server is (bench/vite.host.config.ts)";
}
