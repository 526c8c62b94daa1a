/**
 * The worker's slots: the chains running (at most `concurrency`, one per record) and the chains
 * claimed and queued behind them (outbox-claims.ts). `take()` starts queued chains in the free slots,
 * as far as each target's pace lets it (target-pace.ts), and claims more once the queue is down to
 * half a window (up to `HELD_WINDOWS` windows held), so a freed slot starts the next chain without a
 * read or a write, and one claim (one fsync) takes some forty records. Never runs twice at once: a
 * take registers its lanes before the next one reads.
 */
import type { Database } from '../../db/database';
import { releaseClaims } from '../../db/queries/outbox-claim-queries';
import { listTargetHealth } from '../../db/queries/outbox-target-queries';
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
  /** A chain ended: its slot is free (the started worker takes the next one at once). */
  freed(): void;
  onError(e: unknown): void;
}

export interface WorkerSlots {
  /** Fills the free slots (claiming at most `max` more records); resolves to the runs it started. */
  take(budget: Budget, max?: number): Promise<Promise<void>[]>;
  /** Gives back the claims of the chains still queued (a tick's budget ran out, the worker stops). */
  releaseQueued(): Promise<void>;
  /** The runs in flight, and the take under way. */
  settled(): Promise<unknown>;
}

export function createWorkerSlots(o: SlotOptions): WorkerSlots {
  const { db, concurrency, pace } = o;
  /** The chains running now, by lane (target and record). */
  const running = new Map<string, { target: OutboxTarget; done: Promise<void> }>();
  /** Chains claimed, not started yet. */
  const queued: Chain[] = [];
  const heldOf = (target: OutboxTarget) => [...running.values(), ...queued].filter((r) => r.target === target).length;
  const runningOf = (target: OutboxTarget) => [...running.values()].filter((r) => r.target === target).length;

  function start(chain: Chain, budget: Budget): Promise<void> {
    const done = runChain(o.runner, chain, budget)
      .catch((e: unknown) => o.onError(e))
      .finally(() => {
        running.delete(chain.lane);
        o.freed();
      });
    running.set(chain.lane, { target: chain.target, done });
    return done;
  }

  function startQueued(budget: Budget): Promise<void>[] {
    const runs: Promise<void>[] = [];
    for (let i = 0; i < queued.length && running.size < concurrency && budget.open();) {
      const chain = queued[i]!;
      if (runningOf(chain.target) >= pace.limit(chain.target)) i++;
      else runs.push(start(queued.splice(i, 1)[0]!, budget));
    }
    return runs;
  }

  async function take(budget: Budget, max: number): Promise<Promise<void>[]> {
    if (o.stopped()) return [];
    const runs = startQueued(budget);
    const free = Math.min(HELD_WINDOWS * concurrency - running.size - queued.length, max);
    if (queued.length > concurrency / 2 || free <= 0 || !budget.open()) return runs;
    const endpoints = o.endpoints();
    if (endpoints.size === 0) return runs;
    const now = o.clock();
    queued.push(...await claimWork(db, {
      now, leaseUntilMs: now + o.leaseMs, endpoints, chainMax: o.chainMax, health: await listTargetHealth(db), free,
      // A record already held here, or whose last sent mark is not written yet (it still looks pending).
      busy: { has: (lane) => running.has(lane) || queued.some((c) => c.lane === lane) || o.marks.waiting(lane), inTarget: heldOf },
      // A target at full pace may have windows queued; a slowed one only what its pace lets run.
      room: (target) => (pace.limit(target) >= concurrency ? HELD_WINDOWS * concurrency : pace.limit(target)) - heldOf(target),
    }));
    return [...runs, ...startQueued(budget)];
  }

  let takeQueue: Promise<unknown> = Promise.resolve();
  return {
    take(budget, max = Number.POSITIVE_INFINITY) {
      const run = takeQueue.then(() => take(budget, max));
      takeQueue = run.catch(() => undefined);
      return run;
    },
    async releaseQueued() {
      for (const chain of queued.splice(0)) await releaseClaims(db, chain.messages.map((m) => m.id), chain.leaseUntilMs);
    },
    async settled() {
      await Promise.allSettled([...running.values()].map((r) => r.done));
      await takeQueue;
    },
  };
}
