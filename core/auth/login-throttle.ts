/**
 * The sign-in back-off, per account (`user:<lower-case name>`, unknown names too, so the throttle
 * does not reveal which names exist) and per address (`addr:<ip>`). The own password change
 * (`me/password`) goes through the same keys: a wrong current password is a failed sign-in.
 *
 * Every attempt is counted as a failure *before* its password is evaluated, in one synchronous
 * transaction, so parallel attempts cannot slip past the limit while argon2 runs; a success takes
 * its count back. From the `free`-th failure on, a key is locked for base × 2^(failures − free),
 * capped. Worked example with the defaults (5 free, 30 s base, 15 min cap), one account:
 *   failures 1–4 at t=0: no lock · 5th at t=0: locked 30 s · 6th at 0:30: 1 min · 7th at 1:30: 2 min
 *   · 8th at 3:30: 4 min · 9th at 7:30: 8 min · 10th at 15:30: 15 min (capped) · 11th at 30:30 …
 * so an attacker gets 12 passwords evaluated in the first hour and 4 an hour after that
 * (`maxEvaluationsPerHour`). The right password works again as soon as the lock ends.
 * An address forgets its failures an hour after the last one; an account a day after (or at once on
 * a successful sign-in).
 *
 * **Who the address key applies to.** The address key stops one address spraying many accounts; it
 * must not lock out people who merely share that address, so:
 *   1. The desk (IPC: `ctx.via === 'ipc'`, no address) has no address key at all — only the account
 *      key. Someone at the desk is at the hotel's own machine; failures from LAN addresses never
 *      touch it, and the desk's own failures still lock the accounts they were for.
 *   2. An account that signed in successfully from an address within the last day is *known* there
 *      (`known:<ip>|user:<name>`, written on each success): the address lock does not apply to it —
 *      its own account key alone decides. Everyone else from a locked address waits; "its own counter
 *      is clean" alone is not enough, or a sprayer would get one free guess at every name there is.
 * Worked example: at 09:00 the guest Wi-Fi's NAT address 10.0.0.9 sends 20 wrong sign-ins for random
 * names, so `addr:10.0.0.9` is locked 30 s. At 09:00:05 from 10.0.0.9: `mads` (never signed in
 * there) → 429, Retry-After 25; `eva`, who signed in from 10.0.0.9 at 08:10 → her password is
 * evaluated, `user:eva` being clean; the admin at the desk → evaluated (no address key). Five wrong
 * admin passwords at the desk lock `user:admin` 30 s there and everywhere else.
 */
import { deleteThrottle, getThrottle, lockThrottleKeys, pruneThrottle, putThrottle, type ThrottleRow } from '../../db/queries/login-throttle-queries';
import type { Db } from '../../db/database';

