/**
 * Socket.IO at `/socket.io/` (socket-io.ts), loaded with the first request or upgrade under its path:
 * a server whose clients never speak Socket.IO (the desk, the browsers on the LAN: they use `/ws`)
 * never holds its module graph (socket.io, engine.io, their parsers: ~1.8 MB of heap, benchmark 9 in
 * docs/benchmarks.md §4). The first client's handshake waits for the import (tens of ms, once).
 *
 * Until then this gate holds the server's upgrades: the ones under Socket.IO's path wait for it, the
 * others go to the listeners that were there (the `/ws` plugin's). Once loaded, Socket.IO is attached
 * to Fastify's server as before — it takes the requests under its path from there, each upgrade goes
 * to one of them only (the WebSocket plugin would answer 404 for Socket.IO's path).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Core } from '../create-core';
import { SOCKET_IO_PATH, sameOriginRaw, serveSocketIo } from './socket-io';

/** Largest message a client may send (its events carry a user id, nothing more). */
const MAX_MESSAGE_BYTES = 16 * 1024;

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface SocketIoGate {
  /**
   * Whether the gate took this request: one under Socket.IO's path that arrived before Socket.IO was
   * loaded, handed to it once it is. Any other request (and every one once it is loaded) is the caller's.
   */
  takes(req: IncomingMessage, res: ServerResponse): boolean;
}

const isSocketIo = (url: string | undefined) => (url ?? '').startsWith(SOCKET_IO_PATH);

export function registerSocketIo(app: FastifyInstance, core: Core): SocketIoGate {
  const server = app.server;
  const upgradeListeners = server.listeners('upgrade') as UpgradeListener[];
  for (const l of upgradeListeners) server.off('upgrade', l);
  let engineUpgrade: UpgradeListener[] = [];
  let loaded = false;
  let closing = false;
  let stop: (() => void) | undefined;
  let loading: Promise<void> | undefined;

  const load = () =>
    (loading ??= import('socket.io').then(({ Server }) => {
      if (closing) throw new Error('the server is closing');
      const io = new Server({
        path: SOCKET_IO_PATH,
        serveClient: false,
        maxHttpBufferSize: MAX_MESSAGE_BYTES,
        allowRequest: (req, callback) => callback(null, sameOriginRaw(req)),
      });
      const before = server.listeners('upgrade');
      io.attach(server, { destroyUpgrade: false });
      engineUpgrade = server.listeners('upgrade').filter((l) => !before.includes(l)) as UpgradeListener[];
      for (const l of engineUpgrade) server.off('upgrade', l);
      stop = serveSocketIo(app, core, io);
      loaded = true;
    }));

  const routeUpgrade: UpgradeListener = (req, socket, head) => {
    if (!isSocketIo(req.url)) {
      for (const l of upgradeListeners) l.call(server, req, socket, head);
      return;
    }
    load().then(
      () => {
        for (const l of engineUpgrade) l.call(server, req, socket, head);
      },
      () => socket.destroy(),
    );
  };
  server.on('upgrade', routeUpgrade);

  app.addHook('preClose', async () => {
    closing = true;
    server.off('upgrade', routeUpgrade);
    await loading?.catch(() => undefined);
    stop?.();
  });

  return {
    takes(req, res) {
      if (loaded || !isSocketIo(req.url)) return false;
      load().then(
        () => server.emit('request', req, res),
        (error: unknown) => {
          app.log.error({ err: error }, 'Socket.IO could not be loaded');
          res.writeHead(503).end();
        },
      );
      return true;
    },
  };
}
