/**
 * IPC when the Electron preload exposed `window.frontdesk`, HTTP + WebSocket to the page's own
 * origin otherwise, with the token of this tab's session.
 */
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { readStoredToken } from './session-token';
import type { Transport } from './transport';

export function chooseTransport(): Transport {
  if (window.frontdesk) return createIpcTransport(window.frontdesk);
  return createHttpTransport({ origin: window.location.origin, getToken: readStoredToken });
}
