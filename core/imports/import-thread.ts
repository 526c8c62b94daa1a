/**
 * The host's side of the import worker (import-worker.ts, started from its entry beside the
 * composition, core/composition/import-worker-entry.ts): starts one worker thread per import,
 * hands it the job and a shared cancel flag, and turns what it posts into progress, live events and
 * the summary, and whatever goes wrong in it (an error, running out of its heap, an exit) into an
 * `AppError` rejection. Where the worker's file is, from the sources or in a bundle, is the
 * CSV export's rule too (core/export/worker-entry.ts).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ExportSource } from '../../db/database';
import type { LiveEvent } from '../../shared/contract/events';
import type { ImportProgress, ImportSummary } from '../../shared/contract/imports';
import { AppError, type ErrorCode, type ReasonParams } from '../../shared/errors';
import type { CallContext } from '../context';
import { keepIdleWorker } from '../export/idle-worker';
import { workerEntry } from '../export/worker-entry';
import type { ImportOptions } from './import-service';

/** The worker's file name in a bundle's folder (vite.electron.config.ts, vite.server.config.ts). */
export const IMPORT_WORKER_FILE = 'import-worker.cjs';

/**
 * The worker's heap. It holds the core's modules (~30 MB through tsx, less bundled), the file's
 * chunk under way, and per import at most 10 000 row errors and the natural keys already stored;
 * nothing per row (import-rows.ts). Running out is an `AppError`, not a crash of the host.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 160 };

/** Where the rows come from: the JSON command's text, or a file on disk (an upload spooled, the desktop's choice). */
export type ImportInput = { text: string } | { file: string };

export interface ImportJob {
  source: ExportSource;
  input: ImportInput;
  options: Omit<ImportOptions, 'onProgress' | 'cancelled'>;
  ctx: CallContext;
  /** The host database's live-event origin (PostgreSQL): the worker's events are the host's own. */
  liveEventOrigin: string;
  /** The host's clock minus the wall clock: the worker's clock is the host's (a test's fixed day). */
  clockOffsetMs: number;
}

export type ToImportWorker = { type: 'job'; job: ImportJob; cancel: SharedArrayBuffer };

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'events'; events: LiveEvent[] }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'error'; code?: ErrorCode; message: string; reason?: string; params?: ReasonParams; retryAfterSeconds?: number };

const failed = (message: string) => new AppError('INTERNAL', `The import failed: ${message}`);

export interface ImportThreadCallbacks {
  onProgress(progress: ImportProgress): void;
  /** The committed import's live events (one per type). */
  onEvents(events: LiveEvent[]): void;
}

export interface RunningImport {
  /** The summary; rejects with an `AppError` when the import is refused, cancelled or its worker fails. */
  finished: Promise<ImportSummary>;
  /** Asks the worker to stop between two rows: the import then writes nothing. */
  cancel(): void;
  /**
   * Call once the import is over (or to abandon it): a worker that finished cleanly (its connection
   * closed) waits for the next import; any other is stopped, which closes its connection and so
   * rolls its transaction back.
   */
  release(): Promise<void>;
}

/**
 * How long a worker that finished an import waits for the next one. Starting one costs its modules
 * (the whole core: ~0.3 s bundled, seconds through tsx), which the next dry run of the same file —
 * a changed column, then the import itself — need not pay again. It never keeps the process alive.
 */
export const IMPORT_WORKER_IDLE_MS = 30_000;

function newWorker(): Worker {
  const entry = workerEntry(import.meta.url, 'import-worker-entry.ts', IMPORT_WORKER_FILE);
  return new Worker(entry.file, { execArgv: entry.execArgv, resourceLimits: IMPORT_WORKER_LIMITS, name: 'csv-import' });
}

const workers = keepIdleWorker(newWorker, IMPORT_WORKER_IDLE_MS);

export function startImportWorker(job: ImportJob, callbacks: ImportThreadCallbacks): RunningImport {
  let worker: Worker;
  try {
    worker = workers.take();
  } catch (e) {
    const error = failed(e instanceof Error ? e.message : String(e));
    return { finished: Promise.reject(error), cancel: () => undefined, release: async () => undefined };
  }
  const cancel = new SharedArrayBuffer(4);
  let clean = false;
  const finished = new Promise<ImportSummary>((resolve, reject) => {
    const onMessage = (m: ImportWorkerMessage) => {
      if (m.type === 'progress') return callbacks.onProgress(m.progress);
      if (m.type === 'events') return callbacks.onEvents(m.events);
      off();
      // Either answer comes after the worker has closed its connection: it may take the next import.
      clean = true;
      if (m.type === 'done') resolve(m.summary);
      else if (m.code) reject(new AppError(m.code, m.message, { ...(m.reason ? { reason: m.reason } : {}), ...(m.params ? { params: m.params } : {}), ...(m.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: m.retryAfterSeconds }) }));
      else reject(failed(m.message));
    };
    const onError = (e: Error) => (off(), reject(failed(e.message)));
    const onExit = (code: number) => (off(), reject(failed(`its worker stopped early (exit code ${code})`)));
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  worker.postMessage({ type: 'job', job, cancel } satisfies ToImportWorker);
  return {
    finished,
    cancel: () => Atomics.store(new Int32Array(cancel), 0, 1),
    release: () => workers.release(worker, clean),
  };
}
