/**
 * The host process for real: the built host.cjs (and the CSV worker beside it, as in dist-electron/)
 * run by Node as a child process with the Node IPC adapter, on a real database file, driven by main's
 * host client — and, for the session, by main's IPC handlers as the window calls them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createDeskSessions, type DeskSessions } from '../../electron/desk-sessions';
import { createDeskExporter } from '../../electron/export-dialog';
import { registerImportDialog } from '../../electron/import-dialog';
import { IMPORT_OPEN_CHANNEL } from '../../shared/contract/ipc-channels';
import { startHostClient, type HostClient } from '../../electron/host-client';
import type { HostStartOptions } from '../../electron/host-protocol';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { forkNodeUtility, type NodeUtilityProcess } from '../../electron/node-utility-process';
import type { LiveEvent } from '../../shared/contract/events';
import { fake, resetFakeElectron } from '../support/fake-electron';
import { buildElectronBundles, requiredBy } from './electron-build';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const PASSWORD = 'Tide-pool lantern 42';
let buildDir: string;
let hostEntry: string;

beforeAll(async () => {
  buildDir = await buildElectronBundles(['host', 'exportWorker', 'importWorker']);
  hostEntry = join(buildDir, 'host.cjs');
}, 60_000);

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

interface Running {
  client: HostClient;
  child: NodeUtilityProcess;
  exitCode: Promise<number>;
  crashes: number[];
}

function optionsFor(dataDir: string): HostStartOptions {
  return { dataDir, rendererDir: join(dataDir, 'no-renderer'), migrationsDir: resolve('db/migrations'), port: 0 };
}

async function startHost(dataDir: string): Promise<Running> {
  let child!: NodeUtilityProcess;
  let exitCode!: Promise<number>;
  const crashes: number[] = [];
  const client = await startHostClient({
    spawn: () => {
      child = forkNodeUtility(hostEntry, {
        execArgv: ['--max-semi-space-size=4', '--max-old-space-size=256', '--no-maglev', '--no-parallel-scavenge', '--no-memory-reducer'],
        env: { ...process.env, FRONTDESK_ADMIN_PASSWORD: PASSWORD },
      });
      exitCode = new Promise((done) => child.on('exit', done));
      return child;
    },
    options: optionsFor(dataDir),
    onCrash: (code) => crashes.push(code),
  });
  return { client, child, exitCode, crashes };
}

/** The packages a built file `require`s (by package name: `drizzle-orm/migrator` → drizzle-orm), not Node's own or its chunks. */
function packagesRequired(file: string): string[] {
  const ids = [...requiredBy(file)].filter((id) => !id.startsWith('.') && !isBuiltin(id));
  return [...new Set(ids.map((id) => /^(@[^/]+\/)?[^/]+/.exec(id)![0]))];
}

let dataDir: string;

