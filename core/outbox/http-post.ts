/**
 * The outbox's HTTP client: one POST and what deliver() reads of its answer (status, one header, a
 * bounded excerpt of the body). Built on Node's own `http`/`https`, already loaded for the server.
 *
 * Why not `fetch`: Node's fetch is undici, loaded the first time it is called. On a desk that is the
 * first message to billing after start: the load held the host's event loop ~90 ms in benchmark 4's
 * profile on a slow PC (23–25 ms in a quiet process, against 4 ms for the first POST with `http`), and
 * undici's HTTP parser is WebAssembly, compiled and kept with the rest of it: 18 MB more RSS after 200
 * POSTs (`npx tsx bench/ab/outbox-post-memory.ts`; docs/benchmarks.md, fifteenth pass). `fetchPost` keeps
 * any fetch usable (tests wrap fetch to watch or gate deliveries).
 */
import http from 'node:http';
import https from 'node:https';

export interface PostAnswer {
  status: number;
  /** The server's reason phrase (`Not Found`), or '' if it sent none. */
  statusText: string;
  header(name: string): string | null;
  /** The first `maxBytes` of the body as UTF-8 text; the rest is never read (the connection is closed). */
  excerpt(maxBytes: number): Promise<string>;
  /** The body is not wanted: a short one is drained so the connection can be reused, a long one cut off. */
  discard(): void;
}

export interface PostRequest {
  headers: Record<string, string>;
  body: string;
  /** Aborts the request and its answer (the send's timeout and the worker's stop). */
  signal: AbortSignal;
}

/** Rejects on no answer (a refused connection, DNS, the signal); the error's `code` says which where known. */
export type HttpPost = (url: string, request: PostRequest) => Promise<PostAnswer>;

/** A short answer body is read to its end so the kept-alive connection serves the next message. */
const DRAIN_BYTES = 64 * 1024;

export const nodeHttpPost: HttpPost = (url, { headers, body, signal }) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) return reject(Object.assign(new Error(`unsupported protocol ${target.protocol}`), { code: 'ERR_INVALID_PROTOCOL' }));
    const req = client.request(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, signal }, (res) => {
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        header: (name) => {
          const v = res.headers[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        },
        excerpt: (maxBytes) =>
          new Promise((done) => {
            const chunks: Buffer[] = [];
            let size = 0;
            let finished = false;
            const finish = () => {
              if (finished) return;
              finished = true;
              res.off('data', onData);
              res.destroy();
              done(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
            };
            const onData = (c: Buffer) => {
              chunks.push(c);
              size += c.length;
              if (size >= maxBytes) finish();
            };
            res.on('data', onData);
            // A body cut short (or aborted) still leaves what arrived: enough for the excerpt.
            res.once('end', finish);
            res.once('error', finish);
            res.once('close', finish);
          }),
        discard: () => {
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > DRAIN_BYTES) res.destroy();
          });
          res.on('error', () => undefined);
          res.resume();
        },
      });
    });
    // Kept for the request's life: an abort after the answer came must not be an unhandled error.
    req.on('error', reject);
    req.end(body);
  });

/** Any fetch as an HttpPost (tests pass a fetch that watches, gates or tags deliveries). */
export function fetchPost(fetchFn: typeof fetch): HttpPost {
  return async (url, { headers, body, signal }) => {
    const res = await fetchFn(url, { method: 'POST', headers, body, signal });
    return {
      status: res.status,
      statusText: res.statusText,
      header: (name) => res.headers.get(name),
      excerpt: (maxBytes) => readExcerpt(res, maxBytes),
      discard: () => void res.body?.cancel().catch(() => undefined),
    };
  };
}

async function readExcerpt(res: Response, maxBytes: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short still leaves what arrived: enough for the excerpt.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
