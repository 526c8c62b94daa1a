/**
 * One delivery over a real socket to a local receiver, with the outbox's own HTTP client (Node's
 * `http`, core/outbox/http-post.ts) and with fetch through `fetchPost` (what a test's own fetch goes
 * through): both must sort every answer alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_READ_BYTES, deliver } from '../../../core/outbox/deliver';
import { fetchPost, nodeHttpPost, type HttpPost } from '../../../core/outbox/http-post';
import { closedPortUrl, startBillingStub, type BillingStub } from '../../support/billing-stub';

let stub: BillingStub;
beforeEach(async () => {
  stub = await startBillingStub();
});
afterEach(async () => await stub.close());

let keys = 0;

describe.each<[string, HttpPost]>([
  ["Node's http (the outbox's own)", nodeHttpPost],
  ['fetch', fetchPost(fetch)],
])('deliver with %s', (_name, post) => {
  const send = (url: string, options: { timeoutMs?: number; stopSignal?: AbortSignal } = {}) =>
    deliver(post, { url, payload: '{"a":1}', idempotencyKey: `k-${++keys}`, sequence: 3 }, { timeoutMs: options.timeoutMs ?? 2_000, stopSignal: options.stopSignal ?? new AbortController().signal });

  it('sorts the answers: 2xx sent, 404 refused, 408 and 503 failed with Retry-After only where it counts', async () => {
    stub.plan({ status: 204 }, { status: 404, body: 'no such bill\n\n  route' }, { status: 408, headers: { 'Retry-After': '5' } }, { status: 503, headers: { 'Retry-After': '7' } });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'sent' });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'refused', error: 'HTTP 404 Not Found: no such bill route' });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'failed', error: 'HTTP 408 Request Timeout', retryAfter: null });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'failed', error: 'HTTP 503 Service Unavailable', retryAfter: '7' });
  });

  it('sends the per-record sequence as X-Frontdesk-Sequence beside the idempotency key, and the stored JSON as it is', async () => {
    await send(`${stub.url}/b`);
    expect(stub.requests[0]!.headers).toMatchObject({ 'x-frontdesk-sequence': '3', 'idempotency-key': `k-${keys}`, 'content-type': 'application/json' });
    expect(stub.requests[0]!.body).toBe('{"a":1}');
  });

  it('sends one message after another on the same receiver, a sent one\'s answer body left unread', async () => {
    stub.plan({ status: 200, body: 'thanks' }, { status: 201, body: 'x'.repeat(200_000) }, { status: 204 });
    for (let i = 0; i < 3; i++) expect(await send(`${stub.url}/b`)).toEqual({ kind: 'sent' });
    expect(stub.requests).toHaveLength(3);
  });

  it('says which network error it was when nothing listens', async () => {
    expect(await send(`${await closedPortUrl()}/b`)).toEqual({ kind: 'unreachable', error: 'Network error: ECONNREFUSED' });
  });

  it('reads at most a few KB of an answer: a 500 with a 256 MB body is cut off, not downloaded', async () => {
    const total = 256 * 1024 * 1024;
    stub.plan({ status: 500, streamBytes: total });
    const heapBefore = process.memoryUsage();
    const started = performance.now();
    const outcome = await send(`${stub.url}/b`);
    const ms = performance.now() - started;
    const heapAfter = process.memoryUsage();
    expect(outcome).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^HTTP 500 Internal Server Error: x{200}$/) });
    // What the receiver could push before we hung up: socket buffers, a few MB at most, not 256 MB.
    await expect.poll(() => stub.bytesStreamed).toBeGreaterThan(ANSWER_READ_BYTES);
    expect(stub.bytesStreamed).toBeLessThan(16 * 1024 * 1024);
    console.log(
      `deliver: 500 with a ${total / 2 ** 20} MB body → read ≤ ${ANSWER_READ_BYTES} B, receiver wrote ${(stub.bytesStreamed / 2 ** 20).toFixed(2)} MB ` +
        `before the hang-up, ${ms.toFixed(0)} ms, rss ${((heapAfter.rss - heapBefore.rss) / 2 ** 20).toFixed(1)} MB change`,
    );
  });

  it('gives up on a silent service after the timeout, as unreachable', async () => {
    stub.plan('hang');
    expect(await send(`${stub.url}/b`, { timeoutMs: 100 })).toEqual({ kind: 'unreachable', error: 'No answer within 0.1 s' });
  });

  it('reports an attempt cut short by stop() as aborted, so it does not count', async () => {
    const stop = new AbortController();
    // stop() comes while the service holds the request: once it has arrived, and before any answer.
    stub.route = () => {
      stop.abort();
      return 'hang';
    };
    expect(await send(`${stub.url}/b`, { stopSignal: stop.signal })).toEqual({ kind: 'aborted' });
  });

  it('refuses a URL that cannot be parsed instead of retrying it forever', async () => {
    expect(await send('http://billing:99999/bills/update/1')).toMatchObject({ kind: 'refused', error: expect.stringMatching(/^Invalid URL/) });
  });
});
