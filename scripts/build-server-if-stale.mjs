// Runs before `node dist-server/serve.cjs` in `npm run serve`: builds the server bundle
// (vite.server.config.ts) only when a file it is built from is newer than it, so a fresh clone gets
// one and a restart with nothing changed starts at once. Plain JS for Node >= 20, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the bundle is built from: the node-side sources (db/ includes the migrations it copies), the build config. */
const SOURCES = ['core', 'db', 'shared', 'vite.server.config.ts', 'package.json'];
/** Every file the build writes that serve needs; the oldest of them decides. */
const BUILT = [join('dist-server', 'serve.cjs'), join('dist-server', 'stays-csv-worker.cjs'), join('dist-server', 'migrations', 'meta', '_journal.json')];

/** Newest modification time (ms) of a file, or of any file under a folder; 0 when it does not exist. */
function newestMtime(path) {
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

function isStale() {
  const missing = BUILT.find((file) => !existsSync(file));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...BUILT.map((file) => statSync(file).mtimeMs));
  const changed = SOURCES.find((source) => newestMtime(source) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const reason = isStale();
if (reason) {
  console.error(`[serve] Building the server (${reason})…`);
  const result = spawnSync('npm', ['run', 'build:server', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[serve] The server build failed; see above.');
    process.exit(result.status ?? 1);
  }
}
