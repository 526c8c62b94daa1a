/**
 * The real main and host bundles, main started in Node with a stand-in electron whose utility
 * process is Node's fork of the built host.cjs (see main-bundle-harness.ts): proves the CommonJS
 * builds resolve their externals, main forks the host the way Electron will, the host opens and
 * migrates the database, the window signs in and is served by the real core, exports CSV through the
 * worker file built beside the host, falls back to a free port when 8787 is taken, and a quit signs
 * out, closes the host and leaves nothing open.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';
import { IMPORT_OPEN_CHANNEL, PRINT_PDF_CHANNEL } from '../../shared/contract/ipc-channels';
import { LIVE_EVENT_CHANNEL } from '../../shared/contract/ipc-channels';
import { buildElectronBundles, requiredBy } from './electron-build';

const repo = process.cwd();
const PASSWORD = 'Tide-pool lantern 42';
let outDir: string;
let userData: string;
let blocker: Server | null = null;

/** Holds 8787 if it is free, so the host has to take its fallback path (if it is not free, it has to anyway). */
async function holdDeskPort(): Promise<Server | null> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(null));
    server.listen(8787, '127.0.0.1', () => done(server));
  });
}

beforeAll(async () => {
  outDir = await buildElectronBundles(['main', 'host', 'exportWorker']);
  userData = mkdtempSync(join(tmpdir(), 'frontdesk-userdata-'));
  blocker = await holdDeskPort();
}, 60_000);

afterAll(() => {
  blocker?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('dist-electron/main.cjs and host.cjs', () => {
  it('main loads no database or server code, and the host never loads electron', () => {
    expect([...requiredBy(join(outDir, 'main.cjs'))].sort()).toEqual(['electron', 'node:fs', 'node:path', 'node:url', 'zod']);
    const host = requiredBy(join(outDir, 'host.cjs'));
    expect(host.has('electron')).toBe(false);
    expect(host).toContain('better-sqlite3');
    expect([...host].filter((id) => /^\.\/npm-fastify-\w+\.cjs$/.test(id))).toHaveLength(1); // the server, bundled as serve's is
  });

  it('starts the host process, serves a signed-in window, pushes live events and quits cleanly', () => {
    const harness = resolve('tests/electron/main-bundle-harness.ts');
    const child = spawnSync(process.execPath, [harness, join(outDir, 'main.cjs'), join(outDir, 'host.cjs'), repo, userData], {
      env: { ...process.env, FRONTDESK_ADMIN_PASSWORD: PASSWORD },
      encoding: 'utf8',
      timeout: 40_000,
    });
    expect(child.signal, `harness hung (something kept the process alive)\n${child.stderr}`).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!);

    expect(report.forks).toEqual([
      {
        modulePath: join(repo, 'dist-electron', 'host.cjs'),
        args: [],
        options: { serviceName: 'Frontdesk host', execArgv: ['--max-semi-space-size=4', '--max-old-space-size=256', '--no-maglev', '--no-parallel-scavenge', '--no-memory-reducer'], env: { MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '1' }, stdio: 'inherit' },
      },
    ]);
    // The host process runs with glibc's allocator settings (core/malloc-env.ts): the kernel's view of its environment.
    if (process.platform === 'linux') expect(report.hostEnviron).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_ARENA_MAX: '1' });
    expect([...report.channels].sort()).toEqual([...ipcCommandNames, PRINT_PDF_CHANNEL, IMPORT_OPEN_CHANNEL].sort());
    // The window starts in the desk's language (electron/ui-language.ts): Danish on a first start.
    expect(report.switches).toEqual(['lang=da']);
    expect(report.loaded).toBe(pathToFileURL(join(repo, 'dist', 'renderer', 'index.html')).href);
    expect(report.health).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(report.forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.beforeLogin).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(report.login).toMatchObject({ ok: true, value: { access_token: '', user: { username: 'admin' } } });
    expect(report.room).toMatchObject({ ok: true, value: { number: 7 } });
    expect(report.exported).toEqual({ ok: true, value: { path: report.exportFile, rows: 1 } });
    // The desk's CSV for accountants (issue 10 item 12), in the hotel's language (Danish).
    expect(report.csv.split('\r\n')[0]).toBe('Ophold;Værelse;Kategori;Status;Gæst;Gæster;Ankomstdato;Ankomsttid;Afrejsedato;Afrejsetid;Nætter;Pris (DKK)');
    expect(report.csv).toContain(';Ada Export;');
    expect(report.sent).toContainEqual({ channel: LIVE_EVENT_CHANNEL, payload: expect.objectContaining({ type: 'room.changed' }) });
    // Signed out before the host closed; the host exited by itself.
    expect(report.posted[0]).toBe('start');
    expect(report.posted.slice(-2)).toEqual(['call auth:logout', 'close']);
    expect(report.hostExitCode).toBe(0);
    expect(child.stderr).toContain('port 8787 is taken');
  }, 60_000);
});
