/**
 * `npx tsx bench/outbox-recovery-bench.ts [--messages 1000] [--outages 150,1800]` (issue 20 item 2):
 * how long a backlog takes to drain once billing answers again, after an outage of each length.
 *
 * A real host (`createHost`, SQLite with fsync) books `messages` stays (one billing message each),
 * and a real local billing receiver (tests/integration/billing-receiver.ts, over HTTP, applying each
 * message once per Idempotency-Key) answers 500 for the whole outage. **The outage's waiting is
 * simulated**: the hotel's clock jumps from one piece of due work to the next (an attempt's back-off,
 * a probe) and the worker ticks, so 30 minutes of 500s take a minute or two, each attempt still a
 * real request that billing answers with a real 500. **The drain is real**: at the outage's end
 * billing answers 200, the clock runs at real speed from there, the worker runs as the host runs it
 * (`start()`: woken by its poll, its marks and its probe), and the time from billing's return to the
 * last message applied is wall time, every message one real delivery.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createOutboxWorker } from '../core/outbox/outbox-worker';
import { startBillingReceiver } from '../tests/integration/billing-receiver';
import { aRoom, aStay } from '../tests/support/builders';
import { adminCtx, deskCtx } from '../tests/support/test-core';
import { startTestHost } from '../tests/support/test-host';
import type { BenchOptions } from './support/bench-options';
import type { BenchResult } from './support/report';

const ROOMS = 100;

interface Drain {
  outageS: number;
  failedDuringOutage: number;
  /** How far past billing's return the messages' own back-off had put the last of them. */
  ownBackoffS: number;
  /** From billing's return to the first request after it (a probe, or a message whose back-off ran out). */
  firstS: number;
  drainS: number;
  requestsAfter: number;
  duplicates: number;
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

async function drainAfter(outageS: number, messages: number): Promise<Drain> {
  let down = true;
  const billing = await startBillingReceiver(0, { failing: () => down });
  let skew = 0;
  const clock = () => Date.now() + skew;
  const jumpTo = (ms: number) => (skew = Math.max(skew, ms - Date.now()));
  const th = await startTestHost({ worker: false, clock, settings: { billingServiceUrl: billing.url, sessionHours: 720 } });
  const worker = createOutboxWorker({ db: th.host.core.deps.db, clock, getSettings: () => th.host.core.settings.get(), events: th.host.core.deps.events });
  try {
    const h = th.host.core.handlers;
    const db = th.host.core.deps.db;
    const rooms: number[] = [];
    for (let r = 0; r < ROOMS; r++) rooms.push((await h['rooms:create'](aRoom(), adminCtx)).id);
    const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n)).toISOString().slice(0, 10);
    for (let i = 0; i < messages; i++) {
      const slot = Math.floor(i / ROOMS) * 2;
      await h['stays:create'](aStay({ roomId: rooms[i % ROOMS]!, checkin: day(slot), checkout: day(slot + 2), guestName: `Guest ${i}` }), deskCtx);
    }
    // The outage, on the simulated clock: from one piece of due work to the next.
    const start = clock();
    const back = start + outageS * 1000;
    const nextWork = async () => (await db.get<{ at: number | null }>(
      `SELECT min(at) AS at FROM (SELECT min(next_attempt_ms) AS at FROM outbox WHERE status = 'pending'
         UNION ALL SELECT next_probe_ms FROM outbox_target_health WHERE failing_since_ms IS NOT NULL) AS w`,
    ))!.at;
    for (let at = await nextWork(); at !== null && at < back; at = await nextWork()) {
      jumpTo(Math.max(clock() + 1, at));
      await worker.tick();
    }
    const failedDuringOutage = billing.requests.length;
    jumpTo(back);
    const lastDue = (await db.get<{ at: number }>(`SELECT max(next_attempt_ms) AS at FROM outbox WHERE status = 'pending'`))!.at;

    // Billing is back: real time from here.
    down = false;
    const t0 = performance.now();
    worker.start();
    await until(() => billing.applied.length >= messages);
    const drainS = (performance.now() - t0) / 1000;
    await until(async () => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`))!.n === 0);
    return {
      outageS, failedDuringOutage, ownBackoffS: (lastDue - back) / 1000, drainS, firstS: (billing.requests[failedDuringOutage]!.at - t0) / 1000,
      requestsAfter: billing.requests.length - failedDuringOutage, duplicates: billing.duplicates,
    };
  } finally {
    await worker.stop();
    await th.close();
    await billing.close();
  }
}

export async function runOutboxRecoveryBench(options: BenchOptions & { messages?: number; outages?: number[] }): Promise<BenchResult> {
  const messages = options.messages ?? (options.quick ? 300 : 1_000);
  const outages = options.outages ?? (options.quick ? [150] : [150, 1_800]);
  const drains: Drain[] = [];
  for (const outageS of outages) {
    const d = await drainAfter(outageS, messages);
    drains.push(d);
    options.log(`  ${outageS} s of 500s: ${d.failedDuringOutage} failed attempts during it; the messages' own back-off ran to ${d.ownBackoffS.toFixed(0)} s after billing's return; first request ${d.firstS.toFixed(1)} s after it, all drained in ${d.drainS.toFixed(1)} s (${d.requestsAfter} requests, ${d.duplicates} repeats)`);
  }
  return {
    id: 15,
    title: 'Outbox backlog after a billing outage, drained once billing answers again',
    checks: drains.map((d) => ({
      label: `${messages} billing messages after ${d.outageS >= 600 ? `${d.outageS / 60} min` : `${d.outageS} s`} of 500s: from billing's return to the last applied`,
      ours: `${d.drainS.toFixed(1)} s`, target: '≤ 120 s', pass: d.drainS <= 120,
    })),
    figures: [
      `the outage's waiting on a simulated clock (each attempt a real request answered 500), the drain in real time with real deliveries to a local billing receiver; host on SQLite (fsync)`,
      ...drains.map((d) => `${d.outageS} s outage: ${d.failedDuringOutage} failed attempts; without the pull-forward the last message would have waited ${d.ownBackoffS.toFixed(0)} s past billing's return; the first request ${d.firstS.toFixed(1)} s after it; ${d.requestsAfter} requests, ${d.duplicates} repeats`),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { messages: { type: 'string', default: '1000' }, outages: { type: 'string', default: '150,1800' } } });
  const result = await runOutboxRecoveryBench({
    runs: 1, quick: false, messages: Number(values.messages), outages: values.outages.split(',').map(Number), log: (line) => console.log(line),
  });
  console.log(`\n${result.title}\n  ${result.checks.map((c) => `${c.label}: ${c.ours} (target ${c.target}: ${c.pass ? 'met' : 'missed'})`).join('\n  ')}\n  ${result.figures.join('\n  ')}`);
  process.exit(0);
}
