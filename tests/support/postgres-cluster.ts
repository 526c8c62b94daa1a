/**
 * A private PostgreSQL cluster for tests and benchmarks: `initdb` in a temp folder, a free port on
 * 127.0.0.1, `fsync` and `synchronous_commit` on (as in production), password authentication (so a
 * wrong password is refused as it would be), removed by `stop()`. PostgreSQL refuses to run as root,
 * and CI runs as root: then the folder belongs to the `postgres` user and every server binary runs
 * as that user (`runuser`).
 *
 * Binaries: `FRONTDESK_PG_BIN`, else the newest `/usr/lib/postgresql/<n>/bin`, else `pg_config --bindir`.
 * Where none is found, `startPostgresCluster` throws with how to install them: the PostgreSQL tests
 * fail, they never pass by skipping.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PG_SUPERUSER = 'frontdesk';

export interface PostgresCluster {
  /** `postgres://frontdesk:<password>@127.0.0.1:<port>` (no database). */
  baseUrl: string;
  port: number;
  password: string;
  dataDir: string;
  /** A URL for one database of the cluster. */
  url(database: string): string;
  /** Runs a server binary (`pg_ctl`, `psql`…) as the cluster's owner. */
  run(binary: string, args: string[]): string;
  /** Kills the postmaster with SIGKILL (a crash), leaving the data folder as it was. */
  kill(): void;
  /** Starts the server again on the same folder and port (after `kill()` or `stopServer()`). */
  restart(): void;
  stopServer(): void;
  /** Stops the server and removes the folder. */
  stop(): void;
}

const INSTALL_HINT =
  'PostgreSQL 15+ server binaries were not found. Install them (Debian: `apt-get install -y postgresql`) ' +
  'or point FRONTDESK_PG_BIN at the folder holding initdb and pg_ctl.';

export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.FRONTDESK_PG_BIN) candidates.push(env.FRONTDESK_PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!bin) throw new Error(INSTALL_HINT);
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ownerIds(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim();
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The processes whose working directory is `dir` (a cluster's postmaster and backends run in its data folder). */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir) pids.push(Number(entry));
    } catch {
      // gone already, or not ours to look at
    }
  }
  return pids;
}

export interface ClusterOptions {
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
  /**
   * A folder that outlives the cluster (the benchmarks' cached datasets): initdb runs only when it
   * holds no cluster yet, the password is kept beside it, and `stop()` stops the server but keeps it.
   */
  persistentRoot?: string;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const owner = ownerIds();
  const persistent = options.persistentRoot;
  if (persistent) mkdirSync(persistent, { recursive: true });
  const root = persistent ?? mkdtempSync(join(tmpdir(), 'frontdesk-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = root;
  const pwFile = join(root, 'pw');
  const initialized = persistent !== undefined && existsSync(join(dataDir, 'PG_VERSION')) && existsSync(pwFile);
  const password = initialized ? readFileSync(pwFile, 'utf8') : `pw-${Math.random().toString(36).slice(2)}`;
  if (!initialized) writeFileSync(pwFile, password);
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  chmodSync(root, 0o700);

  const run = (binary: string, args: string[]): string => {
    const file = join(bin, binary);
    const r = owner
      ? spawnSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8', cwd: root })
      : spawnSync(file, args, { encoding: 'utf8', cwd: root });
    if (r.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };

  if (!initialized) run('initdb', ['-D', dataDir, '-U', PG_SUPERUSER, `--pwfile=${pwFile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: socketDir,
    fsync: 'on',
    synchronous_commit: 'on',
    max_connections: 300,
    shared_buffers: '128MB',
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const start = () => run('pg_ctl', ['-D', dataDir, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
  const stopServer = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  const baseUrl = `postgres://${PG_SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    baseUrl,
    port,
    password,
    dataDir,
    url: (database) => `${baseUrl}/${database}`,
    run,
    kill() {
      const pid = Number(execFileSync('head', ['-1', join(dataDir, 'postmaster.pid')], { encoding: 'utf8' }).trim());
      process.kill(pid, 'SIGKILL');
      // The backends notice their postmaster is gone and exit; until the last has, the shared memory
      // is in use and a new postmaster refuses to start. Their command lines do not name the folder,
      // but every one of them runs in it: wait until no process has it as its working directory, and
      // until the postmaster has been reaped (a new one refuses while its PID still exists).
      const gone = () => !existsSync(`/proc/${pid}`) && processesIn(dataDir).length === 0;
      for (let i = 0; i < 400 && !gone(); i++) spawnSync('sleep', ['0.05']);
    },
    restart: start,
    stopServer,
    stop() {
      stopServer();
      if (!persistent) rmSync(root, { recursive: true, force: true });
    },
  };
}
