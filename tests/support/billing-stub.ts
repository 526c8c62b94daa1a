/**
 * A real HTTP server on 127.0.0.1 standing in for the billing service (or the event broker). It
 * records every request, acts as an idempotent receiver (a key it has accepted is acknowledged again
 * but not delivered twice), and can be told how to answer the next requests.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An answer: a status (with an optional body and headers), a dropped connection, or no answer at all. */
export type StubAnswer = { status: number; body?: string; headers?: Record<string, string> } | 'destroy' | 'hang';

export interface BillingStub {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request, in arrival order. */
  requests: StubRequest[];
  /** Requests accepted with a 2xx, at most one per Idempotency-Key, in order. */
  delivered: StubRequest[];
  /** Answers for the next requests, in order; after them every request gets `fallback`. */
  plan(...answers: StubAnswer[]): void;
  fallback: StubAnswer;
  close(): Promise<void>;
}

export async function startBillingStub(): Promise<BillingStub> {
  const queue: StubAnswer[] = [];
  const accepted = new Set<string>();
  const sockets = new Set<Socket>();
  const stub: BillingStub = {
    url: '',
    requests: [],
    delivered: [],
    plan: (...answers) => void queue.push(...answers),
    fallback: { status: 200, body: '{"ok":true}' },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const answer = (res: ServerResponse, a: Exclude<StubAnswer, 'destroy' | 'hang'>) => {
    res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
    res.end(a.body ?? '');
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const request: StubRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      stub.requests.push(request);
      const key = String(req.headers['idempotency-key'] ?? '');
      if (key && accepted.has(key)) return answer(res, { status: 200, body: '{"duplicate":true}' });
      const a = queue.shift() ?? stub.fallback;
      if (a === 'destroy') return void req.socket.destroy();
      if (a === 'hang') return;
      if (a.status >= 200 && a.status < 300) {
        if (key) accepted.add(key);
        stub.delivered.push(request);
      }
      answer(res, a);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}

/** A URL on which nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
