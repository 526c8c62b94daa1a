/**
 * The repo's own haproxy.cfg (what compose.yaml runs in front of the servers), run by Debian's HAProxy
 * in the foreground on a free port of 127.0.0.1, with the servers given by address: only the
 * environment differs from compose. Without HAProxy the test fails saying how to install it, never
 * passes by skipping.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from './postgres-cluster';

export const HAPROXY_CONFIG = resolve(import.meta.dirname, '..', '..', 'haproxy.cfg');
const INSTALL_HINT = 'HAProxy was not found: install it (Debian: `apt-get install -y haproxy`) or point HAPROXY_BIN at its binary.';

export interface Haproxy {
  url: string;
  /** What HAProxy logged (its request lines and its servers going up and down). */
  log(): string;
  stop(): Promise<void>;
}

export function findHaproxy(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.HAPROXY_BIN, '/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c)) ?? (spawnSync('haproxy', ['-v']).status === 0 ? 'haproxy' : undefined);
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Checks the configuration as `haproxy -c` does, with the given servers; the output. */
export function checkHaproxyConfig(servers: readonly string[]): { status: number | null; output: string } {
  const r = spawnSync(findHaproxy(), ['-c', '-f', HAPROXY_CONFIG], { encoding: 'utf8', env: { ...process.env, ...environment('127.0.0.1:1', servers) } });
  return { status: r.status, output: r.stdout + r.stderr };
}

function environment(bind: string, servers: readonly string[]): Record<string, string> {
  return { FRONTDESK_PROXY_BIND: bind, ...Object.fromEntries(servers.map((s, i) => [`FRONTDESK_${i + 1}`, s])) };
}

const canConnect = (port: number) =>
  new Promise<boolean>((done) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      done(true);
    });
    s.on('error', () => done(false));
  });

/** Starts HAProxy in front of `servers` (`host:port` each); resolves once it accepts connections. */
export async function startHaproxy(servers: readonly string[]): Promise<Haproxy> {
  const port = await freePort();
  const child = spawn(findHaproxy(), ['-db', '-f', HAPROXY_CONFIG], { env: { ...process.env, ...environment(`127.0.0.1:${port}`, servers) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  while (!(await canConnect(port))) {
    if (gone) throw new Error(`HAProxy exited at start:\n${log}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
