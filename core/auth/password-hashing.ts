/**
 * Password hashes: argon2id with OWASP's minimum parameters (19 MiB of memory, 2 passes, 1 lane),
 * computed off the event loop by @node-rs/argon2. The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`)
 * carries its own salt and parameters, so raising them later still verifies the old hashes.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** `Algorithm` is an ambient const enum, unreadable under isolatedModules: 2 is `Algorithm.Argon2id`. */
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
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
