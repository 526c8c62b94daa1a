/**
 * A private PostgreSQL 15 cluster for the spike: `initdb` in a temp folder as the `postgres` user
 * (PostgreSQL refuses to run as root), a free port on 127.0.0.1, a socket in the temp folder,
 * `fsync` and `synchronous_commit` on (the defaults, said out loud). Stopped and removed by `stop()`.
 * Also reads the server's CPU time (postmaster + backends + background writers) from /proc, so a
 * candidate's cost on the server side can be told from its cost in Node.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  host: string;
  /** The cluster's temp folder (readable by the server: a place for COPY files). */
  dir: string;
  version: string;
  /** postmaster + children CPU (user + system), ms, summed over the processes alive now. */
  serverCpuMs(): Map<number, number>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'runuser' : join(BIN, cmd), asRoot ? ['-u', 'postgres', '--', join(BIN, cmd), ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

function cpuOfTree(rootPid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      if (pid !== rootPid && ppid !== rootPid) continue;
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms spent between two `serverCpuMs()` readings (a process born in between counts from 0). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

export async function startPgCluster(log: (line: string) => void): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-spike-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = [
    `-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=on', '-c synchronous_commit=on',
    '-c shared_buffers=256MB', '-c max_wal_size=2GB', '-c max_connections=100',
  ].join(' ');
  asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', opts, 'start']);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const version = asPostgres('postgres', ['--version']).trim();
  log(`PostgreSQL started: ${version}, 127.0.0.1:${port}, data ${data}, fsync=on, synchronous_commit=on`);
  let stopped = false;
  return {
    port,
    host: '127.0.0.1',
    dir,
    version,
    serverCpuMs: () => cpuOfTree(pid),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
