/**
 * Socket.IO at its default path `/socket.io/` (issue 8 §4): seed 003's server is Flask-SocketIO, so its
 * clients speak Socket.IO. The maintained `socket.io` server is attached to Fastify's own HTTP server,
 * the one the host's listener hands every request and upgrade to (core/api/listener.ts), so it runs on
 * the desktop host and `npm run serve` alike, on whatever address the LAN switch has chosen. It is loaded
 * with the first request under its path (socket-io-gate.ts): a server no Socket.IO client talks to never
 * holds it.
 *
 * **Signing in.** The token goes in the handshake: `auth: {token}` (socket.io-client), or an
 * `Authorization: Bearer …` header, or a `token` query parameter (what Flask-SocketIO-style clients
 * send). No token, a bad or revoked one → the connection is refused (`connect_error` "Unauthorized");
 * a password change pending → refused too. A page from another origin is refused before the handshake.
 *
 * **Seed 003's events.** `join_booking_room` / `leave_booking_room` with `{userId}` join or leave the
 * room `user_<userId>`. A client may join only its own room; another user's is refused with an `error`
 * event `{event, error}` (and the acknowledgement, if the client asked for one), unless the caller is
 * staff or admin.
 *
 * **What is sent.** Every live event whose definition has a `socketIo` mapping
 * (shared/contract/event-def.ts) is emitted, as the mapping's event name and data, to the sockets the
 * event's audience admits (`mayReceive`, the one rule of every feed): a desk socket (staff, admin)
 * receives every event the desk may see; a client's socket receives the events about its own records
 * once it has joined its own room (as a Flask-SocketIO client does; leaving the room stops them).
 *
 * Sessions and caps are those of `/ws` (live-socket.ts): the viewer is resolved once at the handshake,
 * the sockets are indexed by audience (live-audience.ts), every session is re-checked before the first
 * event after a sign-out, deactivation or role change (`sessionEpoch`) and every SESSION_RECHECK_MS;
 * an ended session's sockets are disconnected. At most MAX_SOCKETS_PER_TOKEN per session and
 * MAX_SOCKETS_PER_USER per user: one more disconnects the oldest.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Server, Socket } from 'socket.io';
import { sessionEpoch } from '../../db/queries/session-queries';
import type { Viewer } from '../../shared/contract/event-def';
import { audienceOf, liveEvents, type LiveEvent } from '../../shared/contract/events';
import { inOrder, type CallContext } from '../context';
import type { Core } from '../create-core';
import { AudienceIndex, type LiveMember } from './live-audience';
import { MAX_SOCKETS_PER_TOKEN, MAX_SOCKETS_PER_USER, SESSION_RECHECK_MS } from './live-socket';

export const SOCKET_IO_PATH = '/socket.io/';
const MAX_TOKEN_CHARS = 4096;

export const SOCKET_IO_ERRORS = {
  unauthorized: 'Unauthorized: a valid token is required',
  passwordChange: 'Change your password first',
  userIdRequired: 'userId is required',
  accessDenied: 'Access denied: you may only join your own booking room',
  sessionEnded: 'Session ended',
} as const;

/** The room seed 003 emits a user's updates to. */
export const bookingRoom = (userId: number) => `user_${userId}`;

/** The Socket.IO message of a live event: its mapping's event name and data, or null when it has none. */
export function socketIoMessage(event: LiveEvent): { event: string; data: unknown } | null {
  const def = liveEvents[event.type] as { socketIo?: (e: LiveEvent) => { event: string; data: unknown } | null } | undefined;
  return def?.socketIo ? def.socketIo(event) : null;
}

/** The handshake's token: `auth.token`, else `Authorization: Bearer`, else the `token` query parameter. */
export function handshakeToken(handshake: Socket['handshake']): string | null {
  const fromAuth = (handshake.auth as { token?: unknown } | undefined)?.token;
  const header = handshake.headers.authorization;
  const fromHeader = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : undefined;
  const query = handshake.query.token;
  const candidates = [fromAuth, fromHeader, Array.isArray(query) ? query[0] : query];
  for (const c of candidates) if (typeof c === 'string' && c.length > 0 && c.length <= MAX_TOKEN_CHARS) return c;
  return null;
}

