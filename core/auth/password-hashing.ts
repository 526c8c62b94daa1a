/**
 * Password hashes: argon2id with one of OWASP's equal-strength parameter sets (Password Storage Cheat
 * Sheet: 19 MiB × 2 passes, 12 MiB × 3, 9 MiB × 4 and 7 MiB × 5 "provide an equal level of defense"),
 * computed off the event loop by @node-rs/argon2. We take 7 MiB × 5 passes, 1 lane: the same work a
 * hash as 19 MiB × 2 (~15–20 ms here), but each hash or check in flight holds 7 MiB instead of 19, and
 * they run four at once on libuv's threads when desks sign in together. Measured per check: the
 * process's high-water mark +9 MB instead of +21 MB (docs/benchmarks.md §4, sixth pass).
 *
 * The PHC string (`$argon2id$v=19$m=7168,t=5,p=1$…`) carries its own salt and parameters, so a hash
 * made with other parameters still verifies; `needsRehash` says so, and sign-in then stores the
 * password hashed anew (core/auth/login-flow.ts).
 */
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** `Algorithm` is an ambient const enum, unreadable under isolatedModules: 2 is `Algorithm.Argon2id`. */
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 7_168,
  timeCost: 5,
  parallelism: 1,
} satisfies Options);

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, ARGON2_OPTIONS);
}

/** False for a wrong password and for a hash that is not a PHC string (never throws). */
export async function verifyPassword(hashed: string, pw: string): Promise<boolean> {
  try {
    return await verify(hashed, pw);
  } catch {
    return false;
  }
}

/** Whether a (verified) hash was made with other parameters than `ARGON2_OPTIONS`: another algorithm, memory, passes or lanes. */
export function needsRehash(hashed: string): boolean {
  try {
    const o = parseOptions(hashed);
    return o.algorithm !== ARGON2_OPTIONS.algorithm || o.memoryCost !== ARGON2_OPTIONS.memoryCost || o.timeCost !== ARGON2_OPTIONS.timeCost || o.parallelism !== ARGON2_OPTIONS.parallelism;
  } catch {
    return true;
  }
}
