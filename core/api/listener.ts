/**
 * Where the API listens, changeable while the host runs (the LAN switch takes effect without a
 * restart). Fastify itself never listens: its request handler (captured by `serverFactory`) serves
 * one plain Node HTTP server at a time, made here, and WebSocket upgrades are handed to Fastify's
 * own server, where @fastify/websocket waits for them.
 *
 * Moving (127.0.0.1:8787 → 0.0.0.0:8787): the old server stops accepting first (the same port
 * cannot be bound twice), then the new one binds; connections the old one already has — such as
 * the admin's own request that flipped the switch — are served to their end, idle ones closed, and
 * its WebSockets cut at once: an upgraded socket is no HTTP connection the server would ever close,
 * so a LAN client's live feed would otherwise outlive the switch turned off (and `close` would wait
 * for it without end). If the new address cannot be bound, the listener goes back to where it was
 * and keeps the error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { clientErrorHandler } from './error-handler';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ListenAddress {
  host: string;
  port: number;
}

export interface Listener {
  /** Binds `to` (closing the current server first); resolves with the bound address. */
  listen(to: ListenAddress): Promise<ListenAddress>;
  current(): ListenAddress | null;
  close(): Promise<void>;
}

/** Keep-alive like Fastify's own server (72 s), so a browser's connections are reused. */
const KEEP_ALIVE_MS = 72_000;
const CLOSE_GRACE_MS = 5_000;

function bind(server: Server, to: ListenAddress): Promise<ListenAddress> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(to.port, to.host, () => {
      server.off('error', onError);
      resolve({ host: to.host, port: (server.address() as AddressInfo).port });
    });
  });
}

/** The sockets each server handed over to the WebSocket upgrade, while they are open. */
const upgradedSockets = new WeakMap<Server, Set<Duplex>>();

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    grace.unref();
    server.close(() => {
      clearTimeout(grace);
      resolve();
    });
    server.closeIdleConnections();
    for (const socket of upgradedSockets.get(server) ?? []) socket.destroy();
  });
}

export function createListener(handler: RequestHandler, upgrades: Server): Listener {
  let server: Server | null = null;
  let address: ListenAddress | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const open = async (to: ListenAddress): Promise<ListenAddress> => {
    const next = createServer({ keepAliveTimeout: KEEP_ALIVE_MS }, handler);
    next.on('clientError', clientErrorHandler);
    const upgraded = new Set<Duplex>();
    upgradedSockets.set(next, upgraded);
    next.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      upgraded.add(socket);
      socket.once('close', () => upgraded.delete(socket));
      upgrades.emit('upgrade', req, socket, head);
    });
    const bound = await bind(next, to);
    server = next;
    address = bound;
    return bound;
  };

  const move = async (to: ListenAddress): Promise<ListenAddress> => {
    const previous = address;
    const old = server;
    server = null;
    address = null;
    const closing = old ? await shut(old) : await Promise.resolve();
    try {
      return await open(to);
    } catch (error) {
      if (previous) await open(previous).catch(() => undefined);
      throw error;
    } finally {
      void closing;
    }
  };

  return {
    listen(to) {
      // One move at a time, in order: two quick setting changes end where the last one says.
      const result = queue.then(() => move(to));
      queue = result.catch(() => undefined);
      return result;
    },
    current: () => address,
    async close() {
      await queue;
      const old = server;
      server = null;
      address = null;
      if (old) await shut(old);
    },
  };
}
