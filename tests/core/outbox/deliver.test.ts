import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '../../../core/outbox/deliver';
import { startBillingStub, type BillingStub } from '../../support/billing-stub';

let stub: BillingStub;
beforeEach(async () => {
  stub = await startBillingStub();
});
afterEach(() => stub.close());

let keys = 0;
const send = (url: string, options: { timeoutMs?: number; stopSignal?: AbortSignal } = {}) =>
  deliver(fetch, { url, payload: '{"a":1}', idempotencyKey: `k-${++keys}` }, { timeoutMs: options.timeoutMs ?? 2_000, stopSignal: options.stopSignal ?? new AbortController().signal });

describe('deliver', () => {
  it('sorts the answers: 2xx sent, 404 refused, 408 and 503 failed with Retry-After only where it counts', async () => {
    stub.plan({ status: 204 }, { status: 404, body: 'no such bill\n\n  route' }, { status: 408, headers: { 'Retry-After': '5' } }, { status: 503, headers: { 'Retry-After': '7' } });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'sent' });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'refused', error: 'HTTP 404 Not Found: no such bill route' });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'failed', error: 'HTTP 408 Request Timeout', retryAfter: null });
    expect(await send(`${stub.url}/b`)).toEqual({ kind: 'failed', error: 'HTTP 503 Service Unavailable', retryAfter: '7' });
  });

  it('gives up on a silent service after the timeout, as unreachable', async () => {
    stub.plan('hang');
    expect(await send(`${stub.url}/b`, { timeoutMs: 100 })).toEqual({ kind: 'unreachable', error: 'No answer within 0.1 s' });
  });

  it('reports an attempt cut short by stop() as aborted, so it does not count', async () => {
    stub.plan('hang');
    const stop = new AbortController();
    const pending = send(`${stub.url}/b`, { stopSignal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect(await pending).toEqual({ kind: 'aborted' });
  });

  it('refuses a URL that cannot be parsed instead of retrying it forever', async () => {
    expect(await send('http://billing:99999/bills/update/1')).toMatchObject({ kind: 'refused', error: expect.stringMatching(/^Invalid URL/) });
  });
});
