/**
 * Delivers the outbox (spec 3.6): the durable queue of messages to the targets of the registry
 * (`outbox-targets.ts`), each written in the same transaction as the change that caused it. Each
 * message goes through its target's transport (`transports.ts`, picked by the endpoint's scheme):
 * POSTed by HTTP (`deliver.ts`), sent as an e-mail (`deliver-email.ts`), or published to RabbitMQ and
 * counted on its publisher confirm (`amqp-link.ts`). A transport that is not ready (a broker link that
 * is down) leaves its messages waiting without an attempt, and wakes the worker when it is up again.
 * A target with no URL (or SMTP server) configured is skipped, so its messages simply wait.
 *
 * **Records in flight, chains per record.** Up to `concurrency` records are in flight at once, one
 * delivery per record at a time (its messages stay in order). For each, the worker claims the
 * record's due head and the messages behind it (a chain: outbox-claims.ts) in one write, sends them one
 * after the other, each as soon as the one before got through (chain-runner.ts), and marks them sent
 * in group commits (sent-marks.ts): no read or write of the database stands between two messages of a
 * record, and a freed slot takes the next chain at once. A receiver that never answers for one record
 * holds one slot for `timeoutMs`, never the others. Outcomes: outbox-outcome.ts.
 *
 * **A target that answers again drains its backlog at once** (issue 20 item 2). Each target's health
 * is shared by the servers (db/queries/outbox-target-queries.ts): a transient failure starts its
 * failing run; while it fails, one worker probes it every ≤ 30 s with a waiting message; the success
 * that ends a run of ≥ `pullAfterMs` makes its waiting messages due now, whatever back-off each grew.
 * They go out per record in order, paced by slow start (target-pace.ts): 1, 2, 4 … records at once.
 *
 * `tick()` is what tests drive with an injected clock: it takes chains into the free slots
 * (worker-slots.ts), refills them as they free, and resolves once its deliveries are done and marked
 * (at most `batchSize` attempts). `start()` takes work every `pollMs`, and at once when a message is enqueued
 * (`outbox.enqueued`, published by `commit()`), the settings change, an admin retries, or marks
 * land. Old sent messages are pruned by their own job (`outbox-retention-job.ts`).
 */
import type { Database } from '../../db/database';
import type { LiveEvent } from '../../shared/contract/events';
import type { Settings } from '../../shared/contract/settings';
import type { Clock, EventBus } from '../context';
import type { ChainRunner } from './chain-runner';
import { fetchPost, nodeHttpPost } from './http-post';
import { createOutboxChanged } from './outbox-changed';
import { configuredTargets, transportOf } from './outbox-targets';
import { createSentMarks } from './sent-marks';
import { createTargetPace } from './target-pace';
import { createBrokerLinks, createTransports, type BrokerLinks } from './transports';
import { createWorkerSlots, type Taker } from './worker-slots';

export { joinUrl } from './transports';

/** On stop, deliveries still running after this are aborted; an aborted attempt does not count. */
const STOP_GRACE_MS = 3_000;
/** A claim outlives the longest attempt (timeout, then the stop's grace) by this much: a chain may run this long. */
const LEASE_MARGIN_MS = 60_000;
/** A failing run at least this long ends in a pull-forward (db/queries/outbox-target-queries.ts, `recordTargetSuccess`). */
const PULL_AFTER_MS = 10_000;

export interface OutboxWorkerOptions {
  db: Database;
  clock: Clock;
  getSettings: () => Settings;
  /** The stored SMTP password (`email` target), kept out of `Settings` so no answer carries it. */
  getSmtpPassword?: () => string;
  events: EventBus;
  /** A fetch to send HTTP messages with instead of Node's `http` (http-post.ts): tests watch or gate deliveries so. */
  fetch?: typeof fetch;
  random?: () => number;
  pollMs?: number;
  /** Records in flight at once (one delivery each). */
  concurrency?: number;
  /** Messages of one record claimed together at most (its chain). */
  chainMax?: number;
  /** Attempts per `tick()` at most. */
  batchSize?: number;
  timeoutMs?: number;
  /** How long `stop()` lets deliveries in flight finish before aborting them (default 3 s). */
  stopGraceMs?: number;
  /** How long a sent mark waits at least for others to share its write (default 50 ms; nothing waits for it). */
  markLingerMs?: number;
  /** Where an unexpected error of the background work goes (it keeps running). */
  onError?: (error: unknown) => void;
  /** This server's broker links (the outbox screen reads their status); by default the worker's own. */
  brokers?: BrokerLinks;
}

export interface OutboxWorker {
  start(): void;
  /** Stops taking messages and waits for the deliveries in flight (aborting them after a grace period). */
  stop(): Promise<void>;
  /** Delivers what is due now; resolves to how many attempts it made. */
  tick(): Promise<number>;
}

