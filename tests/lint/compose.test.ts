/**
 * compose.yaml and haproxy.cfg, checked against the repo (issue 20 item 8). No Docker engine runs on
 * this machine, so the stack is never started here: the compose file is parsed (the `yaml` package,
 * merge keys as compose resolves them) and each fact it states is held against what it names — the
 * image the Dockerfile builds, the environment `serve` reads, the health route in the contract, the
 * servers HAProxy's configuration balances. The same haproxy.cfg runs for real in
 * tests/integration/load-balancer.postgres.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../shared/contract/commands';

const REPO = resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(resolve(REPO, file), 'utf8');

interface Service {
  build?: string;
  image?: string;
  profiles?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  volumes?: string[];
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
  networks: Record<string, { ipam: { config: { subnet: string }[] } }>;
  volumes: Record<string, unknown>;
}

const compose = parse(read('compose.yaml'), { merge: true }) as Compose;
const haproxyCfg = read('haproxy.cfg');
const frontdesks = Object.entries(compose.services).filter(([, s]) => s.image === 'frontdesk:latest');
const haproxy = compose.services.haproxy!;

/** The environment names the server reads: `serve`'s own (core/serve.ts), the host's, the Dockerfile's. */
const READ_BY_THE_SERVER = new Set(
  [read('core/serve.ts'), read('core/host.ts'), read('Dockerfile')].flatMap((text) => [...text.matchAll(/\b((?:FRONTDESK|DATABASE|BILLING_SERVICE|EVENT_SERVICE)_[A-Z_]+|DATABASE_URL)\b/g)].map((m) => m[1]!)),
);

/** `172.28.0.10` inside `172.28.0.0/24`. */
function inSubnet(address: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string];
  const n = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(n(address) / size) === Math.floor(n(base) / size);
}

