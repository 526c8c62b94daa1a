// Runs first in `npm run serve` (before the server's build): builds the renderer only when `dist/renderer`
// is missing or older than what it is built from, so a fresh clone gets the UI and a restart with
// nothing changed starts at once (a build costs seconds; the e2e suite starts serve once per file).
// Plain JS for Node >= 20, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the bundle is built from: the renderer's sources, the shared contract it imports, the build config. */
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];
const BUILT = join('dist', 'renderer', 'index.html');

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
  if (!existsSync(BUILT)) return 'dist/renderer is missing';
  const builtAt = statSync(BUILT).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(source) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const reason = isStale();
if (reason) {
  console.error(`[serve] Building the renderer (${reason})…`);
  const result = spawnSync('npm', ['run', 'build:renderer', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[serve] The renderer build failed; see above.');
    process.exit(result.status ?? 1);
  }
}
