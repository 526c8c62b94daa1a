/**
 * The desk's first two GETs, sent by the boot script before the app's bundle is evaluated (that
 * takes 100 ms and more on a slow desk PC): the settings and the board. The host works on them
 * meanwhile, and the HTTP transport takes the answer instead of asking again when the app makes
 * the same call. This file must stay small and must not load the contract (zod): the two paths are
 * written out here, and tests/renderer pin them to the contract's REST bindings.
 */
import { boardQuery, periodFromHash } from '../board/board-period';
import { queryString } from './query-string';

export const EARLY_PATHS = { 'board:get': '/api/v1/board', 'settings:get': '/api/v1/settings' } as const;

export interface EarlyRequest {
  name: keyof typeof EARLY_PATHS;
  input: Record<string, unknown>;
  url: string;
}

/** The calls the app makes first, for a page at `origin` opened on `hash`, with their URLs. */
export function earlyRequests(origin: string, hash: string): EarlyRequest[] {
  const base = origin.replace(/\/$/, '');
  // Settings first: the host answers in order, and that small answer then lands (and renders) while
  // the board is still on its way, instead of re-rendering the desk just after the board.
  const calls = [
    { name: 'settings:get' as const, input: {} },
    { name: 'board:get' as const, input: boardQuery(periodFromHash(hash)) },
  ];
  return calls.map((c) => ({ ...c, url: `${base}${EARLY_PATHS[c.name]}${queryString(c.input)}` }));
}

const pending = new Map<string, Promise<Response>>();

function key(name: string, input: unknown): string {
  return `${name}${queryString((input ?? {}) as Record<string, unknown>)}`;
}

/** Sends the GETs now; each answer waits for `takeEarlyGet`. */
export function startEarlyGets(requests: readonly EarlyRequest[]): void {
  for (const r of requests) {
    const response = fetch(r.url, { headers: { accept: 'application/json' } });
    // Nobody may take it (the app asked for something else first); a failure then is nobody's error.
    response.catch(() => undefined);
    pending.set(key(r.name, r.input), response);
  }
}

/** The early answer to exactly this call, once; undefined when there is none (then send it). */
export function takeEarlyGet(name: string, input: unknown): Promise<Response> | undefined {
  const k = key(name, input);
  const response = pending.get(k);
  pending.delete(k);
  return response;
}
