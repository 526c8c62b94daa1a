/**
 * The main thread's side of the export worker (export-worker.ts, started from its entry beside the registry), for every export of the registry:
 * finds the worker's file, starts it with a bounded heap (or takes the one waiting), turns what it
 * posts into pieces or a row count, and turns whatever goes wrong in it (a thrown error, running out
 * of its heap, an exit) into an `AppError` rejection.
 *
 * Where the worker's file is: next to the file this code runs from. From the TypeScript sources
 * (tsx, vitest) that is the entry beside the registry, `core/composition/export-worker-entry.ts`, run
 * through tsx's loader; in a bundle (Electron's
 * `dist-electron/host.cjs`, `dist-server/serve.cjs`) it is the separately built
 * `export-worker.cjs` — both build configs emit it beside their main file. In the packaged
 * desktop app that folder is inside `app.asar`, where a worker thread cannot load a script from, so
 * the worker is started from its unpacked copy (electron-builder.yml's `asarUnpack`).
 */
import { channel } from 'node:diagnostics_channel';
import { MessageChannel, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import type { LentThread } from '../../db/read-connection';
import type { ExportSource } from '../../db/database';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { CsvOptions, ExportEnv, ExportId } from './export-def';
import { keepIdleWorker } from './idle-worker';
import { workerEntry } from './worker-entry';

/** The worker's file name in a bundle's folder (vite.electron.config.ts, vite.server.config.ts). */
export const EXPORT_WORKER_FILE = 'export-worker.cjs';

/**
 * The worker's heap, whatever V8 flags the process has (Electron's main takes none from us). An
 * export allocates ~1 GB of short-lived rows and strings, and V8 sizes a heap by how fast it
 * allocates: on the main thread it grew to ~160 MB reserved for a live set of a few MB. In the worker
 * the live set is its modules (~7 MB bundled, ~9–10 MB through tsx) and one chunk (what a chunk of
 * the widest rows needs is in export-reader.ts, and tested). The old generation was capped at 12 MB
 * until a full CI run on a loaded machine had a fresh worker run out while loading its modules for
 * an export of a few rows: 2–3 MB over the live set is no margin. 24 MB leaves twice the live set;
 * V8 still grows the heap only as far as the export needs, so a small export costs the same.
 * Measured on 1 000 000 rows with the 12 MB cap: the process peaked ~5 MB lower than with a 4 MB
 * young / 16 MB old worker (the young generation is what mattered; it stays at 2 MB), ~30 MB lower
 * than with no limits.
 * Running out is an `AppError`, not a crash.
 */
export const EXPORT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 24 };

/** Pieces the worker may post ahead of the consumer (~30 KB each). */
export const EXPORT_WINDOW = 4;

/** One export, as the worker is given it (`{ type: 'job', job }`). */
export interface ExportJob {
  /** Which export of the registry (the contract command's `export` flag). */
  exportId: ExportId;
  /** Where the worker reads from (it opens its own connection). */
  source: ExportSource;
  /** The command's input, validated against its schema. */
  query: CsvOptions;
  env: ExportEnv;
  /** Write everything to this open file instead of posting pieces. */
  fd?: number;
  /** Pieces it may post before it waits for credit. */
  window?: number;
}

/**
 * Main → worker: an export to run, credit for more pieces of the one under way, or a channel on which
 * to make the WAL's checkpoints of `file` beside its exports (`lendExportWorker`).
 */
export type ToExportWorker =
  | { type: 'job'; job: ExportJob }
  | { type: 'credit'; chunks: number }
  | { type: 'checkpoints'; port: MessagePort; file: string };

export type ExportWorkerMessage =
  | { type: 'chunk'; text: string; rows: number }
  | { type: 'done'; rows: number }
  | { type: 'error'; code?: ErrorCode; message: string };

export interface ExportPiece {
  text: string;
  /** Data rows in the piece (0 for the header). */
  rows: number;
}

/**
 * What a failed export says, whatever went wrong inside it: the client or the desk learns that the
 * export is not whole (`export.incomplete`), never the internals. The worker's own reason (its error
 * event's code — `ERR_WORKER_OUT_OF_MEMORY` when it reached its heap cap —, its exit code, an SQL
 * error) is the error's `cause`, which the host's log records (pino prints causes).
 */
export const EXPORT_INCOMPLETE = 'The CSV export stopped before it was complete';

function failed(threadId: number, job: ExportJob, detail: string, cause?: unknown): AppError {
  const limits = `heap cap: young ${EXPORT_WORKER_LIMITS.maxYoungGenerationSizeMb} MB, old ${EXPORT_WORKER_LIMITS.maxOldGenerationSizeMb} MB`;
  const why = new Error(`export worker (thread ${threadId}, export ${job.exportId}; ${limits}): ${detail}`, cause === undefined ? undefined : { cause });
  return new AppError('INTERNAL', EXPORT_INCOMPLETE, { reason: 'export.incomplete', cause: why });
}

