/**
 * The boot script: a separate small entry that index.html loads `async`, ahead of the app's bundle
 * (vite.config.ts adds the tag), so in a browser served by the host it sends the settings and board
 * requests as soon as the page is parsed (see transport/early-requests.ts). The host then works on
 * the board while the browser fetches and evaluates the app. main.tsx imports this module too, so
 * the app shares its pending answers (one module instance) and a dev server, which has no separate
 * entry, still sends them. Only for a signed-in desk: the API wants the session's token. Inside
 * Electron (`window.frontdesk`, IPC) there is nothing to send.
 */
import { earlyRequests, startEarlyGets } from './transport/early-requests';
import { readStoredToken } from './transport/session-token';

const token = !window.frontdesk && /^https?:$/.test(window.location.protocol) ? readStoredToken() : null;
if (token) startEarlyGets(earlyRequests(window.location.origin, window.location.hash), token);
