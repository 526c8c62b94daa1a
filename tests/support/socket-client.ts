/**
 * A plain node:http client for tests that must go over a real socket. Each `HttpClient` owns one
 * keep-alive connection (its own Agent with one socket), so N clients are N truly concurrent TCP
 * connections, not N requests queued on a shared pool. Given a token, it sends it as
 * `Authorization: Bearer` on every request that does not bring its own `authorization` header.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpCall {
  method: string;
  /** Path and query, already encoded: `/api/v1/stays?limit=5`. */
  path: string;
  /** A value is sent as JSON; a string or Buffer is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpClient {
  send(call: HttpCall): Promise<HttpReply>;
  close(): void;
}

function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

export interface HttpClientOptions {
  /** A bearer token sent with every request (unless the call brings its own `authorization`). */
  token?: string;
}

export function createHttpClient(baseUrl: string, options: HttpClientOptions = {}): HttpClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    send(call) {
      const payload = encodeBody(call.body);
      const ownAuthorization = Object.keys(call.headers ?? {}).some((k) => k.toLowerCase() === 'authorization');
      const headers: Record<string, string> = {
        ...(options.token && !ownAuthorization ? { authorization: `Bearer ${options.token}` } : {}),
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        ...call.headers,
      };
      return new Promise<HttpReply>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, method: call.method, path: call.path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * Writes `bytes` as they are on a fresh TCP connection and reads until the server closes it (or
 * `timeoutMs`): for requests no HTTP client would send (a broken request line, an oversized header).
 */
export function sendRaw(baseUrl: string, bytes: string | Buffer, timeoutMs = 5000): Promise<HttpReply> {
  const url = new URL(baseUrl);
  return new Promise<HttpReply>((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => (chunks.length ? undefined : reject(e)));
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: HttpReply['headers'] = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
    });
  });
}