/** `{userId}` as seed 003's clients send it: a positive integer, or its decimal text. */
export function roomUserId(data: unknown): number | null {
  const raw = data !== null && typeof data === 'object' ? (data as { userId?: unknown }).userId : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A browser page's origin must be the host it talks to (as /ws requires). */
export function sameOriginRaw(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

const isDesk = (v: Viewer) => v.role === 'staff' || v.role === 'admin';
const viewerOf = (ctx: CallContext): Viewer => ({ role: ctx.actor.role, userId: ctx.actor.userId });

interface Member extends LiveMember<Socket> {
  /** The `user_<id>` rooms this socket joined, by user id. */
  rooms: Set<number>;
}

interface SocketData {
  ctx: CallContext;
  token: string;
}

const servers = new WeakMap<FastifyInstance, Server>();
/** The Socket.IO server of a server from buildServer (tests count its sockets). */
export function socketIoServerOf(app: FastifyInstance): Server | undefined {
  return servers.get(app);
}

type Ack = ((answer: unknown) => void) | undefined;

/**
 * Serves seed 003's protocol on `io` (already attached to Fastify's server by socket-io-gate.ts, which
 * loads Socket.IO with the first request under its path); returns what stops it.
 */
// eslint-disable-next-line max-lines-per-function -- seed 003's Socket.IO protocol in one place: its connection handler, rooms and event mapping share the server and the core
export function serveSocketIo(app: FastifyInstance, core: Core, io: Server): () => void {
  servers.set(app, io);

  const index = new AudienceIndex<Socket>();
  const members = new Map<Socket, Member>();
  const db = core.deps.db;
  let checkedEpoch = sessionEpoch(db);

  const resolve = async (token: string, address: string): Promise<CallContext | string> => {
    let ctx: CallContext;
    try {
      ctx = await core.contextFor(token, { via: 'http', address });
    } catch {
      return SOCKET_IO_ERRORS.unauthorized;
    }
    if (ctx.actor.userId === null || ctx.actor.role === 'anonymous') return SOCKET_IO_ERRORS.unauthorized;
    if (ctx.actor.mustChangePassword) return SOCKET_IO_ERRORS.passwordChange;
    return ctx;
  };

  const drop = (member: Member, reason: string) => {
    index.remove(member.socket);
    members.delete(member.socket);
    member.socket.emit('error', { error: reason });
    member.socket.disconnect(true);
  };

  /** Re-resolves every socket's session: disconnects the ended ones, re-files a user whose role changed. */
  const recheckSessions = async () => {
    checkedEpoch = sessionEpoch(db);
    for (const member of [...members.values()]) {
      const ctx = await resolve(member.token, member.address ?? '');
      if (typeof ctx === 'string') {
        drop(member, SOCKET_IO_ERRORS.sessionEnded);
        continue;
      }
      const viewer = viewerOf(ctx);
      if (viewer.role === member.viewer.role && viewer.userId === member.viewer.userId) continue;
      member.viewer = viewer;
      if (!isDesk(viewer)) {
        // No longer at the desk: only its own room stays joined.
        for (const id of [...member.rooms]) {
          if (id === viewer.userId) continue;
          member.rooms.delete(id);
          void member.socket.leave(bookingRoom(id));
        }
      }
      index.add(member);
    }
  };
  const recheckTimer = setInterval(() => {
    if (members.size > 0) void recheckSessions().catch((error: unknown) => app.log.warn({ err: error }, 'Socket.IO: session re-check failed'));
  }, SESSION_RECHECK_MS);
  recheckTimer.unref();

  const unsubscribe = core.deps.events.subscribe(inOrder(async (event) => {
    if (members.size === 0) return;
    const message = socketIoMessage(event);
    if (message === null) return;
    const audience = audienceOf(event);
    if (audience === 'internal') return;
    if (sessionEpoch(db) !== checkedEpoch) await recheckSessions();
    const ids: string[] = [];
    for (const { socket } of index.recipients(audience)) {
      const member = members.get(socket);
      if (!member) continue;
      // A client hears of its own records in its own room, as seed 003's clients expect.
      if (isDesk(member.viewer) || (member.viewer.userId !== null && member.rooms.has(member.viewer.userId))) ids.push(socket.id);
    }
    // One encoding for all of them: each socket is in the room of its own id.
    if (ids.length > 0) io.to(ids).emit(message.event, message.data);
  }));

  const enforceCaps = (member: Member) => {
    const over = (list: LiveMember<Socket>[], max: number) => list.slice(0, Math.max(0, list.length - max));
    for (const old of over(index.ofToken(member.token), MAX_SOCKETS_PER_TOKEN)) drop(members.get(old.socket)!, 'Too many Socket.IO connections for this session');
    for (const old of over(index.ofUser(member.viewer.userId), MAX_SOCKETS_PER_USER)) drop(members.get(old.socket)!, 'Too many Socket.IO connections for this user');
  };

  const admit = async (socket: Socket): Promise<Error | undefined> => {
    const token = handshakeToken(socket.handshake);
    const ctx = token === null ? SOCKET_IO_ERRORS.unauthorized : await resolve(token, socket.handshake.address);
    if (typeof ctx === 'string') {
      const error = new Error(ctx) as Error & { data?: unknown };
      error.data = { error: ctx };
      return error;
    }
    (socket.data as SocketData) = { ctx, token: token! };
    return undefined;
  };
  // A database that cannot be reached refuses the connection (the client retries), never crashes the host.
  io.use((socket, next) => {
    admit(socket).then(next, (error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  });

  io.on('connection', (socket) => {
    const { ctx, token } = socket.data as SocketData;
    const member: Member = { socket, token, address: socket.handshake.address, viewer: viewerOf(ctx), rooms: new Set() };
    members.set(socket, member);
    index.add(member);
    socket.on('disconnect', () => {
      index.remove(socket);
      members.delete(socket);
    });
    enforceCaps(member);

    const refuse = (eventName: string, error: string, ack: Ack) => {
      const answer = { event: eventName, error };
      socket.emit('error', answer);
      if (typeof ack === 'function') ack(answer);
    };

    /** The caller as of now (a session may have ended since the handshake); null when it was dropped. */
    const current = async (): Promise<Viewer | null> => {
      const now = await resolve(member.token, member.address ?? '');
      if (typeof now === 'string') {
        drop(member, SOCKET_IO_ERRORS.sessionEnded);
        return null;
      }
      return viewerOf(now);
    };

    socket.on('join_booking_room', async (data: unknown, ack: Ack) => {
      const userId = roomUserId(data);
      if (userId === null) return refuse('join_booking_room', SOCKET_IO_ERRORS.userIdRequired, ack);
      const viewer = await current();
      if (viewer === null) return;
      if (!isDesk(viewer) && viewer.userId !== userId) return refuse('join_booking_room', SOCKET_IO_ERRORS.accessDenied, ack);
      member.rooms.add(userId);
      void socket.join(bookingRoom(userId));
      if (typeof ack === 'function') ack({ ok: true, room: bookingRoom(userId) });
    });

    socket.on('leave_booking_room', (data: unknown, ack: Ack) => {
      const userId = roomUserId(data);
      if (userId === null) return refuse('leave_booking_room', SOCKET_IO_ERRORS.userIdRequired, ack);
      member.rooms.delete(userId);
      void socket.leave(bookingRoom(userId));
      if (typeof ack === 'function') ack({ ok: true, room: bookingRoom(userId) });
    });
  });

  return () => {
    clearInterval(recheckTimer);
    unsubscribe();
    io.disconnectSockets(true);
    io.engine.close();
  };
}
