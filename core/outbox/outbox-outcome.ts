/**
 * Writes an attempt that did not get through: the message's fate, the claims of the
 * chain behind it given back (they wait behind it again), and — for a transient failure — the
 * target's failing run (db/queries/outbox-target-queries.ts), which spaces its probes.
 *   refused (4xx but 408/429)        → dead at once (a definite refusal: retrying cannot help); the
 *                                      target is not failing for it: it answered.
 *   failed (5xx, 408, 429), unreachable (no answer)
 *                                    → back-off (Retry-After honoured) and try again, for as long as
 *                                      the message has been failing for less than `outboxRetryHours`
 *                                      (72 h by default); then dead, saying so. A time, not a count:
 *                                      150 s of 500s costs a dozen attempts and dead-letters nothing.
 * Sent messages are written by the group commit (sent-marks.ts), not here.
 */
import type { Db } from '../../db/database';
import { markDead, markRetry, releaseClaims, type DueMessage } from '../../db/queries/outbox-claim-queries';
import { recordTargetFailure } from '../../db/queries/outbox-target-queries';
import type { DeliveryOutcome } from './deliver';
import { backoffDelayMs, parseRetryAfter, probeDelayMs } from './backoff';

const HOUR_MS = 3_600_000;

export type Failure = Extract<DeliveryOutcome, { kind: 'refused' | 'failed' | 'unreachable' }>;

export interface FailureWrite {
  message: DueMessage;
  outcome: Failure;
  now: number;
  retryHours: number;
  /** The claim this worker holds on the message and the rest of its chain. */
  leaseUntilMs: number;
  /** The chain's messages after this one, given back. */
  rest: readonly number[];
  random: () => number;
}

/** The message's fate: dead, or another attempt later. True when its row changed. */
async function markFate(db: Db, f: FailureWrite): Promise<boolean> {
  const { message: m, outcome, now } = f;
  if (outcome.kind === 'refused') return await markDead(db, m.id, now, outcome.error, true);
  const answered = outcome.kind === 'failed';
  const failingMs = now - (m.failingSinceMs ?? now);
  if (failingMs >= f.retryHours * HOUR_MS) {
    const hours = Math.round((failingMs / HOUR_MS) * 10) / 10;
    return await markDead(db, m.id, now, `${outcome.error} (gave up: failing for ${hours} h, retry window ${f.retryHours} h)`, answered);
  }
  const retryAfter = outcome.kind === 'failed' ? parseRetryAfter(outcome.retryAfter, now) : null;
  return await markRetry(db, m.id, now, now + backoffDelayMs(m.attempts + 1, f.random, retryAfter), outcome.error, answered);
}

/** True when the message's row changed (the screen reloads). */
export async function recordFailure(db: Db, f: FailureWrite): Promise<boolean> {
  const changed = await markFate(db, f);
  // A message superseded while in flight is not pending, so the mark above left its claim: end it here too.
  await releaseClaims(db, [f.message.id, ...f.rest], f.leaseUntilMs);
  if (f.outcome.kind !== 'refused') await recordTargetFailure(db, f.message.target, f.now, f.outcome.error, (failures) => probeDelayMs(failures, f.random));
  return changed;
}
