/**
 * The live feed at `/ws`: every committed change (`stay.changed`, `room.changed`, …) goes to each
 * signed-in browser as one JSON text frame, the same events the desktop window gets over IPC.
 *
 * A browser cannot put a token in a WebSocket's headers, so the first frame the client sends must be
 * `{"type":"auth","token":"…"}`; the server answers `{"type":"ready"}` or closes with 4401 (no or bad
 * token, or none within AUTH_TIMEOUT_MS) / 4403 (a password change is pending). Each event is sent
 * only to those who may see it (`mayReceive`): a `client` sees only its own bookings' changes. The
 * token is checked again before every event, so a sign-out or a deactivation ends the feed at once.
 * A page from another origin is refused before the upgrade.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audienceOf, eventVisibleTo, type LiveEvent } from '../../shared/contract/events';
import { AppError } from '../../shared/errors';
import type { CallContext } from '../context';
import type { Core } from '../create-core';

/** A client this far behind is not reading; it is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const AUTH_TIMEOUT_MS = 10_000;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;

/** What the feed uses of a `ws` socket (the package ships no types of its own here). */
interface LiveClient {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'close' | 'error', listener: () => void): unknown;
  on(event: 'message', listener: (data: Buffer | string) => void): unknown;
}

interface Subscriber {
  token: string;
  ctx: CallContext;
}

/** Whether the caller may see this event: its audience (shared/contract/event-def.ts), the rule of every feed. */
export function mayReceive(ctx: CallContext, event: LiveEvent): boolean {
  return eventVisibleTo({ role: ctx.actor.role, userId: ctx.actor.userId }, event);
}

/** A browser page's origin must be the host it talks to (no cross-site WebSocket hijacking). */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser page (a LAN integration)
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function readToken(data: Buffer | string): string | null {
  try {
    const message = JSON.parse(String(data)) as { type?: unknown; token?: unknown };
    return message.type === 'auth' && typeof message.token === 'string' && message.token.length < 4096 ? message.token : null;
  } catch {
    return null;
  }
}

export async function registerLiveSocket(app: FastifyInstance, core: Core): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const subscribers = new Map<LiveClient, Subscriber>();

  const deliver = (socket: LiveClient, sub: Subscriber, event: LiveEvent, frame: () => string) => {
    let ctx: CallContext;
    try {
      ctx = core.contextFor(sub.token, { via: 'http', address: sub.ctx.address });
    } catch {
      subscribers.delete(socket);
      socket.close(CLOSE_UNAUTHORIZED, 'session ended');
      return;
    }
    sub.ctx = ctx;
    if (!mayReceive(ctx, event)) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
    else socket.send(frame());
  };

  const unsubscribe = core.deps.events.subscribe((event) => {
    if (subscribers.size === 0 || audienceOf(event) === 'internal') return;
    let text: string | undefined;
    const frame = () => (text ??= JSON.stringify(event));
    for (const [socket, sub] of subscribers) {
      if (socket.readyState === socket.OPEN) deliver(socket, sub, event, frame);
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get(
    '/ws',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request, reply) => {
        if (sameOrigin(request)) return;
        // The refused upgrade's connection is not kept alive: the socket is closed after this answer.
        void reply.header('Connection', 'close');
        throw new AppError('FORBIDDEN', 'This page may not open the live feed');
      },
    },
    (socket: LiveClient, request) => {
      const timer = setTimeout(() => socket.close(CLOSE_UNAUTHORIZED, 'sign in first'), AUTH_TIMEOUT_MS);
      socket.on('close', () => {
        clearTimeout(timer);
        subscribers.delete(socket);
      });
      socket.on('error', () => subscribers.delete(socket));
      socket.on('message', (data) => {
        if (subscribers.has(socket)) return; // the feed is one-way once signed in
        clearTimeout(timer);
        const token = readToken(data);
        let ctx: CallContext;
        try {
          if (token === null) throw new AppError('UNAUTHENTICATED', 'no token');
          ctx = core.contextFor(token, { via: 'http', address: request.ip });
        } catch {
          socket.close(CLOSE_UNAUTHORIZED, 'sign in first');
          return;
        }
        if (ctx.actor.mustChangePassword) {
          socket.close(CLOSE_FORBIDDEN, 'change your password first');
          return;
        }
        subscribers.set(socket, { token, ctx });
        socket.send(JSON.stringify({ type: 'ready' }));
      });
    },
  );
}
