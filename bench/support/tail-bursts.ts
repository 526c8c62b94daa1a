/**
 * Where a closed loop's slowest requests come from (bench/ab/booking-cpu-ab.ts `--tail`): the requests
 * at or over the run's p99, grouped by when they were sent. Spread evenly over the run, the tail is
 * the queue's own variation; packed into a few bursts of about one request per connection, every
 * request in flight waited for the same stall, and the p99 is that stall's length. Each burst is then
 * set beside the host's old-generation collections of the run (host-process.ts `gc:watch`): a
 * collection that began while the burst's requests were in flight.
 *
 * Times are wall-clock epoch milliseconds, so the client's requests and the host's collections (two
 * processes on one machine) are on one clock.
 */
import { nowMs, percentile } from './stats';
import type { ThreadWindow } from './thread-sampler';

/** One answered request: when it was sent (epoch ms) and how long its answer took (ms). */
export type TracedRequest = [sentAtMs: number, ms: number];
/** One collection: when it began (epoch ms) and how long it held the thread (ms). */
export type Collection = [startMs: number, ms: number];

/**
 * A load client's record of its requests when asked for one (`trace`), else nothing: `started` and the
 * sending times are `nowMs()` readings, kept on the epoch's clock.
 */
export function requestTrace(on: boolean | undefined, started: number): { add(t0: number, ms: number): void; requests: TracedRequest[] | undefined } {
  const requests: TracedRequest[] | undefined = on ? [] : undefined;
  const epochAtStart = Date.now() - (nowMs() - started);
  return { add: (t0, ms) => requests?.push([epochAtStart + (t0 - started), ms]), requests };
}

export interface TailBurst {
  /** The first and last of the burst's slow requests' sending times, and when its last answer came. */
  firstSentMs: number;
  lastSentMs: number;
  answeredMs: number;
  requests: number;
}

export interface TailSummary {
  /** The run's p99 (nearest rank), the cut for "slow". */
  cutMs: number;
  /** Requests at or over it. */
  requests: number;
  bursts: TailBurst[];
  /** Bursts during which one of the host's collections began, and the collections in the run. */
  besideCollection: number;
  collections: number;
  /** Bursts that a WAL restart (every write held) overlapped, and the restarts in the run. */
  besideRestart: number;
  restarts: number;
}

/** Whether `[start, ms]` was under way while any of the burst's slow requests were in flight. */
const overlaps = (b: TailBurst, [start, ms]: Collection) => start <= b.answeredMs && start + ms >= b.firstSentMs;

/**
 * The requests at or over the p99, grouped into bursts: a request sent more than `gapMs` after the
 * last one of the burst so far starts a new one.
 */
export function tailBursts(requests: readonly TracedRequest[], collections: readonly Collection[], restarts: readonly Collection[] = [], gapMs = 25): TailSummary {
  const cutMs = percentile(requests.map((r) => r[1]), 99);
  const slow = requests.filter((r) => r[1] >= cutMs).sort((a, b) => a[0] - b[0]);
  const bursts: TailBurst[] = [];
  for (const [sent, ms] of slow) {
    const last = bursts.at(-1);
    if (last && sent - last.lastSentMs <= gapMs) {
      last.lastSentMs = sent;
      last.answeredMs = Math.max(last.answeredMs, sent + ms);
      last.requests++;
    } else {
      bursts.push({ firstSentMs: sent, lastSentMs: sent, answeredMs: sent + ms, requests: 1 });
    }
  }
  const besideCollection = bursts.filter((b) => collections.some(([start]) => start >= b.firstSentMs && start <= b.answeredMs)).length;
  const besideRestart = bursts.filter((b) => restarts.some((r) => overlaps(b, r))).length;
  return { cutMs, requests: slow.length, bursts, besideCollection, collections: collections.length, besideRestart, restarts: restarts.length };
}

/** One line for a run: `190 requests ≥ 39.2 ms in 4 bursts (50, 50, 48, 42), 1 beside an old-generation collection (9 in the run), 3 beside a WAL restart (4 in the run)`. */
export function describeTail(t: TailSummary): string {
  const sizes = [...t.bursts].sort((a, b) => b.requests - a.requests).slice(0, 8).map((b) => b.requests);
  const more = t.bursts.length > 8 ? ', …' : '';
  return `${t.requests} requests ≥ ${t.cutMs.toFixed(1)} ms in ${t.bursts.length} bursts (${sizes.join(', ')}${more}), ${t.besideCollection} beside an old-generation collection (${t.collections} in the run), ${t.besideRestart} beside a WAL restart (${t.restarts} in the run)`;
}

/**
 * Each of the largest bursts beside what else happened while its requests were in flight: the
 * host's collections that began, its WAL's longest fsync that overlapped (host-process.ts times them
 * from call to callback), the WAL's restart that overlapped, every write held meanwhile
 * (db/engine/wal-checkpointer.ts), and its main thread's time from outside (thread-sampler.ts). One line each:
 * `50 requests over 38 ms: longest fsync 6.4 ms, WAL restart 17.9 ms, no collection; thread ran 8.1, waited 0.4, neither 29.0 ms (asleep in epoll_pwait 14), steal 0`.
 */
export function describeBursts(
  t: TailSummary,
  host: { collections: readonly Collection[]; syncs: readonly Collection[]; restarts: readonly Collection[] },
  thread: (fromMs: number, toMs: number) => ThreadWindow | undefined,
  most = 8,
): string[] {
  const { collections, syncs, restarts } = host;
  return [...t.bursts]
    .sort((a, b) => b.requests - a.requests)
    .slice(0, most)
    .sort((a, b) => a.firstSentMs - b.firstSentMs)
    .map((b) => {
      const inFlight = (c: Collection) => overlaps(b, c);
      const gc = collections.filter(([start]) => start >= b.firstSentMs && start <= b.answeredMs).map(([, ms]) => `${ms.toFixed(1)} ms`);
      const fsync = Math.max(0, ...syncs.filter(inFlight).map(([, ms]) => ms));
      const restart = restarts.filter(inFlight).map(([, ms]) => `WAL restart ${ms.toFixed(1)} ms, `);
      const w = thread(b.firstSentMs, b.answeredMs);
      const tw = w ? `thread ran ${w.runMs.toFixed(1)}, waited ${w.waitMs.toFixed(1)}, neither ${w.otherMs.toFixed(1)} ms (asleep in ${w.asleepIn}), steal ${w.stealTicks}` : 'thread not sampled';
      return `${b.requests} requests over ${(b.answeredMs - b.firstSentMs).toFixed(0)} ms: longest fsync ${fsync.toFixed(1)} ms, ${restart.join('')}${gc.length ? `collection ${gc.join(', ')}` : 'no collection'}; ${tw}`;
    });
}
