/**
 * The real main bundle, started in Node with a stand-in electron (see main-bundle-harness.ts): proves
 * the CommonJS build resolves its externals, opens and migrates the database, serves IPC from the
 * real core, exports CSV through the worker file built beside it, falls back to a free port when
 * 8787 is taken, and quits without leaving anything open.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcCommandNames } from '../../shared/contract/commands';
import { LIVE_EVENT_CHANNEL } from '../../shared/contract/events';

const repo = process.cwd();
let outDir: string;
let userData: string;
let blocker: Server | null = null;

/** Holds 8787 if it is free, so the bundle has to take its fallback path (if it is not free, it has to anyway). */
async function holdDeskPort(): Promise<Server | null> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(null));
    server.listen(8787, '127.0.0.1', () => done(server));
  });
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'frontdesk-main-'));
  userData = mkdtempSync(join(tmpdir(), 'frontdesk-userdata-'));
  const builder = await createBuilder({
    configFile: 'vite.electron.config.ts',
    logLevel: 'silent',
    environments: {
      main: { build: { outDir, emptyOutDir: false, sourcemap: false } },
      exportWorker: { build: { outDir, emptyOutDir: false } },
    },
  });
  await builder.build(builder.environments.main!);
  await builder.build(builder.environments.exportWorker!);
  blocker = await holdDeskPort();
}, 60_000);

afterAll(() => {
  blocker?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('dist-electron/main.cjs', () => {
  it('starts, answers IPC, pushes live events and quits cleanly', () => {
    const harness = resolve('tests/electron/main-bundle-harness.ts');
    const child = spawnSync(process.execPath, [harness, join(outDir, 'main.cjs'), repo, userData], {
      env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(child.signal, `harness hung (something kept the process alive)\n${child.stderr}`).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!);

    expect([...report.channels].sort()).toEqual([...ipcCommandNames].sort());
    expect(report.loaded).toBe(pathToFileURL(join(repo, 'dist', 'renderer', 'index.html')).href);
    expect(report.health).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(report.forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.room).toMatchObject({ ok: true, value: { number: 7 } });
    expect(report.exported).toEqual({ ok: true, value: { path: report.exportFile, rows: 1 } });
    expect(report.csv.split('\r\n')[0]).toBe('id;roomnumber;category;isbooking;checkin;checkout;status;guest_name;guests;nights;price');
    expect(report.csv).toContain(';Ada Export;');
    expect(report.sent).toContainEqual({ channel: LIVE_EVENT_CHANNEL, payload: expect.objectContaining({ type: 'room.changed' }) });
    expect(child.stderr).toContain('port 8787 is taken');
  }, 40_000);
});
