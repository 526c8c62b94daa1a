/**
 * Runs the built dist-electron/main.cjs in plain Node with a stand-in `electron` placed in the
 * require cache (run with NODE_PATH pointing at the repo's node_modules). Drives one start, a few
 * IPC calls (a save-dialog CSV export among them) and a quit, then prints a JSON report as its last line. The process must then end on
 * its own: anything left open (server, database, timers) would keep it alive.
 * Usage: node main-bundle-harness.ts <main.cjs> <appDir> <userDataDir>
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [mainFile, appDir, userData] = process.argv.slice(2) as [string, string, string];
/** Where the stand-in save dialog says the user wants the CSV. */
const exportFile = join(userData, 'stays.csv');

type Handler = (event: unknown, input?: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const sent: { channel: string; payload: unknown }[] = [];
const windows: FakeWindow[] = [];
let quitHappened = false;

const preventable = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), {
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

const electron = {
  app,
  BrowserWindow: FakeWindow,
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
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

await until(() => windows.length === 1 && handlers.size > 0, 'the window');
const win = windows[0]!;
const ours = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
const health = await handlers.get('health:get')!(ours, {});
const forbidden = await handlers.get('health:get')!(foreign, {});
const room = await handlers.get('rooms:create')!(ours, { number: 7, category: 'Single', capacity: 1, nightlyRate: 50000, floor: 0 });
const roomId = (room as { value: { id: number } }).value.id;
await handlers.get('stays:create')!(ours, { roomId, checkin: '2030-01-10', checkout: '2030-01-12', guestName: 'Ada Export' });
// The save-dialog export: writeStaysCsvFile's worker thread, from the stays-csv-worker.cjs beside main.cjs.
const exported = await handlers.get('exports:stays')!(ours, { delimiter: ';' });
const csv = readFileSync(exportFile, 'utf8');
app.quit();
await until(() => quitHappened, 'the quit');
console.log(JSON.stringify({ channels: [...handlers.keys()], health, forbidden, room, exported, exportFile, csv, sent, loaded: win.webContents.mainFrame.url }));
