/**
 * The browser's live feed: a WebSocket to `/ws` carrying JSON `LiveEvent`s, reopened with backoff
 * whenever it drops (server restart, Wi-Fi blip). Unknown or malformed messages are ignored. The
 * events' schema (zod) is loaded with the first message, not with the page.
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

/** `ws://host/ws`, or `wss://` when the page came over https. */
export function liveSocketUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}/ws`;
}

export interface LiveSocket {
  onEvent(listener: (e: LiveEvent) => void): () => void;
  onConnection(listener: (s: ConnectionState) => void): () => void;
  close(): void;
}

export function openLiveSocket(url: () => string): LiveSocket {
  const eventListeners = new Set<(e: LiveEvent) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  // Messages are checked one after another, so listeners see them in the order they came.
  let delivered: Promise<void> = Promise.resolve();

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    for (const l of stateListeners) l(s);
  };

  const connect = () => {
    timer = null;
    if (closed) return;
    const ws = new WebSocket(url());
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('live');
    };
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(msg.data);
      } catch {
        return;
      }
      delivered = delivered.then(async () => {
        const event = (await loadEventSchema()).safeParse(parsed);
        if (!event.success) return;
        for (const l of eventListeners) l(event.data);
      });
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setState('offline');
      if (!closed) timer = setTimeout(connect, reconnectDelay(attempt++));
    };
    // An error is always followed by close, which schedules the retry.
    ws.onerror = () => undefined;
  };

  connect();

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
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
