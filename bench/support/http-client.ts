/**
 * A keep-alive HTTP client for load generation: undici's Pool when it is in node_modules (it is,
 * through electron's tooling; it is not a dependency of ours, so it is loaded by name and may go),
 * else node:http with a keep-alive Agent. Either way a fixed number of sockets, reused.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface HttpReply {
  status: number;
  body: string;
}

export interface LoadHttpClient {
  kind: 'undici' | 'node:http';
  request(method: string, path: string, body?: string): Promise<HttpReply>;
  close(): Promise<void>;
}

interface UndiciPool {
  request(options: { path: string; method: string; headers?: Record<string, string>; body?: string }): Promise<{
    statusCode: number;
    body: { text(): Promise<string> };
  }>;
  close(): Promise<void>;
}
interface UndiciModule {
  Pool: new (origin: string, options: { connections: number; pipelining: number }) => UndiciPool;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function loadUndici(): Promise<UndiciModule | undefined> {
  const name = 'undici';
  try {
    return (await import(name)) as UndiciModule;
  } catch {
    return undefined;
  }
}

/** `headers` go with every request (a signed-in client's `authorization`). */
export async function createLoadHttpClient(origin: string, connections: number, headers: Record<string, string> = {}): Promise<LoadHttpClient> {
  const undici = await loadUndici();
  const headersFor = (body: string | undefined) => (body === undefined ? headers : { ...headers, ...JSON_HEADERS });
  if (undici) {
    const pool = new undici.Pool(origin, { connections, pipelining: 1 });
    return {
      kind: 'undici',
      async request(method, path, body) {
        const res = await pool.request({ path, method, headers: headersFor(body), body });
        return { status: res.statusCode, body: await res.body.text() };
      },
      close: () => pool.close(),
    };
  }
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return {
    kind: 'node:http',
    request(method, path, body) {
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          { host: url.hostname, port: url.port, path, method, agent, headers: headersFor(body) },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    async close() {
      agent.destroy();
    },
  };
}
