/**
 * A round-robin balancer in front of several servers, as the tests' stand-in for the reverse proxy
 * (compose.yaml runs HAProxy): each request goes to the next server in turn, across all the clients
 * that share the balancer. Each client keeps one keep-alive connection per server
 * (tests/support/socket-client.ts), so N clients are N×servers real TCP connections.
 *
 * A server whose connection fails (refused, reset: it died) is taken out of the rotation, as a
 * balancer's health check would; the request that failed is **not** sent again elsewhere, since a
 * POST may have been committed before its server died: the caller gets the failure (`status: 0`)
 * and counts it as unacknowledged.
 */
import { createHttpClient, type HttpCall, type HttpClient, type HttpReply } from './socket-client';

export interface BalancedReply extends HttpReply {
  /** The index of the server that answered (or failed). */
  server: number;
  /** The connection error, when the server did not answer (then `status` is 0). */
  failure?: string;
}

export interface Balancer {
  urls: readonly string[];
  /** The servers still in the rotation. */
  up(): number[];
  /** A client with its own connections (and `token`, sent as `Authorization: Bearer`). */
  client(token?: string): BalancedClient;
}

export interface BalancedClient {
  send(call: HttpCall): Promise<BalancedReply>;
  /** The same request to one server (setup, or reading from a chosen one). */
  sendTo(server: number, call: HttpCall): Promise<HttpReply>;
  close(): void;
}

export function createBalancer(urls: readonly string[]): Balancer {
  const down = new Set<number>();
  let next = 0;
  const pick = (): number => {
    for (let tried = 0; tried < urls.length; tried++) {
      const i = next++ % urls.length;
      if (!down.has(i)) return i;
    }
    throw new Error('every server is down');
  };
  return {
    urls,
    up: () => urls.map((_, i) => i).filter((i) => !down.has(i)),
    client(token) {
      const connections: HttpClient[] = urls.map((url) => createHttpClient(url, token ? { token } : {}));
      return {
        async send(call) {
          const server = pick();
          try {
            return { ...(await connections[server]!.send(call)), server };
          } catch (e) {
            down.add(server);
            return { status: 0, headers: {}, body: '', server, failure: (e as Error).message };
          }
        },
        sendTo: (server, call) => connections[server]!.send(call),
        close: () => connections.forEach((c) => c.close()),
      };
    },
  };
}
