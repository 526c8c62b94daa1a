/**
 * Delivers the outbox (spec 3.6): the durable queue of messages to the targets of the registry
 * (`outbox-targets.ts`), each written in the same transaction as the change that caused it. Each
 * message goes through its target's transport (`transports.ts`, picked by the endpoint's scheme): an
 * HTTP target's message is POSTed (`deliver.ts`); an SMTP target's is sent as an e-mail
 * (`deliver-email.ts`, whose SMTP replies sort into the same outcomes: 5xx refused, 4xx failed, no
 * answer unreachable); an AMQP one is published to RabbitMQ and counts as sent on its publisher
 * confirm (`amqp-link.ts`). A transport that is not ready (a broker link that is down) leaves its
 * messages waiting without an attempt, and wakes the worker when it is up again.
 *
 * The due head of each record (see `dueHeads`) is POSTed with its `Idempotency-Key` and
 * `X-Frontdesk-Sequence`, and each outcome is recorded in its own short write:
 *   2xx                     → sent
 *   4xx (not 408/429)       → dead at once (a definite refusal: retrying cannot help)
 *   5xx, 408, 429, no answer (refused connection, DNS, timeout)
 *                           → transient: backoff (Retry-After honoured) and try again, for as long as
 *                             the message has been failing for less than `outboxRetryHours` (72 h by
 *                             default); then dead, saying so. A time, not a count: 150 s of 500s costs
 *                             a dozen attempts, and must not dead-letter anything.
 * A target with no URL (or SMTP server) configured is skipped, so its messages simply wait.
 *
 * **Slots, not batches.** Up to `concurrency` deliveries run at once, one per record at most (a
 * record's messages stay in order), and a freed slot takes the next due head at once: a receiver
 * that never answers for one record holds one slot for `timeoutMs`, never the others.
 *
 * `tick()` is what tests drive with an injected clock: it fills the slots, refills them as they free,
 * and resolves once none of its deliveries is left (at most `batchSize` attempts). `start()` fills
 * every `pollMs`, and at once when a message is enqueued (`outbox.enqueued`, published by `commit()`),
 * the settings change or an admin retries. Old sent messages are pruned by their own job
 * (`outbox-retention-job.ts`, once across servers).
 */
import type { Database } from '../../db/database';
import type { LiveEvent } from '../../shared/contract/events';
import type { Settings } from '../../shared/contract/settings';
import type { Clock, EventBus } from '../context';
import { backoffDelayMs, parseRetryAfter } from './backoff';
import type { DeliveryOutcome } from './deliver';
import { claimDueMany, dueHeads, markDead, markRetry, releaseClaim, type DueMessage as DueRow } from '../../db/queries/outbox-queries';
import { createGroupCommit } from './group-commit';
import { configuredTargets, transportOf, type OutboxTarget } from './outbox-targets';
import { createBrokerLinks, createTransports, type BrokerLinks } from './transports';

export { joinUrl } from './transports';

/** A due message: its target is one of the registry's (the due query asks only for those). */
type DueMessage = DueRow & { target: OutboxTarget };
/** A claimed message: not due for anyone else until its lease runs out (`claimDue`). */
type Claimed = DueMessage & { leaseUntilMs: number };

const HOUR_MS = 3_600_000;
/** On stop, deliveries still running after this are aborted; an aborted attempt does not count. */
const STOP_GRACE_MS = 3_000;
/** A claim outlives the longest attempt (timeout, then the stop's grace) by this much. */
const LEASE_MARGIN_MS = 60_000;
/** `outbox.changed` at most this often: a draining backlog must not reload the admin screen 500 times. */
const PUBLISH_EVERY_MS = 250;

