// Runs first in `npm run serve`: builds the renderer (`dist/renderer`) and the server bundle
// (`dist-server`, vite.server.config.ts) only when one is missing or older than a file it is built
// from, so a fresh clone gets both and a restart with nothing changed starts at once (a build costs
// seconds; the e2e suite starts serve once per file). Plain JS for Node >= 20, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What serve needs built, from what; `built` is relative to the repo (tests/core/serve.bundle.sqlite.test.ts checks the build writes each). */
export const TARGETS = [
  {
    name: 'renderer',
    script: 'build:renderer',
    /** The renderer's sources, the shared contract it imports, the build config. */
    sources: ['renderer', 'shared', 'vite.config.ts', 'package.json'],
    built: [join('dist', 'renderer', 'index.html')],
  },
  {
    name: 'server',
    script: 'build:server',
    /** The node-side sources (db/ includes the migrations it copies), the build config. */
    sources: ['core', 'db', 'shared', 'vite.server.config.ts', 'package.json'],
    /** Every file serve needs; the oldest of them decides. */
    built: [join('dist-server', 'serve.cjs'), join('dist-server', 'export-worker.cjs'), join('dist-server', 'import-worker.cjs'), ...['sqlite', 'postgres'].map((engine) => join('dist-server', 'migrations', engine, 'meta', '_journal.json'))],
  },
];

/** Newest modification time (ms) of a file, or of any file under a folder (node_modules and dot-entries left out); 0 when it does not exist. Also the benchmarks' (bench/support/host-build.ts). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function staleReason(target) {
  const missing = target.built.find((file) => !existsSync(file));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...target.built.map((file) => statSync(file).mtimeMs));
  const changed = target.sources.find((source) => newestMtime(source) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

function buildWhatIsStale() {
  for (const target of TARGETS) {
    const reason = staleReason(target);
    if (!reason) continue;
    console.error(`[serve] Building the ${target.name} (${reason})…`);
    const result = spawnSync('npm', ['run', target.script, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    if (result.status !== 0) {
      console.error(`[serve] The ${target.name} build failed; see above.`);
      process.exit(result.status ?? 1);
    }
  }
}

// Run as a script (npm run serve); imported (a test), it only lends TARGETS.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildWhatIsStale();
