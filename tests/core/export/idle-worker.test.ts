/**
 * The host's kept workers (core/export/idle-worker.ts), with stand-in workers and a fake clock: a
 * worker waits `idleMs` after a clean job, a failed one is terminated, and a worker lent for work
 * beside the jobs (the WAL's checkpoints) is the one already there — with or without a job — and is not
 * stopped for being idle while it is lent.
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepIdleWorker } from '../../../core/export/idle-worker';

class FakeWorker extends EventEmitter {
  terminated = false;
  refed = true;
  ref() {
    this.refed = true;
  }
  unref() {
    this.refed = false;
  }
  async terminate() {
    this.terminated = true;
    this.emit('exit', 1);
    return 1;
  }
}

const IDLE_MS = 10_000;
let started: FakeWorker[];
const pool = () => keepIdleWorker(() => (started.push(new FakeWorker()), started.at(-1) as unknown as Worker), IDLE_MS);
const fake = (w: Worker) => w as unknown as FakeWorker;

beforeEach(() => {
  vi.useFakeTimers();
  started = [];
});
afterEach(() => vi.useRealTimers());

describe('the kept workers', () => {
  it('keep a worker whose job ended cleanly for idleMs, then stop it; one whose job failed at once', async () => {
    const workers = pool();
    const a = workers.take();
    await workers.release(a, true);
    expect(workers.take()).toBe(a); // the waiting one
    await workers.release(a, true);
    vi.advanceTimersByTime(IDLE_MS);
    expect(fake(a).terminated).toBe(true);

    const b = workers.take();
    expect(b).not.toBe(a);
    await workers.release(b, false);
    expect(fake(b).terminated).toBe(true);
  });

  it('lend the worker running a job for work beside it, and start none', async () => {
    const workers = pool();
    const a = workers.take();
    const lent = workers.lend();
    expect(lent.worker).toBe(a);
    expect(started).toHaveLength(1);
    await workers.release(a, true);
    // Lent: not stopped for being idle.
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(fake(a).terminated).toBe(false);
    lent.done();
    lent.done(); // given back once
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(fake(a).terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(fake(a).terminated).toBe(true);
  });

  it('start a worker to lend when there is none, which never keeps the process up, and give it to the next job', async () => {
    const workers = pool();
    const lent = workers.lend();
    expect(started).toHaveLength(1);
    expect(fake(lent.worker).refed).toBe(false);
    const job = workers.take();
    expect(job).toBe(lent.worker); // one isolate for both
    expect(fake(job).refed).toBe(true);
    await workers.release(job, true);
    expect(fake(job).refed).toBe(false);
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(fake(job).terminated).toBe(false);
    lent.done();
    vi.advanceTimersByTime(IDLE_MS);
    expect(fake(job).terminated).toBe(true);
  });

  it('still terminate a lent worker whose job failed; the next loan is a new worker', async () => {
    const workers = pool();
    const a = workers.take();
    const lent = workers.lend();
    await workers.release(a, false);
    expect(fake(a).terminated).toBe(true);
    lent.done(); // the borrower saw its channel close
    const next = workers.lend();
    expect(next.worker).not.toBe(a);
    expect(started).toHaveLength(2);
  });

  it('keep one waiting worker: a second that ends cleanly is stopped, unless it is lent', async () => {
    const workers = pool();
    const a = workers.take();
    const b = workers.take();
    expect(b).not.toBe(a);
    await workers.release(a, true);
    await workers.release(b, true);
    expect(fake(b).terminated).toBe(true);

    const c = workers.take(); // the waiting one, a
    expect(c).toBe(a);
    const d = workers.take();
    const lent = workers.lend(); // both have jobs: the first live worker
    await workers.release(lent.worker === c ? d : c, true);
    await workers.release(lent.worker, true);
    expect(fake(lent.worker).terminated).toBe(false);
    lent.done();
  });
});