export interface OutboxWorkerOptions {
  db: Database;
  clock: Clock;
  getSettings: () => Settings;
  /** The stored SMTP password (`email` target), kept out of `Settings` so no answer carries it. */
  getSmtpPassword?: () => string;
  events: EventBus;
  fetch?: typeof fetch;
  random?: () => number;
  pollMs?: number;
  /** Deliveries in flight at once (different records). */
  concurrency?: number;
  /** Attempts per `tick()` at most. */
  batchSize?: number;
  timeoutMs?: number;
  /** How long `stop()` lets deliveries in flight finish before aborting them (default 3 s). */
  stopGraceMs?: number;
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

/** A message's lane: one delivery at a time per record and target. */
const laneOf = (m: DueMessage) => `${m.target}\u0000${m.aggregate}`;

// eslint-disable-next-line max-lines-per-function -- the worker's one loop state (claims, timers, backoff, stop) shared by its short steps; split, each would hand that state around
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, getSettings, events } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const getSmtpPassword = options.getSmtpPassword ?? (() => '');
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const batchSize = options.batchSize ?? 256;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
  const onError = options.onError ?? ((e: unknown) => console.error('Outbox worker:', e));
  const stopController = new AbortController();
  // A broker link coming up (or going down) wakes the worker and reloads the outbox screen.
  const brokers = options.brokers ?? createBrokerLinks({ clock, random, onChange: () => { changed(); kick(); } });
  // Deliveries that end together are marked sent in one write (one fsync), not one each.
  const sentMarks = createGroupCommit(db);
  const transports = createTransports({ fetch: fetchFn, getSettings, getSmtpPassword, brokers });
  /** The deliveries running now, by lane; each resolves to whether its attempt counted. */
  const active = new Map<string, Promise<boolean>>();

  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let kickQueued = false;
  let dirty = false;
  let publishing = false;
  let publishTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  function flushChanged(): void {
    clearTimeout(publishTimer);
    publishTimer = undefined;
    if (!dirty) return;
    dirty = false;
    publishing = true;
    try {
      events.publish({ type: 'outbox.changed' });
    } finally {
      publishing = false;
    }
  }

  function changed(): void {
    dirty = true;
    if (publishTimer) return;
    publishTimer = setTimeout(flushChanged, PUBLISH_EVERY_MS);
    publishTimer.unref();
  }

  /** Records one outcome; true if the row changed. */
  async function record(message: DueMessage, outcome: Exclude<DeliveryOutcome, { kind: 'aborted' }>, settings: Settings): Promise<boolean> {
    const now = clock();
    switch (outcome.kind) {
      case 'sent':
        return await sentMarks.mark(message.id, now);
      case 'refused':
        return await markDead(db, message.id, now, outcome.error, true);
      case 'failed':
      case 'unreachable': {
        const answered = outcome.kind === 'failed';
        const failingMs = now - (message.failingSinceMs ?? now);
        if (failingMs >= settings.outboxRetryHours * HOUR_MS) {
          const hours = Math.round((failingMs / HOUR_MS) * 10) / 10;
          return await markDead(db, message.id, now, `${outcome.error} (gave up: failing for ${hours} h, retry window ${settings.outboxRetryHours} h)`, answered);
        }
        const retryAfter = outcome.kind === 'failed' ? parseRetryAfter(outcome.retryAfter, now) : null;
        return await markRetry(db, message.id, now, now + backoffDelayMs(message.attempts + 1, random, retryAfter), outcome.error, answered);
      }
    }
  }

  async function attempt(message: Claimed, base: string, settings: Settings): Promise<boolean> {
    const signals = { timeoutMs, stopSignal: stopController.signal };
    const outcome = await transports[transportOf(message.target, base)].send({
      endpoint: base, path: message.path, topic: message.topic, payload: message.payload, idempotencyKey: message.idempotencyKey, sequence: message.seq,
    }, signals);
    if (outcome.kind === 'aborted') {
      await releaseClaim(db, message.id, message.leaseUntilMs, message.nextAttemptMs);
      return false;
    }
    if (await record(message, outcome, settings)) changed();
    return true;
  }

  /**
   * Starts deliveries of due heads in the free slots (at most `max`); returns them. Never runs twice
   * at once (`fillExclusive`): a fill registers its lanes before the next one reads the due heads, so
   * no message is taken by two fills; and each head is claimed first (`claimDue`), so no message is
   * taken by two workers on one database either.
   */
  async function fill(max: number): Promise<Promise<boolean>[]> {
    const free = Math.min(concurrency - active.size, max);
    if (stopped || free <= 0) return [];
    const settings = getSettings();
    const now = clock();
    const bases = configuredTargets(settings);
    for (const [target, endpoint] of bases) if (!transports[transportOf(target, endpoint)].ready(endpoint)) bases.delete(target);
    // Each record in flight may still show its head here (skipped below): ask for that many more.
    const heads = (await dueHeads(db, { now, targets: [...bases.keys()], limit: free + active.size }) as DueMessage[])
      .filter((m) => !active.has(laneOf(m)))
      .slice(0, free);
    const leaseUntilMs = now + timeoutMs + stopGraceMs + LEASE_MARGIN_MS;
    const taken = await claimDueMany(db, heads.map((m) => m.id), now, leaseUntilMs);
    const claimed: Claimed[] = heads.filter((m) => taken.has(m.id)).map((m) => ({ ...m, leaseUntilMs }));
    return claimed.map((message) => {
      const lane = laneOf(message);
      const running = attempt(message, bases.get(message.target)!, settings)
        .catch((e: unknown) => {
          onError(e);
          return false;
        })
        .finally(() => {
          active.delete(lane);
          // A freed slot takes the next due message now, not at the next poll.
          if (started) fillSafely();
        });
      active.set(lane, running);
      return running;
    });
  }

  let fillQueue: Promise<unknown> = Promise.resolve();
  function fillExclusive(max: number): Promise<Promise<boolean>[]> {
    const run = fillQueue.then(() => fill(max));
    fillQueue = run.catch(() => undefined);
    return run;
  }

  function fillSafely(): void {
    fillExclusive(Number.POSITIVE_INFINITY).catch((e: unknown) => {
      if (!stopped) onError(e);
    });
  }

  async function tick(): Promise<number> {
    let startedHere = 0;
    let attempted = 0;
    const mine = new Set<Promise<void>>();
    for (;;) {
      for (const running of await fillExclusive(batchSize - startedHere)) {
        startedHere++;
        const settled: Promise<void> = running.then((counted) => {
          if (counted) attempted++;
          mine.delete(settled);
        });
        mine.add(settled);
      }
      if (mine.size === 0) break;
      await Promise.race(mine);
    }
    flushChanged();
    return attempted;
  }

  function poll(): void {
    timer = undefined;
    fillSafely();
    if (stopped) return;
    timer = setTimeout(poll, pollMs);
    timer.unref();
  }

  /** Wakes the worker once for all the events of this turn (a batch may enqueue hundreds). */
  function kick(): void {
    if (!started || stopped || kickQueued) return;
    kickQueued = true;
    setImmediate(() => {
      kickQueued = false;
      if (!stopped) fillSafely();
    });
  }

  function onEvent(event: LiveEvent): void {
    if (event.type === 'outbox.enqueued' || event.type === 'settings.changed' || (event.type === 'outbox.changed' && !publishing)) kick();
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
        await Promise.allSettled([...active.values()]);
      } finally {
        clearTimeout(grace);
        // Outstanding publisher confirms are awaited before the broker connection closes.
        await Promise.allSettled(Object.values(transports).map((t) => t.close()));
        flushChanged();
      }
    },
    tick,
  };
}
