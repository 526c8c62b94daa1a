/**
 * The server bundle `npm run serve` runs (vite.server.config.ts → serve.cjs, export-worker.cjs and
 * a copy of the migrations), built into a temp folder and started with plain Node: proves it
 * resolves its externals, migrates a fresh database from the migrations beside it, and streams the
 * CSV from its bundled worker thread (capped heap, widest rows included) exactly as the TypeScript
 * sources do; on Linux it runs with glibc's allocator settings (core/malloc-env.ts). On SQLite (the file is written beside the running server): the bundle on PostgreSQL
 * starts from the same serve.ts, whose `--database` is tested in serve-database.postgres.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamCsvExport } from '../../core/composition/csv-export';
import { EXPORT_WORKER_FILE } from '../../core/export/export-thread';
import { IMPORT_WORKER_FILE } from '../../core/imports/import-thread';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../support/sessions';

const repo = process.cwd();
let outDir: string;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'frontdesk-server-'));
  dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-server-data-'));
  const builder = await createBuilder({
    configFile: 'vite.server.config.ts',
    logLevel: 'silent',
    environments: { serve: { build: { outDir } }, exportWorker: { build: { outDir } }, importWorker: { build: { outDir } } },
  });
  await builder.buildApp();
  // Laid out as the repo's dist-server/ is: the runtime packages it leaves out are found in the
  // node_modules beside it, by `require` and `import()` alike (NODE_PATH reaches only `require`).
  symlinkSync(join(repo, 'node_modules'), join(outDir, 'node_modules'), 'dir');
}, 60_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the running bundle printed so far (stdout and stderr). */
let output = '';

