import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { BUNDLED_DEPS, LEAN_OUTPUT, PACKAGE_CHUNKS, PINO_ROLL_DATES, serverEntryExternal, swaggerUiFolder, YAML_ON_FIRST_USE } from './vite.server.config.ts';

/**
 * The Electron side: CommonJS files in dist-electron/, each built as its own environment so none
 * shares a chunk with another.
 * - main.cjs: Electron's main process (electron/ glue: windows, IPC, sessions); `electron`, Node
 *   built-ins and the runtime `dependencies` stay external.
 * - host.cjs: the desk's host process (electron/host-process.ts, run with `utilityProcess.fork`),
 *   bundled as serve.cjs is (vite.server.config.ts, the same server): core/, db/ and shared/, and the
 *   pure-JavaScript packages it loads at start, a package a chunk beside it (`npm-<package>-<hash>.cjs`,
 *   `SERVE_BUNDLED_DEPS`); the native modules and what loads on first use only stay external,
 *   from the app's node_modules (electron-builder ships the runtime `dependencies`), and swagger-ui's
 *   assets are read where it is installed. Left to `require`, each package's modules were loaded as
 *   published (comments, whitespace) and Node's resolver kept every package.json it read to find them,
 *   drizzle-orm's 178 KB one with its parser's buffers ~3 MB of native memory; bundled, the host starts 6 MB
 *   lower and peaks ~5 MB lower in benchmark 4 (docs/benchmarks.md, fifty-sixth pass).
 *   It never imports `electron` (tests/electron/host-process.test.ts holds it to that).
 * - preload.cjs: one self-contained file that requires nothing but `electron` — a sandboxed preload
 *   cannot load anything else.
 * - export-worker.cjs: the CSV exports' worker thread (core/export/export-thread.ts looks for it
 *   next to the file it runs from, host.cjs), its own file with the runtime `dependencies` external:
 *   started from app.asar.unpacked, it requires only what electron-builder.yml unpacks with it
 *   (better-sqlite3, papaparse; tests/electron/host-process.test.ts holds it to that).
 * - import-worker.cjs: the CSV imports' worker thread (core/imports/import-thread.ts, beside host.cjs),
 *   the core's services over a connection of its own. A worker thread cannot load a script from
 *   app.asar (electron-builder.yml), so its JavaScript dependencies are bundled in; only the native
 *   modules (better-sqlite3, @node-rs/argon2) stay external, loaded from app.asar.unpacked.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const runtimeDeps = Object.keys(pkg.dependencies);
const isRuntimeDep = (id: string) => !BUNDLED_DEPS.has(id) && runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));
/** What runs all day in the host process and its export worker: lean, as serve's bundle (vite.server.config.ts says why). */
const LEAN = new Set(['host', 'export-worker']);
/** Node's own modules and the native ones (pg-native: pg's optional binding, never installed). */
const isNativeOrBuiltin = (id: string) => builtins.has(id) || id === 'better-sqlite3' || id.startsWith('@node-rs/') || id === 'pg-native';

function cjsEntry(name: 'main' | 'host' | 'preload' | 'export-worker' | 'import-worker', input: string, external: (id: string) => boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    // Only `external` below decides what stays out; Vite's server default would leave every package out.
    resolve: { noExternal: true },
    build: {
      outDir: 'dist-electron',
      emptyOutDir: name === 'main',
      target: 'node22',
      minify: false,
      sourcemap: name === 'main' || name === 'host',
      rolldownOptions: {
        input: { [name]: input },
        external,
        output: LEAN.has(name)
          ? // The host splits where it imports lazily (the PostgreSQL engine it never runs) and by package, as serve does.
            { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', minify: LEAN_OUTPUT, charset: 'ascii', ...(name === 'host' ? PACKAGE_CHUNKS : {}) }
          : { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  resolve: { alias: [...PINO_ROLL_DATES, YAML_ON_FIRST_USE] },
  plugins: [swaggerUiFolder(['host'])],
  environments: {
    main: cjsEntry('main', 'electron/main.ts', (id) => id === 'electron' || builtins.has(id) || isRuntimeDep(id)),
    host: cjsEntry('host', 'electron/host-process.ts', serverEntryExternal),
    preload: cjsEntry('preload', 'electron/preload.ts', (id) => id === 'electron'),
    exportWorker: cjsEntry('export-worker', 'core/composition/export-worker-entry.ts', (id) => builtins.has(id) || isRuntimeDep(id)),
    importWorker: cjsEntry('import-worker', 'core/composition/import-worker-entry.ts', isNativeOrBuiltin),
  },
  builder: {
    async buildApp(builder) {
      // main first: it empties dist-electron/.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.host!);
      await builder.build(builder.environments.preload!);
      await builder.build(builder.environments.exportWorker!);
      await builder.build(builder.environments.importWorker!);
    },
  },
});
