/**
 * SQLite has one writer per database file. The host's connection is normally it; for one long write
 * (an import of 100 000 stays, core/imports/import-worker.ts) the host **lends** the writer to a
 * connection of its own in a worker thread, so the import's transaction runs beside the host's event
 * loop instead of on it.
 *
 * While the writer is lent, this connection must not even try to write: SQLite would make it wait
 * in its busy handler, a synchronous sleep of up to `busy_timeout` (5 s) on the host's event loop,
 * and then fail. So its units, group commits and autocommit writes wait here, asynchronously, until
 * the writer is back; its reads go on (WAL: readers see the last committed state and never wait).
 *
 * Lending takes the connection's lock for a moment, so it waits for the unit under way to finish
 * and no unit is half-way when the other connection begins. A writer that took the lock must look
 * again (`acquire` does): the writer may have been lent while it queued.
 *
 *   host unit A running · lend() queued behind A · A commits → lend() takes the lock, marks the
 *   writer lent, frees the lock · host unit B: waits for the writer (reads run meanwhile) ·
 *   the worker's BEGIN IMMEDIATE … COMMIT · give back → B runs.
 */
import { AppError } from '../../shared/errors';
import type { FifoLock } from './fifo-lock';

export interface WriterGate {
  /** Takes the connection's lock as a writer: first waits while the writer is lent. */
  acquire(): Promise<void>;
  /** The lock as a writer if it is free and the writer is home, without waiting. */
  tryAcquire(): boolean;
  /** Lends the writer (waits for the unit under way); resolves with the function that gives it back. */
  lend(): Promise<() => void>;
  /** Throws 503 while the writer is lent (a write that cannot wait: it holds the lock already). */
  refuseWhileLent(): void;
}

export function createWriterGate(lock: FifoLock): WriterGate {
  let lent: Promise<void> | undefined;

  const acquire = async (): Promise<void> => {
    for (;;) {
      while (lent) await lent;
      await lock.acquire();
      if (!lent) return;
      lock.release();
    }
  };

  return {
    acquire,
    tryAcquire: () => lent === undefined && lock.tryAcquire(),
    async lend() {
      // One lender at a time: a second waits for the first to give the writer back.
      await acquire();
      let giveBack!: () => void;
      lent = new Promise<void>((resolve) => (giveBack = resolve));
      lock.release();
      let returned = false;
      return () => {
        if (returned) return;
        returned = true;
        lent = undefined;
        giveBack();
      };
    },
    refuseWhileLent() {
      if (lent) throw new AppError('UNAVAILABLE', 'The database is busy with an import; try again in a moment', { retryAfterSeconds: 5 });
    },
  };
}
