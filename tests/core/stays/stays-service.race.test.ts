/**
 * Two writers on the same database (their own connections in two threads, as a second process or a
 * second server would be: the same SQLite file, or the same PostgreSQL database) race to book the
 * same room for the same periods: each period must be won exactly once, on either engine.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveTime } from '../../../shared/time';
import { countRows } from '../../support/outbox-rows';
import { aRoom } from '../../support/builders';
import { adminCtx, createTestCore, type TestCore } from '../../support/test-core';

interface Outcome {
  won: boolean;
  id?: number;
  code?: string;
}

let t: TestCore;
afterEach(async () => await t.close());

function startWorker(data: object): { ready: Promise<void>; done: Promise<Outcome[]> } {
  const worker = new Worker(new URL('../../support/booking-race-worker.ts', import.meta.url), { workerData: data, execArgv: ['--import', 'tsx'] });
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = new Promise<Outcome[]>((resolve, reject) => {
    worker.on('message', (m: { ready?: boolean; results?: Outcome[] }) => (m.ready ? onReady() : resolve(m.results!)));
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
  return { ready, done };
}

describe('two writers booking the same room at once', () => {
  it('lets exactly one win each period; the other gets ROOM_UNAVAILABLE', async () => {
    t = await createTestCore();
    const roomId = (await t.core.handlers['rooms:create'](aRoom({ number: 101 }), adminCtx)).id;
    // 60 two-night periods, each overlapping the next by one night: a sequence of winners must not overlap.
    const periods = Array.from({ length: 60 }, (_, i) => {
      // The workers run on the real clock: the periods lie well ahead of it (a stay in the past is refused).
      const day = (n: number) => new Date(Date.UTC(2030, 5, 1 + n)).toISOString().slice(0, 10);
      return { checkin: day(i), checkout: day(i + 2) };
    });
    const start = new Int32Array(new SharedArrayBuffer(4));
    const a = startWorker({ config: t.database.config, roomId, periods, start });
    const b = startWorker({ config: t.database.config, roomId, periods: [...periods].reverse(), start });
    await Promise.all([a.ready, b.ready]);
    Atomics.store(start, 0, 1);
    Atomics.notify(start, 0);
    const outcomes = [...(await a.done), ...(await b.done)];

    expect(outcomes.filter((o) => !o.won).every((o) => o.code === 'ROOM_UNAVAILABLE')).toBe(true);
    const won = outcomes.filter((o) => o.won).map((o) => o.id!);
    expect(new Set(won).size).toBe(won.length);
    const stays = await t.db.all<{ s: number; e: number }>('SELECT checkin_ms AS s, checkout_ms AS e FROM stays ORDER BY checkin_ms');
    expect(stays.length).toBe(won.length);
    for (let i = 1; i < stays.length; i++) expect(stays[i]!.s).toBeGreaterThanOrEqual(stays[i - 1]!.e);
    // Nothing was refused without cause: every period is taken, or overlaps a stay that was.
    for (const p of periods) {
      const s = t.core.settings.get();
      const from = resolveTime(p.checkin, s.timeZone, s.checkinTime).ms;
      const to = resolveTime(p.checkout, s.timeZone, s.checkoutTime).ms;
      expect(stays.some((x) => x.s < to && from < x.e)).toBe(true);
    }
    expect(await countRows(t.db, 'outbox')).toBe(stays.length);
  });
});
