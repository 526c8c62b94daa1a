/**
 * Starts and stops the host's background jobs (`core/composition/jobs.ts`). An `'every-server'` job simply starts. A
 * `'once'` job runs only while this server leads it: the runner tries its leader lock
 * (db/leader-lock.ts: an advisory lock on PostgreSQL; always held on SQLite) at once and then every
 * `leaderRetryMs`; the leader checks its lock at the same pace. A server that gains the lock starts
 * the job; one that loses it (its lock connection ended) stops it and stands down for two rounds,
 * and another server's next try takes over: within `leaderRetryMs` (15 s by default) of PostgreSQL
 * ending the dead session.
 */
import type { Database } from '../../db/database';
import { leaderLock as openLeaderLock, type LeaderLock } from '../../db/leader-lock';
import type { JobContext, JobDef, RunningJob } from './job-types';

export const DEFAULT_LEADER_RETRY_MS = 15_000;

export interface JobRunnerOptions {
  /** How often a non-leader tries to take a `'once'` job's lock, and the leader checks it (default 15 s). */
  leaderRetryMs?: number;
  /** The leader lock of a name (default db/leader-lock.ts on the context's database). */
  leaderLock?: (db: Database, name: string) => LeaderLock;
}

export interface JobRunner {
  /** The jobs running on this server now (for `'once'` jobs: those it leads). */
  running(): string[];
  /** Stops every job (in reverse order) and gives up the leader locks. */
  stop(): Promise<void>;
}

interface Slot {
  name: string;
  isRunning(): boolean;
  stop(): Promise<void>;
}

function everyServer<C>(def: JobDef<C>, ctx: JobContext<C>): Slot {
  let job: RunningJob | undefined = def.start(ctx);
  return {
    name: def.name,
    isRunning: () => job !== undefined,
    async stop() {
      const j = job;
      job = undefined;
      await j?.stop();
    },
  };
}

function onceAcross<C>(def: JobDef<C>, ctx: JobContext<C>, lock: LeaderLock, retryMs: number): Slot {
  let job: RunningJob | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Rounds, losses and the stop run one after the other, never side by side.
  let chain: Promise<void> = Promise.resolve();
  const serially = (fn: () => Promise<void>) => {
    chain = chain.then(fn).catch((error: unknown) => ctx.onError(def.name, error));
    return chain;
  };

  const stopJob = async () => {
    const j = job;
    job = undefined;
    await j?.stop();
  };

  /**
   * A server whose lock was lost (its connection to the database died) stands down for two rounds
   * before it tries again, so a server whose connection is sound takes the job over; otherwise the
   * old leader, trying at the same pace, could win its lock straight back.
   */
  let standDownUntil = 0;

  async function round(): Promise<void> {
    if (stopped || Date.now() < standDownUntil) return;
    if (await lock.tryAcquire()) {
      if (!job && !stopped) job = def.start(ctx);
    } else {
      await stopJob();
    }
  }

  function next(): void {
    if (stopped) return;
    timer = setTimeout(() => void serially(round).then(next), retryMs);
    timer.unref();
  }

  lock.onLost(() => {
    standDownUntil = Date.now() + 2 * retryMs;
    void serially(stopJob);
  });
  void serially(round).then(next);

  return {
    name: def.name,
    isRunning: () => job !== undefined,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await serially(stopJob);
      await lock.close();
    },
  };
}

export function startJobs<C>(jobs: readonly JobDef<C>[], ctx: JobContext<C>, options: JobRunnerOptions = {}): JobRunner {
  const retryMs = options.leaderRetryMs ?? DEFAULT_LEADER_RETRY_MS;
  const lockOf = options.leaderLock ?? openLeaderLock;
  const names = new Set<string>();
  const slots: Slot[] = [];
  try {
    for (const def of jobs) {
      if (names.has(def.name)) throw new Error(`Two background jobs are named ${def.name}`);
      names.add(def.name);
      slots.push(def.runs === 'once' ? onceAcross(def, ctx, lockOf(ctx.db, `job:${def.name}`), retryMs) : everyServer(def, ctx));
    }
  } catch (error) {
    for (const slot of slots.reverse()) void slot.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    running: () => slots.filter((s) => s.isRunning()).map((s) => s.name),
    stop() {
      stopping ??= (async () => {
        for (const slot of [...slots].reverse()) await slot.stop().catch((error: unknown) => ctx.onError(slot.name, error));
      })();
      return stopping;
    },
  };
}