describe('compose.yaml', () => {
  it('runs PostgreSQL 15, two Frontdesk servers of the image the Dockerfile builds, and HAProxy in front', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['frontdesk-1', 'frontdesk-2', 'haproxy', 'postgres', 'rabbitmq']);
    expect(compose.services.postgres!.image).toBe('postgres:15');
    expect(compose.services.postgres!.healthcheck!.test.join(' ')).toMatch(/pg_isready -U frontdesk -d frontdesk/);
    expect(compose.services.postgres!.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(frontdesks.map(([name]) => name)).toEqual(['frontdesk-1', 'frontdesk-2']);
    expect(haproxy.image).toMatch(/^haproxy:2\.\d+$/);
    expect(compose.services.rabbitmq!.profiles).toEqual(['rabbitmq']);
  });

  it('each server: built from the Dockerfile, started once PostgreSQL is healthy, on it, with its own name and data volume, not published', () => {
    const pg = compose.services.postgres!.environment!;
    for (const [name, s] of frontdesks) {
      expect(s.build, name).toBe('.');
      expect(s.depends_on, name).toEqual({ postgres: { condition: 'service_healthy' } });
      const env = s.environment!;
      expect(env.DATABASE_URL, name).toBe(`postgres://${pg.POSTGRES_USER}:\${POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`);
      expect(env.FRONTDESK_SERVER_NAME, name).toBe(name);
      expect(env.FRONTDESK_ADMIN_PASSWORD, name).toMatch(/^\$\{FRONTDESK_ADMIN_PASSWORD:\?/);
      expect(s.volumes, name).toEqual([`${name}-data:/data`]);
      expect(Object.keys(compose.volumes)).toContain(`${name}-data`);
      expect(s.ports, `${name}: only HAProxy is published`).toBeUndefined();
      expect(s.expose, name).toEqual([env.FRONTDESK_PORT]);
    }
    expect(read('Dockerfile')).toMatch(/^VOLUME \["\/data"\]$/m);
  });

  it('sets only environment names the server reads', () => {
    for (const [name, s] of frontdesks) {
      for (const key of Object.keys(s.environment!)) expect(READ_BY_THE_SERVER.has(key), `${name}: ${key}`).toBe(true);
    }
  });

  it('HAProxy: the only published port, a fixed address the servers trust, the repo\'s haproxy.cfg, one variable per server', () => {
    expect(haproxy.ports).toEqual(['${FRONTDESK_PORT:-8787}:8787']);
    expect(haproxy.environment!.FRONTDESK_PROXY_BIND).toBe(':8787');
    expect(haproxy.volumes).toEqual(['./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    const address = (haproxy.networks as Record<string, { ipv4_address: string }>).frontdesk!.ipv4_address;
    expect(inSubnet(address, compose.networks.frontdesk!.ipam.config[0]!.subnet)).toBe(true);
    frontdesks.forEach(([name, s], i) => {
      expect(s.environment!.FRONTDESK_TRUST_PROXY, name).toBe(address);
      expect(haproxy.environment![`FRONTDESK_${i + 1}`], name).toBe(`${name}:${s.environment!.FRONTDESK_PORT}`);
    });
    expect(haproxy.depends_on).toEqual(frontdesks.map(([name]) => name));
  });
});

describe('haproxy.cfg', () => {
  const backends = [...haproxyCfg.matchAll(/^backend (\S+)\n((?:[ \t]+.*\n?|\n)*)/gm)].map((m) => ({ name: m[1]!, body: m[2]! }));

  it('binds where compose says and balances every server of compose.yaml in each backend, by its variable', () => {
    expect(haproxyCfg).toMatch(/^\s+bind "\$\{FRONTDESK_PROXY_BIND\}"$/m);
    expect(backends.map((b) => b.name)).toEqual(['frontdesk-servers', 'frontdesk-live', 'frontdesk-socket-io']);
    for (const b of backends) {
      const servers = [...b.body.matchAll(/^\s+server (\S+) "\$\{(FRONTDESK_\d+)\}"$/gm)].map((m) => [m[1], m[2]]);
      expect(servers, b.name).toEqual(frontdesks.map(([name], i) => [name, `FRONTDESK_${i + 1}`]));
    }
  });

  it('checks each server at the contract\'s readiness route, expects 200, and takes a failing one out', () => {
    const ready = commands['health:ready'].http.path;
    expect(ready).toBe('/health/ready');
    for (const b of backends) {
      expect(b.body, b.name).toMatch(/^\s+option httpchk$/m);
      expect(b.body, b.name).toContain(`http-check send meth GET uri ${ready} `);
      expect(b.body, b.name).toMatch(/^\s+http-check expect status 200$/m);
    }
    expect(haproxyCfg).toMatch(/^\s+default-server check inter \d+s fall \d+ rise \d+ /m);
  });

  it('closes the long-lived connections (/ws, Socket.IO) of a server taken out, and leaves plain requests to finish', () => {
    expect(haproxyCfg).toMatch(/^\s+use_backend frontdesk-live if \{ path \/ws \}$/m);
    for (const b of backends) {
      expect(/^\s+default-server .*\bon-marked-down shutdown-sessions\b/m.test(b.body), b.name).toBe(b.name !== 'frontdesk-servers');
    }
    const defaults = /^defaults\n((?:[ \t]+.*\n?|\n)*)/m.exec(haproxyCfg)![1]!;
    expect(defaults).not.toContain('shutdown-sessions');
  });

  it('passes the WebSocket upgrades (/ws, /socket.io/) with a long tunnel timeout, keeps Socket.IO on one server, forwards the client\'s address', () => {
    expect(haproxyCfg).toMatch(/^\s+mode http$/m);
    expect(haproxyCfg).toMatch(/^\s+timeout tunnel \d+h$/m);
    expect(haproxyCfg).toMatch(/^\s+use_backend frontdesk-socket-io if \{ path_beg \/socket\.io\/ \}$/m);
    expect(backends.find((b) => b.name === 'frontdesk-socket-io')!.body).toMatch(/^\s+balance source$/m);
    expect(haproxyCfg).toMatch(/^\s+option forwardfor$/m);
    expect(haproxyCfg).toMatch(/^\s+option redispatch$/m);
  });
});
