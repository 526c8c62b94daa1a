/**
 * Builds some of vite.electron.config.ts's environments into a fresh folder (remove it in afterAll).
 * The folder sits under the repo's node_modules/.cache, so the bundles find their runtime
 * dependencies as they do in the app (in a node_modules above them) — through `require` and through
 * `import()` alike, which NODE_PATH would not serve.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBuilder } from 'vite';

export type ElectronBundle = 'main' | 'host' | 'preload' | 'exportWorker' | 'importWorker';

export async function buildElectronBundles(names: ElectronBundle[]): Promise<string> {
  const cache = resolve('node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'frontdesk-electron-build-'));
  const builder = await createBuilder({
    configFile: 'vite.electron.config.ts',
    logLevel: 'silent',
    environments: Object.fromEntries(names.map((name) => [name, { build: { outDir, emptyOutDir: false, sourcemap: false } }])),
  });
  for (const name of names) await builder.build(builder.environments[name]!);
  return outDir;
}

/** What a built file `require`s, as written (`electron`, `node:fs`, `./npm-fastify-….cjs`, `drizzle-orm/migrator`). */
export function requiredBy(file: string): Set<string> {
  return new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!));
}
