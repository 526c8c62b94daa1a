/**
 * The `serve` entry run from its TypeScript source (`tsx core/serve.ts`) as a child process on Node 24,
 * on any free port. `npm run serve` runs the same file bundled: tests/core/serve.bundle.sqlite.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract/settings';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';

const REPO = resolve(__dirname, '../..');
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-serve-'));
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function serve(args: string[], env: Record<string, string> = {}): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FRONTDESK_') && !k.endsWith('_SERVICE_URL')));
  const c = spawn(process.execPath, ['--import', 'tsx', 'core/serve.ts', ...args], { cwd: REPO, env: { ...clean, ...env }, stdio: 'pipe' });
  child = c;
  let out = '';
  c.stdout.on('data', (d: Buffer) => (out += d.toString()));
  c.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
  return { child: c, output: () => out, exited };
}

/** The first admin's password, as an automated install gives it. */
const ADMIN_ENV = { FRONTDESK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };

async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

async function listeningUrl(run: Run): Promise<string> {
  // A cold start through tsx on a loaded machine took 28 s once; 2 s on a quiet one.
  await expect.poll(() => run.output(), { timeout: 60_000, interval: 50 }).toMatch(/Frontdesk listening on http:\/\/127\.0\.0\.1:\d+/);
  return /(http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())![1]!;
}

describe('npm run serve', { timeout: 90_000 }, () => {
  it('starts on the given data dir and port, says where, serves the demo hotel, and exits 0 on SIGTERM', async () => {
    const run = serve(['--data', dir, '--port', '0', '--demo'], { ...ADMIN_ENV, BILLING_SERVICE_URL: 'http://127.0.0.1:9/billing' });
    const url = await listeningUrl(run);
    expect(run.output()).toContain(`(data: ${dir})`);
    // Printed in a second write after the listening line: wait for it like for the first.
    await expect.poll(() => run.output(), { timeout: 5_000, interval: 50 }).toContain(`${url}/docs`);
    await expect.poll(() => run.output(), { timeout: 5_000, interval: 50 }).toContain('LAN API off (127.0.0.1 only); an admin turns it on in Settings.');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/bookings`)).status).toBe(401);
    const token = await signInOverHttp(url);
    expect((await getJson<unknown[]>(`${url}/bookings`, token)).length).toBeGreaterThan(0);
    const settings = await getJson<Settings>(`${url}/api/v1/settings`, token);
    expect(settings.billingServiceUrl).toBe('http://127.0.0.1:9/billing');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    // The log: JSON lines on the console and in DIR/logs, the password and token in neither.
    expect(run.output()).toMatch(/\{"level":30,.*"msg":"request completed"/);
    const logs = readdirSync(join(dir, 'logs')).filter((f) => /^frontdesk\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f));
    expect(logs).toHaveLength(1);
    const logged = readFileSync(join(dir, 'logs', logs[0]!), 'utf8');
    expect(logged).toContain('"msg":"request completed"');
    for (const secret of [TEST_ADMIN_PASSWORD, token]) {
      expect(logged).not.toContain(secret);
      expect(run.output()).not.toContain(secret);
    }
  });

  it('takes the data dir and port from FRONTDESK_DATA and FRONTDESK_PORT, and stops on SIGINT', async () => {
    const run = serve([], { FRONTDESK_DATA: dir, FRONTDESK_PORT: '0' });
    const url = await listeningUrl(run);
    expect(run.output()).toContain(`(data: ${dir})`);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('SIGTERM the moment it says it listens: closes and exits 0, not killed by the signal', async () => {
    const run = serve(['--data', dir, '--port', '0']);
    await new Promise<void>((ready) => {
      const look = () => {
        if (!/Frontdesk listening on /.test(run.output())) return;
        run.child.stdout!.off('data', look);
        run.child.kill('SIGTERM');
        ready();
      };
      run.child.stdout!.on('data', look);
    });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('SIGTERM: closing…');
  });

  it('without FRONTDESK_ADMIN_PASSWORD on a first start: admin/admin, must change it, and says why the LAN API is off', async () => {
    const run = serve(['--data', dir, '--port', '0']);
    const url = await listeningUrl(run);
    await expect.poll(() => run.output(), { timeout: 5_000, interval: 50 }).toContain(
      'LAN API off (127.0.0.1 only): Change the default admin password before switching the LAN API on',
    );
    const login = await fetch(`${url}/login/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"admin"}' });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses --lan while the admin password is the default: a message and exit code 1', async () => {
    const run = serve(['--data', dir, '--port', '0', '--lan']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Frontdesk could not start: Change the default admin password before switching the LAN API on');
  });

  it('--lan --host with FRONTDESK_ADMIN_PASSWORD: the LAN API is on at that address from the start', async () => {
    const run = serve(['--data', dir, '--port', '0', '--lan', '--host', '127.0.0.1'], ADMIN_ENV);
    const url = await listeningUrl(run);
    await expect.poll(() => run.output(), { timeout: 5_000, interval: 50 }).toContain(`LAN API on: ${url}`);
    const token = await signInOverHttp(url);
    expect(await getJson<{ lanEnabled: boolean }>(`${url}/api/v1/network`, token)).toMatchObject({ lanEnabled: true, listening: { host: '127.0.0.1' } });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('--time-zone (or FRONTDESK_TIME_ZONE) sets and confirms the hotel\'s zone before the demo is made in it', async () => {
    const run = serve(['--data', dir, '--port', '0', '--demo'], { ...ADMIN_ENV, TZ: 'UTC', FRONTDESK_TIME_ZONE: 'Europe/Oslo' });
    const url = await listeningUrl(run);
    const token = await signInOverHttp(url);
    expect(await getJson<Settings>(`${url}/api/v1/settings`, token)).toMatchObject({ timeZone: 'Europe/Oslo', timeZoneConfirmed: true });
    const stays = await getJson<{ items: { checkin: string }[] }>(`${url}/api/v1/stays?status=booked&limit=1`, token);
    expect(stays.items[0]!.checkin).toMatch(/T14:00:00\+0[12]:00$/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);

    // Once stays exist their zone is fixed: asking for another one stops the start, saying why.
    const again = serve(['--data', dir, '--port', '0', '--time-zone', 'America/New_York'], ADMIN_ENV);
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('The time zone stays Europe/Oslo');
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = serve(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Usage: npm run serve');
  });

  it.each([
    [['--port', 'eighty']],
    [['--bogus']],
    [['--port']],
    [['--log-level', 'loud']],
    [['--time-zone', 'Mars/Olympus_Mons']],
    [['--time-zone', '']],
    [['--trust-proxy', 'the-proxy']],
    [['--trust-proxy', '10.0.0.300']],
    [['--trust-proxy', ',']],
  ])('refuses %j with a message and exit code 2', async (args) => {
    const run = serve(args);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Usage: npm run serve');
  });

  it.each([
    ['FRONTDESK_LOG_LEVEL', 'loud'],
    ['FRONTDESK_TIME_ZONE', 'Mars/Olympus_Mons'],
    ['FRONTDESK_TRUST_PROXY', 'the-proxy'],
  ])('refuses %s=%s naming the variable, with exit code 2', async (name, value) => {
    const run = serve([], { [name]: value });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(`${name} must`);
  });
});
