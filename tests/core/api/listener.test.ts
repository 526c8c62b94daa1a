/**
 * The movable listener (core/api/listener.ts) on its own: it serves the handler at one address at a
 * time, hands WebSocket upgrades on, and, moving or closing, ends the upgraded sockets it handed on
 * (no HTTP connection the server would ever close by itself).
 */
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createListener, type Listener } from '../../../core/api/listener';

let listener: Listener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Stands in for Fastify's own server: keeps every upgraded socket open and does nothing with it. */
function holdingUpgrades(): { server: Server; held: Socket[] } {
  const server = createServer();
  const held: Socket[] = [];
  server.on('upgrade', (_req, socket: Socket) => held.push(socket));
  return { server, held };
}

/** Opens a TCP connection and asks for a WebSocket upgrade; resolves once the listener handed it on. */
async function upgradedClient(port: number, held: Socket[]): Promise<{ socket: Socket; closed: Promise<void> }> {
  const before = held.length;
  const socket = connect({ host: '127.0.0.1', port });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write('GET /ws HTTP/1.1\r\nHost: desk\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
  await expect.poll(() => held.length).toBe(before + 1);
  return { socket, closed };
}

describe('createListener', () => {
  it('serves the handler where it listens, and moves', async () => {
    const { server } = holdingUpgrades();
    listener = createListener((_req, res) => res.end('hello'), server);
    const first = await listener.listen({ host: '127.0.0.1', port: 0 });
    expect(await (await fetch(`http://127.0.0.1:${first.port}/`)).text()).toBe('hello');
    const second = await listener.listen({ host: '127.0.0.1', port: 0 });
    expect(listener.current()).toEqual(second);
    expect(await (await fetch(`http://127.0.0.1:${second.port}/`)).text()).toBe('hello');
    await expect(fetch(`http://127.0.0.1:${first.port}/`)).rejects.toThrow();
  });

  it('cuts the upgraded sockets of the server it leaves, and close() does not wait for them', async () => {
    const { server, held } = holdingUpgrades();
    listener = createListener((_req, res) => res.end(), server);
    const at = await listener.listen({ host: '127.0.0.1', port: 0 });
    const moved = await upgradedClient(at.port, held);
    await listener.listen({ host: '127.0.0.1', port: 0 });
    await moved.closed;

    const current = await upgradedClient(listener.current()!.port, held);
    const started = performance.now();
    await listener.close();
    await current.closed;
    expect(performance.now() - started).toBeLessThan(2_000);
    listener = undefined;
  });
});
