/**
 * The password policy's numbers, in one place: the host enforces them (core/auth/password-policy.ts),
 * the renderer's form hints at them (renderer/src/auth/password-rules.ts) and the API document states
 * them. Plain constants, no zod, so the renderer imports them for free.
 */
export const MIN_PASSWORD_LENGTH = 10;
/** argon2 hashes whatever it gets: the cap keeps a request from making it hash megabytes. */
export const MAX_PASSWORD_LENGTH = 256;

/** The policy in one sentence, for the API document. */
export const PASSWORD_POLICY_TEXT =
  `At least ${MIN_PASSWORD_LENGTH} and at most ${MAX_PASSWORD_LENGTH} characters, not the username, ` +
  'not one of the most common passwords; no NUL characters, no lone UTF-16 surrogates.';
