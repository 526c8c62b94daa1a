/**
 * What the machine takes from a running core (bench/support/interruptions.ts), the figure every run's
 * header and benchmark 2's figures carry: the gaps summarised, the share of calls they catch, the words.
 */
import { describe, expect, it } from 'vitest';
import { caughtShare, interruptionsText, measureInterruptions, summariseGaps } from '../../../bench/support/interruptions';

describe("the machine's interruptions of a running core", () => {
  it('summarises gaps as a rate, a median length and a share of the time', () => {
    // 4 gaps in 2 ms: 2 000 a second; 20 + 30 + 40 + 110 = 200 µs of 2 000 µs.
    expect(summariseGaps([20, 30, 40, 110], 2)).toEqual({ perSecond: 2000, medianUs: 30, share: 0.1 });
    expect(summariseGaps([], 1000)).toEqual({ perSecond: 0, medianUs: 0, share: 0 });
  });

  it('gives a call the chance of being caught as rate × length, at most certain', () => {
    const machine = { perSecond: 1800, medianUs: 35, share: 0.063 };
    expect(caughtShare(machine, 10)).toBeCloseTo(0.018, 6);
    expect(caughtShare(machine, 5)).toBeCloseTo(0.009, 6);
    expect(caughtShare(machine, 10_000)).toBe(1);
  });

  it('measures gaps over the threshold only, within the time it was given', () => {
    const i = measureInterruptions(50, 10);
    expect(i.share).toBeGreaterThanOrEqual(0);
    expect(i.share).toBeLessThan(1);
    if (i.perSecond > 0) expect(i.medianUs).toBeGreaterThan(10);
  });

  it("words the header's figure", () => {
    expect(interruptionsText({ perSecond: 1788.4, medianUs: 35.3, share: 0.0736 })).toBe('a core stopped 1\u202f788 times a second, a median 35 µs each (7.4 % of its time)');
  });
});
