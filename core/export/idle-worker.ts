/**
 * One worker thread kept waiting between jobs: the export's (export-thread.ts) and the import's
 * (core/imports/import-thread.ts) both pay a worker's start-up (a new isolate and its modules) once
 * for a run of jobs. `take()` hands out the waiting worker, or a new one; `release(worker, clean)`
 * keeps a worker whose job ended cleanly for `idleMs` (one at most, `unref`'d: it never keeps the
 * process alive) and stops any other.
 */
import type { Worker } from 'node:worker_threads';

export interface IdleWorker {
  take(): Worker;
  release(worker: Worker, clean: boolean): Promise<void>;
}

export function keepIdleWorker(newWorker: () => Worker, idleMs: number): IdleWorker {
  let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;

  const start = (): Worker => {
    const worker = newWorker();
    // A waiting worker that exits (killed, out of memory) is no longer waiting.
    worker.on('exit', () => {
      if (idle?.worker !== worker) return;
      clearTimeout(idle.timer);
      idle = undefined;
    });
    return worker;
  };

  return {
    take() {
      if (!idle) return start();
      const { worker, timer } = idle;
      idle = undefined;
      clearTimeout(timer);
      worker.ref();
      return worker;
    },
    async release(worker, clean) {
      if (!clean || idle) {
        await worker.terminate();
        return;
      }
      worker.unref();
      const timer = setTimeout(() => {
        if (idle?.worker !== worker) return;
        idle = undefined;
        void worker.terminate();
      }, idleMs);
      timer.unref();
      idle = { worker, timer };
    },
  };
}
