/**
 * The WAL's checkpoints, off the event loop, for the host's SQLite connection (sqlite-engine.ts).
 *
 * SQLite checkpoints by itself inside the COMMIT that takes the WAL past 1 000 pages: it copies the
 * pages into the database file and fsyncs the WAL and the file, on the calling thread. Under 50
 * connections of bookings that was a COMMIT of 5–30 ms every ~40 batches, ~12 % of the host's event
 * loop on a busy disk (docs/benchmarks.md, issue 22 §3), with every request waiting. So the host's
 * connection never checkpoints (`wal_autocheckpoint = 0`), and this module does it on a connection of
 * its own in a worker thread:
 *
 * - After each COMMIT the engine calls `committed()`; when the WAL holds `everyFrames` frames more
 *   than the last checkpoint copied (read from the WAL-index header in `-shm`, SQLite's documented
 *   shared-memory format: one `pread`), a PASSIVE checkpoint runs in the worker while the host goes
 *   on writing (SQLite lets a checkpoint run beside the writer; it copies what was committed when it
 *   began, fsyncing the WAL first and the file after, as `synchronous = FULL` does).
 * - The WAL starts over from its beginning only if a checkpoint had copied all of it when a write
 *   transaction begins. Under steady writes one never has, so once the WAL holds `restartFrames`
 *   frames the checkpoint is finished with the writer lent (writer-gate.ts): the writes wait for the
 *   few frames committed meanwhile to be copied — the reads go on — and the next COMMIT rewinds the
 *   WAL. The file stays under ~45 MB (SQLite's own checkpoints kept it at ~4 MB, copying every
 *   1 000 frames: copying every 4 000 copies a hot page once where it was copied up to four times,
 *   0.92 × the host's CPU a booking, docs/benchmarks.md §3).
 *
 * - A thread costs ~15 MB while it lives. So it is only for steady writes: a WAL that took 10 s or
 *   more to fill is checkpointed on the host's own connection, as SQLite would (one stall of a few
 *   ms, the WAL then starts over), and the worker stops after 10 s without a checkpoint. An idle or
 *   lightly used host holds no thread.
 * - Nor a second thread: given `threads` (the host gives its export workers', core/export/export-thread.ts),
 *   the checkpoints are made by a worker the process already has, on a channel of their own
 *   (`checkpointLoop` at the other end, its own connection), and that worker starts only if there is
 *   none. An export's snapshot pins the WAL anyway (no checkpoint copies past it), so a checkpoint
 *   waiting between the export's chunks loses nothing; two isolates were ~18 MB more for the desk's
 *   host during an export (docs/benchmarks.md, issue 22 §4, ninth pass). Should that worker stop (an
 *   export that failed is terminated), the next checkpoint is made in another.
 *
 * Nothing changes in what is durable: a COMMIT is durable by the WAL's fsync (wal-sync.ts); a
 * checkpoint moves committed pages into the database file, and SQLite never rewinds the WAL before
 * the file holding them is fsynced. Should the worker or the `-shm` header fail, the connection goes
 * back to SQLite's own checkpoints (`fallBack`).
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';

/** The WAL-index header's version (https://sqlite.org/walformat.html, §2.2.1) and where mxFrame sits in it. */
const WAL_INDEX_VERSION = 3007000;
const MX_FRAME_OFFSET = 16;

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

export interface CheckpointStats {
  /** Checkpoints made in the worker, and how many finished with the writer lent (the WAL then starts over). */
  checkpoints: number;
  restarts: number;
  /** Checkpoints made on the host's own connection, the writes being few. */
  inline: number;
  /** Set once the connection went back to SQLite's own checkpoints, with why. */
  fellBack?: string;
}

export interface WalCheckpointer {
  /** After a COMMIT: starts a checkpoint if the WAL has grown enough and none is under way. */
  committed(): void;
  /** Resolves once no checkpoint is under way. */
  settled(): Promise<void>;
  stats(): CheckpointStats;
  /** Waits for the checkpoint under way, then closes the worker's connection. */
  close(): Promise<void>;
}

export interface WalCheckpointerDeps {
  /** The database file (its `-shm` and `-wal` beside it). */
  file: string;
  /**
   * A checkpoint on the host's own connection (PASSIVE, its fsyncs on the event loop), for a WAL that
   * took longer than `inlineAfterMs` to fill: a short stall now and then costs less than a thread.
   */
  checkpointHere(): { log: number; checkpointed: number };
  inlineAfterMs?: number;
  /** Lends the connection's writer (writer-gate.ts); resolves with the function that gives it back. */
  lend(): Promise<() => void>;
  /** Back to SQLite's own checkpoints on the host's connection. */
  fallBack(): void;
  /** Frames past the last checkpoint before the next one (default 4 000; SQLite's own threshold is 1 000). */
  everyFrames?: number;
  /** Frames in the WAL from which a checkpoint is finished with the writer lent, so the WAL starts over (default 10 000). */
  restartFrames?: number;
  /** How long the worker stays without a checkpoint to make (default 10 s). */
  idleMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** A thread the process has, lent for the checkpoints (else the checkpointer starts its own). */
  threads?: CheckpointThreads;
}

interface Reply {
  ok: boolean;
  log?: number;
  checkpointed?: number;
  error?: string;
  /** The thread went away before it answered (not a checkpoint that failed). */
  gone?: boolean;
}

/** Where the checkpoints are made: the checkpointer's own worker, or a lent thread's channel. */
interface Channel {
  ask(): Promise<Reply>;
  /** Closes the channel's connection (waited for), then the channel. */
  stop(): Promise<void>;
}

