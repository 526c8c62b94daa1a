/**
 * The live feed at `/ws`: every committed change (`stay.changed`, `room.changed`, …) goes to each
 * connected browser as one JSON text frame, the same events the desktop window gets over IPC.
 * One subscription to the bus serves all clients, so an event is serialized once however many listen.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../context';
import { resolveCallContext } from './call-context';

/** A client this far behind is not reading; it is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** What the feed uses of a `ws` socket (the package ships no types of its own here). */
interface LiveClient {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  terminate(): void;
  on(event: 'close' | 'error', listener: () => void): unknown;
}

export async function registerLiveSocket(app: FastifyInstance, events: EventBus): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const clients = new Set<LiveClient>();

  const unsubscribe = events.subscribe((event) => {
    if (clients.size === 0) return;
    const frame = JSON.stringify(event);
    for (const socket of clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
      else socket.send(frame);
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket: LiveClient, request) => {
    resolveCallContext(request);
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => clients.delete(socket));
  });
}
