/**
 * `npm run serve` as a user runs it: the steps of package.json's `serve` script (`node …` commands
 * joined by `&&`: the stale checks that build the renderer and the server bundle, then the server),
 * each run with this Node, the last one with `--data DIR --port 0` added. The server is spawned
 * directly rather than through npm so that its pid is the server's. Nothing of the benchmark runs
 * inside it, so its memory is read from outside: resident size and the kernel's high-water mark from
 * `/proc/<pid>/status` (Linux; elsewhere `startServeProcess` returns undefined and the figure is skipped).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './hotel-dataset';

const REPO = join(BENCH_DIR, '..');

export interface ServeProcess {
  url: string;
  pid: number;
  /** Resident memory now (VmRSS). */
  rssBytes(): number;
  /** The kernel's high-water mark of resident memory over the process's life (VmHWM). */
  maxRssBytes(): number;
  stop(): Promise<void>;
}

/** The `serve` script's steps as argument lists without the leading `node`. */
function serveSteps(): string[][] {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.serve!.split('&&').map((step) => {
    const [command, ...args] = step.trim().split(/\s+/);
    if (command !== 'node') throw new Error(`the serve script's step "${step.trim()}" is not a node command`);
    return args;
  });
}

/** Resident memory (VmRSS) or its high-water mark (VmHWM) of a process, from outside it. */
export function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon' | 'RssFile'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export interface ServeOptions {
  /** More of serve's own arguments (`--demo`). */
  args?: string[];
  /** Environment for serve (`FRONTDESK_ADMIN_PASSWORD` for a new hotel's first admin). */
  env?: Record<string, string>;
  /** Another build's `serve.cjs` (an A/B of two builds): run with the script's Node flags, no build step run. */
  script?: string;
  /** Node flags in place of the serve script's own (an A/B of flags, bench/support/serve-variants.ts). */
  nodeFlags?: string[];
}

export async function startServeProcess(dataDir: string, options: ServeOptions = {}): Promise<ServeProcess | undefined> {
  if (!existsSync('/proc/self/status')) return undefined;
  const steps = serveSteps();
  const last = steps.pop()!;
  const server = [...(options.nodeFlags ?? last.slice(0, -1)), options.script ?? last[last.length - 1]!];
  for (const step of options.script ? [] : steps) {
    const run = spawnSync(process.execPath, step, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`npm run serve's step "node ${step.join(' ')}" failed`);
  }
  // The environment serve reads is left out: the data folder and port come from the arguments, and no outbox target is set.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FRONTDESK_') && !k.endsWith('_SERVICE_URL'))), ...options.env };
  const child = spawn(process.execPath, [...server, '--data', dataDir, '--port', '0', ...(options.args ?? [])], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  // Read everything (the request log included) so a full pipe never stalls the server.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      if (output.length < 10_000) output += data.toString();
      const found = /Frontdesk listening on (http:\/\/[^\s]+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (code ${code}):\n${output}`));
    });
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    rssBytes: () => statusBytes(pid, 'VmRSS'),
    maxRssBytes: () => statusBytes(pid, 'VmHWM'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
