/**
 * `npx tsx bench/amqp-outbox-bench.ts [--runs N] [--messages N]` (issue 21): fleet events per second
 * through the outbox to RabbitMQ with publisher confirms, against a raw amqplib client publishing the
 * same messages with confirms, in one run, on a private RabbitMQ node (tests/support/rabbitmq-node.ts)
 * and a real host's SQLite database (fsync on).
 *
 * The outbox: `messages` events of 10 per car, already enqueued; the worker (16 records in flight,
 * one message per car at a time: each car's chain claimed in one write, its next event published as
 * soon as the previous one's confirm is in, sent marks in group commits) drains them, timed from the
 * first attempt to the last `sent` written. The anchor that holds the same promise (a car's next
 * event only after the previous one's confirm, 16 cars at once) is the raw client with a window of
 * 16; the raw client pipelining everything and waiting for all confirms at the end (no per-car order
 * across a lost confirm, nothing recorded) is a figure beside it.
 *
 * On a shared, loaded machine the broker's speed swings by ±50 % within seconds, so each run measures
 * the outbox and its anchor back to back on four quarters of its messages (their order alternating)
 * and the ratio is the median of the runs' own ratios, not a ratio of medians.
 *
 * Both sides run in a child process (support/amqp-outbox-process.ts) built as `npm run serve`'s server
 * is (bench/vite.outbox.config.ts), with the host's V8 flags and glibc settings, as the benchmarks'
 * host is: until the sixty-sixth pass they ran in this process under tsx, where the export worker the
 * host lends for checkpoints started from the sources (~0.5 s of compiling) in each third run.
 * `BENCH_HOST_UNDER_TSX=1` runs the child under tsx instead (an A/B of the two ways).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { OutboxMeasured, OutboxMeasureRequest, OutboxRun } from './support/amqp-outbox-process';
import { startHostProcess } from './support/bench-host';
import type { BenchOptions } from './support/bench-options';
import { benchHostScript, OUTBOX_BUILD } from './support/host-build';
import { BENCH_DIR } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { median } from './support/stats';

export async function runAmqpOutboxBench(options: BenchOptions & { messages?: number }): Promise<BenchResult> {
  const count = options.messages ?? (options.quick ? 1_000 : 4_000);
  const { how } = benchHostScript(join(BENCH_DIR, '..'), process.env, OUTBOX_BUILD);
  const child = startHostProcess({}, undefined, OUTBOX_BUILD);
  // Each run's line as it ends (a full run takes minutes).
  child.process.on('message', (m: { type?: string }) => {
    if (m.type !== 'run') return;
    const r = m as OutboxRun & { run: number; window: number };
    options.log(`  run ${r.run}: outbox ${(count / r.outboxS).toFixed(0)}/s, raw window ${r.window} ${(count / r.windowedS).toFixed(0)}/s (${(r.windowedS / r.outboxS).toFixed(2)}×), raw pipelined ${(count / r.pipelinedS).toFixed(0)}/s;`
      + ` per event CPU ${r.oursCpu.toFixed(0)} vs ${r.rawCpu.toFixed(0)} µs, event loop busy ${r.oursBusy.toFixed(0)} vs ${r.rawBusy.toFixed(0)} µs`);
  });
  let measured: OutboxMeasured;
  try {
    const request: OutboxMeasureRequest = { type: 'measure', runs: options.runs, count };
    measured = await child.ask<OutboxMeasured>(request, 'measured', 1_800_000);
  } finally {
    await child.stop();
  }
  const { runs, perCar, window } = measured;
  const rate = (pick: (r: OutboxRun) => number) => count / median(runs.map(pick));
  const ratios = runs.map((r) => r.windowedS / r.outboxS);
  const ratio = median(ratios);
  const perEvent = (pick: (r: OutboxRun) => number) => median(runs.map(pick)).toFixed(0);
  return {
    id: 12,
    title: 'Fleet events through the outbox to RabbitMQ, with publisher confirms',
    checks: [{
      label: `outbox vs raw amqplib, ${window} cars in flight, confirm per message`,
      ours: `${rate((r) => r.outboxS).toFixed(0)}/s vs ${rate((r) => r.windowedS).toFixed(0)}/s (medians); median of the runs' ratios ${ratio.toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
      target: '≥ 0.8×', pass: ratio >= 0.8,
    }],
    figures: [
      `${count} messages (${perCar} per car), median of ${runs.length} run(s); RabbitMQ 3.10 (Debian) on 127.0.0.1, durable queue bound to car.#, persistent messages; both sides in one child process, ${how === 'built' ? "built as `npm run serve`'s server is (bench/vite.outbox.config.ts)" : 'under tsx (the TypeScript sources)'}, with the host's V8 flags`,
      `that process per event (medians), outbox vs raw window ${window}: CPU ${perEvent((r) => r.oursCpu)} vs ${perEvent((r) => r.rawCpu)} µs, event loop busy ${perEvent((r) => r.oursBusy)} vs ${perEvent((r) => r.rawBusy)} µs (busy includes what blocks the loop: an fsync on it)`,
      `raw amqplib pipelining all ${count} and awaiting the confirms at the end: ${rate((r) => r.pipelinedS).toFixed(0)}/s (the outbox is ${(rate((r) => r.outboxS) / rate((r) => r.pipelinedS)).toFixed(2)}× of it: it keeps one message per car in flight, as its promise of per-car order across a lost confirm requires, and records each sent in the database)`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, messages: { type: 'string', default: '4000' } } });
  const result = await runAmqpOutboxBench({ runs: Number(values.runs), quick: false, messages: Number(values.messages), log: (line) => console.log(line) });
  console.log(`\n${result.title}\n  ${result.checks.map((c) => `${c.label}: ${c.ours} (target ${c.target}: ${c.pass ? 'met' : 'missed'})`).join('\n  ')}\n  ${result.figures.join('\n  ')}`);
}