export interface ThrottlePolicy {
  accountFreeFailures: number;
  addressFreeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = Object.freeze({
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
});

const HOUR_MS = 3_600_000;
const ADDRESS_MEMORY_MS = HOUR_MS;
const ACCOUNT_MEMORY_MS = 24 * HOUR_MS;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ThrottleKeys {
  account: string;
  /** Null for the desk (IPC): no address key (rule 1 above). */
  address: string | null;
}

/** The keys of a sign-in (or own password change) for `username` by a caller `via` / `address`. */
export function throttleKeys(username: string, caller: { via: string; address?: string }): ThrottleKeys {
  const account = `user:${username.trim().toLowerCase()}`;
  if (caller.via === 'ipc') return { account, address: null };
  return { account, address: `addr:${caller.address ?? caller.via}` };
}

const knownKey = (keys: ThrottleKeys) => `known:${keys.address!.slice('addr:'.length)}|${keys.account}`;

/** How long a key with `failures` failures is locked (0 while it still has free failures). */
export function lockMs(policy: ThrottlePolicy, failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(policy.baseLockMs * 2 ** (failures - free), policy.maxLockMs);
}

/**
 * The most passwords one account can have evaluated in any hour: an attacker (any number of
 * addresses) who tries again the moment each lock ends, from a clean slate — the first hour is the
 * worst, as the free failures come at once. Infinity when the policy never locks.
 */
export function maxEvaluationsPerHour(policy: ThrottlePolicy): number {
  if (policy.baseLockMs <= 0 || policy.maxLockMs <= 0) return Infinity;
  let t = 0;
  let evaluated = 0;
  while (t < HOUR_MS) {
    evaluated++;
    t += lockMs(policy, evaluated, policy.accountFreeFailures);
  }
  return evaluated;
}

export interface LoginThrottle {
  /**
   * Call inside a transaction. While either key is locked: the seconds to wait (the attempt is not
   * counted). Otherwise counts the attempt as a failure of both keys and returns null.
   */
  admit(keys: ThrottleKeys, nowMs: number): Promise<number | null>;
  /**
   * The attempt succeeded: the account starts afresh and is known at the address for a day; the
   * address only gets this attempt back.
   */
  succeeded(keys: ThrottleKeys, nowMs: number): Promise<void>;
}

/** Every row an attempt reads or writes. */
const keyList = (keys: ThrottleKeys): string[] => (keys.address === null ? [keys.account] : [keys.account, keys.address, knownKey(keys)]);

export function createLoginThrottle(db: Db, policy: ThrottlePolicy): LoginThrottle {
  let prunedAt = -Infinity;

  const current = async (key: string, nowMs: number, memoryMs: number): Promise<ThrottleRow> => {
    const row = await getThrottle(db, key);
    if (!row || row.updatedAt + memoryMs <= nowMs) return { key, failures: 0, lockedUntil: 0, updatedAt: nowMs };
    return row;
  };

  const countFailure = async (row: ThrottleRow, free: number, nowMs: number) => {
    const failures = row.failures + 1;
    const lock = lockMs(policy, failures, free);
    await putThrottle(db, { key: row.key, failures, lockedUntil: lock > 0 ? nowMs + lock : 0, updatedAt: nowMs });
  };

  return {
    async admit(keys, nowMs) {
      await lockThrottleKeys(db, keyList(keys));
      if (nowMs - prunedAt >= PRUNE_EVERY_MS) {
        await pruneThrottle(db, nowMs - ACCOUNT_MEMORY_MS, nowMs);
        prunedAt = nowMs;
      }
      const account = await current(keys.account, nowMs, ACCOUNT_MEMORY_MS);
      const address = keys.address === null ? null : await current(keys.address, nowMs, ADDRESS_MEMORY_MS);
      const knownAt = address === null ? undefined : (await getThrottle(db, knownKey(keys)))?.updatedAt;
      const known = knownAt !== undefined && knownAt + ACCOUNT_MEMORY_MS > nowMs;
      const lockedUntil = Math.max(account.lockedUntil, address && !known ? address.lockedUntil : 0);
      if (lockedUntil > nowMs) return Math.ceil((lockedUntil - nowMs) / 1000);
      await countFailure(account, policy.accountFreeFailures, nowMs);
      if (address) await countFailure(address, policy.addressFreeFailures, nowMs);
      return null;
    },

    async succeeded(keys, nowMs) {
      await lockThrottleKeys(db, keyList(keys));
      await deleteThrottle(db, keys.account);
      if (keys.address === null) return;
      // Pruned like any key a day after its last write: known for a day after the last success.
      await putThrottle(db, { key: knownKey(keys), failures: 0, lockedUntil: 0, updatedAt: nowMs });
      const address = await getThrottle(db, keys.address);
      if (!address) return;
      const failures = address.failures - 1;
      if (failures <= 0) {
        await deleteThrottle(db, keys.address);
        return;
      }
      // Still locked only if the other failures alone earn a lock (parallel wrong attempts).
      const lockedUntil = failures >= policy.addressFreeFailures ? address.lockedUntil : 0;
      await putThrottle(db, { key: keys.address, failures, lockedUntil, updatedAt: address.updatedAt });
    },
  };
}
