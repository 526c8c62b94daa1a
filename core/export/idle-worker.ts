/**
 * The host's worker threads of one kind kept between jobs: the export's (export-thread.ts) and the
 * import's (core/imports/import-thread.ts) both pay a worker's start-up (a new isolate and its
 * modules) once for a run of jobs.
 *
 * - `take()` hands out a worker for a job of its own: one without a job (the waiting one), or a new
 *   one. `release(worker, clean)` keeps a worker whose job ended cleanly for `idleMs` (one at most,
 *   `unref`'d: it never keeps the process alive) and stops any other.
 * - `lend()` lends a worker for work that runs beside its jobs (the WAL's checkpoints, on a channel of
 *   their own: db/engine/wal-checkpointer.ts): any worker there is, with or without a job, else a new
 *   one. A lent worker is not stopped for being idle until it is given back (`done()`); one whose job
 *   failed is still terminated, and the borrower sees its channel close.
 *
 * So the host runs one isolate (~15–18 MB) where it ran two: an export's worker and the checkpoints'.
 */
import type { Worker } from 'node:worker_threads';

export interface IdleWorker {
  take(): Worker;
  release(worker: Worker, clean: boolean): Promise<void>;
  lend(): { worker: Worker; done(): void };
}

interface Live {
  job: boolean;
  leases: number;
  timer?: NodeJS.Timeout;
}

export function keepIdleWorker(newWorker: () => Worker, idleMs: number): IdleWorker {
  const live = new Map<Worker, Live>();

  const start = (state: Live): Worker => {
    const worker = newWorker();
    live.set(worker, state);
    // A worker that exits (killed, out of memory) is no longer there to be taken or lent.
    worker.on('exit', () => {
      clearTimeout(live.get(worker)?.timer);
      live.delete(worker);
    });
    return worker;
  };

  /** Without a job and without a lease: waits `idleMs` for one, then stops. */
  const wait = (worker: Worker, state: Live) => {
    worker.unref();
    clearTimeout(state.timer);
    if (state.leases > 0) return;
    state.timer = setTimeout(() => {
      if (state.job || state.leases > 0 || live.get(worker) !== state) return;
      live.delete(worker);
      void worker.terminate();
    }, idleMs);
    state.timer.unref();
  };

  const withoutJob = () => [...live].find(([, s]) => !s.job);

  return {
    take() {
      const found = withoutJob();
      if (!found) return start({ job: true, leases: 0 });
      const [worker, state] = found;
      clearTimeout(state.timer);
      state.job = true;
      worker.ref();
      return worker;
    },
    async release(worker, clean) {
      const state = live.get(worker);
      const another = withoutJob();
      if (!state || !clean || (another && state.leases === 0)) {
        live.delete(worker);
        await worker.terminate();
        return;
      }
      state.job = false;
      wait(worker, state);
    },
    lend() {
      let entry = withoutJob() ?? [...live][0];
      if (!entry) {
        const fresh: Live = { job: false, leases: 0 };
        entry = [start(fresh), fresh];
        entry[0].unref();
      }
      const [worker, state] = entry;
      state.leases++;
      clearTimeout(state.timer);
      let given = false;
      return {
        worker,
        done() {
          if (given) return;
          given = true;
          state.leases--;
          if (!state.job && live.get(worker) === state) wait(worker, state);
        },
      };
    },
  };
}
