/**
 * The first module main.tsx imports, so the bundle evaluates it (and its few small imports) before
 * React and the app: in a browser served by the host it sends the settings and board requests at
 * once (see transport/early-requests.ts), and the host works on the board while the browser runs
 * the app's bundle. Not a separate, earlier script on purpose: the host serves files and answers
 * on one thread, so a board request sent before the bundle has arrived would hold the bundle up.
 * Inside Electron (`window.frontdesk`, IPC) there is nothing to send.
 */
import { earlyRequests, startEarlyGets } from './transport/early-requests';

if (!window.frontdesk && /^https?:$/.test(window.location.protocol)) {
  startEarlyGets(earlyRequests(window.location.origin, window.location.hash));
}

