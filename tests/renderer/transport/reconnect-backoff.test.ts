import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, reconnectDelay } from '../../../renderer/src/transport/reconnect-backoff';

describe('reconnectDelay', () => {
  it('doubles from half a second', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4].map((a) => reconnectDelay(a, noJitter))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('is capped, however long the server is away', () => {
    expect(reconnectDelay(5, () => 0)).toBe(BACKOFF_CAP_MS);
    expect(reconnectDelay(500, () => 0)).toBe(BACKOFF_CAP_MS);
  });

  it('adds at most 20 % jitter', () => {
    expect(reconnectDelay(3, () => 0.999)).toBeLessThanOrEqual(4800);
    expect(reconnectDelay(3, () => 0.5)).toBe(4400);
  });
});
