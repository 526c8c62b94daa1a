/**
 * Sends one claimed chain (outbox-claims.ts): a record's messages one after the other, each only
 * once the one before is through (2xx, or RabbitMQ's publisher confirm), so the receiver gets them in
 * order. A sent message is handed to the group commit (sent-marks.ts) and the next one goes at once;
 * the first that does not get through ends the chain (outbox-outcome.ts), and the claims behind it
 * are given back, as they are when the worker stops, the caller's budget runs out, or too little of
 * the lease is left for another attempt (so a claim never runs out under a send).
 */
import type { Database } from '../../db/database';
import { releaseClaims } from '../../db/queries/outbox-claim-queries';
import type { Chain } from './outbox-claims';
import { recordFailure } from './outbox-outcome';
import { transportOf } from './outbox-targets';
import type { OutboxTransport, SendSignals, TransportKind } from './outbox-transport';
import type { SentMarks } from './sent-marks';
import type { TargetPace } from './target-pace';

export interface ChainRunner {
  db: Database;
  clock: () => number;
  random: () => number;
  transports: Record<TransportKind, OutboxTransport>;
  signals: SendSignals;
  /** An attempt needs this much of the lease left to start (its timeout and the stop's grace). */
  attemptMs: number;
  retryHours: () => number;
  marks: SentMarks;
  pace: TargetPace;
  /** A row changed (the screen reloads). */
  changed(): void;
}

/** Whoever runs the chain: whether another message may start now, and its count of attempts. */
export interface Budget {
  /** Whether another message may start now (without taking it). */
  open(): boolean;
  take(): boolean;
  attempted(): void;
}

export async function runChain(r: ChainRunner, chain: Chain, budget: Budget): Promise<void> {
  const transport = r.transports[transportOf(chain.target, chain.endpoint)];
  const idsFrom = (k: number) => chain.messages.slice(k).map((m) => m.id);
  for (let k = 0; k < chain.messages.length; k++) {
    const m = chain.messages[k]!;
    if (r.clock() + r.attemptMs > chain.leaseUntilMs || !budget.take()) {
      await releaseClaims(r.db, idsFrom(k), chain.leaseUntilMs);
      return;
    }
    const outcome = await transport.send({
      endpoint: chain.endpoint, path: m.path, topic: m.topic, payload: m.payload, idempotencyKey: m.idempotencyKey, sequence: m.seq,
    }, r.signals);
    if (outcome.kind === 'aborted') {
      // The worker is stopping: the attempt does not count, and the message is due again as it was.
      await releaseClaims(r.db, idsFrom(k), chain.leaseUntilMs);
      return;
    }
    budget.attempted();
    if (outcome.kind === 'sent') {
      r.pace.success(chain.target);
      r.marks.mark(m.id, chain.target, chain.lane, r.clock());
      continue;
    }
    r.pace.failure(chain.target);
    const changed = await recordFailure(r.db, {
      message: m, outcome, now: r.clock(), retryHours: r.retryHours(), leaseUntilMs: chain.leaseUntilMs, rest: idsFrom(k + 1), random: r.random,
    });
    if (changed) r.changed();
    return;
  }
}
