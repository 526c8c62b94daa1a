/**
 * The browser's live feed: a WebSocket to `/ws` carrying JSON `LiveEvent`s, reopened with backoff
 * whenever it drops (server restart, Wi-Fi blip). It runs only while signed in: the first message
 * on each connection is `{"type":"auth","token":…}`, and the feed is live once the host answers
 * `{"type":"ready"}`. A close with code 4401 (token expired or revoked) or 4403 (a password change
 * is pending) stops it until `start()` after the next sign-in or the change. Unknown or malformed messages are ignored. The events' schema (zod) is
 * loaded with the first event, not with the page.
 */
import type { LiveEvent, LiveEventSchema } from '../../../shared/contract/events';
import { reconnectDelay } from './reconnect-backoff';
import type { ConnectionState } from './transport';

type EventSchema = typeof LiveEventSchema;
let eventSchema: Promise<EventSchema> | null = null;

function loadEventSchema(): Promise<EventSchema> {
  eventSchema ??= import('../../../shared/contract/events').then((m) => m.LiveEventSchema);
  return eventSchema;
}

/** The host closes with this code when the token is missing, expired or revoked. */
export const UNAUTHORIZED_CLOSE = 4401;
/** …and with this one while the user must still change a default or reset password. */
export const FORBIDDEN_CLOSE = 4403;

/** `ws://host/ws`, or `wss://` when the page came over https. */
export function liveSocketUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}/ws`;
}

export interface LiveSocketOptions {
  url: () => string;
  /** The session's token; without one the feed does not open. */
  token: () => string | null;
  /** The host refused the session (close 4401 or 4403). */
  onRefused: (code: typeof UNAUTHORIZED_CLOSE | typeof FORBIDDEN_CLOSE) => void;
}

export interface LiveSocket {
  onEvent(listener: (e: LiveEvent) => void): () => void;
  onConnection(listener: (s: ConnectionState) => void): () => void;
  /** Opens the feed (again), e.g. after sign-in; does nothing while it runs. */
  start(): void;
  /** Closes the feed and stops reconnecting (sign-out). */
  stop(): void;
}

interface ServerMessage {
  type?: unknown;
}

// eslint-disable-next-line max-lines-per-function -- one WebSocket's life (auth, events, reconnect with backoff) over one state
export function openLiveSocket(options: LiveSocketOptions): LiveSocket {
  const eventListeners = new Set<(e: LiveEvent) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  // Messages are checked one after another, so listeners see them in the order they came.
  let delivered: Promise<void> = Promise.resolve();

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    for (const l of stateListeners) l(s);
  };

  const connect = () => {
    timer = null;
    const token = options.token();
    if (!running || !token) return;
    const ws = new WebSocket(options.url());
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(msg.data);
      } catch {
        return;
      }
      if ((parsed as ServerMessage | null)?.type === 'ready') {
        attempt = 0;
        setState('live');
        return;
      }
      delivered = delivered.then(async () => {
        const event = (await loadEventSchema()).safeParse(parsed);
        if (!event.success) return;
        for (const l of eventListeners) l(event.data);
      });
    };
    ws.onclose = (e) => {
      if (socket !== ws) return;
      socket = null;
      setState('offline');
      if (e.code === UNAUTHORIZED_CLOSE || e.code === FORBIDDEN_CLOSE) {
        running = false;
        options.onRefused(e.code);
        return;
      }
      if (running) timer = setTimeout(connect, reconnectDelay(attempt++));
    };
    // An error is always followed by close, which schedules the retry.
    ws.onerror = () => undefined;
  };

  return {
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      setState('connecting');
      connect();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      const ws = socket;
      socket = null;
      ws?.close();
      setState('offline');
    },
  };
}
