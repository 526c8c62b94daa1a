/**
 * Electron's security checklist, in one place: a strict CSP on every response, no permissions, no
 * navigation away from our page, no new windows, no <webview>, and IPC answered only for our page.
 * **The renderer is treated as hostile**: anything it can reach must be allowed here explicitly.
 */
import { app, session, shell, type IpcMainInvokeEvent, type BrowserWindow, type WebContents } from 'electron';
import { relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The file a `file:` URL points at, or null for any other URL (including `file://host/…`). */
function filePathOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? resolve(fileURLToPath(parsed)) : null;
  } catch {
    return null;
  }
}

export function isFileUrlInside(url: string, dir: string): boolean {
  const file = filePathOf(url);
  if (file === null) return false;
  const rel = relative(resolve(dir), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function isSameFileUrl(url: string, file: string): boolean {
  return filePathOf(url) === resolve(file);
}

/** Only web pages leave the app, and only in the user's browser; `file:`, `javascript:`, custom schemes never. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function withCsp(headers: Record<string, string | string[]> = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Call once the app is ready: CSP on every response, every permission refused. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function openIfWeb(url: string): void {
  if (isExternalWebUrl(url)) void shell.openExternal(url);
}

export function hardenWebContents(contents: WebContents, entryFile: string): void {
  contents.on('will-navigate', (event) => {
    if (isSameFileUrl(event.url, entryFile)) return;
    event.preventDefault();
    openIfWeb(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfWeb(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies `hardenWebContents` to every web contents the app ever creates, before it loads anything. */
export function hardenApp(entryFile: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entryFile));
}

/**
 * IPC is answered only for the main frame of our window showing a page of our renderer dir: not a
 * subframe, not another window, not a page that somehow navigated elsewhere.
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null, rendererDir: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || win.isDestroyed() || !frame) return false;
    if (event.sender !== win.webContents || frame.parent !== null) return false;
    return isFileUrlInside(frame.url, rendererDir);
  };
}
