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
 *   WAL. That lend is a stall of every write: the last checkpoint's two fsyncs (the WAL's, then the
 *   file's), 3–30 ms on a busy disk, with ~50 requests waiting under benchmark 1's load — half the
 *   bursts of its slowest requests (docs/benchmarks.md, forty-eighth pass). So the WAL starts over
 *   only from 40 000 frames (~160 MB at 4 KiB pages; it was 10 000): a third to a quarter as many
 *   stalls under steady writes, for a WAL file of up to that size afterwards (SQLite reuses it from
 *   its start; a desk's few writes are checkpointed inline long before, below). Copying every 4 000
 *   frames copies a hot page once where SQLite's own 1 000 copied it up to four times (0.92 × the
 *   host's CPU a booking, docs/benchmarks.md §3). Each restart's stall is published on the
 *   `frontdesk:wal-restart` diagnostics channel (`WalRestart`) for whoever watches (the benchmarks'
 *   host does).
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
import { channel as diagnosticsChannel } from 'node:diagnostics_channel';
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { lentThread, ownWorker, type Channel, type CheckpointThreads, type Reply } from './checkpoint-channel';

export { checkpointLoop, serveCheckpoints, type CheckpointPort, type CheckpointThreads, type LentThread } from './checkpoint-channel';

/** The WAL-index header's version (https://sqlite.org/walformat.html, §2.2.1) and where mxFrame sits in it. */
const WAL_INDEX_VERSION = 3007000;
const MX_FRAME_OFFSET = 16;

/** A restart's stall, as published on `WAL_RESTART_CHANNEL`: when the writer was asked for (epoch ms), for how long it was held, what the last checkpoint copied. */
export interface WalRestart {
  startedAt: number;
  ms: number;
  frames: number;
}
export const WAL_RESTART_CHANNEL = 'frontdesk:wal-restart';
const restartChannel = diagnosticsChannel(WAL_RESTART_CHANNEL);

/** Frames in the WAL from which a checkpoint is finished with the writer lent (see above). */
const DEFAULT_RESTART_FRAMES = 40_000;

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
  /** Frames in the WAL from which a checkpoint is finished with the writer lent, so the WAL starts over (default `DEFAULT_RESTART_FRAMES`). */
  restartFrames?: number;
  /** How long the worker stays without a checkpoint to make (default 10 s). */
  idleMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** A thread the process has, lent for the checkpoints (else the checkpointer starts its own). */
  threads?: CheckpointThreads;
}

// eslint-disable-next-line max-lines-per-function -- the worker, the -shm header and the checkpoint under way are one state; its steps are short
export function createWalCheckpointer(deps: WalCheckpointerDeps): WalCheckpointer {
  const everyFrames = deps.everyFrames ?? 4000;
  const restartFrames = deps.restartFrames ?? DEFAULT_RESTART_FRAMES;
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

  /** Where the next checkpoints are made: a thread the process lends, else the checkpointer's own worker. */
  const openChannel = (): Channel => (deps.threads ? lentThread(deps.threads, deps.file) : ownWorker(deps.file));

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
    const askedAt = performance.now();
    const giveBack = await deps.lend();
    let last: Reply;
    try {
      last = await checkpoint();
    } finally {
      giveBack();
    }
    if (restartChannel.hasSubscribers) {
      // The WAL may have started over between the two (the first copied everything and a COMMIT came
      // before the loan): then the last checkpoint had the new WAL's frames, not the rest of the old one's.
      const startedOver = (last.log ?? 0) < (first.log ?? 0);
      const frames = startedOver ? (last.log ?? 0) : (last.log ?? 0) - (first.checkpointed ?? 0);
      const restart: WalRestart = { startedAt: performance.timeOrigin + askedAt, ms: performance.now() - askedAt, frames };
      restartChannel.publish(restart);
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
