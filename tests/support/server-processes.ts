/**
 * Several Frontdesk servers as separate processes on one PostgreSQL database
 * (tests/support/server-child.ts: the real host, every background job), started at once as a
 * deployment starts them, each with its name, its own data folder and a free port. The test sees each
 * server's URL and the jobs it runs now, and may SIGKILL one (a crash: no close, no goodbye to the
 * database) or stop it (SIGTERM: the host closes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerChildConfig } from './server-child';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 90_000;

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** The jobs running on this server now (as it last said). */
  jobs(): string[];
  /** Resolves once `condition` holds for this server's jobs. */
  whenJobs(condition: (jobs: string[]) => boolean): Promise<void>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the host closes), then waits until the process is gone; at once if it is gone already. */
  stop(): Promise<void>;
  /** What the server wrote to stderr so far (for a failure's message). */
  stderr(): string;
}

export interface ServerOptions {
  databaseUrl: string;
  /** Each server's data folder is `<dir>/<name>`. */
  dir: string;
  leaderRetryMs?: number;
  settings?: ServerChildConfig['settings'];
}

function spawnServer(name: string, o: ServerOptions): Promise<ServerProcess> {
  const dataDir = join(o.dir, name);
  mkdirSync(dataDir, { recursive: true });
  const config: ServerChildConfig = { name, dataDir, databaseUrl: o.databaseUrl, leaderRetryMs: o.leaderRetryMs ?? 15_000, settings: o.settings ?? {} };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let jobs: string[] = [];
  let stderr = '';
  let waiters: (() => void)[] = [];
  const changed = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exited = false;
  void gone.then(() => {
    exited = true;
    changed();
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (stderr += c));
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server ${name} did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    void gone.then(() => reject(new Error(`server ${name} exited before it was ready:\n${stderr}`)));
    let pending = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.startsWith('jobs ')) {
          jobs = line.slice('jobs '.length).split(',').filter(Boolean);
          changed();
        } else if (line.startsWith('ready ')) {
          clearTimeout(timer);
          resolve(server(line.slice('ready '.length)));
        }
      }
    });
  });

  function server(url: string): ServerProcess {
    const end = async (signal: NodeJS.Signals) => {
      if (!exited) child.kill(signal);
      await gone;
    };
    return {
      name,
      url,
      pid: child.pid!,
      jobs: () => jobs,
      async whenJobs(condition) {
        while (!condition(jobs)) {
          if (exited) throw new Error(`server ${name} exited while waiting for its jobs:\n${stderr}`);
          await new Promise<void>((wake) => waiters.push(wake));
        }
      },
      kill: () => end('SIGKILL'),
      stop: () => end('SIGTERM'),
      stderr: () => stderr,
    };
  }
}

/** Starts the named servers at once (as a deployment does: they migrate one at a time under the lock). */
export async function startServers(names: string[], options: ServerOptions): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(names.map((name) => spawnServer(name, options)));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.kill()] : [])));
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value);
}
