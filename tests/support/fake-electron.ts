/**
 * A stand-in for the `electron` module (no Electron binary runs here). It records what the glue asks
 * for — window options, IPC handlers, the exposed bridge, dialogs, external links, session hooks —
 * and lets a test drive events. Use in a test file:
 *
 *   vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
 *
 * Each test file gets its own module instance; call `resetFakeElectron()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...fields,
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  /** Like Electron's: unique for the app's life. */
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  destroyed = false;
  visible = false;
  focused = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** What `utilityProcess.fork` returns: records what main posts; a test answers with `emit('message', …)` and `emit('exit', code)`. */
export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
    this.emit('posted', message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `event`'s sender would get back. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel } });
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  appPath = '/opt/frontdesk';
  paths: Record<string, string> = { userData: '/home/desk/.config/Frontdesk', documents: '/home/desk/Documents' };
  quitCalls = 0;
  sandboxEnforced = false;
  /** Chromium's switches as main appended them, and whether the app was ready by then. */
  readonly switches: { name: string; value: string | undefined; afterReady: boolean }[] = [];
  private ready = false;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      this.switches.push({ name, value, afterReady: this.ready });
    },
  };
  exitCode: number | null = null;
  private markReadyFn: () => void = () => undefined;
  private readyPromise = new Promise<void>((resolve) => (this.markReadyFn = resolve));

  enableSandbox(): void {
    this.sandboxEnforced = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  markReady(): void {
    this.ready = true;
    this.markReadyFn();
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    const p = this.paths[name];
    if (!p) throw new Error(`Unknown path ${name}`);
    return p;
  }
  /** Like Electron: `before-quit` listeners may call `preventDefault()` to hold the quit. */
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', fakeEvent());
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string | string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void,
) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details?: unknown) => boolean;

class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

function createFake() {
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    exposed: new Map<string, unknown>(),
    session: new FakeSession(),
    openedExternally: [] as string[],
    saveDialogCalls: [] as { window: unknown; options: Record<string, unknown> }[],
    nextSaveDialogResult: { canceled: true } as SaveDialogResult,
    openDialogCalls: [] as { window: unknown; options: Record<string, unknown> }[],
    nextOpenDialogResult: { canceled: true, filePaths: [] } as OpenDialogResult,
    errorBoxes: [] as { title: string; content: string }[],
    utilityForks: [] as FakeUtilityProcess[],
    /** Called with each forked utility process, before `fork` returns (a test attaches its stand-in host here). */
    onUtilityFork: (_child: FakeUtilityProcess): void => undefined,
  };
}

/** The state every fake writes to; replaced wholesale by `resetFakeElectron()`. */
export let fake = createFake();

export function resetFakeElectron(): void {
  fake = createFake();
  FakeBrowserWindow.instances = [];
}

/** The module object `vi.mock('electron', …)` returns. Getters so a reset takes effect everywhere. */
export function fakeElectronModule() {
  const mod = {
    get app() {
      return fake.app;
    },
    get ipcMain() {
      return fake.ipcMain;
    },
    get ipcRenderer() {
      return fake.ipcRenderer;
    },
    BrowserWindow: FakeBrowserWindow,
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        fake.exposed.set(key, api);
      },
    },
    dialog: {
      async showSaveDialog(...args: unknown[]): Promise<SaveDialogResult> {
        const [window, options] = args.length > 1 ? args : [null, args[0]];
        fake.saveDialogCalls.push({ window, options: options as Record<string, unknown> });
        return fake.nextSaveDialogResult;
      },
      async showOpenDialog(...args: unknown[]): Promise<OpenDialogResult> {
        const [window, options] = args.length > 1 ? args : [null, args[0]];
        fake.openDialogCalls.push({ window, options: options as Record<string, unknown> });
        return fake.nextOpenDialogResult;
      },
      showErrorBox(title: string, content: string) {
        fake.errorBoxes.push({ title, content });
      },
    },
    shell: {
      async openExternal(url: string) {
        fake.openedExternally.push(url);
      },
    },
    session: {
      get defaultSession() {
        return fake.session;
      },
    },
    utilityProcess: {
      fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): FakeUtilityProcess {
        const child = new FakeUtilityProcess(modulePath, args, options);
        fake.utilityForks.push(child);
        fake.onUtilityFork(child);
        return child;
      },
    },
  };
  return Object.defineProperty(mod, 'default', { value: mod, enumerable: true }) as typeof mod & { default: typeof mod };
}