// One closure over the worker's state (started, stopped, its timer and subscription), which its parts
// (the modules imported above) reach through callbacks; 120 lines, most of them that wiring, `tick()`
// for the tests and the host's start and stop.
// eslint-disable-next-line max-lines-per-function -- that one closure: split, each part would hand the worker's state around
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, getSettings, events } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
  const onError = options.onError ?? ((e: unknown) => console.error('Outbox worker:', e));
  const stopController = new AbortController();
  const outboxChanged = createOutboxChanged(events);
  const changed = () => outboxChanged.changed();
  // A broker link coming up (or going down) wakes the worker and reloads the outbox screen.
  const brokers = options.brokers ?? createBrokerLinks({ clock, random: options.random, onChange: () => { changed(); kick(); } });
  const transports = createTransports({ post: options.fetch ? fetchPost(options.fetch) : nodeHttpPost, getSettings, getSmtpPassword: options.getSmtpPassword ?? (() => ''), brokers });
  const marks = createSentMarks(db, {
    lingerMs: options.markLingerMs ?? 50, maxBatch: 256, pullAfterMs: PULL_AFTER_MS, onError,
    // What was behind them may be due now (a recovered target's backlog too).
    onWritten: () => { slots.wake(); changed(); kick(); },
  });
  const concurrency = options.concurrency ?? 16;
  const pace = createTargetPace(concurrency);
  const runner: ChainRunner = {
    db, clock, random: options.random ?? Math.random, transports, marks, pace, changed,
    signals: { timeoutMs, stopSignal: stopController.signal }, attemptMs: timeoutMs + stopGraceMs,
    retryHours: () => getSettings().outboxRetryHours,
  };
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let kickQueued = false;
  let unsubscribe: (() => void) | undefined;
  const slots = createWorkerSlots({
    db, clock, concurrency, chainMax: options.chainMax ?? 64, leaseMs: timeoutMs + stopGraceMs + LEASE_MARGIN_MS, pace, marks, runner, onError,
    stopped: () => stopped,
    // A freed slot takes the next chain now, not at the next poll.
    freed: () => { if (started) takeSafely(true); },
    endpoints: () => {
      const endpoints = configuredTargets(getSettings());
      for (const [target, endpoint] of endpoints) if (!transports[transportOf(target, endpoint)].ready(endpoint)) endpoints.delete(target);
      return endpoints;
    },
  });
  const forever: Taker = { open: () => !stopped, take: () => !stopped, attempted: () => undefined, started: () => undefined };

  function takeSafely(afterEnd = false): void {
    slots.take(forever, Number.POSITIVE_INFINITY, afterEnd).catch((e: unknown) => {
      if (!stopped) onError(e);
    });
  }

  async function tick(): Promise<number> {
    let left = options.batchSize ?? 256;
    let attempts = 0;
    const mine = new Set<Promise<void>>();
    const budget: Taker = {
      open: () => !stopped && left > 0, take: () => !stopped && left-- > 0, attempted: () => void attempts++,
      started: (run) => {
        const settled: Promise<void> = run.then(() => void mine.delete(settled));
        mine.add(settled);
      },
    };
    for (let idle = 0, afterEnd = false; idle < 2;) {
      await slots.take(budget, left, afterEnd);
      if (mine.size > 0) {
        idle = 0;
        await Promise.race(mine);
        afterEnd = true;
      } else {
        // Nothing running: write the marks (what waited behind them may be due now), then look once more.
        await marks.flush();
        idle++;
        afterEnd = false;
      }
    }
    await slots.releaseQueued();
    outboxChanged.flush();
    return attempts;
  }

  function poll(): void {
    timer = undefined;
    takeSafely();
    if (stopped) return;
    timer = setTimeout(poll, options.pollMs ?? 1000);
    timer.unref();
  }

  /** Wakes the worker once for all the events of this turn (a batch may enqueue hundreds). */
  function kick(): void {
    if (!started || stopped || kickQueued) return;
    kickQueued = true;
    setImmediate(() => {
      kickQueued = false;
      if (!stopped) takeSafely();
    });
  }

  function onEvent(event: LiveEvent): void {
    if (event.type === 'outbox.enqueued' || event.type === 'settings.changed' || (event.type === 'outbox.changed' && !outboxChanged.publishing)) kick();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      unsubscribe = events.subscribe(onEvent);
      poll();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      const grace = setTimeout(() => stopController.abort(), stopGraceMs);
      try {
        await slots.settled();
        await slots.releaseQueued();
      } finally {
        clearTimeout(grace);
        await marks.flush();
        // Outstanding publisher confirms are awaited before the broker connection closes.
        await Promise.allSettled(Object.values(transports).map((t) => t.close()));
        outboxChanged.flush();
      }
    },
    tick,
  };
}
