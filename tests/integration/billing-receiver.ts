/**
 * A billing service as the outbox must assume it: a real node:http server that applies each message
 * once per Idempotency-Key and acknowledges repeats without applying them again. It can be started
 * on a chosen port (billing "comes back" where the desk expects it), can lose some answers after
 * applying (so the desk must send again), and refuses some messages for good with 422.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Applied {
  key: string;
  path: string;
  body: Record<string, unknown>;
}

export interface ReceiverRules {
  /** Refused with 422 every time (and never applied). */
  refuse?: (body: Record<string, unknown>) => boolean;
  /** Applied, then the connection is dropped before any answer: the sender cannot know it worked. */
  loseAnswer?: (applied: Applied, index: number) => boolean;
}

export interface BillingReceiver {
  url: string;
  port: number;
  /** Every request, applied or not, in arrival order. */
  requests: { key: string; path: string }[];
  /** What billing applied, in order. */
  applied: Applied[];
  /** How often each key was applied (must never exceed 1). */
  applyCount: Map<string, number>;
  /** Repeats of a key already applied, acknowledged without applying. */
  duplicates: number;
  refused: number;
  answersLost: number;
  close(): Promise<void>;
}

export async function startBillingReceiver(port: number, rules: ReceiverRules = {}): Promise<BillingReceiver> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const path = req.url ?? '';
      receiver.requests.push({ key, path });
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!key || req.method !== 'POST') return reply(400, { error: 'POST with an Idempotency-Key' });
      if (receiver.applyCount.has(key)) {
        receiver.duplicates++;
        return reply(200, { duplicate: true });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return reply(400, { error: 'not JSON' });
      }
      if (rules.refuse?.(body)) {
        receiver.refused++;
        return reply(422, { error: `unknown room type ${String(body.room_type)}` });
      }
      const applied = { key, path, body };
      receiver.applied.push(applied);
      receiver.applyCount.set(key, (receiver.applyCount.get(key) ?? 0) + 1);
      if (rules.loseAnswer?.(applied, receiver.applied.length - 1)) {
        receiver.answersLost++;
        return void req.socket.destroy();
      }
      reply(200, { ok: true });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  const receiver: BillingReceiver = {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests: [],
    applied: [],
    applyCount: new Map(),
    duplicates: 0,
    refused: 0,
    answersLost: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
