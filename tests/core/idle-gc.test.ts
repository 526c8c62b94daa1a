/**
 * core/idle-gc.ts: one full collection once the event loop has been idle for an interval and the heap
 * has grown since the last one; none while the loop is busy, none without growth.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startIdleCollector, type IdleCollector } from '../../core/idle-gc';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Keeps the event loop busy for `ms`, in slices, so the interval's timer still fires between them. */
async function busyFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const slice = performance.now() + 20;
    while (performance.now() < slice) {
      // busy
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let collector: IdleCollector | undefined;
afterEach(() => collector?.stop());

describe('startIdleCollector', () => {
  it('collects when the event loop was idle over an interval and the heap grew', async () => {
    // Idle here: the test only sleeps (a loose idle bound, so a busy test runner does not decide it).
    collector = startIdleCollector({ intervalMs: 100, minGrowthBytes: 0, idleUtilization: 0.5 });
    await sleep(800);
    expect(collector.collections).toBeGreaterThanOrEqual(1);
  });

  it('does not collect when the heap has not grown by the threshold since the last collection', async () => {
    collector = startIdleCollector({ intervalMs: 100, minGrowthBytes: 512 * 1024 * 1024, idleUtilization: 0.5 });
    await sleep(500);
    expect(collector.collections).toBe(0);
  });

  it('does not collect while the event loop is busy', async () => {
    collector = startIdleCollector({ intervalMs: 100, minGrowthBytes: 0, idleUtilization: 0.5 });
    await busyFor(600);
    expect(collector.collections).toBe(0);
  });
});
