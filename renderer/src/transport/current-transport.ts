/**
 * The transport chosen once at start: IPC when the Electron preload exposed `window.frontdesk`,
 * HTTP + WebSocket to the page's own origin otherwise.
 */
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';

let current: Transport | null = null;

export function chooseTransport(): Transport {
  if (window.frontdesk) return createIpcTransport(window.frontdesk);
  return createHttpTransport({ origin: window.location.origin });
}

export function setTransport(t: Transport): void {
  current = t;
}

export function transport(): Transport {
  current ??= chooseTransport();
  return current;
}
