/**
 * What one domain does when another changes, as a reaction the reacting domain registers (STYLE 17):
 * the domain that changes says what happened (`emit('stay.ended', …)`) and knows nothing of who
 * reacts; a reacting domain registers `on('stay.ended', …)`. A reaction runs **inside the unit of
 * work of the change** (the emitter's `commit()`), with its clock and its outbox and events, so the
 * change and everything it causes commit or roll back together, on either engine.
 *
 * Worked example: the desk checks a stay out. The stays service ends it and emits `stay.ended`; stock
 * (core/stock/stock-reactions.ts) returns the extra bed lent to it, in the same transaction: the
 * stay's new status and the bed back in stock are one COMMIT. If the return fails, the check-out is
 * refused with it.
 *
 * The registry is built once per core (core/composition/core-services.ts; the reacting domains are
 * listed in core/composition/reactions.ts) and handed to the emitting services; no domain imports
 * another to react to it.
 */
import type { StayStatus } from '../../shared/rules/stay-rules';
import type { Commit } from '../commit';

/** Every change another domain may react to, and what it carries. */
export interface DomainChanges {
  /** A stay is over: checked out, cancelled or a no-show (its loans and extras go back). */
  'stay.ended': { stayId: number; status: Extract<StayStatus, 'checked_out' | 'cancelled' | 'no_show'> };
}

export type DomainChange = keyof DomainChanges;

export type Reaction<K extends DomainChange> = (change: DomainChanges[K], c: Commit) => Promise<void>;

export interface Reactions {
  /** Registers a reaction; reactions run in the order they were registered. */
  on<K extends DomainChange>(change: K, reaction: Reaction<K>): void;
  /** Runs every reaction to `change` in the caller's unit of work (`c`), one after the other. */
  emit<K extends DomainChange>(change: K, payload: DomainChanges[K], c: Commit): Promise<void>;
}

export function createReactions(): Reactions {
  const registered = new Map<DomainChange, Reaction<DomainChange>[]>();
  return {
    on(change, reaction) {
      registered.set(change, [...(registered.get(change) ?? []), reaction as Reaction<DomainChange>]);
    },
    async emit(change, payload, c) {
      for (const reaction of registered.get(change) ?? []) await reaction(payload, c);
    },
  };
}
