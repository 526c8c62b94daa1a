/**
 * Starts the real `npm run serve` in a child process on a fresh data folder and a free port, and
 * waits for the URL it prints. `npm run test:e2e` has just built the renderer, so serve's stale check
 * (scripts/build-if-stale.mjs) finds it fresh and starts without building.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServeProcess {
  /** `http://127.0.0.1:<port>`, as serve printed it. */
  url: string;
  dataDir: string;
  /** Everything serve wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /**
   * SIGTERM to the whole process group (npm → sh → node), SIGKILL if any of it lingers; once none of
   * it is left, removes the data folder.
   */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The caller's environment without settings that would point serve elsewhere. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FRONTDESK_') && !k.endsWith('_SERVICE_URL')));
  // Nothing listens on the discard port: billing messages stay pending without a DNS lookup per retry.
  // The machine is in the hotel's zone (Copenhagen), as an installation at the hotel is; a test that
  // plays a server on UTC passes `TZ: 'UTC'` (first-run-demo.e2e.ts).
  return { ...env, TZ: 'Europe/Copenhagen', BILLING_SERVICE_URL: 'http://127.0.0.1:9', ...extra };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Whether any process of the group `pid` leads is still there (signal 0 only checks). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true once no process of the group is left, false if one still is after `ms`. */
async function groupGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * A port nothing listens on now. Serve gets a fixed one rather than 0: the host moves its listener
 * when the settings say another address, and the tests change settings.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServe(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
  const args = ['run', 'serve', '--silent', '--', '--data', dataDir, '--port', String(await freePort())];
  if (options.demo) args.push('--demo');
  // detached: the child leads its own process group, so stop() reaches tsx's node as well.
  const child = spawn('npm', args, { cwd: process.cwd(), env: cleanEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const stop = async () => {
    if (child.pid !== undefined && groupAlive(child.pid)) {
      signalGroup(child.pid, 'SIGTERM');
      // npm exits at once on SIGTERM; serve's node finishes its shutdown after it (the database closed,
      // the downtime pack written into the data folder), so wait for the whole group, not npm alone.
      if (!(await groupGone(child.pid, STOP_TIMEOUT_MS))) {
        signalGroup(child.pid, 'SIGKILL');
        await groupGone(child.pid, STOP_TIMEOUT_MS);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onData = () => {
        const m = /Frontdesk listening on (http:\/\/\S+)/.exec(output);
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${child.exitCode ?? child.signalCode} before listening:\n${output}`));
      });
    });
    return { url, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
