/**
 * `window.frontdesk`, exposed by the Electron preload: one function per IPC command, keyed by the
 * command name, each resolving to `{ ok, value } | { ok: false, error }`, plus the live-event
 * subscription. The shape lives in shared/ so the preload and the renderer cannot disagree.
 */
import type { FrontdeskApi } from '../../../shared/contract/ipc-channels';

export type { FrontdeskApi };

declare global {
  interface Window {
    frontdesk?: FrontdeskApi;
  }
}
