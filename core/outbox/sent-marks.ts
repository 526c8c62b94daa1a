/**
 * The worker's **group commit** of `sent` marks. A confirmed message is marked sent later, together
 * with the others confirmed meanwhile: one statement (one fsync on SQLite) marks them all
 * (`markSentMany`); then each target's success is noted (`recordTargetSuccess`: a read, and a write
 * only when it ends a failing run, pulling the target's waiting messages forward, or once a minute). A mark waits at most `lingerMs` for company, or less when
 * `maxBatch` are waiting; `flush()` writes at once (the end of a `tick()`, `stop()`).
 *
 * **Why a mark may lag its send.** Nothing waits for it: the record's next message is already claimed
 * by this worker (core/outbox/outbox-claims.ts) and goes as soon as the confirm is in. Until its mark
 * lands, the message is still pending and claimed in the database, so no other worker takes it or
 * anything after it. A crash in between loses no message: the claim runs out and the message goes
 * again with the same idempotency key — the one case where a receiver sees a repeat, as after a lost
 * answer (the receivers deduplicate on it).
 */
import type { Db } from '../../db/database';
import { markSentMany } from '../../db/queries/outbox-claim-queries';
import { recordTargetSuccess } from '../../db/queries/outbox-target-queries';

export interface SentMarks {
  /** Marks `id` (of the record `lane`) sent, with the others waiting. */
  mark(id: number, target: string, lane: string, nowMs: number): void;
  /** Whether a mark of the record `lane` waits to be written (the worker takes nothing more of it meanwhile). */
  waiting(lane: string): boolean;
  /** Writes every mark waiting now; resolves once they are written. */
  flush(): Promise<void>;
}

export interface SentMarksOptions {
  /**
   * How long a mark waits for company at least; at least eight times the last write's time too, so
   * writing marks takes at most a ninth of the worker's time however slow the disk (SQLite writes on
   * the event loop's thread; an fsync that takes 5 ms would otherwise stall every send behind it).
   */
  lingerMs: number;
  maxBatch: number;
  /** A failing run at least this long ends in a pull-forward (db/queries/outbox-target-queries.ts). */
  pullAfterMs: number;
  /** After each write that changed rows (the screen reloads, the worker looks for what became due). */
  onWritten(pulledForward: number): void;
  /** A write that failed: its messages stay pending and claimed, and go again once the claim runs out. */
  onError(e: unknown): void;
}

/** While a target answers, its last success is written at most this often (the screen's "up"). */
const NOTED_EVERY_MS = 60_000;
/** A mark never waits longer than this for company. */
const LINGER_CAP_MS = 250;

interface Waiting {
  id: number;
  target: string;
  lane: string;
  nowMs: number;
  /** When it came (performance.now(): the linger is real time, whatever the worker's clock). */
  at: number;
}

export function createSentMarks(db: Db, options: SentMarksOptions): SentMarks {
  const waiting: Waiting[] = [];
  /** Unwritten marks per record: until they land, its last sent message still looks pending in the database. */
  const unwritten = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let lastWriteMs = 0;

  async function writeBatch(batch: Waiting[]): Promise<void> {
    if (batch.length === 0) return;
    const now = Math.max(...batch.map((w) => w.nowMs));
    const started = performance.now();
    try {
      const changed = await markSentMany(db, batch.map((w) => w.id), now);
      let pulled = 0;
      for (const target of new Set(batch.map((w) => w.target))) pulled += await recordTargetSuccess(db, target, now, options.pullAfterMs, NOTED_EVERY_MS);
      if (changed > 0 || pulled > 0) options.onWritten(pulled);
    } catch (e) {
      options.onError(e);
    } finally {
      lastWriteMs = performance.now() - started;
      for (const w of batch) {
        const left = unwritten.get(w.lane)! - 1;
        if (left === 0) unwritten.delete(w.lane);
        else unwritten.set(w.lane, left);
      }
    }
  }

  /** How long the oldest waiting mark waits for company in all. */
  const linger = () => Math.min(LINGER_CAP_MS, Math.max(options.lingerMs, 8 * lastWriteMs));

  /**
   * Writes a batch, and more only while full ones wait (or all, for `flush`). The marks that came
   * while it was written wait for company too: its fsync runs off the event loop, so many may come,
   * and writing them at once made each write smaller and more frequent (more CPU per mark).
   */
  function write(all = false): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing ??= (async () => {
      try {
        do await writeBatch(waiting.splice(0, options.maxBatch));
        while (waiting.length >= options.maxBatch || (all && waiting.length > 0));
      } finally {
        writing = undefined;
        schedule();
      }
    })();
    return writing;
  }

  /** The write of what waits: at once when a batch is full, else once the oldest has waited `linger()`. */
  function schedule(): void {
    if (writing || waiting.length === 0) return;
    if (waiting.length >= options.maxBatch) {
      void write();
      return;
    }
    if (timer) return;
    timer = setTimeout(() => void write(), Math.max(0, linger() - (performance.now() - waiting[0]!.at)));
    timer.unref();
  }

  return {
    mark(id, target, lane, nowMs) {
      waiting.push({ id, target, lane, nowMs, at: performance.now() });
      unwritten.set(lane, (unwritten.get(lane) ?? 0) + 1);
      schedule();
    },
    waiting: (lane) => unwritten.has(lane),
    async flush() {
      while (writing || waiting.length > 0) await write(true);
    },
  };
}
