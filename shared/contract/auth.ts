/**
 * Signing in and out (seed 002's `POST /login/`, `POST /logout/`), the signed-in user, and changing
 * one's own password. No schema here has a field for a password hash, a token hash or the signing
 * secret, so no response can carry one: Fastify and IPC serialise outputs through these schemas.
 */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { PASSWORD_POLICY_TEXT, MAX_PASSWORD_LENGTH } from './password-policy';
import { hasLoneSurrogate, InstantSchema, MessageSchema } from './primitives';
import { EVERYONE, RoleSchema } from './roles';

/** Letters, digits and `. _ @ -`: safe in logs, CSV cells and URLs. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(3, 'username must be at least 3 characters')
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'username may contain letters, digits and . _ @ - only');
export const EmailSchema = z.string().trim().max(254).pipe(z.email('is not an e-mail address')).meta({ format: 'email' });
/**
 * Any string up to 256 characters reaches the service, which applies the password policy (length,
 * common passwords) with a clear message; the cap keeps argon2 from hashing megabytes.
 */
export const PasswordInputSchema = z
  .string()
  .min(1, 'password is required')
  .max(MAX_PASSWORD_LENGTH)
  .refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
  // Half a UTF-16 pair would be hashed as U+FFFD, so two different passwords would match.
  .refine((v) => !hasLoneSurrogate(v), 'must not contain a lone UTF-16 surrogate (half of a character pair)')
  .meta({ description: `A new password must follow the policy: ${PASSWORD_POLICY_TEXT}` });

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
export const PasswordChangeSchema = z.object({ currentPassword: PasswordInputSchema, newPassword: PasswordInputSchema });

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
  },
});
