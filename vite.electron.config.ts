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
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const runtimeDeps = Object.keys(pkg.dependencies);
const isRuntimeDep = (id: string) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

function cjsEntry(name: 'main' | 'preload', external: (id: string) => boolean): EnvironmentOptions {
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
        input: { [name]: `electron/${name}.ts` },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  environments: {
    main: cjsEntry('main', (id) => id === 'electron' || builtins.has(id) || isRuntimeDep(id)),
    preload: cjsEntry('preload', (id) => id === 'electron'),
  },
  builder: {
    async buildApp(builder) {
      // main first: it empties dist-electron/.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
