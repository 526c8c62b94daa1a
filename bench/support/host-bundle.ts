/**
 * The benchmark host bundled the way Electron's main is (vite.electron.config.ts): our code in one
 * CommonJS file, the runtime `dependencies` left outside and loaded with `require`. Under tsx
 * (`npm run serve`) every module is native ESM instead, and Node's ESM loading of drizzle-orm's
 * module graph alone leaves ~150 MB of resident memory behind; the desktop app never pays that, so
 * memory is measured both ways. Built with esbuild (present through tsx and vite, not a dependency
 * of ours, hence loaded by name); without it the bundled figures are skipped.
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
  const outfile = join(outDir, 'host-process.cjs');
  await esbuild.build({
    entryPoints: [join(BENCH_DIR, 'support', 'host-process.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: Object.keys(pkg.dependencies).flatMap((d) => [d, `${d}/*`]),
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return outfile;
}