/** Starts `node [nodeFlags] serve.cjs` on any free port and resolves with the URL it prints. */
async function startBundle(args: string[], nodeFlags: string[] = []): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FRONTDESK_') && !k.endsWith('_SERVICE_URL')));
  const c = spawn(process.execPath, [...nodeFlags, join(outDir, 'serve.cjs'), ...args], {
    env: { ...env, FRONTDESK_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = c;
  output = '';
  c.stdout.on('data', (d: Buffer) => (output += d.toString()));
  c.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await expect.poll(() => output, { timeout: 20_000, interval: 50 }).toMatch(/Frontdesk listening on http:\/\/127\.0\.0\.1:\d+/);
  return /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
}

/** Stays with the widest cells the desk can hold (120 quotes as the name, 80 as the category), written beside the running server. */
function addWidestStays(dbFile: string, count: number): void {
  const db = new Database(dbFile);
  try {
    db.pragma('busy_timeout = 5000');
    const stmt = db.prepare(
      `INSERT INTO stays (room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (1, ?, ?, 1, '2031-05-01T14:00:00+02:00', '2031-05-02T12:00:00+02:00', 1935655200000, 1935727200000, 1, 'booked', 100000, 'desk', 0, 0)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) stmt.run('"'.repeat(80), `=${'"'.repeat(119 - String(i).length)}${i}`);
    })();
  } finally {
    db.close();
  }
}

describe('dist-server (vite.server.config.ts)', () => {
  it('writes serve.cjs, the export and import workers beside it and the migrations', () => {
    expect(existsSync(join(outDir, 'serve.cjs'))).toBe(true);
    expect(existsSync(join(outDir, EXPORT_WORKER_FILE))).toBe(true);
    expect(existsSync(join(outDir, IMPORT_WORKER_FILE))).toBe(true);
    expect(existsSync(join(outDir, 'migrations', 'sqlite', 'meta', '_journal.json'))).toBe(true);
    expect(existsSync(join(outDir, 'migrations', 'postgres', 'meta', '_journal.json'))).toBe(true);
  });

  it('writes every file scripts/build-if-stale.mjs looks for (one it never finds rebuilds the server at every npm run serve)', async () => {
    const { TARGETS } = await import('../../scripts/build-if-stale.mjs');
    const server = TARGETS.find((t) => t.name === 'server')!;
    expect(server.built.length).toBeGreaterThan(3);
    expect(server.built.filter((file) => !existsSync(join(outDir, relative('dist-server', file))))).toEqual([]);
  });

  it('starts on a fresh data folder and streams the CSV from its bundled worker, byte for byte as the sources do', async () => {
    const url = await startBundle(['--data', dataDir, '--port', '0', '--demo']);
    // On Linux with glibc the server started itself again, as the same process, with glibc's allocator settings (core/malloc-env.ts).
    const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;
    if (process.platform === 'linux' && glibc) expect(readFileSync(`/proc/${child!.pid}/environ`, 'latin1').split('\0')).toContain('MALLOC_MMAP_THRESHOLD_=1048576');
    addWidestStays(join(dataDir, 'frontdesk.db'), 1500);
    const authorization = `Bearer ${await signInOverHttp(url)}`;
    const res = await fetch(`${url}/api/v1/exports/stays.csv?delimiter=;&bom=true`, { headers: { authorization } });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer()); // as bytes: res.text() would drop the BOM

    // The desk's stays CSV names the hotel's currency and writes its language and local times: the same hotel here.
    const hotel = (await (await fetch(`${url}/api/v1/settings`, { headers: { authorization } })).json()) as { timeZone: string; currency: string; locale: 'da' | 'en' };
    const env = { timeZone: hotel.timeZone, currency: hotel.currency, locale: hotel.locale };
    let fromSources = '';
    for await (const piece of streamCsvExport({ dialect: 'sqlite', file: join(dataDir, 'frontdesk.db') }, 'deskStays', { delimiter: ';', bom: true }, env)) fromSources += piece;
    expect(fromSources.split('\r\n').length).toBeGreaterThan(1500); // the demo hotel's stays and the wide ones
    expect(body.equals(Buffer.from(fromSources))).toBe(true);

    // The API document as YAML: `yaml` loaded on this first use (core/api/yaml-on-first-use.ts).
    const yaml = await fetch(`${url}/docs/yaml`);
    expect([yaml.status, yaml.headers.get('content-type')]).toEqual([200, expect.stringContaining('yaml')]);
    expect(await yaml.text()).toMatch(/^openapi: 3\.[\d.]+\n[\s\S]*\/api\/v1\/rooms:/);

    // Every export runs in the same bundled worker: the audit log's too (hotel-zone times inside it).
    const audit = await fetch(`${url}/api/v1/exports/audit.csv`, { headers: { authorization } });
    expect(audit.status).toBe(200);
    expect(await audit.text()).toMatch(/^id,at,actor,role,action,entity,entity_id,detail,via,address\r\n\d+,\d{4}-\d\d-\d\dT[^,]*[+-]\d\d:\d\d,/);

    // An import runs in the bundled import worker: an upload of two rooms, checked and then written.
    const csv = 'Værelse;Kategori;Pladser;Pris;Etage\n9001;Dobbeltværelse;2;1.125,50;9\n9002;Enkeltværelse;1;850;9\n';
    const upload = (query: string) => fetch(`${url}/api/v1/imports/guestRooms/file${query}`, { method: 'POST', headers: { authorization, 'content-type': 'text/csv' }, body: csv });
    expect(await (await upload('?dryRun=true')).json()).toMatchObject({ committed: false, rows: 2, failed: 0 });
    expect(await (await upload('')).json()).toMatchObject({ committed: true, created: 2 });
    const rooms = (await (await fetch(`${url}/api/v1/rooms`, { headers: { authorization } })).json()) as { number: number; nightlyRate: number }[];
    expect(rooms.filter((r) => r.number > 9000).map((r) => [r.number, r.nightlyRate])).toEqual([[9001, 112_550], [9002, 85_000]]);

    const stopped = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await stopped).toBe(0);
  }, 60_000);

  it("on SQLite loads none of PostgreSQL's driver, fastify's default compilers (Ajv, fast-json-stringify) or yaml until asked", async () => {
    const data = mkdtempSync(join(tmpdir(), 'frontdesk-server-modules-'));
    const listed = join(data, 'modules.json');
    // A preload that writes the main thread's loaded modules when the process ends.
    const preload = join(data, 'list-modules.cjs');
    writeFileSync(preload, `const { isMainThread } = require('node:worker_threads');
if (isMainThread) process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listed)}, JSON.stringify(Object.keys(require.cache))));`);
    try {
      const url = await startBundle(['--data', data, '--port', '0', '--demo'], ['--require', preload]);
      const authorization = `Bearer ${await signInOverHttp(url)}`;
      for (const path of ['/api/v1/rooms', '/api/v1/settings', '/docs/json']) expect((await fetch(`${url}${path}`, { headers: { authorization } })).status).toBe(200);
      // The API document's page and its files, from the installed @fastify/swagger-ui (the bundle's is its code only).
      const page = await fetch(`${url}/docs/static/index.html`);
      expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('swagger-ui')]);
      const files = await Promise.all(['/docs/static/swagger-ui.css', '/docs/static/logo.svg', '/docs/static/swagger-ui-bundle.js'].map((path) => fetch(`${url}${path}`)));
      expect(files.map((f) => f.status)).toEqual([200, 200, 200]);
      expect((await fetch(`${url}/api/v1/rooms`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
      const stopped = new Promise((resolve) => child!.once('exit', resolve));
      child!.kill('SIGTERM');
      expect(await stopped).toBe(0);
      const modules = JSON.parse(readFileSync(listed, 'utf8')) as string[];
      expect(modules.some((m) => m.includes('host-'))).toBe(true);
      const unused = /[\\/](node_modules[\\/](pg|pg-[a-z]+|ajv|yaml|@fastify[\\/]ajv-compiler|@fastify[\\/]fast-json-stringify-compiler)[\\/]|postgres-engine-)/;
      expect(modules.filter((m) => unused.test(m))).toEqual([]);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);

  it("starts without V8's optimizing compiler and switches it on with its first request (core/optimizing-compiler.ts)", async () => {
    const data = mkdtempSync(join(tmpdir(), 'frontdesk-server-tiers-'));
    try {
      // V8 prints each function it optimizes with `--trace-opt`: "[compiling method … (target TURBOFAN_JS) …]".
      const turbofanned = () => output.split('\n').filter((line) => line.includes('compiling method') && line.includes('TURBOFAN')).length;
      const url = await startBundle(['--data', data, '--port', '0', '--demo'], ['--trace-opt']);
      // The start-up (migrations, the demo hotel) and its first background rounds: nothing for TurboFan.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(turbofanned(), output.slice(0, 2000)).toBe(0);
      // Requests: the compiler is on, and the code they run gets hot enough to be optimized.
      for (let i = 0; i < 3000; i++) {
        const res = await fetch(`${url}/health`);
        await res.arrayBuffer();
        expect(res.status).toBe(200);
      }
      await expect.poll(turbofanned, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
      const stopped = new Promise((resolve) => child!.once('exit', resolve));
      child!.kill('SIGTERM');
      expect(await stopped).toBe(0);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