describe('the built host.cjs and its workers', () => {
  it('never load electron: the same files run under plain Node (serve, the tests, the benchmark)', () => {
    for (const file of ['host.cjs', 'export-worker.cjs', 'import-worker.cjs']) {
      const code = readFileSync(join(buildDir, file), 'utf8');
      expect(code, file).not.toMatch(/require\(["']electron["']\)|from ["']electron["']/);
    }
  });

  it('bundles the pure-JavaScript packages the host loads at start, a package a chunk, as serve.cjs does; the native ones stay external', () => {
    const requires = packagesRequired(join(buildDir, 'host.cjs'));
    for (const bundled of ['fastify', 'zod', 'drizzle-orm', 'pino', 'papaparse', '@fastify/swagger-ui']) expect(requires, bundled).not.toContain(bundled);
    expect(requires).toEqual(expect.arrayContaining(['better-sqlite3', '@node-rs/argon2']));
    const chunks = readdirSync(buildDir).filter((f) => f.startsWith('npm-'));
    for (const name of ['fastify', 'zod', 'drizzle-orm', '@fastify-swagger-ui']) expect(chunks.some((f) => f.startsWith(`npm-${name}-`)), name).toBe(true);
  });

  it('the export worker requires no package that electron-builder.yml leaves inside app.asar (a worker thread cannot load from there)', () => {
    const unpacked = (parseYaml(readFileSync('electron-builder.yml', 'utf8')) as { asarUnpack: string[] }).asarUnpack
      .map((glob) => /^node_modules\/((?:@[^/]+\/)?[^/*]+)\/\*\*$/.exec(glob)?.[1])
      .filter((name) => name !== undefined);
    expect(unpacked).toEqual(expect.arrayContaining(['better-sqlite3', 'papaparse']));
    const requires = packagesRequired(join(buildDir, 'export-worker.cjs'));
    expect(requires).toContain('better-sqlite3');
    expect(requires.filter((name) => !unpacked.includes(name))).toEqual([]);
  });

  it("holds back V8's optimizing compiler before the host's own modules run (electron/host-start-up.ts)", () => {
    const code = readFileSync(join(buildDir, 'host.cjs'), 'utf8');
    const deferred = code.indexOf('deferOptimizingCompiler();');
    expect(deferred).toBeGreaterThan(0);
    // The first of the contract's commands and the first zod schema are built after it.
    expect(code.indexOf('defineCommands(')).toBeGreaterThan(deferred);
    expect(code.search(/\brequire_npm_zod\.\w+\(/)).toBeGreaterThan(deferred);
  });
});

describe('a running host process', () => {
  let host: Running;
  let sessions: DeskSessions;
  const win = { sender: { id: 1 } };
  const ipc = (channel: string, input?: unknown) => fake.ipcMain.invoke(channel, win, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-hostproc-'));
    host = await startHost(dataDir);
  }, 30_000);

  afterAll(async () => {
    await host?.client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    resetFakeElectron();
    sessions = createDeskSessions();
    const isTrustedSender = (event: unknown) => event === (win as unknown);
    const importer = registerImportDialog({ ipcMain: fake.ipcMain as never, host: host.client, sessions, getWindow: () => null, isTrustedSender, defaultDir: dataDir });
    registerIpcHandlers({
      ipcMain: fake.ipcMain as unknown as IpcHandlerDeps['ipcMain'],
      host: host.client,
      sessions,
      exportFile: createDeskExporter({ host: host.client, getWindow: () => null, defaultDir: dataDir }),
      importFile: importer.importFile,
      isTrustedSender,
    });
  });

  it('answers a call, and serves the REST API from the same process', async () => {
    await expect(host.client.call('health:get', {}, null)).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(host.client.port).toBeGreaterThan(0);
    const res = await fetch(`${host.client.url}/health`);
    expect(res.status).toBe(200);
  });

  it("serves the API document from the bundled host: swagger-ui's page and files from where it is installed, and the YAML", async () => {
    const page = await fetch(`${host.client.url}/docs/static/index.html`);
    expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('swagger-ui')]);
    const files = await Promise.all(['/docs/static/swagger-ui.css', '/docs/static/swagger-ui-bundle.js'].map((path) => fetch(`${host.client.url}${path}`)));
    expect(files.map((f) => f.status)).toEqual([200, 200]);
    const yaml = await fetch(`${host.client.url}/docs/yaml`);
    expect([yaml.status, yaml.headers.get('content-type')]).toEqual([200, expect.stringContaining('yaml')]);
    expect(await yaml.text()).toMatch(/^openapi: 3\.[\d.]+\n[\s\S]*\/api\/v1\/rooms:/);
  });

  it('answers 401 to a window that has not signed in', async () => {
    await expect(ipc('rooms:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect(host.client.call('rooms:list', {}, 'not-a-token')).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('signs the window in: main keeps the token, the page never sees it, and calls carry it', async () => {
    const login = await ipc('auth:login', { username: 'admin', password: PASSWORD });
    expect(login).toMatchObject({ ok: true, value: { access_token: '', user: { username: 'admin', role: 'admin', mustChangePassword: false } } });
    const token = sessions.tokenFor(1);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(login)).not.toContain(token);
    await expect(ipc('auth:me')).resolves.toMatchObject({ ok: true, value: { username: 'admin' } });
    // The same token is a bearer token for the REST API too: it lives in main and the host only.
    const res = await fetch(`${host.client.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('signs the window out: the token is forgotten by main and revoked by the host', async () => {
    await ipc('auth:login', { username: 'admin', password: PASSWORD });
    const token = sessions.tokenFor(1)!;
    await expect(ipc('auth:logout', {})).resolves.toMatchObject({ ok: true });
    expect(sessions.tokenFor(1)).toBeNull();
    await expect(ipc('auth:me')).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect(host.client.call('auth:me', {}, token)).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('forwards committed changes as live events', async () => {
    await ipc('auth:login', { username: 'admin', password: PASSWORD });
    const events: LiveEvent[] = [];
    const unsubscribe = host.client.onEvent((event) => events.push(event));
    const room = await ipc('rooms:create', { number: 301, category: 'Suite', capacity: 2, nightlyRate: 150000, floor: 3 });
    expect(room).toMatchObject({ ok: true, value: { number: 301 } });
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'room.changed', room: expect.objectContaining({ number: 301 }) })));
    unsubscribe();
  });

  it('writes the stays export to the file the save dialog chose', async () => {
    await ipc('auth:login', { username: 'admin', password: PASSWORD });
    const room = (await ipc('rooms:create', { number: 302, category: 'Suite', capacity: 2, nightlyRate: 150000, floor: 3 })) as { value: { id: number } };
    const roomId = room.value.id;
    await ipc('stays:create', { roomId, guestName: 'Ada Export', checkin: '2030-01-10', checkout: '2030-01-12' });
    const file = join(dataDir, 'stays.csv');
    fake.nextSaveDialogResult = { canceled: false, filePath: file };
    await expect(ipc('stays:export', { delimiter: ';' })).resolves.toEqual({ ok: true, value: { path: file, rows: 1 } });
    const csv = readFileSync(file, 'utf8');
    // The desk's CSV for accountants (issue 10 item 12), in the hotel's language (Danish).
    expect(csv.split('\r\n')[0]).toBe('Ophold;Værelse;Kategori;Status;Gæst;Gæster;Ankomstdato;Ankomsttid;Afrejsedato;Afrejsetid;Nætter;Pris (DKK)');
    expect(csv).toContain(';Ada Export;');
  });

  it('writes the audit log export for an admin', async () => {
    await ipc('auth:login', { username: 'admin', password: PASSWORD });
    const file = join(dataDir, 'audit.csv');
    fake.nextSaveDialogResult = { canceled: false, filePath: file };
    const result = (await ipc('audit:export', { action: 'auth:login' })) as { ok: boolean; value: { path: string; rows: number } };
    expect(result).toMatchObject({ ok: true, value: { path: file } });
    expect(result.value.rows).toBeGreaterThan(0);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(result.value.rows + 1);
    expect(lines.slice(1).every((line) => line.includes(',auth:login,'))).toBe(true);
  });
});

describe('a file import from the open dialog', () => {
  let host: Running;
  const win = { sender: { id: 1 } };
  const ipc = (channel: string, input?: unknown) => fake.ipcMain.invoke(channel, win, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-hostproc-import-'));
    host = await startHost(dataDir);
  }, 30_000);
  afterAll(async () => {
    await host?.client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the chosen file in the host\'s bundled import worker: a dry run, then the import', async () => {
    resetFakeElectron();
    const sessions = createDeskSessions();
    const isTrustedSender = (event: unknown) => event === (win as unknown);
    const importer = registerImportDialog({ ipcMain: fake.ipcMain as never, host: host.client, sessions, getWindow: () => null, isTrustedSender, defaultDir: dataDir });
    registerIpcHandlers({ ipcMain: fake.ipcMain as never, host: host.client, sessions, exportFile: async () => ({ ok: true, value: null }), importFile: importer.importFile, isTrustedSender });
    await ipc('auth:login', { username: 'admin', password: PASSWORD });
    const file = join(dataDir, 'værelser.csv');
    writeFileSync(file, Buffer.from('V\xe6relse;Kategori;Pladser;Pris;Etage\r\n501;K\xf8kkenv\xe6relse;2;1.125,50;5\r\n502;Suite;4;2500;5\r\n', 'latin1'));
    fake.nextOpenDialogResult = { canceled: false, filePaths: [file] };
    await expect(ipc(IMPORT_OPEN_CHANNEL, { title: 'Vælg en CSV-fil' })).resolves.toEqual({ ok: true, value: { fileName: 'værelser.csv', bytes: expect.any(Number) } });
    expect(await ipc('imports:runFile', { kind: 'guestRooms', dryRun: true })).toMatchObject({ ok: true, value: { committed: false, encoding: 'windows-1252', rows: 2, failed: 0 } });
    expect(await ipc('imports:runFile', { kind: 'guestRooms' })).toMatchObject({ ok: true, value: { committed: true, created: 2 } });
    const rooms = (await ipc('rooms:list', {})) as { value: { number: number; category: string }[] };
    expect(rooms.value.map((r) => [r.number, r.category])).toEqual([[501, 'Køkkenværelse'], [502, 'Suite']]);
  });
});

describe('the host process’s end', () => {
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-hostproc-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes cleanly when asked: exit code 0, database closed (WAL checkpointed away), no crash reported', async () => {
    const host = await startHost(dataDir);
    await host.client.call('health:get', {}, null);
    await host.client.close();
    await expect(host.exitCode).resolves.toBe(0);
    expect(existsSync(join(dataDir, 'frontdesk.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'frontdesk.db-wal'))).toBe(false);
    expect(host.crashes).toEqual([]);
  }, 30_000);

  it('reports a crash with its exit code and answers the requests it left behind', async () => {
    const host = await startHost(dataDir);
    const pending = host.client.call('auth:login', { username: 'admin', password: PASSWORD }, null);
    process.kill(host.child.pid!, 'SIGKILL');
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await expect(host.exitCode).resolves.toBe(137);
    expect(host.crashes).toEqual([137]);
    await expect(host.client.call('health:get', {}, null)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  }, 30_000);

  it('reports why it could not start, then exits when closed', async () => {
    const notADir = join(dataDir, 'file');
    writeFileSync(notADir, 'not a folder');
    let child!: NodeUtilityProcess;
    const starting = startHostClient({
      spawn: () => (child = forkNodeUtility(hostEntry, { stdio: 'ignore' })),
      options: optionsFor(notADir),
      onCrash: () => undefined,
    });
    const exited = new Promise((done) => child.on('exit', done));
    await expect(starting).rejects.toThrow(/.+/);
    await expect(exited).resolves.toBe(0);
  }, 30_000);
});
