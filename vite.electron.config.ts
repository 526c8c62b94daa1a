import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The Electron side: two CommonJS files in dist-electron/, built as two environments so neither
 * shares a chunk with the other.
 * - main.cjs: our code (electron/, core/, db/, shared/) bundled; `electron`, Node built-ins and the
 *   runtime `dependencies` stay external — electron-builder ships those in the app's node_modules,
 *   and some must stay on disk as they are (better-sqlite3's native module, swagger-ui's assets).
 * - preload.cjs: one self-contained file that requires nothing but `electron` — a sandboxed preload
 *   cannot load anything else.
 * - stays-csv-worker.cjs: the CSV export's worker thread (core/export/stays-csv-thread.ts looks for it
 *   next to main.cjs), its own file with the same externals as main.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const runtimeDeps = Object.keys(pkg.dependencies);
const isRuntimeDep = (id: string) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

function cjsEntry(name: 'main' | 'preload' | 'stays-csv-worker', input: string, external: (id: string) => boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    // Only `external` below decides what stays out; Vite's server default would leave every package out.
    resolve: { noExternal: true },
    build: {
      outDir: 'dist-electron',
      emptyOutDir: name === 'main',
      target: 'node22',
      minify: false,
      sourcemap: name === 'main',
      rolldownOptions: {
        input: { [name]: input },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  environments: {
    main: cjsEntry('main', 'electron/main.ts', (id) => id === 'electron' || builtins.has(id) || isRuntimeDep(id)),
    preload: cjsEntry('preload', 'electron/preload.ts', (id) => id === 'electron'),
    exportWorker: cjsEntry('stays-csv-worker', 'core/export/stays-csv-worker.ts', (id) => builtins.has(id) || isRuntimeDep(id)),
  },
  builder: {
    async buildApp(builder) {
      // main first: it empties dist-electron/.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
      await builder.build(builder.environments.exportWorker!);
    },
  },
});