// eslint-disable-next-line max-lines-per-function -- the worker, the -shm header and the checkpoint under way are one state; its steps are short
export function createWalCheckpointer(deps: WalCheckpointerDeps): WalCheckpointer {
  const everyFrames = deps.everyFrames ?? 4000;
  const restartFrames = deps.restartFrames ?? 10_000;
  const counts: CheckpointStats = { checkpoints: 0, restarts: 0, inline: 0 };
  const clock = deps.now ?? Date.now;
  /** When the WAL last started filling from a checkpoint (or from the start). */
  let lastAt = clock();
  let channel: Channel | undefined;
  let idle: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let shm: number | undefined;
  const header = Buffer.alloc(MX_FRAME_OFFSET + 4);
  /** Frames of the current WAL the last checkpoint had copied. */
  let copied = 0;
  let closed = false;
  /** Where a reader stopped the last checkpoint made with the writer lent. */
  let pinnedAt: number | undefined;

  const fallBack = (why: string) => {
    if (counts.fellBack) return;
    counts.fellBack = why;
    deps.fallBack();
    void dropChannel();
  };

  /** The WAL's frames now (its index header's mxFrame), or undefined if the header cannot be read. */
  const frames = (): number | undefined => {
    try {
      shm ??= openSync(`${deps.file}-shm`, 'r');
      if (readSync(shm, header, 0, header.length, 0) < header.length) return undefined;
    } catch {
      return undefined;
    }
    const le = endianness() === 'LE';
    const version = le ? header.readUInt32LE(0) : header.readUInt32BE(0);
    if (version !== WAL_INDEX_VERSION) return undefined;
    return le ? header.readUInt32LE(MX_FRAME_OFFSET) : header.readUInt32BE(MX_FRAME_OFFSET);
  };

  /** The checkpointer's own worker: `checkpointLoop` on its `parentPort`; it exits when asked to close. */
  const ownWorker = (): Channel => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: deps.file }, name: 'wal-checkpoint' });
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
  };

  /** A lent thread's channel: its connection closed when asked (or when the thread goes), then the thread given back. */
  const lentThread = (threads: CheckpointThreads): Channel => {
    const lent = threads(deps.file);
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
  };

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

  const openChannel = (): Channel => (deps.threads ? lentThread(deps.threads) : ownWorker());

  const checkpoint = async (): Promise<Reply> => {
    clearTimeout(idle);
    channel ??= openChannel();
    let reply = await channel.ask();
    if (reply.gone) {
      // The lent thread went away (its export failed): the same checkpoint in another.
      void dropChannel();
      channel = openChannel();
      reply = await channel.ask();
    }
    if (!reply.ok) throw new Error(reply.error);
    counts.checkpoints++;
    copied = reply.checkpointed ?? 0;
    idle = setTimeout(() => void dropChannel(), deps.idleMs ?? 10_000).unref();
    return reply;
  };

  const cycle = async () => {
    const first = await checkpoint();
    if ((first.log ?? 0) < restartFrames) return;
    // A reader (an export's snapshot) held the frames past `pinnedAt` last time: lending the writer
    // again would not help until the checkpoints get past them.
    if (pinnedAt !== undefined && (first.checkpointed ?? 0) <= pinnedAt) return;
    // Finished with the writer lent: nothing is committed meanwhile, so the next write rewinds the WAL.
    const giveBack = await deps.lend();
    let last: Reply;
    try {
      last = await checkpoint();
    } finally {
      giveBack();
    }
    const done = (last.checkpointed ?? 0) >= (last.log ?? 0);
    pinnedAt = done ? undefined : last.checkpointed;
    if (done) counts.restarts++;
  };

  async function dropChannel(): Promise<void> {
    clearTimeout(idle);
    const c = channel;
    if (!c) return;
    channel = undefined;
    await c.stop();
  }

  return {
    committed() {
      if (running || closed || counts.fellBack) return;
      const now = frames();
      if (now === undefined) return fallBack("the WAL's index header could not be read");
      if (now < copied) copied = 0; // the WAL started over
      if (now - copied < everyFrames) return;
      const filledIn = clock() - lastAt;
      lastAt = clock();
      if (filledIn >= (deps.inlineAfterMs ?? 10_000) && !channel) {
        // Few writes: one checkpoint here (nothing is written meanwhile, so the WAL starts over).
        try {
          copied = deps.checkpointHere().checkpointed;
          counts.inline++;
        } catch (e) {
          fallBack(e instanceof Error ? e.message : String(e));
        }
        return;
      }
      running = cycle()
        .catch((e: unknown) => fallBack(e instanceof Error ? e.message : String(e)))
        .finally(() => (running = undefined));
    },
    settled: () => running ?? Promise.resolve(),
    stats: () => ({ ...counts }),
    async close() {
      closed = true;
      await running;
      await dropChannel();
      if (shm !== undefined) closeSync(shm);
      shm = undefined;
    },
  };
}

/**
 * The host's connection's checkpoints, made by the worker from now on: SQLite's own are turned off
 * (`wal_autocheckpoint = 0`), and back on should the worker fail.
 */
export function checkpointOffTheLoop(
  sqlite: { pragma(source: string): unknown },
  file: string,
  lend: () => Promise<() => void>,
  threads?: CheckpointThreads,
): WalCheckpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  return createWalCheckpointer({
    file,
    lend,
    ...(threads ? { threads } : {}),
    fallBack: () => sqlite.pragma('wal_autocheckpoint = 1000'),
    checkpointHere: () => (sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0]!,
  });
}
