/**
 * A client of the live feed (`/ws`) on Node's own WebSocket, as a browser page uses it: open, send
 * `{"type":"auth","token"}` as the first frame, wait for `{"type":"ready"}`, then read events.
 */
import type { LiveEvent } from '../../shared/contract/events';

export interface LiveClient {
  ws: WebSocket;
  /** Every event received after `ready`, in order. */
  events: LiveEvent[];
  /** The next event of `type` (not one already received). */
  next(type: LiveEvent['type']): Promise<LiveEvent>;
  /** Settles when the server (or the client) closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens the socket without signing in: the test sends what it wants as the first frame. */
export function openLiveSocket(baseUrl: string): Promise<LiveClient & { ready: Promise<void> }> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`);
  const events: LiveEvent[] = [];
  const waiters: { type: string; resolve: (e: LiveEvent) => void }[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let isReady = false;
  ws.addEventListener('message', (m) => {
    const frame = JSON.parse(String(m.data)) as LiveEvent | { type: 'ready' };
    if (!isReady && frame.type === 'ready') {
      isReady = true;
      markReady();
      return;
    }
    const event = frame as LiveEvent;
    events.push(event);
    const i = waiters.findIndex((w) => w.type === event.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(event);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })));
  const next = (type: LiveEvent['type']) => new Promise<LiveEvent>((resolve) => waiters.push({ type, resolve }));
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve({ ws, events, next, closed, ready }));
    ws.addEventListener('error', () => reject(new Error('WebSocket failed')));
  });
}

/** Opens the socket and signs in with `token`; resolves once the server said `ready`. */
export async function openSignedInLiveSocket(baseUrl: string, token: string): Promise<LiveClient> {
  const client = await openLiveSocket(baseUrl);
  client.ws.send(JSON.stringify({ type: 'auth', token }));
  const outcome = await Promise.race([client.ready.then(() => 'ready' as const), client.closed]);
  if (outcome !== 'ready') throw new Error(`the live feed refused the token: ${outcome.code} ${outcome.reason}`);
  return client;
}
