/**
 * The live feed at `/ws`: every committed change (`stay.changed`, `room.changed`, …) goes to each
 * signed-in browser as one JSON text frame, the same events the desktop window gets over IPC.
 *
 * A browser cannot put a token in a WebSocket's headers, so the first frame the client sends must be
 * `{"type":"auth","token":"…"}`; the server answers `{"type":"ready"}` or closes with 4401 (no or bad
 * token, or none within AUTH_TIMEOUT_MS) / 4403 (a password change is pending). Each event is sent
 * only to those who may see it (`mayReceive`): a `client` sees only its own bookings' changes.
 *
 * Cost: the socket's viewer (role, user id) is resolved once, at sign-in, and the sockets are indexed
 * by audience (live-audience.ts), so an event touches only the sockets that may receive it (200
 * sockets of one client once cut the desk's booking rate from 663/s to 117/s when every event
 * re-checked every socket's token). The sessions are re-checked, all at once, before the first event
 * after any revocation or user change (`sessionEpoch`) and every SESSION_RECHECK_MS (expiry): a
 * sign-out, a deactivation or a new role still takes effect before the next event is sent.
 *
 * Caps: at most MAX_SOCKETS_PER_TOKEN feeds per session and MAX_SOCKETS_PER_USER per user; one more
 * closes the oldest with 4429 (a reloaded tab's old feed is the one that goes). A page from another
 * origin is refused before the upgrade.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionEpoch } from '../../db/queries/session-queries';
import type { Viewer } from '../../shared/contract/event-def';
import { audienceOf, eventVisibleTo, type LiveEvent } from '../../shared/contract/events';
import { AppError } from '../../shared/errors';
import { inOrder, type CallContext } from '../context';
import type { Core } from '../create-core';
import { AudienceIndex, type LiveMember } from './live-audience';

/** A client this far behind is not reading; it is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const AUTH_TIMEOUT_MS = 10_000;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** Closes the oldest feed of a session or user over its cap. */
export const CLOSE_TOO_MANY = 4429;
/**
 * A browser tab holds one feed; a few per session cover reloads and a second tab, a user may sign in
 * on several devices. Beyond these, feeds are an attack on the feed, not a use of it.
 */
export const MAX_SOCKETS_PER_TOKEN = 5;
export const MAX_SOCKETS_PER_USER = 20;
/** How often every feed's session is re-checked regardless (it may simply expire). */
export const SESSION_RECHECK_MS = 30_000;

/** What the feed uses of a `ws` socket (the package ships no types of its own here). */
interface LiveClient {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'close' | 'error', listener: () => void): unknown;
  on(event: 'message', listener: (data: Buffer | string) => Promise<void>): unknown;
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

function viewerOf(ctx: CallContext): Viewer {
  return { role: ctx.actor.role, userId: ctx.actor.userId };
}

const indexes = new WeakMap<FastifyInstance, AudienceIndex<unknown>>();
/** The server's live feed index, for tests that count what publishing an event costs. */
export function liveAudienceIndex(app: FastifyInstance): AudienceIndex<unknown> | undefined {
  return indexes.get(app);
}

// eslint-disable-next-line max-lines-per-function -- the /ws protocol in one place: its auth frame, audience filter and close codes share the connection
export async function registerLiveSocket(app: FastifyInstance, core: Core): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const index = new AudienceIndex<LiveClient>();
  indexes.set(app, index as AudienceIndex<unknown>);
  const db = core.deps.db;
  let checkedEpoch = sessionEpoch(db);

  const drop = (member: LiveMember<LiveClient>, code: number, reason: string) => {
    index.remove(member.socket);
    member.socket.close(code, reason);
  };

  /** Re-resolves every feed's session: closes the ended ones, re-files a user whose role changed. */
  const recheckSessions = async () => {
    checkedEpoch = sessionEpoch(db);
    for (const member of index.all()) {
      let ctx: CallContext;
      try {
        ctx = await core.contextFor(member.token, { via: 'http', address: member.address });
      } catch {
        drop(member, CLOSE_UNAUTHORIZED, 'session ended');
        continue;
      }
      if (ctx.actor.mustChangePassword) {
        drop(member, CLOSE_FORBIDDEN, 'change your password first');
        continue;
      }
      const viewer = viewerOf(ctx);
      if (viewer.role !== member.viewer.role || viewer.userId !== member.viewer.userId) index.add({ ...member, viewer });
    }
  };
  const recheckTimer = setInterval(() => {
    if (index.size > 0) void recheckSessions().catch((error: unknown) => app.log.warn({ err: error }, 'live feed: session re-check failed'));
  }, SESSION_RECHECK_MS);
  recheckTimer.unref();

  const unsubscribe = core.deps.events.subscribe(inOrder(async (event) => {
    if (index.size === 0) return;
    const audience = audienceOf(event);
    if (audience === 'internal') return;
    if (sessionEpoch(db) !== checkedEpoch) await recheckSessions();
    let text: string | undefined;
    for (const { socket } of index.recipients(audience)) {
      if (socket.readyState !== socket.OPEN) continue;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
      else socket.send((text ??= JSON.stringify(event)));
    }
  }));
  app.addHook('onClose', async () => {
    clearInterval(recheckTimer);
    unsubscribe();
  });

  /** Keeps a session and a user within their caps: the oldest feeds over it are closed. */
  const enforceCaps = (member: LiveMember<LiveClient>) => {
    const over = (list: LiveMember<LiveClient>[], max: number) => list.slice(0, Math.max(0, list.length - max));
    for (const old of over(index.ofToken(member.token), MAX_SOCKETS_PER_TOKEN)) drop(old, CLOSE_TOO_MANY, 'too many live feeds for this session');
    for (const old of over(index.ofUser(member.viewer.userId), MAX_SOCKETS_PER_USER)) drop(old, CLOSE_TOO_MANY, 'too many live feeds for this user');
  };

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
      let signedIn = false;
      socket.on('close', () => {
        clearTimeout(timer);
        index.remove(socket);
      });
      socket.on('error', () => index.remove(socket));
      socket.on('message', async (data) => {
        if (signedIn) return; // the feed is one-way once signed in
        clearTimeout(timer);
        const token = readToken(data);
        let ctx: CallContext;
        try {
          if (token === null) throw new AppError('UNAUTHENTICATED', 'no token');
          ctx = await core.contextFor(token, { via: 'http', address: request.ip });
        } catch {
          socket.close(CLOSE_UNAUTHORIZED, 'sign in first');
          return;
        }
        if (ctx.actor.mustChangePassword) {
          socket.close(CLOSE_FORBIDDEN, 'change your password first');
          return;
        }
        signedIn = true;
        const member: LiveMember<LiveClient> = { socket, token, address: request.ip, viewer: viewerOf(ctx) };
        index.add(member);
        socket.send(JSON.stringify({ type: 'ready' }));
        enforceCaps(member);
      });
    },
  );
}
