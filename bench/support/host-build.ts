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
 * Benchmark 12's process (bench/support/amqp-outbox-process.ts: the outbox draining to RabbitMQ and
 * the raw amqplib client it is measured against) is built the same way (bench/vite.outbox.config.ts,
 * into bench/.cache/outbox-build/): under tsx, the export worker the host lends for checkpoints
 * started from the sources in its third run and cost the outbox ~2 × its CPU per event there
 * (docs/benchmarks.md, sixty-fifth and sixty-sixth passes).
 *
 * Built again when any file it is built from is newer than the build (a build takes ~2 s). A
 * checkout without the build's config (older than it) runs the process under tsx, and
 * `BENCH_HOST_UNDER_TSX=1` in the process's environment asks for that too (an A/B of the two ways).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { newestMtime } from '../../scripts/build-if-stale.mjs';

/** A bench process built as `npm run serve`'s server is: its Vite config and the folder its build goes to. */
export interface BenchBuild {
  /** The Vite config (a `serverBuildConfig` of the entry). */
  config: string;
  /** bench/.cache/<dir>/. */
  dir: string;
  /** The entry's name: its source is bench/support/<name>.ts, its build <name>.cjs. */
  name: string;
}

/** The benchmarks' host (benchmarks 1, 3–5, 7–10, 13, 16). */
export const HOST_BUILD: BenchBuild = { config: join('bench', 'vite.host.config.ts'), dir: join('bench', '.cache', 'host-build'), name: 'host-process' };
/** Benchmark 12's process: the outbox and the raw amqplib client it is measured against (bench/vite.outbox.config.ts). */
export const OUTBOX_BUILD: BenchBuild = { config: join('bench', 'vite.outbox.config.ts'), dir: join('bench', '.cache', 'outbox-build'), name: 'amqp-outbox-process' };

/** What a build is built from (beside its config). */
const SOURCES = ['core', 'db', 'shared', join('tests', 'support'), join('bench', 'support'), 'vite.server.config.ts', 'package.json'];

const underTsx = (checkout: string, build: BenchBuild, env: Record<string, string | undefined>) => env.BENCH_HOST_UNDER_TSX === '1' || !existsSync(join(checkout, build.config));

export interface HostScript {
  /** The file to start: the built `<name>.cjs`, or `<name>.ts` under tsx. */
  script: string;
  /** For a benchmark's lines: how its host runs. */
  how: 'built' | 'tsx';
}

/** `checkout`'s script of `build` (default: the host), built first if its build is missing or stale. */
export function benchHostScript(checkout: string, env: Record<string, string | undefined> = process.env, build: BenchBuild = HOST_BUILD): HostScript {
  const source = join(checkout, 'bench', 'support', `${build.name}.ts`);
  if (underTsx(checkout, build, env)) return { script: source, how: 'tsx' };
  const dir = join(checkout, build.dir);
  /** Every file the build writes that the process needs; the oldest decides whether it is stale. */
  const built = [`${build.name}.cjs`, 'export-worker.cjs', 'import-worker.cjs', join('migrations', 'sqlite', 'meta', '_journal.json')].map((file) => join(dir, file));
  const builtAt = built.every((file) => existsSync(file)) ? Math.min(...built.map((file) => statSync(file).mtimeMs)) : 0;
  if ([...SOURCES, build.config].some((s) => newestMtime(join(checkout, s)) > builtAt)) {
    const vite = join(dirname(createRequire(join(checkout, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', build.config, '--logLevel', 'error'], { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { script: join(dir, `${build.name}.cjs`), how: 'built' };
}

/** How the benchmarks' hosts run, for the results: `built as npm run serve's server is` or `under tsx`. */
export function benchHostText(checkout: string, env: Record<string, string | undefined> = process.env): string {
  return underTsx(checkout, HOST_BUILD, env) ? 'under tsx (the TypeScript sources)' : "built as `npm run serve`'s server is (bench/vite.host.config.ts)";
}
