/**
 * Where a closed loop's slowest requests come from (bench/support/tail-bursts.ts, booking-cpu-ab.ts
 * `--tail`): the requests at or over the p99 grouped into bursts, each set beside the host's
 * collections, its WAL's fsyncs and the WAL's restarts (every write held) that overlapped it.
 */
import { describe, expect, it } from 'vitest';
import { describeBursts, describeTail, tailBursts, type Collection, type TracedRequest } from '../../../bench/support/tail-bursts';

/** 200 requests of 5 ms sent 10 ms apart from t = 0, and two stalls: 3 requests from 500 ms and 2 from 1 500 ms that took 40 ms. */
function run(): TracedRequest[] {
  const requests: TracedRequest[] = Array.from({ length: 200 }, (_, i) => [i * 10, 5]);
  for (const i of [50, 51, 52, 150, 151]) requests[i] = [i * 10, 40];
  return requests;
}

describe("a run's slowest requests", () => {
  it('groups the requests at or over the p99 into bursts by when they were sent', () => {
    const t = tailBursts(run(), []);
    expect(t.cutMs).toBe(40);
    expect(t.requests).toBe(5);
    expect(t.bursts).toEqual([
      { firstSentMs: 500, lastSentMs: 520, answeredMs: 560, requests: 3 },
      { firstSentMs: 1500, lastSentMs: 1510, answeredMs: 1550, requests: 2 },
    ]);
  });

  it('counts the bursts a collection began in and the bursts a WAL restart overlapped', () => {
    // A collection beginning inside the first burst; a restart that began before the second and held into it, another far from both.
    const collections: Collection[] = [[530, 4]];
    const restarts: Collection[] = [
      [1490, 15],
      [1000, 12],
    ];
    const t = tailBursts(run(), collections, restarts);
    expect(t).toMatchObject({ besideCollection: 1, collections: 1, besideRestart: 1, restarts: 2 });
    expect(describeTail(t)).toBe('5 requests ≥ 40.0 ms in 2 bursts (3, 2), 1 beside an old-generation collection (1 in the run), 1 beside a WAL restart (2 in the run)');
  });

  it('words each burst with the longest fsync, the restart and the collection beside it', () => {
    const t = tailBursts(run(), [[530, 4]], [[1490, 15]]);
    const lines = describeBursts(t, { collections: [[530, 4]], syncs: [[505, 6.5], [1505, 3.2]], restarts: [[1490, 15]] }, () => undefined);
    expect(lines).toEqual([
      '3 requests over 60 ms: longest fsync 6.5 ms, collection 4.0 ms; thread not sampled',
      '2 requests over 50 ms: longest fsync 3.2 ms, WAL restart 15.0 ms, no collection; thread not sampled',
    ]);
  });
});
