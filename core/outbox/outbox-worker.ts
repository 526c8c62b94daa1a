/**
 * Delivers the outbox (spec 3.6): the durable queue of messages to billing and the event broker,
 * written in the same transaction as the change that caused each one.
 *
 * Each tick: prune old sent rows (at most once a minute), take the due head of each aggregate, POST
 * them (up to `concurrency` at a time), and record each outcome in its own short write:
 *   2xx                     → sent
 *   4xx (not 408/429)       → dead at once (retrying a refusal cannot help)
 *   5xx, 408, 429           → failures + 1; dead at `outboxMaxAttempts` answered failures, else backoff
 *                             (Retry-After honoured)
 *   no answer (refused, DNS, timeout) → backoff, never dead and never counted as a failure: the service
 *                             is only away, and its first 5xx after hours offline must not dead-letter
 * `attempts` counts every try (it drives the backoff); `failures` counts only the answered ones.
 * A target with no URL configured is skipped, so its messages simply wait.
 *
 * `tick()` is what tests drive with an injected clock; `start()` runs it every `pollMs`, and at once
 * when a stay changes (its billing message was just committed) or the settings or a retry change.
 */
import type { Sqlite } from '../../db/open-database';
import type { LiveEvent } from '../../shared/contract/events';
import type { Settings } from '../../shared/contract/schemas';
import type { Clock, EventBus } from '../context';
import { backoffDelayMs, parseRetryAfter } from './backoff';
import { deliver, type DeliveryOutcome } from './deliver';
import { dueHeads, markDead, markRetry, markSent, pruneSent, type DueMessage } from './outbox-worker-queries';

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 60_000;
/** On stop, deliveries still running after this are aborted; an aborted attempt does not count. */
const STOP_GRACE_MS = 3_000;

export interface OutboxWorkerOptions {
  sqlite: Sqlite;
  clock: Clock;
  getSettings: () => Settings;
  events: EventBus;
  fetch?: typeof fetch;
  random?: () => number;
  pollMs?: number;
  /** Deliveries in flight at once (different aggregates). */
  concurrency?: number;
  /** Messages taken per tick. */
  batchSize?: number;
  timeoutMs?: number;
  /** Where an unexpected error of the background loop goes (it keeps running). */
  onError?: (error: unknown) => void;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
  /** Delivers one batch of due messages; resolves to how many it attempted. */
  tick(): Promise<number>;
}

export function joinUrl(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  if (path === '') return b;
  return path.startsWith('/') ? b + path : `${b}/${path}`;
}

/** Runs `fn` over `items` with at most `limit` at once; waits for all, then rethrows the first failure. */
async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  const failed = (await Promise.allSettled(lanes)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { sqlite: db, clock, getSettings, events } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 64;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const onError = options.onError ?? ((e: unknown) => console.error('Outbox worker:', e));
  const stopController = new AbortController();

  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let kicked = false;
  let publishing = false;
  let lastPruneMs = Number.NEGATIVE_INFINITY;
  let unsubscribe: (() => void) | undefined;

  /** Records one outcome; true if the row changed. */
  function record(message: DueMessage, outcome: Exclude<DeliveryOutcome, { kind: 'aborted' }>, settings: Settings): boolean {
    const now = clock();
    const attempts = message.attempts + 1;
    switch (outcome.kind) {
      case 'sent':
        return markSent(db, message.id, now);
      case 'refused':
        return markDead(db, message.id, now, outcome.error);
      case 'failed':
        if (message.failures + 1 >= settings.outboxMaxAttempts) {
          return markDead(db, message.id, now, `${outcome.error} (gave up after ${message.failures + 1} failed answers)`);
        }
        return markRetry(db, message.id, now, now + backoffDelayMs(attempts, random, parseRetryAfter(outcome.retryAfter, now)), outcome.error, true);
      case 'unreachable':
        return markRetry(db, message.id, now, now + backoffDelayMs(attempts, random), outcome.error, false);
    }
  }

  async function runTick(): Promise<number> {
    const settings = getSettings();
    const now = clock();
    let changed = false;
    if (now - lastPruneMs >= PRUNE_EVERY_MS) {
      lastPruneMs = now;
      changed = pruneSent(db, now - settings.outboxRetentionDays * DAY_MS) > 0;
    }
    const bases: Record<DueMessage['target'], string> = {
      billing: settings.billingServiceUrl.trim(),
      events: settings.eventServiceUrl.trim(),
    };
    const targets = new Set(Object.keys(bases).filter((t) => bases[t as DueMessage['target']] !== ''));
    const batch = targets.size > 0 ? dueHeads(db, { now, targets, limit: batchSize }) : [];
    let attempted = 0;
    try {
      await forEachLimited(batch, concurrency, async (message) => {
        const outcome = await deliver(
          fetchFn,
          { url: joinUrl(bases[message.target], message.path), payload: message.payload, idempotencyKey: message.idempotencyKey },
          { timeoutMs, stopSignal: stopController.signal },
        );
        if (outcome.kind === 'aborted') return;
        attempted++;
        if (record(message, outcome, settings)) changed = true;
      });
    } finally {
      if (changed) {
        publishing = true;
        try {
          events.publish({ type: 'outbox.changed' });
        } finally {
          publishing = false;
        }
      }
    }
    return attempted;
  }

  function tick(): Promise<number> {
    // Ticks never overlap: a message must not be in two deliveries at once.
    const run = chain.then(runTick, runTick);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delayMs);
    timer.unref();
  }

  async function loop(): Promise<void> {
    timer = undefined;
    kicked = false;
    let attempted = 0;
    try {
      attempted = await tick();
    } catch (e) {
      if (!stopped) onError(e);
    }
    // A full batch means more may be due; a kick during the tick means a new message arrived.
    schedule(attempted >= batchSize || kicked ? 0 : pollMs);
  }

  function kick(): void {
    if (!started || stopped) return;
    if (timer) schedule(0);
    else kicked = true;
  }

  function onEvent(event: LiveEvent): void {
    if (event.type === 'stay.changed' || event.type === 'settings.changed' || (event.type === 'outbox.changed' && !publishing)) kick();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      unsubscribe = events.subscribe(onEvent);
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      const grace = setTimeout(() => stopController.abort(), STOP_GRACE_MS);
      try {
        await chain;
      } finally {
        clearTimeout(grace);
      }
    },
    tick,
  };
}
