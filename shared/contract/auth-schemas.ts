/**
 * Users, sessions, the audit log and the LAN status: the schemas of the sign-in side of the contract.
 * Seed 002's bodies are kept exactly (`email_address`, `confirm_password`; `{id, username, email}`).
 * No schema here has a field for a password hash, a token hash or the signing secret, so no response
 * can carry one: Fastify and IPC serialise outputs through these schemas.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, TextSchema } from './schemas';

export const ROLES = ['admin', 'staff', 'client'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Letters, digits and `. _ @ -`: safe in logs, CSV cells and URLs. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(3, 'username must be at least 3 characters')
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'username may contain letters, digits and . _ @ - only');
export const EmailSchema = z.string().trim().max(254).pipe(z.email('is not an e-mail address'));
/**
 * Any string up to 256 characters reaches the service, which applies the password policy (length,
 * common passwords) with a clear message; the cap keeps argon2 from hashing megabytes.
 */
export const PasswordInputSchema = z.string().min(1, 'password is required').max(256).refine((v) => !v.includes('\u0000'), 'must not contain NUL characters');

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

// ---- seed 002 -----------------------------------------------------------------------------------

export const SeedUserSchema = z.object({ id: z.number().int(), username: z.string(), email: z.string() });
export const SeedUserCreateSchema = z.object({
  username: UsernameSchema,
  email_address: EmailSchema,
  password: PasswordInputSchema,
  confirm_password: PasswordInputSchema,
});
export const LoginSchema = z.object({
  username: z.string().min(1, 'username is required').max(64),
  password: PasswordInputSchema,
});
export type LoginInput = z.infer<typeof LoginSchema>;
export const LoginResultSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  /** ISO 8601 instant. */
  expires_at: z.string(),
  user: UserSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;
export const MessageSchema = z.object({ message: z.string() });

// ---- the app's own users API ---------------------------------------------------------------------

export const UserCreateSchema = z.object({
  username: UsernameSchema,
  email: EmailSchema,
  password: PasswordInputSchema,
  role: RoleSchema,
});
export const UserUpdateSchema = z.object({
  id: IdSchema,
  email: EmailSchema.optional(),
  role: RoleSchema.optional(),
  active: z.boolean().optional(),
});
export const UserIdSchema = z.object({ id: IdSchema });
export const PasswordResetSchema = z.object({ id: IdSchema, newPassword: PasswordInputSchema });
export const PasswordChangeSchema = z.object({ currentPassword: PasswordInputSchema, newPassword: PasswordInputSchema });

// ---- audit log ----------------------------------------------------------------------------------

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** ISO 8601 instant in the hotel's zone. */
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  /** The command (`stays:create`) or sign-in event (`auth:login`, `auth:loginFailed`). */
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** JSON with secrets removed. */
  detail: z.string(),
  via: z.string(),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditFilterSchema = z.object({
  actor: TextSchema(64).optional(),
  action: TextSchema(64).optional(),
  entity: TextSchema(64).optional(),
  /** Hotel-local dates, inclusive. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export const AuditQuerySchema = AuditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Paging backwards: entries older than this id. */
  beforeId: IdSchema.optional(),
});
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), nextBeforeId: z.number().int().nullable() });
export const AuditExportQuerySchema = AuditFilterSchema.extend({
  delimiter: z.enum([',', ';']).default(','),
  bom: z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]).default(false),
});

// ---- the LAN API ---------------------------------------------------------------------------------

export const NetworkStatusSchema = z.object({
  lanEnabled: z.boolean(),
  /** Where the host listens now (127.0.0.1 while the LAN API is off); null when it does not listen. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** The addresses LAN clients use (this machine's IPv4 addresses), empty while the LAN API is off. */
  urls: z.array(z.string()),
  /** Why the LAN API cannot be switched on now (the default admin password), or null. */
  blockedReason: z.string().nullable(),
  /** Why the last change of address failed (the port is taken), or null. */
  error: z.string().nullable(),
});
export type NetworkStatus = z.infer<typeof NetworkStatusSchema>;
