/**
 * Runs the built main.cjs in plain Node with a stand-in `electron` placed in the require cache. Its
 * `utilityProcess.fork` runs the built host.cjs with Node's fork (IPC channel, structured clone), so
 * the real main talks to the real host process. Drives one start, IPC calls before and after
 * signing in (a save-dialog CSV export among them) and a quit, then prints a JSON report as its last
 * line. The process must then end on its own: anything left open (host process, timers) would keep it alive.
 * Usage: node main-bundle-harness.ts <main.cjs> <host.cjs> <appDir> <userDataDir>
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [mainFile, hostFile, appDir, userData] = process.argv.slice(2) as [string, string, string, string];
/** Where the stand-in save dialog says the user wants the CSV. */
const exportFile = join(userData, 'stays.csv');

type Handler = (event: unknown, input?: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const sent: { channel: string; payload: unknown }[] = [];
const windows: FakeWindow[] = [];
const forks: { modulePath: string; args: string[]; options: Record<string, unknown> }[] = [];
const switches: string[] = [];
/** What main posted to the host process, in order: `start`, `call <name>`, `export <name>`, `close`. */
const posted: string[] = [];
let hostExitCode: number | null = null;
let hostPid: number | undefined;
/** The host process's environment as the kernel has it (Linux), read while it runs. */
let hostEnviron: Record<string, string> | undefined;

/** The glibc allocator settings (`MALLOC_*`) among environment entries. */
function mallocSettings(entries: [string, string | undefined][]): Record<string, string> {
  return Object.fromEntries(entries.filter(([name, value]) => name.startsWith('MALLOC_') && value !== undefined)) as Record<string, string>;
}
let quitHappened = false;

const preventable = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), {
    id: 1,
    mainFrame: { url: '', parent: null },
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
    setWindowOpenHandler: () => undefined,
    isDestroyed: () => false,
  });
  constructor() {
    super();
    windows.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  async loadFile(file: string) {
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show = () => undefined;
  focus = () => undefined;
  restore = () => undefined;
}

const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => true,
  enableSandbox: () => undefined,
  whenReady: () => Promise.resolve(),
  getAppPath: () => appDir,
  getPath: () => userData,
  commandLine: { appendSwitch: (name: string, value?: string) => switches.push(value === undefined ? name : `${name}=${value}`) },
  quit() {
    const event = preventable();
    app.emit('before-quit', event);
    if (!event.defaultPrevented) quitHappened = true;
  },
  exit(code: number) {
    console.error(`app.exit(${code})`);
    process.exit(code);
  },
});

/** Electron's utilityProcess over Node's fork: the built host.cjs stands where main asked for dist-electron/host.cjs. */
const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    // The environment is reported by its allocator settings only (the rest is this machine's).
    const { env, ...rest } = options;
    forks.push({ modulePath, args, options: { ...rest, env: env && mallocSettings(Object.entries(env)) } });
    const child = fork(hostFile, args, { execArgv: options.execArgv ?? [], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    hostPid = child.pid;
    child.on('exit', (code) => (hostExitCode = code));
    return Object.assign(child, {
      postMessage(message: { kind: string; name?: string }) {
        posted.push(message.name ? `${message.kind} ${message.name}` : message.kind);
        child.send(message);
      },
    });
  },
};

const electron = {
  app,
  BrowserWindow: FakeWindow,
  utilityProcess,
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  dialog: { showErrorBox: (title: string, body: string) => console.error(`${title}: ${body}`), showSaveDialog: async () => ({ canceled: false, filePath: exportFile }) },
  shell: { openExternal: async () => undefined },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
};

const electronId = require.resolve('electron');
require.cache[electronId] = { id: electronId, filename: electronId, loaded: true, exports: electron } as unknown as NodeJS.Module;

require(mainFile);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

await until(() => windows.length === 1 && handlers.size > 0, 'the window');
const win = windows[0]!;
const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
const call = (channel: string, input: unknown = {}) => handlers.get(channel)!(ours, input);

if (process.platform === 'linux' && hostPid !== undefined) {
  const entries = readFileSync(`/proc/${hostPid}/environ`, 'latin1').split('\0').filter(Boolean);
  hostEnviron = mallocSettings(entries.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
}
const health = await call('health:get');
const forbidden = await handlers.get('health:get')!(foreign, {});
const beforeLogin = await call('rooms:list');
const login = await call('auth:login', { username: 'admin', password: process.env.FRONTDESK_ADMIN_PASSWORD });
const room = await call('rooms:create', { number: 7, category: 'Single', capacity: 1, nightlyRate: 50000, floor: 0 });
const roomId = (room as { value: { id: number } }).value.id;
await call('stays:create', { roomId, checkin: '2030-01-10', checkout: '2030-01-12', guestName: 'Ada Export' });
// The save-dialog export: written by the host process, through the export-worker.cjs beside host.cjs.
const exported = await call('stays:export', { delimiter: ';' });
const csv = readFileSync(exportFile, 'utf8');
app.quit();
await until(() => quitHappened, 'the quit');
console.log(JSON.stringify({ channels: [...handlers.keys()], forks, hostEnviron, switches, posted, hostExitCode, health, forbidden, beforeLogin, login, room, exported, exportFile, csv, sent, loaded: win.webContents.mainFrame.url }));
