/**
 * What a worker takes to send next: **chains**, each a record's due head and the record's next
 * pending messages behind it, claimed in one statement (db/queries/outbox-claim-queries.ts), so the
 * worker sends each one as soon as the one before is through, with no read or write between them.
 * A whole-state target (billing) has no chain: a record's newer message supersedes the older ones.
 *
 * At most `free` records (the worker's free slots), and per target at most `room(target)` (its pace:
 * target-pace.ts). A failing target whose probe is due, and that has nothing due, lends its oldest
 * waiting head as the **probe**: sent ahead of its back-off by the one worker whose `claimProbe` won,
 * so a target that answers again is noticed within the probe's cap (30 s), whatever back-off its
 * messages grew while it was down.
 */
import type { Database } from '../../db/database';
import { claimMessages, dueHeads, pendingChains, releaseClaims, type DueHead, type DueMessage } from '../../db/queries/outbox-claim-queries';
import { claimProbe, type TargetHealthRow } from '../../db/queries/outbox-target-queries';
import { OUTBOX_TARGETS, type OutboxTarget } from './outbox-targets';

export interface Chain {
  target: OutboxTarget;
  /** Where its messages go now (the target's endpoint from the settings). */
  endpoint: string;
  /** One record of one target: `${target}\0${aggregate}`. */
  lane: string;
  /** Claimed until then; a message is started only while enough of it is left for the attempt. */
  leaseUntilMs: number;
  probe: boolean;
  /** The record's messages in order: its head first. */
  messages: DueMessage[];
}

export interface ClaimRequest {
  now: number;
  leaseUntilMs: number;
  /** The targets to take from, with their endpoints (configured and ready). */
  endpoints: ReadonlyMap<OutboxTarget, string>;
  /** Records this worker may take now, all targets together. */
  free: number;
  /** Records of `target` it may take now at most (its pace). */
  room(target: OutboxTarget): number;
  /**
   * The records this worker holds (running, queued, or with a sent mark not written yet: that message
   * still looks pending in the database), and how many of a target's.
   */
  busy: { has(lane: string): boolean; inTarget(target: OutboxTarget): number };
  /** Messages per chain at most. */
  chainMax: number;
  /** The targets' health (read only when a probe may be due: a target with nothing due and nothing held). */
  health(): Promise<readonly TargetHealthRow[]>;
}

export const laneOf = (target: string, aggregate: string) => `${target}\u0000${aggregate}`;

const ANY_TIME = Number.MAX_SAFE_INTEGER;

/** The heads to take from `target`: its due ones, or the probe. */
async function headsOf(db: Database, target: OutboxTarget, room: number, r: ClaimRequest): Promise<{ heads: DueHead[]; probe: boolean }> {
  const busyHere = r.busy.inTarget(target);
  const free = (rows: DueHead[]) => rows.filter((m) => !r.busy.has(laneOf(target, m.aggregate))).slice(0, room);
  const heads = free(await dueHeads(db, { now: r.now, dueBy: r.now, target, limit: room + busyHere }));
  if (heads.length > 0 || busyHere > 0) return { heads, probe: false };
  const health = (await r.health()).find((h) => h.target === target);
  if (health?.failingSinceMs == null || (health.nextProbeMs ?? 0) > r.now) return { heads, probe: false };
  const waiting = free(await dueHeads(db, { now: r.now, dueBy: ANY_TIME, target, limit: 1 }));
  if (waiting.length === 0 || !(await claimProbe(db, target, r.now, r.leaseUntilMs))) return { heads, probe: false };
  return { heads: waiting, probe: true };
}

/** Claims heads and their chains for every target with room; returns the chains this worker now holds. */
export async function claimWork(db: Database, r: ClaimRequest): Promise<Chain[]> {
  const chains: Chain[] = [];
  for (const [target, endpoint] of r.endpoints) {
    const room = Math.min(r.free - chains.length, r.room(target));
    if (room <= 0) continue;
    const { heads, probe } = await headsOf(db, target, room, r);
    if (heads.length === 0) continue;
    // The heads' records read once, each head with the pending messages behind it (a whole-state
    // target's newer message supersedes instead: its chain is its head alone).
    const byRecord = new Map<string, DueMessage[]>();
    for (const m of await pendingChains(db, target, heads.map((h) => h.aggregate), OUTBOX_TARGETS[target].wholeState ? 1 : r.chainMax)) {
      const chain = byRecord.get(m.aggregate);
      if (chain) chain.push(m);
      else byRecord.set(m.aggregate, [m]);
    }
    const read: DueMessage[][] = [];
    const ids: number[] = [];
    for (const head of heads) {
      const chain = byRecord.get(head.aggregate);
      // The head is the record's oldest pending message; anything else means it changed meanwhile: the record waits for the next claim.
      if (chain?.[0]?.id !== head.id) continue;
      read.push(chain);
      for (const m of chain) ids.push(m.id);
    }
    const taken = await claimMessages(db, ids, { now: r.now, dueBy: probe ? ANY_TIME : r.now, leaseUntilMs: r.leaseUntilMs });
    // Successors behind a head another worker took, or after a gap, are given back at once.
    const orphans: number[] = [];
    for (const chain of read) {
      const messages: DueMessage[] = [];
      let gap = false;
      for (const m of chain) {
        if (!taken.has(m.id)) gap = true;
        else if (gap) orphans.push(m.id);
        else messages.push(m);
      }
      if (messages.length === 0) continue;
      chains.push({ target, endpoint, lane: laneOf(target, chain[0]!.aggregate), leaseUntilMs: r.leaseUntilMs, probe, messages });
    }
    await releaseClaims(db, orphans, r.leaseUntilMs);
  }
  return chains;
}
