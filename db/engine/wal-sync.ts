/**
 * The WAL's fsync, off the event loop, for group commit (sqlite-group-commit.ts) and for a lone write
 * outside a unit (sqlite-engine.ts: the outbox worker's claims and marks are such writes).
 *
 * With `synchronous=FULL` SQLite fsyncs the WAL inside COMMIT, on the calling thread: the host's one
 * event loop stood still for every fsync (0.3 ms on a quiet SSD, 2–5 ms on a busy disk), and no
 * request could be read meanwhile, so the next batch could only start gathering once the last one was
 * durable. A batch now commits with `synchronous=NORMAL` (SQLite writes the WAL frames, syncs nothing)
 * and its fsync runs on libuv's thread pool; the event loop reads and checks the next requests while
 * the disk works. **Nothing changes in what is promised**: the batch's answers and live events wait
 * for an fsync that started after its COMMIT returned (so it covers every frame of it), as they
 * waited for SQLite's own fsync before.
 *
 * One fsync at a time: the requests that arrive while one is under way share the next one (a batch
 * of batches). fsync flushes the file, whichever descriptor wrote it, so this file's own descriptor
 * serves; it is opened read-write because Windows flushes only a handle that may write.
 */
import { closeSync, fdatasync, openSync } from 'node:fs';

export interface WalSync {
  /** Resolves once an fsync of the WAL that started after this call has finished. */
  sync(): Promise<void>;
  /** Resolves once every sync asked for so far has finished (nothing pending: at once). */
  settled(): Promise<void>;
  /** Whether an fsync is under way or waiting to start: while not, `settled()` has nothing to wait for. */
  pending(): boolean;
  close(): void;
}

export function createWalSync(walFile: string): WalSync {
  let fd: number | undefined;
  /** The fsync under way, if any. */
  let running: Promise<void> | undefined;
  /** The fsync that starts when the running one ends, shared by everyone who asks meanwhile. */
  let next: Promise<void> | undefined;

  const fsyncOnce = () =>
    new Promise<void>((resolve, reject) => {
      fd ??= openSync(walFile, 'r+');
      fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });

  const start = (): Promise<void> => {
    const p = fsyncOnce();
    running = p;
    const clear = () => {
      if (running === p) running = undefined;
    };
    p.then(clear, clear);
    return p;
  };

  return {
    sync() {
      if (!running) return start();
      next ??= running.then(
        () => {
          next = undefined;
          return start();
        },
        () => {
          next = undefined;
          return start();
        },
      );
      return next;
    },
    settled() {
      return (next ?? running ?? Promise.resolve()).then(
        () => undefined,
        () => undefined,
      );
    },
    pending() {
      return running !== undefined || next !== undefined;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
