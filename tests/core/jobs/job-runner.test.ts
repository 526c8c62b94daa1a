/**
 * The background jobs' registry and runner (core/jobs), on both engines: every job is started once
 * and stopped in reverse, a `'once'` job runs on the one server that leads it (on SQLite: always
 * this one), and the host runs the registry's jobs, leaving off those it is told to.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeaderLock } from '../../../db/leader-lock';
import { startJobs, type JobRunner } from '../../../core/jobs/job-runner';
import type { JobContext, JobDef, JobRuns } from '../../../core/jobs/job-types';
import { JOBS } from '../../../core/composition/jobs';
import { createTestCore, type TestCore } from '../../support/test-core';
import { startTestHost, type TestHost } from '../../support/test-host';

let t: TestCore;
let runners: JobRunner[];
let log: string[];

beforeEach(async () => {
  t = await createTestCore();
  runners = [];
  log = [];
});

afterEach(async () => {
  for (const r of runners) await r.stop();
  await t.close();
});

function job(name: string, runs: JobRuns): JobDef {
  return {
    name,
    runs,
    start: () => {
      log.push(`start ${name}`);
      return { stop: async () => void log.push(`stop ${name}`) };
    },
  };
}

const errors: unknown[] = [];
const ctx = (): JobContext => ({ core: t.core, db: t.db, onError: (_job, error) => errors.push(error) });

function run(jobs: JobDef[]): JobRunner {
  const r = startJobs(jobs, ctx(), { leaderRetryMs: 20 });
  runners.push(r);
  return r;
}

describe('the job registry', () => {
  it('names each job once and says where it runs: the outbox worker on every server, retention, the scheduler and the downtime pack once', () => {
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
    expect(Object.fromEntries(JOBS.map((j) => [j.name, j.runs]))).toEqual({ 'outbox-worker': 'every-server', 'outbox-retention': 'once', 'appointment-scheduler': 'once', 'downtime-pack': 'once' });
  });

  it('refuses two jobs of one name', () => {
    expect(() => startJobs([job('a', 'every-server'), job('a', 'once')], ctx())).toThrow(/Two background jobs are named a/);
  });
});

describe('the job runner', () => {
  it('starts every job, the once job as this server leads it, and stops them in reverse order', async () => {
    const r = run([job('a', 'every-server'), job('b', 'once'), job('c', 'every-server')]);
    await expect.poll(() => r.running()).toEqual(['a', 'b', 'c']);
    await r.stop();
    expect(log).toEqual(['start a', 'start c', 'start b', 'stop c', 'stop b', 'stop a']);
    expect(r.running()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives the once job\'s lock back on stop, so another server on the database takes the job', async () => {
    const other = await t.database.open();
    try {
      const first = run([job('x', 'once')]);
      await expect.poll(() => first.running()).toEqual(['x']);
      await first.stop();
      const second = startJobs([job('x', 'once')], { ...ctx(), db: other }, { leaderRetryMs: 20 });
      runners.push(second);
      await expect.poll(() => second.running()).toEqual(['x']);
      await second.stop();
    } finally {
      await other.close();
    }
  });
});

describe('a once job whose lock is lost', () => {
  afterEach(() => vi.useRealTimers());

  it('stops the job and stands down two rounds before trying again, so a server with a sound connection takes over', async () => {
    vi.useFakeTimers();
    const lost: (() => void)[] = [];
    let tries = 0;
    const lock: LeaderLock = {
      tryAcquire: async () => (++tries, true),
      held: true,
      check: async () => true,
      onLost: (l) => void lost.push(l),
      close: async () => undefined,
    };
    const r = startJobs([job('x', 'once')], ctx(), { leaderRetryMs: 100, leaderLock: () => lock });
    runners.push(r);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.running()).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(100);
    const before = tries;
    for (const l of lost) l(); // its connection died, at the round of 100 ms
    await vi.advanceTimersByTimeAsync(0);
    expect(r.running()).toEqual([]);
    await vi.advanceTimersByTimeAsync(190); // the round of 200 ms: no try
    expect(tries).toBe(before);
    await vi.advanceTimersByTimeAsync(10); // the round of 300 ms, two rounds after the loss, tries and leads again
    expect(tries).toBe(before + 1);
    expect(r.running()).toEqual(['x']);
    expect(log).toEqual(['start x', 'stop x', 'start x']);
  });
});

describe('the host\'s jobs', () => {
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('runs the registry\'s jobs and stops them on close', async () => {
    host = await startTestHost({ worker: true });
    await expect.poll(() => host!.host.jobs.running()).toEqual(['outbox-worker', 'outbox-retention', 'appointment-scheduler', 'downtime-pack']);
    await host.close();
    expect(host.host.jobs.running()).toEqual([]);
    host = undefined;
  });

  it('leaves off the jobs it is told to', async () => {
    host = await startTestHost({ worker: true, jobs: { 'appointment-scheduler': false, 'outbox-retention': false, 'downtime-pack': false } });
    await expect.poll(() => host!.host.jobs.running()).toEqual(['outbox-worker']);
  });
});
