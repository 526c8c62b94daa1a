/**
 * The worker's slots: the chains running (at most `concurrency`, one per record) and the chains
 * claimed and queued behind them (outbox-claims.ts). A chain that ends hands its slot to the next
 * queued chain at once (no read, no write, nothing awaited in between); `take()` starts queued chains
 * in the free slots, as far as each target's pace lets it (target-pace.ts), and claims more once the
 * queue is down to half a window (up to `HELD_WINDOWS` windows held), so one claim (one fsync) takes
 * some forty records. A worker that holds nothing claims one window first and starts it, then the
 * rest, so its first messages do not wait for four windows' claim. Never runs twice at once: a take
 * registers its lanes before the next one reads.
 *
 * **Dry.** A claim that found nothing leaves the slots *dry*: a chain that ends does not look again
 * (each look reads past every claimed message of the backlog's tail), until something may have become
 * due: marks written (`wake()`: what waited behind them), or a take that is not a chain's end (an
 * enqueued message, the poll, a tick's last look).
 */
import type { Database } from '../../db/database';
import { releaseClaims } from '../../db/queries/outbox-claim-queries';
import { listTargetHealth, type TargetHealthRow } from '../../db/queries/outbox-target-queries';
import { runChain, type Budget, type ChainRunner } from './chain-runner';
import { claimWork, type Chain } from './outbox-claims';
import type { OutboxTarget } from './outbox-targets';
import type { SentMarks } from './sent-marks';
import type { TargetPace } from './target-pace';

/** Records a worker holds at most, in windows of `concurrency`: one running, the others queued. */
const HELD_WINDOWS = 4;

export interface SlotOptions {
  db: Database;
  clock: () => number;
  concurrency: number;
  chainMax: number;
  /** How long a claim holds (the longest attempt, the stop's grace, a margin). */
  leaseMs: number;
  pace: TargetPace;
  marks: SentMarks;
  runner: ChainRunner;
  /** The targets to take from now, with their endpoints (configured, and their transport ready). */
  endpoints(): Map<OutboxTarget, string>;
  stopped(): boolean;
  /** A chain ended (its slot went to the next queued chain, if any): the started worker takes more. */
  freed(): void;
  onError(e: unknown): void;
}

/** Whoever takes: its budget, and where the runs it starts are reported (the tick waits for its own). */
export interface Taker extends Budget {
  started(run: Promise<void>): void;
}

export interface WorkerSlots {
  /**
   * Fills the free slots, claiming at most `max` more records; each run it starts (and each one a
   * freed slot starts later for this taker) goes to `taker.started`. `afterEnd`: called because a
   * chain ended (a dry worker does not look again then).
   */
  take(taker: Taker, max?: number, afterEnd?: boolean): Promise<void>;
  /** Something may have become due (marks written): the next take looks again. */
  wake(): void;
  /** Gives back the claims of the chains still queued (a tick's budget ran out, the worker stops). */
  releaseQueued(): Promise<void>;
  /** The runs in flight, and the take under way. */
  settled(): Promise<unknown>;
}

// eslint-disable-next-line max-lines-per-function -- one closure over the slots' state (running, queued, dry); its functions are each short
export function createWorkerSlots(o: SlotOptions): WorkerSlots {
  const { db, concurrency, pace } = o;
  /** The chains running now, by lane (target and record). */
  const running = new Map<string, { target: OutboxTarget; done: Promise<void> }>();
  /** Chains claimed, not started yet, and their lanes. */
  const queued: Chain[] = [];
  const queuedLanes = new Set<string>();
  /** The last claim found nothing (see the file's comment). */
  let dry = false;
  const count = (target: OutboxTarget, chains: Iterable<{ target: OutboxTarget }>) => {
    let n = 0;
    for (const c of chains) if (c.target === target) n++;
    return n;
  };
  const runningOf = (target: OutboxTarget) => count(target, running.values());
  const heldOf = (target: OutboxTarget) => runningOf(target) + count(target, queued);

  function start(chain: Chain, taker: Taker): void {
    const done = runChain(o.runner, chain, taker)
      .catch((e: unknown) => o.onError(e))
      .finally(() => {
        running.delete(chain.lane);
        // The freed slot goes to the next queued chain now, even while a take is under way.
        if (!o.stopped()) startQueued(taker);
        o.freed();
      });
    running.set(chain.lane, { target: chain.target, done });
    taker.started(done);
  }

  function startQueued(taker: Taker): void {
    for (let i = 0; i < queued.length && running.size < concurrency && taker.open();) {
      const chain = queued[i]!;
      if (runningOf(chain.target) >= pace.limit(chain.target)) i++;
      else {
        queued.splice(i, 1);
        queuedLanes.delete(chain.lane);
        start(chain, taker);
      }
    }
  }

  /** Claims up to `free` records into the queue; resolves to how many chains it took. */
  async function claim(free: number): Promise<number> {
    const endpoints = o.endpoints();
    if (endpoints.size === 0) return 0;
    const now = o.clock();
    let health: Promise<TargetHealthRow[]> | undefined;
    const chains = await claimWork(db, {
      now, leaseUntilMs: now + o.leaseMs, endpoints, chainMax: o.chainMax, health: () => (health ??= listTargetHealth(db)), free,
      // A record already held here, or whose last sent mark is not written yet (it still looks pending).
      busy: { has: (lane) => running.has(lane) || queuedLanes.has(lane) || o.marks.waiting(lane), inTarget: heldOf },
      // A target at full pace may have windows queued; a slowed one only what its pace lets run.
      room: (target) => (pace.limit(target) >= concurrency ? HELD_WINDOWS * concurrency : pace.limit(target)) - heldOf(target),
    });
    for (const c of chains) {
      queued.push(c);
      queuedLanes.add(c.lane);
    }
    dry = chains.length === 0;
    return chains.length;
  }

  async function take(taker: Taker, max: number, afterEnd: boolean): Promise<void> {
    if (o.stopped()) return;
    startQueued(taker);
    if (afterEnd && dry) return;
    const free = Math.min(HELD_WINDOWS * concurrency - running.size - queued.length, max);
    if (queued.length > concurrency / 2 || free <= 0 || !taker.open()) return;
    // Holding nothing: one window first, started before the rest is claimed.
    const first = running.size === 0 && queued.length === 0 && free > concurrency;
    const took = await claim(first ? concurrency : free);
    startQueued(taker);
    if (!first || took < concurrency || o.stopped() || !taker.open()) return;
    // The first window's messages are written to the socket before the rest is claimed.
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Math.min(HELD_WINDOWS * concurrency - running.size - queued.length, max - took);
    if (rest > 0 && !o.stopped()) await claim(rest);
    startQueued(taker);
  }

  let takeQueue: Promise<unknown> = Promise.resolve();
  return {
    take(taker, max = Number.POSITIVE_INFINITY, afterEnd = false) {
      const run = takeQueue.then(() => take(taker, max, afterEnd));
      takeQueue = run.catch(() => undefined);
      return run;
    },
    wake() {
      dry = false;
    },
    async releaseQueued() {
      queuedLanes.clear();
      for (const chain of queued.splice(0)) await releaseClaims(db, chain.messages.map((m) => m.id), chain.leaseUntilMs);
    },
    async settled() {
      await Promise.allSettled([...running.values()].map((r) => r.done));
      await takeQueue;
    },
  };
}
