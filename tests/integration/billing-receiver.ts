/**
 * A billing service as the outbox must assume it: a real node:http server that applies each message
 * once per Idempotency-Key and acknowledges repeats without applying them again, and keeps each
 * bill's state, ignoring a message whose `X-Frontdesk-Sequence` is not newer than the one it holds.
 * It can be started on a chosen port (billing "comes back" where the desk expects it), can lose some
 * answers after applying (so the desk must send again), refuse some messages for good with 422, and
 * misbehave: answer 500 for a while, never answer for some bills, or answer 500 with a huge body
 * streamed lazily (never held in memory).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
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
  /** Answered 500 (a short body) while this says so: an outage the test ends by its own clock. */
  failing?: () => boolean;
  /** Never answered (the connection stays open until the sender gives up). */
  hang?: (path: string) => boolean;
  /** Answered 500 with a body of this many bytes (0: no), written only as fast as the sender reads. */
  hugeErrorBytes?: (path: string) => number;
}

export interface BillingReceiver {
  url: string;
  port: number;
  /** Every request, applied or not, in arrival order (`at`: performance.now() when it arrived). */
  requests: { key: string; path: string; seq: number; at: number }[];
  /** Each bill's state: the body of the newest message applied, by path. */
  bills: Map<string, { seq: number; body: Record<string, unknown> }>;
  /** Messages older than the bill's state (by sequence), acknowledged and ignored. */
  stale: number;
  /** Body bytes written for `hugeErrorBytes` answers. */
  bytesStreamed: number;
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
      const seq = Number(req.headers['x-frontdesk-sequence'] ?? 0);
      receiver.requests.push({ key, path, seq, at: performance.now() });
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (rules.hang?.(path)) return;
      const huge = rules.hugeErrorBytes?.(path) ?? 0;
      if (huge > 0) return streamError(res, huge);
      if (rules.failing?.()) return reply(500, { error: 'billing database unavailable' });
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
      const bill = receiver.bills.get(path);
      if (bill && bill.seq >= seq) receiver.stale++;
      else receiver.bills.set(path, { seq, body });
      if (rules.loseAnswer?.(applied, receiver.applied.length - 1)) {
        receiver.answersLost++;
        return void req.socket.destroy();
      }
      reply(200, { ok: true });
    });
  });
  /** A 500 whose body is `total` bytes, written 64 KB at a time only when the socket has room. */
  const streamError = (res: ServerResponse, total: number) => {
    const chunk = Buffer.alloc(65_536, 'e');
    let left = total;
    res.writeHead(500, { 'content-type': 'text/plain', 'content-length': String(total) });
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        receiver.bytesStreamed += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
      }
      if (left === 0) res.end();
    };
    res.on('close', () => (left = 0));
    pump();
  };
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
    bills: new Map(),
    stale: 0,
    bytesStreamed: 0,
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
