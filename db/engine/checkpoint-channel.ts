/**
 * Where the WAL's checkpoints are made (wal-checkpointer.ts decides when): a channel to a thread
 * running `checkpointLoop` — the checkpointer's own worker, or a thread the process already has and
 * lends (the host's export worker: core/export/export-thread.ts) — and the answers that come back.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker, type MessagePort } from 'node:worker_threads';

/**
 * The other end of a checkpoint channel: one connection to `file`, one PASSIVE checkpoint per
 * `'checkpoint'` message (answered with what it copied), `'close'` closes the connection (answered
 * `{ closed: true }`), and so does the channel closing. Self-contained (no name from this module): it
 * is also the source of the checkpointer's own worker (`WORKER_SOURCE`), and an export worker runs
 * it on the port it is sent (core/export/export-worker.ts, through `serveCheckpoints`).
 */
export function checkpointLoop(port: CheckpointPort, Driver: new (file: string, options: { fileMustExist: boolean }) => CheckpointConnection, file: string): void {
  let db: CheckpointConnection | undefined = new Driver(file, { fileMustExist: true });
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -256');
  const closeDb = () => {
    db?.close();
    db = undefined;
  };
  port.on('close', closeDb);
  port.on('message', (m: unknown) => {
    if (m === 'close') {
      closeDb();
      port.postMessage({ closed: true });
      port.close();
      return;
    }
    try {
      const [r] = db!.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      port.postMessage({ ok: true, log: r!.log, checkpointed: r!.checkpointed });
    } catch (e) {
      port.postMessage({ ok: false, error: String((e instanceof Error && e.message) || e) });
    }
  });
}

/** What `checkpointLoop` needs of a port (a `MessagePort`, or a worker's `parentPort`). */
export interface CheckpointPort {
  on(event: 'message', listener: (m: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(m: unknown): void;
  close(): void;
}
interface CheckpointConnection {
  pragma(source: string): unknown;
  close(): unknown;
}

/** `checkpointLoop` in a worker the process already runs, on a port it was sent. */
export function serveCheckpoints(port: CheckpointPort, file: string): void {
  checkpointLoop(port, BetterSqlite3, file);
}

/** The checkpointer's own worker, when no thread is lent: `checkpointLoop` on its `parentPort`. CommonJS, run from this string (no file to bundle). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(${checkpointLoop.toString()})(parentPort, require(workerData.driver), workerData.file);
`;

/**
 * A thread of the process lent for checkpoints: `port` is a channel to it, `checkpointLoop` at its
 * other end; `done()` gives it back once the channel is closed.
 */
export interface LentThread {
  port: MessagePort;
  done(): void;
}
/** Lends a thread for the checkpoints of `file` (starting one if the process has none to lend). */
export type CheckpointThreads = (file: string) => LentThread;

export interface Reply {
  ok: boolean;
  log?: number;
  checkpointed?: number;
  error?: string;
  /** The thread went away before it answered (not a checkpoint that failed). */
  gone?: boolean;
}

/** Where the checkpoints are made: the checkpointer's own worker, or a lent thread's channel. */
export interface Channel {
  ask(): Promise<Reply>;
  /** Closes the channel's connection (waited for), then the channel. */
  stop(): Promise<void>;
}

/** The checkpointer's own worker: `checkpointLoop` on its `parentPort`; it exits when asked to close. */
export function ownWorker(file: string): Channel {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file }, name: 'wal-checkpoint' });
  w.unref();
  const replies = answering(w);
  let gone: string | undefined;
  const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
  w.on('error', (e) => replies.gone((gone = `the checkpoint worker failed: ${e.message}`)));
  w.on('exit', (code) => replies.gone((gone ??= `the checkpoint worker exited (${code})`)));
  return {
    ask: () => (gone ? Promise.resolve({ ok: false, error: gone }) : replies.ask(() => w.postMessage('checkpoint'))),
    async stop() {
      // Held until it has closed its connection, even if nothing else keeps the process up.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}

/** A lent thread's channel: its connection closed when asked (or when the thread goes), then the thread given back. */
export function lentThread(threads: CheckpointThreads, file: string): Channel {
  const lent = threads(file);
  const { port } = lent;
  port.unref();
  const replies = answering(port);
  let open = true;
  let closedAck: (() => void) | undefined;
  port.on('message', (m: { closed?: boolean }) => {
    if (m?.closed) closedAck?.();
  });
  port.once('close', () => {
    open = false;
    closedAck?.();
    // An answer that can no longer come: the thread stopped (a failed export's worker is terminated).
    replies.gone('the thread making the checkpoints stopped', true);
  });
  return {
    ask: () => (open ? replies.ask(() => port.postMessage('checkpoint')) : Promise.resolve({ ok: false, error: 'the checkpoints\' thread stopped', gone: true })),
    async stop() {
      if (open) {
        port.ref();
        await new Promise<void>((resolve) => {
          closedAck = resolve;
          port.postMessage('close');
        });
        port.close();
      }
      lent.done();
    },
  };
}

/** The checkpoint under way's answer, from whichever channel. */
function answering(from: { on(event: 'message', listener: (r: Reply) => void): unknown }) {
  let pending: ((r: Reply) => void) | undefined;
  from.on('message', (r: Reply) => {
    if (!pending || !('ok' in r)) return;
    const resolve = pending;
    pending = undefined;
    resolve(r);
  });
  return {
    ask: (send: () => void) =>
      new Promise<Reply>((resolve) => {
        pending = resolve;
        send();
      }),
    gone(why: string, lentGone = false) {
      const resolve = pending;
      pending = undefined;
      resolve?.({ ok: false, error: why, ...(lentGone ? { gone: true } : {}) });
    },
  };
}
