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

/**
 * An answer: a status (with an optional body and headers), a status with a body of `streamBytes`
 * bytes written lazily as the client reads (never held in memory), a dropped connection, or no answer.
 */
export type StubAnswer =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { status: number; streamBytes: number }
  | 'destroy'
  | 'hang';

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
  /** Asked first for every request: an answer for this one, or undefined for the plan / fallback. */
  route?: (req: StubRequest) => StubAnswer | undefined;
  /** Body bytes the server managed to write for `streamBytes` answers. */
  bytesStreamed: number;
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
    bytesStreamed: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const answer = (res: ServerResponse, a: Exclude<StubAnswer, 'destroy' | 'hang'>) => {
    if ('streamBytes' in a) return stream(res, a.status, a.streamBytes);
    res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
    res.end(a.body ?? '');
  };

  /** Writes `total` bytes in 64 KB chunks, each only when the socket has room (backpressure). */
  const stream = (res: ServerResponse, status: number, total: number) => {
    const chunk = Buffer.alloc(65_536, 'x');
    let left = total;
    res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': String(total) });
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        stub.bytesStreamed += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
      }
      if (left === 0) res.end();
    };
    res.on('close', () => (left = 0));
    pump();
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
      const a = stub.route?.(request) ?? queue.shift() ?? stub.fallback;
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
