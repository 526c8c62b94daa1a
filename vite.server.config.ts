import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { defineConfig, type EnvironmentOptions, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * `npm run serve` runs dist-server/serve.cjs, built the way Electron's host is (vite.electron.config.ts):
 * our code in CommonJS, Node built-ins and the runtime `dependencies` left to `require` — but for the
 * pure-JavaScript ones serve loads at start, bundled into it a package a chunk (`SERVE_BUNDLED_DEPS`).
 * Started from the TypeScript sources under tsx instead, Node's native ESM loading of drizzle-orm's
 * module graph alone leaves ~120 MB more resident memory behind (docs/benchmarks.md, benchmark 4).
 * - serve.cjs: core/serve.ts, plus a copy of db/migrations beside it (the database code finds its
 *   migrations next to the file it runs from).
 * - export-worker.cjs: the CSV exports' worker thread (core/export/export-thread.ts looks for it
 *   next to the file it runs from), its own entry so it loads nothing of the host.
 * - import-worker.cjs: the CSV imports' worker thread (core/imports/import-thread.ts, beside serve.cjs).
 * Rebuilt by scripts/build-if-stale.mjs when the sources are newer. The script starts it as
 * `node --max-semi-space-size=4 dist-server/serve.cjs` (the desk host's flags, `HOST_EXEC_ARGV` in
 * electron/host-protocol.ts, which says why 4 MB): with V8's default young generation (up to 16 MB per
 * semi-space) the server's resident memory climbs 30–50 MB under a steady request load and a CSV
 * download, to ~200 MB. (Electron's main cannot take the flag; there the export's worker is what bounds memory.)
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const runtimeDeps = Object.keys(pkg.dependencies);
/** Bundled although a runtime dependency: pino-roll, so that its date-fns is the five functions it uses (core/pino-roll-dates.ts). */
export const BUNDLED_DEPS = new Set(['pino-roll', 'date-fns']);
/** `date-fns` itself (not `date-fns/format`, which the shim imports) → core/pino-roll-dates.ts. */
export const PINO_ROLL_DATES = [{ find: /^date-fns$/, replacement: join(import.meta.dirname, 'core', 'pino-roll-dates.ts') }];
const isPackage = (id: string, dep: string) => id === dep || id.startsWith(`${dep}/`);
const external = (id: string) => builtins.has(id) || (!BUNDLED_DEPS.has(id) && runtimeDeps.some((dep) => isPackage(id, dep)));

/**
 * serve.cjs also bundles the pure-JavaScript dependencies it loads at start, each package in a chunk
 * of its own (`npm-<package>-<hash>.cjs`), tree-shaken and as lean as our code. Left to `require`:
 * the native modules (better-sqlite3, @node-rs/argon2), @fastify/static (swagger-ui's and ours: one
 * copy), and what loads on first use only (pg, socket.io, amqplib, nodemailer, moment-timezone).
 * @fastify/swagger-ui is bundled with its folder found where it is installed (`swaggerUiFolder`), and
 * `yaml`, which it and @fastify/swagger load at their top for `/docs/yaml` only, is loaded on that
 * first use (core/api/yaml-on-first-use.ts).
 * Idle with the demo hotel (bench/ab/serve-memory-ab.ts, three turns each, 2026-11-28 21:19 UTC, load
 * ≤ 0.13): 88.5–89.1 → 85.7–85.9 MB PSS on SQLite; on PostgreSQL 88.6–89.9 → 82.8–83.0 MB RSS
 * (`--database`, two turns). One chunk for all of them was as good on SQLite but 91.8–92.3 MB on
 * PostgreSQL: V8's parser holds its zone for a whole script, and a 2.3 MB script's zone, in blocks
 * under PostgreSQL's 128 KiB mmap threshold (core/malloc-env.ts), stays in the heap once freed
 * (docs/benchmarks.md §4, twenty-sixth pass; the second pass saw the same, +13 MB, for one chunk).
 */
export const SERVE_BUNDLED_DEPS = new Set([
  ...BUNDLED_DEPS,
  '@fastify/rate-limit',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@fastify/websocket',
  'drizzle-orm',
  'fastify',
  'fastify-type-provider-zod',
  'papaparse',
  'pino',
  'zod',
]);
/**
 * fastify's default compilers (Ajv, fast-json-stringify): fastify `require`s them only for a server
 * made without compilers of its own, and core/api/build-server.ts gives zod's. Left to `require` so
 * they are never loaded; bundled, their chunks were loaded with fastify's (−0.4 MB of source).
 */
const UNUSED_BY_SERVE = ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];
/**
 * What a server's entry leaves to `require` (serve.cjs, and the desk's host.cjs: vite.electron.config.ts):
 * Node's built-ins, fastify's unused compilers, and the runtime dependencies not in `SERVE_BUNDLED_DEPS`.
 */
export const serverEntryExternal = (id: string) =>
  builtins.has(id) || UNUSED_BY_SERVE.includes(id) || (![...SERVE_BUNDLED_DEPS].some((dep) => isPackage(id, dep)) && runtimeDeps.some((dep) => isPackage(id, dep)));
/**
 * drizzle's PostgreSQL driver and its column types: left out of drizzle-orm's chunk, so they go where
 * the lazy PostgreSQL engine's chunk takes them. In the package's chunk, the driver's require of pg
 * would be hoisted to its top and load pg (its 30 modules) into every server on SQLite.
 */
