/**
 * A private RabbitMQ node for a test file (issue 21), from Debian's `rabbitmq-server`: its own folder
 * (data, logs, config, Erlang cookie: HOME), its own free ports on 127.0.0.1 (AMQP, distribution,
 * epmd), run as the `rabbitmq` user (CI runs as root; the Erlang node refuses nothing, but its files
 * must not be root's). Its own epmd is started first and ended last. `stop()` stops the node with
 * `rabbitmqctl stop` and keeps its data (a later `start()` finds the durable queues); `kill()` is a
 * SIGKILL of its `beam.smp`; `destroy()` ends everything and deletes the folder, and runs on process
 * exit too, so a failing test leaves nothing running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';

const BIN = '/usr/lib/rabbitmq/bin';
const START_TIMEOUT_MS = 90_000;

export interface RabbitNode {
  /** The AMQP URL with these credentials and vhost (guest/guest and `/` by default). */
  url(user?: string, password?: string, vhost?: string): string;
  port: number;
  /** Starts the node (again) and resolves once it accepts AMQP connections; one already running is left as it is. */
  start(): Promise<void>;
  /** `rabbitmqctl stop`: a clean stop; the data stays. */
  stop(): Promise<void>;
  /** SIGKILL of beam.smp (no clean shutdown), then waits for it to be gone. */
  kill(): Promise<void>;
  /** `rabbitmqctl <args>` against this node. */
  ctl(...args: string[]): string;
  /** The node's log lines that match `pattern` (to say what the broker did when an assertion fails). */
  logLines(pattern: RegExp): string[];
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`RabbitMQ test node: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function createRabbitNode(): Promise<RabbitNode> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-rabbit-'));
  chmodSync(dir, 0o700);
  const [port, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const name = `fd${process.pid}@localhost`;
  writeFileSync(join(dir, 'rabbitmq.conf'), `listeners.tcp.default = 127.0.0.1:${port}\nloopback_users = none\n`);
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  const uid = Number(spawnSync('id', ['-u', 'rabbitmq']).stdout.toString().trim());
  const gid = Number(spawnSync('id', ['-g', 'rabbitmq']).stdout.toString().trim());
  for (const f of ['', 'rabbitmq.conf', 'enabled_plugins']) chownSync(join(dir, f), uid, gid);
  const env = {
    PATH: '/usr/bin:/bin:/usr/sbin:/sbin', HOME: dir, LANG: 'C.UTF-8',
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'), RABBITMQ_LOG_BASE: join(dir, 'log'), RABBITMQ_NODENAME: name,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1', RABBITMQ_NODE_PORT: String(port), RABBITMQ_DIST_PORT: String(distPort),
    ERL_EPMD_PORT: String(epmdPort), ERL_EPMD_ADDRESS: '127.0.0.1', RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
  // As the rabbitmq user, with nothing of the caller's environment but this.
  const asRabbit = (cmd: string, args: string[]) => spawn('runuser', ['-u', 'rabbitmq', '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), cmd, ...args], { cwd: dir, stdio: 'ignore' });
  const ctl = (...args: string[]) => {
    const r = spawnSync('runuser', ['-u', 'rabbitmq', '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), `${BIN}/rabbitmqctl`, '-n', name, ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`rabbitmqctl ${args.join(' ')}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };

  const epmd: ChildProcess = asRabbit('/usr/bin/epmd', ['-port', String(epmdPort), '-address', '127.0.0.1']);
  let server: ChildProcess | undefined;
  // This node's own processes, found by its folder (`-home <dir>`) and its epmd's port: never by a bare name.
  const pidOf = (pattern: string) => Number(spawnSync('pgrep', ['-u', 'rabbitmq', '-f', pattern], { encoding: 'utf8' }).stdout.trim().split('\n')[0]) || null;
  const beamPid = () => pidOf(`beam.smp .*-home ${dir} `);
  const epmdPid = () => pidOf(`epmd -port ${epmdPort} `);
  const url = (user = 'guest', password = 'guest', vhost = '/') => `amqp://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(vhost)}`;
  const accepts = async () => {
    try {
      const c = await amqp.connect(url(), { timeout: 2_000 });
      await c.close();
      return true;
    } catch {
      return false;
    }
  };
  const waitGone = async () => {
    const pid = beamPid();
    if (pid) await until('beam.smp to end', () => !alive(pid), 30_000);
  };
  const hardStop = () => {
    const pid = beamPid();
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    server?.kill('SIGKILL');
    const daemon = epmdPid();
    if (daemon) process.kill(daemon, 'SIGKILL');
    epmd.kill('SIGKILL');
  };
  process.once('exit', hardStop);

  const logLines = (pattern: RegExp) => {
    try {
      return readFileSync(join(dir, 'log', `${name}.log`), 'utf8').split('\n').filter((line) => pattern.test(line));
    } catch {
      return [];
    }
  };
  const node: RabbitNode = {
    url,
    port,
    ctl,
    logLines,
    async start() {
      if (beamPid()) return;
      server = asRabbit(`${BIN}/rabbitmq-server`, []);
      await until('the node to accept AMQP connections', accepts);
    },
    async stop() {
      ctl('stop');
      await waitGone();
    },
    async kill() {
      const pid = beamPid();
      if (!pid) throw new Error('RabbitMQ test node: no beam.smp pid');
      process.kill(pid, 'SIGKILL');
      await waitGone();
    },
    async destroy() {
      try {
        if (beamPid() && alive(beamPid()!)) ctl('stop');
      } catch {
        // killed below
      }
      hardStop();
      process.removeListener('exit', hardStop);
      await until('epmd to end', () => epmdPid() === null, 10_000).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await node.start().catch(async (e: unknown) => {
    await node.destroy();
    throw e;
  });
  return node;
}
