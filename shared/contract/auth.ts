/**
 * Signing in and out (seed 002's `POST /login/`, `POST /logout/`), the signed-in user, and changing
 * one's own password. No schema here has a field for a password hash, a token hash or the signing
 * secret, so no response can carry one: Fastify and IPC serialise outputs through these schemas.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { EMAIL_TRIMMED_PATTERN } from './input-patterns';
import { NEW_PASSWORD_RULES } from './input-rules';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_POLICY_TEXT } from './password-policy';
import { EmailAddressSchema, hasLoneSurrogate, InstantSchema, MessageSchema } from './primitives';
import { EVERYONE, RoleSchema } from './roles';

/** Letters, digits and `. _ @ -`: safe in logs, CSV cells and URLs. */
export const UsernameSchema = z
  .string()
  .pipe(
    z
      .string()
      .trim()
      .min(3, 'username must be at least 3 characters')
      .max(64)
      .regex(/^[A-Za-z0-9._@-]+$/, 'username may contain letters, digits and . _ @ - only'),
  )
  // The document states the rule as sent: the white space around it is trimmed before it is counted.
  .meta({ pattern: '^\\s*[A-Za-z0-9._@-]{3,64}\\s*$', description: '3 to 64 letters, digits and `. _ @ -`; white space around them is trimmed.' });
/**
 * A user's e-mail address: at most 254 characters as sent, then trimmed and checked as
 * input-patterns.ts `EMAIL_RE`. The document states it as the pattern with the white space the
 * server trims, and without `format: email` (which forbids that white space).
 */
export const EmailSchema = z
  .string()
  .max(254)
  .trim()
  .pipe(EmailAddressSchema(254))
  .meta({ pattern: EMAIL_TRIMMED_PATTERN, description: 'An e-mail address such as anna@hotel.example; white space around it is trimmed.' });

/** No NUL, no lone UTF-16 surrogate (matched with the `u` flag, where a pair is one character). */
const PASSWORD_CHARS_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';
/**
 * A password as sent to sign in or to prove who one is: any string of 1 to 256 characters (counted
 * as characters, as the policy and JSON Schema count them); the cap keeps argon2 from hashing megabytes.
 */
export const PasswordInputSchema = z
  .string()
  .min(1, 'password is required')
  .refine((v) => [...v].length <= MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters long`)
  .refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  // Half a UTF-16 pair would be hashed as U+FFFD, so two different passwords would match.
  .refine((v) => !hasLoneSurrogate(v), 'must not contain a lone UTF-16 surrogate (half of a character pair)')
  .meta({ maxLength: MAX_PASSWORD_LENGTH, pattern: PASSWORD_CHARS_PATTERN });
/**
 * A new password: the service applies the policy (core/auth/password-policy.ts) with its own
 * messages; its length is stated here, the rest (not the username, not a common password) in the
 * operation's rules.
 */
export const NewPasswordSchema = PasswordInputSchema.meta({
  minLength: MIN_PASSWORD_LENGTH,
  description: `A new password must follow the policy: ${PASSWORD_POLICY_TEXT}`,
});

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: InstantSchema,
  lastLoginAt: InstantSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginSchema = z.object({
  username: z.string().min(1, 'username is required').max(64),
  password: PasswordInputSchema,
});
export type LoginInput = z.infer<typeof LoginSchema>;
export const LoginResultSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  /** ISO 8601 instant. */
  expires_at: InstantSchema,
  user: UserSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;
export const PasswordChangeSchema = z.object({ currentPassword: PasswordInputSchema, newPassword: NewPasswordSchema });

export const authCommands = defineCommands({
  'auth:login': {
    emits: [],
    summary: 'Sign in', tags: ['Sign-in'], roles: 'public', async: true, errors: ['UNAUTHENTICATED'],
    description:
      'Exchanges a username and password for a bearer token (send it as `Authorization: Bearer <token>`; in this page: the ' +
      'Authorize button). 401 on a wrong name or password; 429 with `Retry-After` while repeated failures back off.',
    example: { username: 'anna.desk', password: 'Morgenvagt-2026' },
    input: LoginSchema, output: LoginResultSchema, http: { method: 'POST', path: '/login/' },
  },
  'auth:logout': {
    emits: [],
    summary: 'Sign out', tags: ['Sign-in'], roles: EVERYONE, beforePasswordChange: true, selfAudited: true,
    description: 'Revokes the token it is sent with, at once.',
    example: {},
    input: z.object({}), output: MessageSchema, http: { method: 'POST', path: '/logout/' },
  },
  'auth:me': {
    summary: 'The signed-in user', tags: ['Sign-in'], roles: EVERYONE, beforePasswordChange: true, boot: true,
    description: 'Who the token belongs to: name, e-mail, role, and whether the password must be changed first.',
    example: {},
    input: z.object({}), output: UserSchema, http: { method: 'GET', path: '/api/v1/me' },
  },
  'auth:changePassword': {
    emits: [],
    summary: 'Change your own password', tags: ['Sign-in'], roles: EVERYONE, beforePasswordChange: true, async: true,
    description: `Needs the current password; ends your other sessions. Wrong current passwords count as failed sign-ins (429 with \`Retry-After\` while they back off). ${PASSWORD_POLICY_TEXT}`,
    example: { currentPassword: 'Midlertidig-4821', newPassword: 'Havnefront-Solnedgang-7' },
    input: PasswordChangeSchema, output: MessageSchema, http: { method: 'POST', path: '/api/v1/me/password' },
    rules: [
      { when: '`currentPassword` is not the password', error: 'The current password is wrong' },
      { when: '`newPassword` is `currentPassword`', error: 'The new password must differ from the current one' },
      ...NEW_PASSWORD_RULES,
    ],
  },
});
