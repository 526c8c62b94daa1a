/**
 * The worker's group commit of `sent` marks (core/outbox/sent-marks.ts): a mark waits for company, at
 * most the linger; the marks that come while a write is under way (its fsync now runs off the event
 * loop, so many may come) wait for company too, instead of being written one small batch after
 * another; a full batch is written at once; `flush()` writes everything. The database is a stand-in
 * that records each mark statement and holds it until the test lets it finish.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/database';
import { createSentMarks, type SentMarks } from '../../../core/outbox/sent-marks';

interface Written { ids: number[]; finish(): void }

let written: Written[];
let marks: SentMarks;

/** A Db whose sent-mark UPDATEs wait for `finish()`; the target-health read answers "up, noted just now". */
function recordingDb(): Db {
  return {
    dialect: 'sqlite',
    run: (sql: string, ...params: unknown[]) => {
      if (!sql.includes(`SET status = 'sent'`)) return Promise.resolve({ changes: 0 });
      return new Promise((resolve) => {
        const ids = [...new Set(params.slice(2) as number[])];
        written.push({ ids, finish: () => resolve({ changes: ids.length }) });
      });
    },
    get: () => Promise.resolve({ failing: null, success: Date.now() }),
  } as unknown as Db;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  written = [];
  marks = createSentMarks(recordingDb(), { lingerMs: 50, maxBatch: 4, pullAfterMs: 10_000, onWritten: () => undefined, onError: (e) => { throw e; } });
});
afterEach(() => {
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the group commit of sent marks', () => {
  it('writes a mark with the others that came within the linger, in one statement', async () => {
    marks.mark(1, 'events', 'a', 0);
    await vi.advanceTimersByTimeAsync(30);
    marks.mark(2, 'events', 'b', 0);
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20); // the first one's linger
    expect(written.map((w) => w.ids)).toEqual([[1, 2]]);
    expect(marks.waiting('a')).toBe(true); // written, not yet answered: the record still counts as held
    written[0]!.finish();
    await settle();
    expect(marks.waiting('a')).toBe(false);
  });

  it('lets the marks that come during a write wait for company, not follow it at once', async () => {
    marks.mark(1, 'events', 'a', 0);
    await vi.advanceTimersByTimeAsync(50);
    expect(written).toHaveLength(1);
    marks.mark(2, 'events', 'b', 0); // while the first write waits for its fsync
    written[0]!.finish();
    await settle();
    expect(written).toHaveLength(1); // not written the moment the first write ended
    await vi.advanceTimersByTimeAsync(49);
    marks.mark(3, 'events', 'c', 0);
    expect(written).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // mark 2's linger, from when it came
    expect(written.map((w) => w.ids)).toEqual([[1], [2, 3]]);
  });

  it('writes a full batch at once, and flush() writes everything waiting', async () => {
    for (let id = 1; id <= 5; id++) marks.mark(id, 'events', `r${id}`, 0);
    await settle();
    expect(written.map((w) => w.ids)).toEqual([[1, 2, 3, 4]]);
    const flushed = marks.flush();
    written[0]!.finish();
    await settle();
    expect(written.map((w) => w.ids)).toEqual([[1, 2, 3, 4], [5]]);
    written[1]!.finish();
    await flushed;
    expect(marks.waiting('r5')).toBe(false);
  });
});
