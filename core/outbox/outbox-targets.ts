/**
 * **Registry** of the services the outbox delivers to. A message names its target by id; the worker,
 * the due query and the admin view read this table, so a new target (e-mail next) is one entry here
 * plus its URL setting.
 */
import type { Settings } from '../../shared/contract/schemas';

export interface OutboxTargetDef {
  /** The base URL from the settings; '' means not configured: its messages wait, pending. */
  baseUrl(settings: Settings): string;
  /**
   * Each message carries the record's whole state (billing's `/bills/update/{id}` does): a newer
   * message of the record supersedes the older undelivered ones, which are then never sent, so the
   * receiver can only end on the newest state. Without it (events), every message is delivered, in order.
   */
  wholeState: boolean;
  /** Also put the per-record `seq` into the JSON body as `sequence` (for receivers that read no headers). */
  sequenceInBody: boolean;
}

export const OUTBOX_TARGETS = {
  billing: { baseUrl: (s) => s.billingServiceUrl, wholeState: true, sequenceInBody: true },
  events: { baseUrl: (s) => s.eventServiceUrl, wholeState: false, sequenceInBody: false },
  // E-mail: payload `{to, subject, text}`, already in the hotel's language. Its SMTP settings and
  // delivery arrive with issue 8 §5; until a server is configured its messages wait, pending.
  email: { baseUrl: () => '', wholeState: false, sequenceInBody: false },
} as const satisfies Record<string, OutboxTargetDef>;

export type OutboxTarget = keyof typeof OUTBOX_TARGETS;

/** The targets with a URL configured now, with their base URL (trimmed). */
export function configuredTargets(settings: Settings): Map<OutboxTarget, string> {
  const found = new Map<OutboxTarget, string>();
  for (const [id, def] of Object.entries(OUTBOX_TARGETS) as [OutboxTarget, OutboxTargetDef][]) {
    const base = def.baseUrl(settings).trim();
    if (base !== '') found.set(id, base);
  }
  return found;
}