const ONLY_POSTGRES = /[\\/]node_modules[\\/]drizzle-orm[\\/](node-postgres|pg-core)[\\/]/;
/** The chunk of a bundled package's module: `npm-<package>` (`@scope/name` → `npm-@scope-name`); null for ours. */
function packageChunk(id: string): string | null {
  if (ONLY_POSTGRES.test(id)) return null;
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return m ? `npm-${m[1]!.replace(/[\\/]/, '-')}` : null;
}
/** A server entry's output option: each bundled package in a chunk of its own beside the entry (`packageChunk`). */
export const PACKAGE_CHUNKS = { codeSplitting: { groups: [{ name: packageChunk, debugName: 'package' }] } };

const OUT_DIR = 'dist-server';
const SERVE_ENTRY = { name: 'serve', input: 'core/serve.ts' };

/** Whitespace and comments removed; no renaming, no rewriting. */
export const LEAN_OUTPUT = { compress: false, mangle: false, codegen: { removeWhitespace: true } } as const;
const MIGRATIONS = 'db/migrations';

interface Bundle {
  external: (id: string) => boolean;
  packageChunks?: boolean;
  /** Source maps beside the files (the benchmarks' host: its CPU profiles read by source file). */
  sourcemap?: boolean;
}

function cjsEntry(outDir: string, name: string, input: string, first: boolean, bundle: Bundle): EnvironmentOptions {
  return {
    consumer: 'server',
    // Only `external` above decides what stays out; Vite's server default would leave every package out.
    resolve: { noExternal: true },
    build: {
      outDir,
      emptyOutDir: first,
      target: 'node22',
      minify: false,
      sourcemap: bundle.sourcemap ?? false,
      rolldownOptions: {
        input: { [name]: input },
        external: bundle.external,
        // Code split only where the source imports lazily (`await import(…)`: the PostgreSQL engine), so a
        // server on SQLite never loads pg and drizzle's PostgreSQL driver, whose `require`s a single file
        // would hoist to its top. The chunks sit beside the entry (files found next to it stay found).
        // Comments and whitespace out, names kept (stack traces stay readable), non-ASCII escaped: V8 keeps
        // every script's source for its whole life, and a source with one character past Latin-1 (a "→"
        // in a comment) is stored at two bytes a character (benchmark 9).
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
          minify: LEAN_OUTPUT,
          charset: 'ascii',
          ...(bundle.packageChunks ? PACKAGE_CHUNKS : {}),
        },
      },
    },
  };
}

/**
 * @fastify/swagger-ui reads its page's files from its own folder (`__dirname`): bundled, that would
 * be dist-server (or dist-electron). Its `__dirname` becomes the folder of the installed package at run time, so the
 * bundle serves the files of the swagger-ui it was built with. For the named environments (the server entries).
 */
export function swaggerUiFolder(environments: readonly string[]): Plugin {
  const inPackage = /[\\/]node_modules[\\/]@fastify[\\/]swagger-ui[\\/](.+)$/;
  return {
    name: 'frontdesk:swagger-ui-folder',
    applyToEnvironment: (environment) => environments.includes(environment.name),
    transform(code, id) {
      const file = inPackage.exec(id)?.[1];
      if (file === undefined || !code.includes('__dirname')) return null;
      const installed = `require("node:path").join(require("node:path").dirname(require.resolve("@fastify/swagger-ui/package.json")), ${JSON.stringify(dirname(file))})`;
      return { code: code.replaceAll('__dirname', `(${installed})`), map: null };
    },
  };
}

/** `yaml` → loaded on first use (core/api/yaml-on-first-use.ts): a server entry's import of it (serve.cjs, the desk's host.cjs; the workers have none). */
export const YAML_ON_FIRST_USE = { find: /^yaml$/, replacement: join(import.meta.dirname, 'core', 'api', 'yaml-on-first-use.ts') };

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

export interface ServerBuild {
  /** Where the files go (default dist-server, what the Dockerfile and `npm run serve` run). */
  outDir?: string;
  /** The entry that starts the server: its file name (`.cjs` added) and its source (default serve, core/serve.ts). */
  entry?: { name: string; input: string };
  sourcemap?: boolean;
}

/**
 * The server's build: the entry bundled as serve.cjs is (the `serve` environment, with the package
 * chunks and the migrations beside it), the export and import workers beside it. The benchmarks'
 * host is the same build of their own entry (bench/vite.host.config.ts), so they measure the code as
 * it ships rather than as tsx compiles it.
 */
export function serverBuildConfig(options: ServerBuild = {}): UserConfig {
  const { outDir = OUT_DIR, entry = SERVE_ENTRY, sourcemap = false } = options;
  return {
    publicDir: false,
    resolve: { alias: [...PINO_ROLL_DATES, YAML_ON_FIRST_USE] },
    plugins: [copyMigrations(), swaggerUiFolder(['serve'])],
    environments: {
      serve: cjsEntry(outDir, entry.name, entry.input, true, { external: serverEntryExternal, packageChunks: true, sourcemap }),
      exportWorker: cjsEntry(outDir, 'export-worker', 'core/composition/export-worker-entry.ts', false, { external, sourcemap }),
      importWorker: cjsEntry(outDir, 'import-worker', 'core/composition/import-worker-entry.ts', false, { external, sourcemap }),
    },
    builder: {
      async buildApp(builder) {
        // serve first: it empties the folder.
        await builder.build(builder.environments.serve!);
        await builder.build(builder.environments.exportWorker!);
        await builder.build(builder.environments.importWorker!);
      },
    },
  };
}

export default defineConfig(serverBuildConfig());
