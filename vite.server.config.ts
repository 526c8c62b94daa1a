import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * `npm run serve` runs dist-server/serve.cjs, built the way Electron's main is (vite.electron.config.ts):
 * our code in one CommonJS file, Node built-ins and the runtime `dependencies` left to `require`.
 * Started from the TypeScript sources under tsx instead, Node's native ESM loading of drizzle-orm's
 * module graph alone leaves ~120 MB more resident memory behind (docs/benchmarks.md, benchmark 4).
 * - serve.cjs: core/serve.ts, plus a copy of db/migrations beside it (the database code finds its
 *   migrations next to the file it runs from).
 * - export-worker.cjs: the CSV exports' worker thread (core/export/export-thread.ts looks for it
 *   next to the file it runs from), its own entry so it loads nothing of the host.
 * - import-worker.cjs: the CSV imports' worker thread (core/imports/import-thread.ts, beside serve.cjs).
 * Rebuilt by scripts/build-if-stale.mjs when the sources are newer. The script starts it as
 * `node --max-semi-space-size=2 dist-server/serve.cjs`: with V8's default young generation (up to
 * 16 MB per semi-space) the server's resident memory climbs 30–50 MB under a steady request load and
 * a CSV download, to ~200 MB; with 2 MB it stays ~145 MB, for scavenges that each take well under a
 * millisecond. (Electron's main cannot take the flag; there the export's worker is what bounds memory.)
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const runtimeDeps = Object.keys(pkg.dependencies);
const external = (id: string) => builtins.has(id) || runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

const OUT_DIR = 'dist-server';
const MIGRATIONS = 'db/migrations';

function cjsEntry(name: string, input: string): EnvironmentOptions {
  return {
    consumer: 'server',
    // Only `external` above decides what stays out; Vite's server default would leave every package out.
    resolve: { noExternal: true },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: name === 'serve',
      target: 'node22',
      minify: false,
      rolldownOptions: {
        input: { [name]: input },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Emits db/migrations as dist-server/migrations (what `defaultMigrationsDir()` resolves to in the bundle). */
function copyMigrations(): Plugin {
  return {
    name: 'frontdesk:copy-migrations',
    applyToEnvironment: (environment) => environment.name === 'serve',
    generateBundle() {
      for (const file of filesUnder(MIGRATIONS)) {
        this.emitFile({ type: 'asset', fileName: join('migrations', relative(MIGRATIONS, file)), source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [copyMigrations()],
  environments: {
    serve: cjsEntry('serve', 'core/serve.ts'),
    exportWorker: cjsEntry('export-worker', 'core/composition/export-worker-entry.ts'),
    importWorker: cjsEntry('import-worker', 'core/composition/import-worker-entry.ts'),
  },
  builder: {
    async buildApp(builder) {
      // serve first: it empties dist-server/.
      await builder.build(builder.environments.serve!);
      await builder.build(builder.environments.exportWorker!);
      await builder.build(builder.environments.importWorker!);
    },
  },
});
