/**
 * The imports under way in this host: each runs in a worker thread of its own (import-thread.ts)
 * with its own connection, so the host's event loop keeps answering the desk meanwhile. On SQLite
 * the host first lends the worker the database's one writer (`db.lendWriter()`): the desk's reads
 * go on, its writes wait for the import's COMMIT (docs/imports.md, "the desk during an import").
 *
 * An import the caller named (`jobId`, its own id) is told to the caller as it goes, as
 * `import.progress` live events (at most five a second, and as each phase begins), on every feed of
 * that user: the desktop window's IPC feed and a browser's `/ws` alike; and the same user may cancel
 * it (`imports:cancel`), which rolls it back between two rows. Ids are per user.
 */
import { liveEventOrigin } from '../../db/queries/live-event-queries';
import type { ImportKind, ImportMode, ImportProgress, ImportSummary } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import type { CallContext, CoreDeps } from '../context';
import { cancelledError } from './import-service';
import { startImportWorker, type ImportInput, type RunningImport } from './import-thread';

/** One import under way: cancelled may come before its worker has started (it waits for the writer). */
interface Job {
  cancelled: boolean;
  worker?: RunningImport;
}

/** The least time between two progress events of one import (the first and each phase's go at once). */
export const PROGRESS_EVENT_MS = 200;

export interface ImportRunOptions {
  kind: ImportKind;
  dryRun: boolean;
  mode: ImportMode;
  mapping?: Record<string, string>;
  /** The caller's own id for this import: progress events and cancel. */
  jobId?: string;
}

export interface ImportJobs {
  run(input: ImportInput, options: ImportRunOptions, ctx: CallContext): Promise<ImportSummary>;
  /** Cancels the caller's import `jobId`; false when none of the caller's runs by that id. */
  cancel(jobId: string, ctx: CallContext): boolean;
  /** Stops every import under way (the host is closing): each rolls back. */
  close(): Promise<void>;
}

const keyOf = (jobId: string, ctx: CallContext) => `${ctx.actor.userId ?? ctx.actor.username}:${jobId}`;

export function createImportJobs(deps: Pick<CoreDeps, 'db' | 'events' | 'clock'>): ImportJobs {
  const running = new Map<string, Job>();
  const all = new Set<Job>();

  /** Progress as events to the user who started it, at most every PROGRESS_EVENT_MS. */
  const progressTo = (jobId: string | undefined, ctx: CallContext) => {
    let lastMs = 0;
    let lastPhase: ImportProgress['phase'] | undefined;
    return (progress: ImportProgress) => {
      if (jobId === undefined) return;
      const now = Date.now();
      if (progress.phase === lastPhase && now - lastMs < PROGRESS_EVENT_MS) return;
      lastMs = now;
      lastPhase = progress.phase;
      deps.events.publish({ type: 'import.progress', jobId, userId: ctx.actor.userId, progress });
    };
  };

  return {
    async run(input, options, ctx) {
      const key = options.jobId === undefined ? undefined : keyOf(options.jobId, ctx);
      if (key !== undefined && running.has(key)) throw new AppError('CONFLICT', 'An import with this jobId is already running', { reason: 'imports.jobRunning' });
      const { jobId, ...importOptions } = options;
      const job: Job = { cancelled: false };
      all.add(job);
      if (key !== undefined) running.set(key, job);
      try {
        const giveBack = await deps.db.lendWriter();
        try {
          if (job.cancelled) throw cancelledError();
          job.worker = startImportWorker(
            {
              source: deps.db.exportSource, input, options: importOptions,
              ctx: { actor: ctx.actor, via: ctx.via, ...(ctx.address ? { address: ctx.address } : {}) },
              liveEventOrigin: liveEventOrigin(deps.db), clockOffsetMs: deps.clock() - Date.now(),
            },
            { onProgress: progressTo(jobId, ctx), onEvents: (events) => events.forEach((e) => deps.events.publish(e)) },
          );
          return await job.worker.finished;
        } finally {
          // The worker has committed or rolled back (or is stopped here): its connection holds nothing.
          await job.worker?.release();
          giveBack();
        }
      } finally {
        all.delete(job);
        if (key !== undefined) running.delete(key);
      }
    },

    cancel(jobId, ctx) {
      const job = running.get(keyOf(jobId, ctx));
      if (!job) return false;
      job.cancelled = true;
      job.worker?.cancel();
      return true;
    },

    async close() {
      for (const job of all) job.cancelled = true;
      for (const job of all) job.worker?.cancel();
      await Promise.all([...all].flatMap((job) => (job.worker ? [job.worker.finished.catch(() => undefined)] : [])));
    },
  };
}
