/**
 * One delivery attempt: POST the stored JSON with its idempotency key, and sort the answer into what
 * the worker does next. The receiver dedups by `Idempotency-Key`, so sending a message again after a
 * lost answer is safe; that is why every unclear outcome is a retry, never a guess.
 */
export type DeliveryOutcome =
  /** 2xx: done. */
  | { kind: 'sent' }
  /** A definite refusal (4xx other than 408/429): retrying cannot help, dead at once. */
  | { kind: 'refused'; error: string }
  /** The service answered but failed (5xx, 408, 429): retried, dead after too many. */
  | { kind: 'failed'; error: string; retryAfter: string | null }
  /** No answer (refused connection, DNS, timeout): retried, never dead — the service is just away. */
  | { kind: 'unreachable'; error: string }
  /** The worker is stopping: the attempt does not count. */
  | { kind: 'aborted' };

export interface DeliveryRequest {
  url: string;
  /** The stored JSON text, sent as is. */
  payload: string;
  idempotencyKey: string;
}

const EXCERPT_CHARS = 200;

function describeStatus(res: Response, body: string): string {
  const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
  const head = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  return excerpt ? `${head}: ${excerpt}` : head;
}

function describeNetworkError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `No answer within ${timeoutMs / 1000} s`;
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  return `Network error: ${detail}`;
}

async function readExcerpt(res: Response): Promise<string> {
  try {
    return (await res.text()).slice(0, EXCERPT_CHARS * 4);
  } catch {
    return '';
  }
}

export async function deliver(
  fetchFn: typeof fetch,
  req: DeliveryRequest,
  options: { timeoutMs: number; stopSignal: AbortSignal },
): Promise<DeliveryOutcome> {
  if (!URL.canParse(req.url)) return { kind: 'refused', error: `Invalid URL ${JSON.stringify(req.url.slice(0, 200))}` };
  let res: Response;
  try {
    res = await fetchFn(req.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': req.idempotencyKey },
      body: req.payload,
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.stopSignal]),
    });
  } catch (e) {
    if (options.stopSignal.aborted) return { kind: 'aborted' };
    return { kind: 'unreachable', error: describeNetworkError(e, options.timeoutMs) };
  }
  if (res.ok) {
    // Free the connection without reading what billing had to say.
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'sent' };
  }
  const error = describeStatus(res, await readExcerpt(res));
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', error };
  const retryAfter = res.status === 429 || res.status === 503 ? res.headers.get('retry-after') : null;
  return { kind: 'failed', error, retryAfter };
}
