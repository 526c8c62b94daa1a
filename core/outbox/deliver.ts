/**
 * One delivery attempt: POST the stored JSON with its idempotency key, and sort the answer into what
 * the worker does next. The receiver dedups by `Idempotency-Key`, so sending a message again after a
 * lost answer is safe; that is why every unclear outcome is a retry, never a guess. The POST itself is
 * http-post.ts's (Node's own `http`, not fetch: why, there).
 */
import type { HttpPost, PostAnswer } from './http-post';

export type DeliveryOutcome =
  /** 2xx: done. */
  | { kind: 'sent' }
  /** A definite refusal (4xx other than 408/429): retrying cannot help, dead at once. */
  | { kind: 'refused'; error: string }
  /** The service answered but failed (5xx, 408, 429): transient, retried within the retry window. */
  | { kind: 'failed'; error: string; retryAfter: string | null }
  /** No answer (refused connection, DNS, timeout): transient, retried within the retry window. */
  | { kind: 'unreachable'; error: string }
  /** The worker is stopping: the attempt does not count. */
  | { kind: 'aborted' };

export interface DeliveryRequest {
  url: string;
  /** The stored JSON text, sent as is. */
  payload: string;
  idempotencyKey: string;
  /** The message's number within its record (`X-Frontdesk-Sequence`): a receiver drops a lower one than it has seen. */
  sequence: number;
}

const EXCERPT_CHARS = 200;
/**
 * At most this much of an answer is ever read. A receiver that answers 500 with a 256 MB body must
 * not make the host buffer it (on every retry): the rest is cancelled, closing the connection.
 */
export const ANSWER_READ_BYTES = 4_096;

function describeStatus(res: PostAnswer, body: string): string {
  const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
  const head = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  return excerpt ? `${head}: ${excerpt}` : head;
}

function describeNetworkError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `No answer within ${timeoutMs / 1000} s`;
  // fetch puts the socket's error in `cause`; Node's http throws it as it is.
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  const own = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  const detail = cause?.code ?? cause?.message ?? (typeof own === 'string' ? own : undefined) ?? (e instanceof Error ? e.message : String(e));
  return `Network error: ${detail}`;
}

export async function deliver(
  post: HttpPost,
  req: DeliveryRequest,
  options: { timeoutMs: number; stopSignal: AbortSignal },
): Promise<DeliveryOutcome> {
  if (!URL.canParse(req.url)) return { kind: 'refused', error: `Invalid URL ${JSON.stringify(req.url.slice(0, 200))}` };
  let res: PostAnswer;
  try {
    res = await post(req.url, {
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': req.idempotencyKey, 'X-Frontdesk-Sequence': String(req.sequence) },
      body: req.payload,
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.stopSignal]),
    });
  } catch (e) {
    if (options.stopSignal.aborted) return { kind: 'aborted' };
    return { kind: 'unreachable', error: describeNetworkError(e, options.timeoutMs) };
  }
  if (res.status >= 200 && res.status < 300) {
    // Free the connection without reading what billing had to say.
    res.discard();
    return { kind: 'sent' };
  }
  const error = describeStatus(res, await res.excerpt(ANSWER_READ_BYTES));
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', error };
  const retryAfter = res.status === 429 || res.status === 503 ? res.header('retry-after') : null;
  return { kind: 'failed', error, retryAfter };
}
