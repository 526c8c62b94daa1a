/**
 * **The live map**: each domain's live entries (`<domain>/<domain>-live.ts`: which of its views an
 * event reloads, which of its stores takes the event), as the renderer's domain list names them
 * (domains.ts), merged into the one map from event to views. The stores look every change up in it:
 * this desk's own (`stores/change.ts`, by the events the command declares in the contract) and every
 * other client's, as its event arrives (`stores/live-events.ts`, over IPC or a LAN browser's `/ws`).
 */
import { mergeLiveEntries } from '../stores/live-event-table';
import { partOf } from './domains';

export const LIVE_MAP = mergeLiveEntries(...partOf('live'));
