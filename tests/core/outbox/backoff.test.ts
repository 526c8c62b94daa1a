import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelayMs, parseRetryAfter } from '../../../core/outbox/backoff';
import { joinUrl } from '../../../core/outbox/outbox-worker';

describe('backoffDelayMs', () => {
  const top = () => 0.999_999;

  it('doubles the ceiling after each failure, starting at 1 s', () => {
    expect([1, 2, 3, 5].map((n) => backoffDelayMs(n, top))).toEqual([999, 1_999, 3_999, 15_999]);
  });

  it('spreads retries over [0, ceiling) with the random source (full jitter)', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(2_000);
  });

  it('never waits longer than an hour, however many failures', () => {
    expect(backoffDelayMs(13, top)).toBe(Math.floor(0.999_999 * BACKOFF_CAP_MS));
    expect(backoffDelayMs(1_000, top)).toBeLessThan(BACKOFF_CAP_MS);
  });

  it('takes Retry-After instead of the jitter, within the cap', () => {
    expect(backoffDelayMs(1, top, 120_000)).toBe(120_000);
    expect(backoffDelayMs(1, top, 10 * BACKOFF_CAP_MS)).toBe(BACKOFF_CAP_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-05-01T08:00:00Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 08:02:00 GMT', now)).toBe(120_000);
  });

  it('ignores a missing or unreadable header, and a date in the past means now', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('Fri, 01 May 2026 07:00:00 GMT', now)).toBe(0);
  });
});

describe('joinUrl', () => {
  it('puts the message path under the base URL, whatever the slashes', () => {
    expect(joinUrl('http://billing-service:5002', '/bills/update/17')).toBe('http://billing-service:5002/bills/update/17');
    expect(joinUrl('http://billing:5002/api/', '/bills/update/17')).toBe('http://billing:5002/api/bills/update/17');
    expect(joinUrl('http://broker/events', '')).toBe('http://broker/events');
  });
});
