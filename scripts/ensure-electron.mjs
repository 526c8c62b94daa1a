// Runs before `electron .` in `npm start`: makes sure Electron's binary is there. Electron's own
// postinstall download is blocked on purpose (package.json `allowScripts`), so the first start
// fetches it instead, with Electron's own installer. Plain JS for Node >= 20, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The project's own node_modules/electron: `npm start` runs in the project folder, and looking
 * further (parent folders, NODE_PATH, global folders, as require.resolve would) could find some
 * other project's Electron and report on the wrong one.
 */
function electronDir() {
  const dir = join(process.cwd(), 'node_modules', 'electron');
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

/** Installed means: path.txt names the executable and the file exists (what electron/index.js checks). */
function binaryPath(dir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

function fail(message) {
  console.error(`\n[ensure-electron] ${message}\n`);
  process.exit(1);
}

const dir = electronDir();
if (!dir) fail('The electron package is not installed. Run `npm install` first.');

if (!binaryPath(dir)) {
  console.log('[ensure-electron] Electron binary not found; downloading it once (this needs internet)...');
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit', cwd: dir });
  if (result.status !== 0 || !binaryPath(dir)) {
    fail(
      'Could not download the Electron binary.\n' +
        '  Check the internet connection (or a proxy: set HTTPS_PROXY; a mirror: set ELECTRON_MIRROR),\n' +
        `  then run \`node ${join(dir, 'install.js')}\` and \`npm start\` again.\n` +
        '  Without a window the desk still runs headless: `npm run serve`.',
    );
  }
  console.log('[ensure-electron] Electron is ready.');
}
