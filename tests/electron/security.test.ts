import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createSenderCheck,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isFileUrlInside,
} from '../../electron/security';
import { fake, fakeEvent, FakeBrowserWindow, FakeWebContents, resetFakeElectron, type FakeFrame } from '../support/fake-electron';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const appDir = join('/opt', 'frontdesk');
const rendererDir = join(appDir, 'dist', 'renderer');
const entryFile = join(rendererDir, 'index.html');
const entryUrl = pathToFileURL(entryFile).href;

beforeEach(() => resetFakeElectron());

describe('the IPC sender check', () => {
  function setup() {
    const win = new FakeBrowserWindow({});
    void win.loadFile(entryFile);
    const check = createSenderCheck(() => win as unknown as BrowserWindow, rendererDir);
    const eventFrom = (senderFrame: FakeFrame | null, sender: unknown = win.webContents) =>
      ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;
    return { win, check, eventFrom };
  }

  it('trusts the main frame of our window showing our page', () => {
    const { win, check, eventFrom } = setup();
    expect(check(eventFrom(win.webContents.mainFrame))).toBe(true);
  });

  it('refuses our window once it shows a foreign page', () => {
    const { win, check, eventFrom } = setup();
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(check(eventFrom(win.webContents.mainFrame))).toBe(false);
  });

  it('refuses a subframe, even one at our own URL', () => {
    const { win, check, eventFrom } = setup();
    expect(check(eventFrom({ url: entryUrl, parent: win.webContents.mainFrame }))).toBe(false);
    expect(check(eventFrom({ url: 'https://evil.example/', parent: win.webContents.mainFrame }))).toBe(false);
  });

  it('refuses another web contents, a missing frame and a closed window', () => {
    const { win, check, eventFrom } = setup();
    expect(check(eventFrom({ url: entryUrl, parent: null }, new FakeWebContents()))).toBe(false);
    expect(check(eventFrom(null))).toBe(false);
    win.close();
    expect(check(eventFrom(win.webContents.mainFrame))).toBe(false);
    expect(createSenderCheck(() => null, rendererDir)(eventFrom(win.webContents.mainFrame))).toBe(false);
  });

  it('accepts file URLs only inside the renderer dir', () => {
    expect(isFileUrlInside(entryUrl, rendererDir)).toBe(true);
    expect(isFileUrlInside(`${entryUrl}#/board`, rendererDir)).toBe(true);
    expect(isFileUrlInside(pathToFileURL(join(rendererDir, 'assets', 'x.js')).href, rendererDir)).toBe(true);
    expect(isFileUrlInside(pathToFileURL('/etc/passwd').href, rendererDir)).toBe(false);
    expect(isFileUrlInside(pathToFileURL(`${rendererDir}-evil/index.html`).href, rendererDir)).toBe(false);
    expect(isFileUrlInside(`${pathToFileURL(rendererDir).href}/../../secret.html`, rendererDir)).toBe(false);
    expect(isFileUrlInside(pathToFileURL(rendererDir).href, rendererDir)).toBe(false);
    expect(isFileUrlInside('https://evil.example/dist/renderer/index.html', rendererDir)).toBe(false);
    expect(isFileUrlInside('not a url', rendererDir)).toBe(false);
  });
});

describe('the session', () => {
  it('sets the CSP on every response, replacing any the response brought', () => {
    hardenSession();
    const callback = vi.fn();
    fake.session.headersListener!(
      { url: entryUrl, responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('sets the CSP on a response without headers too', () => {
    hardenSession();
    const callback = vi.fn();
    fake.session.headersListener!({ url: 'https://example.org/x.js' }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('is backed by the page’s own CSP, since file: responses may not pass through onHeadersReceived', () => {
    const html = readFileSync(join(process.cwd(), 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html declares no Content-Security-Policy').not.toBeNull();
    const directives = new Map(meta![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(meta![1]).not.toContain('unsafe-eval');
  });

  it('uses the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('denies every permission request and check', () => {
    hardenSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      fake.session.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.session.permissionCheckHandler!({}, permission, 'file://')).toBe(false);
    }
  });
});

describe('web contents', () => {
  function hardened() {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, entryFile);
    const navigate = (url: string) => {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event, url);
      return event;
    };
    return { contents, navigate };
  }

  it('lets the window reload its own page', () => {
    const { navigate } = hardened();
    expect(navigate(entryUrl).defaultPrevented).toBe(false);
    expect(navigate(`${entryUrl}?lang=da#/board`).defaultPrevented).toBe(false);
  });

  it('blocks navigation to a foreign page and opens web links in the browser instead', () => {
    const { navigate } = hardened();
    expect(navigate('https://evil.example/').defaultPrevented).toBe(true);
    expect(fake.openedExternally).toEqual(['https://evil.example/']);
  });

  it('blocks navigation to other local files and custom schemes without opening them', () => {
    const { navigate } = hardened();
    expect(navigate(pathToFileURL('/etc/passwd').href).defaultPrevented).toBe(true);
    expect(navigate(pathToFileURL(join(rendererDir, 'other.html')).href).defaultPrevented).toBe(true);
    expect(navigate('frontdesk://anything').defaultPrevented).toBe(true);
    expect(fake.openedExternally).toEqual([]);
  });

  it('denies every new window and hands only http(s) links to the browser', () => {
    const { contents } = hardened();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://example.org/help', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual(['https://example.org/help', 'http://example.org/']);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('hardens every web contents the app creates', () => {
    hardenApp(entryFile);
    const win = new FakeBrowserWindow({});
    expect(win.webContents.windowOpenHandler).not.toBeNull();
    const event = fakeEvent({ url: 'https://evil.example/' });
    win.webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
  });
});
