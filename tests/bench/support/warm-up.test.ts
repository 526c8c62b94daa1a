/**
 * A write benchmark's warm-up (bench/support/warm-up.ts): a second of load at a time until the host's
 * WAL has started over once, as the host's `group-commit:stats` counts it; one second for a host
 * without the checkpointer; never past the cap.
 */
import { describe, expect, it } from 'vitest';
import { warmToWorkingSize } from '../../../bench/support/warm-up';

/** A host whose checkpointer counts `restartsAfter[i]` restarts (and `inlineAfter[i]` inline checkpoints) after the i-th second of load; `undefined` counts: no checkpointer. */
function fakeHost(restartsAfter: number[] | undefined, inlineAfter: number[] = []) {
  let seconds = 0;
  const asked: string[] = [];
  return {
    load: async () => void (seconds += 1),
    get seconds() {
      return seconds;
    },
    asked,
    ask: async <T extends object>(request: { type: string }, replyType: string): Promise<T> => {
      asked.push(`${request.type} → ${replyType}`);
      const i = seconds - 1;
      const checkpoints = restartsAfter ? { checkpoints: 3, restarts: restartsAfter[i] ?? 0, inline: inlineAfter[i] ?? 0 } : undefined;
      return { type: 'group-commit:stats', batches: 1, writes: 1, largest: 1, ...(checkpoints ? { checkpoints } : {}) } as T;
    },
  };
}

describe("a write benchmark's warm-up", () => {
  it('loads a second at a time until the WAL has started over once, and says how long it ran', async () => {
    const host = fakeHost([0, 0, 0, 1, 2]);
    expect(await warmToWorkingSize(host, host.load)).toBe(4);
    expect(host.seconds).toBe(4);
    expect(host.asked).toEqual(Array(4).fill('group-commit:stats → group-commit:stats'));
  });

  it('counts a checkpoint made inline (the WAL then starts over too) as the end of it', async () => {
    const host = fakeHost([0, 0, 0, 0], [0, 1]);
    expect(await warmToWorkingSize(host, host.load)).toBe(2);
  });

  it('warms a host without the checkpointer for one second', async () => {
    const host = fakeHost(undefined);
    expect(await warmToWorkingSize(host, host.load)).toBe(1);
    expect(host.seconds).toBe(1);
  });

  it('stops at its cap when the WAL never starts over', async () => {
    const host = fakeHost([]);
    expect(await warmToWorkingSize(host, host.load, 5)).toBe(5);
    expect(host.seconds).toBe(5);
  });
});
