/**
 * The benchmark host bundled the way Electron's main (vite.electron.config.ts) and `npm run serve`
 * (vite.server.config.ts) are: our code in one CommonJS file, the runtime `dependencies` left outside
 * and loaded with `require`. Under tsx every module is native ESM instead, and Node's ESM loading of
 * drizzle-orm's module graph alone leaves ~150 MB of resident memory behind, which neither the
 * desktop app nor `npm run serve` pays. Built with esbuild (present through tsx and vite, not a dependency
 * of ours, hence loaded by name); without it the bundled figures are skipped. Like Electron's build,
 * it writes the CSV export's worker thread as its own file beside the host (core/export looks for
 * `stays-csv-worker.cjs` next to the file it runs from).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, CACHE_DIR } from './hotel-dataset';

interface EsbuildModule {
  build(options: Record<string, unknown>): Promise<unknown>;
}

export async function bundleHostProcess(): Promise<string | undefined> {
  let esbuild: EsbuildModule;
  try {
    const name = 'esbuild';
    esbuild = (await import(name)) as EsbuildModule;
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(readFileSync(join(BENCH_DIR, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const outDir = join(CACHE_DIR, 'host-bundle');
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      'host-process': join(BENCH_DIR, 'support', 'host-process.ts'),
      'stays-csv-worker': join(BENCH_DIR, '..', 'core', 'export', 'stays-csv-worker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: Object.keys(pkg.dependencies).flatMap((d) => [d, `${d}/*`]),
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return join(outDir, 'host-process.cjs');
}