/**
 * Published as each export starts in its worker (`{ worker, exportId }`), for tracing — and for the
 * tests that stop a worker in the middle of an export (tests/core/export/export-thread.abort.test.ts).
 */
export const exportWorkerChannel = channel('frontdesk.export.worker');

/**
 * How long a worker that finished an export cleanly waits for the next one before it is stopped.
 * Starting a worker costs 40–110 ms (a new isolate, its modules, SQLite's native module), next to
 * a few ms for a small export (an audit log, a filtered list); a worker waiting costs its heap, a
 * few MB. It never keeps the process alive (`unref`).
 */
export const EXPORT_WORKER_IDLE_MS = 10_000;

function newWorker(): Worker {
  const entry = workerEntry(import.meta.url, 'export-worker-entry.ts', EXPORT_WORKER_FILE);
  try {
    return new Worker(entry.file, { execArgv: entry.execArgv, resourceLimits: EXPORT_WORKER_LIMITS, name: 'csv-export' });
  } catch (e) {
    throw new AppError('INTERNAL', EXPORT_INCOMPLETE, { reason: 'export.incomplete', cause: e });
  }
}

/** The waiting worker if there is one, else a new one; a worker whose export ended cleanly waits for the next. */
const workers = keepIdleWorker(newWorker, EXPORT_WORKER_IDLE_MS);

/**
 * An export worker lent for the WAL's checkpoints of `file` (the host's SQLite engine asks:
 * db/engine/wal-checkpointer.ts): the waiting one, or the one running an export, or a new one; the
 * checkpoints come on a channel of their own, between the export's chunks. One isolate instead of two
 * while the desk exports and books at once (docs/benchmarks.md, issue 22 §4, ninth pass).
 */
export function lendExportWorker(file: string): LentThread {
  const { worker, done } = workers.lend();
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ type: 'checkpoints', port: port2, file } satisfies ToExportWorker, [port2]);
  return { port: port1, done };
}

export interface RunningExportWorker {
  worker: Worker;
  /** The row count once the worker is done; rejects with an `AppError` if it fails or dies. */
  finished: Promise<number>;
  /**
   * Call once the export is over (or abandoned): a worker that finished cleanly waits for the next
   * export, any other is terminated, which closes its connection and so ends its read transaction.
   */
  release(): Promise<void>;
}

/** Runs one export in a worker (a waiting one, or a new one); `onPiece` gets each piece it posts (without `job.fd`). */
export function startExportWorker(job: ExportJob, onPiece: (piece: ExportPiece) => void = () => undefined): RunningExportWorker {
  const worker = workers.take();
  const { threadId } = worker;
  let clean = false;
  const finished = new Promise<number>((resolve, reject) => {
    const onMessage = (m: ExportWorkerMessage) => {
      if (m.type === 'chunk') return onPiece({ text: m.text, rows: m.rows });
      off();
      if (m.type === 'done') {
        clean = true;
        resolve(m.rows);
      } else reject(m.code ? new AppError(m.code, m.message) : failed(threadId, job, m.message));
    };
    // A worker that reaches its heap cap emits `error` (ERR_WORKER_OUT_OF_MEMORY), then `exit`.
    const onError = (e: Error & { code?: string }) => (off(), reject(failed(threadId, job, `${e.code ?? 'error'}: ${e.message}`, e)));
    const onExit = (code: number) => (off(), reject(failed(threadId, job, `stopped before the end (exit code ${code})`)));
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  worker.postMessage({ type: 'job', job } satisfies ToExportWorker);
  if (exportWorkerChannel.hasSubscribers) exportWorkerChannel.publish({ worker, exportId: job.exportId });
  return { worker, finished, release: () => workers.release(worker, clean) };
}

/**
 * The export as pieces (the header, then one per chunk of rows), read and formatted in the worker.
 * Closing the generator early (a client that hangs up) terminates the worker, which closes its
 * connection and so ends its read transaction.
 */
export async function* exportPieces(job: Omit<ExportJob, 'fd' | 'window'>): AsyncGenerator<ExportPiece> {
  const queue: ExportPiece[] = [];
  let wake: (() => void) | undefined;
  const { worker, finished, release } = startExportWorker({ ...job, window: EXPORT_WINDOW }, (piece) => {
    queue.push(piece);
    wake?.();
  });
  let ended = false;
  let failure: unknown;
  finished.then(
    () => (ended = true),
    (e: unknown) => ((failure = e), (ended = true)),
  ).finally(() => wake?.());
  try {
    for (;;) {
      const piece = queue.shift();
      if (piece) {
        worker.postMessage({ type: 'credit', chunks: 1 } satisfies ToExportWorker);
        yield piece;
      } else if (failure) {
        throw failure;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    await release();
  }
}

/** Writes the whole export to the open file `fd` from the worker; resolves with the row count. */
export async function writeExportToFd(job: Omit<ExportJob, 'fd' | 'window'>, fd: number): Promise<number> {
  const { finished, release } = startExportWorker({ ...job, fd });
  try {
    return await finished;
  } finally {
    await release();
  }
}
