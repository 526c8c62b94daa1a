/**
 * The sign-in side of the core, as the dispatcher, the adapters and the host see it. Implemented in
 * this folder (auth-service.ts, users-service.ts, audit-service.ts); wired in core/create-core.ts.
 */
import type { LoginInput, LoginResult, User } from '../../shared/contract/auth';
import type { CommandOutput, ParsedInput } from '../../shared/contract/commands';
import type { CallContext } from '../context';

export interface AuthService {
  /**
   * The context of a call that came with `Authorization: Bearer <token>` (or the desk's session over
   * IPC). Throws AppError UNAUTHENTICATED for a malformed, forged, `alg:none`, wrong-key, expired or
   * revoked token, or one whose user is gone or deactivated. The role is read from the database on
   * every call, so a role change or deactivation takes effect at once.
   */
  contextForToken(token: string, meta: { via: CallContext['via']; address?: string }): Promise<CallContext>;
  /**
   * Throttled per account and per address (429 RATE_LIMITED while backing off, password not
   * evaluated); the unknown-user path costs one argon2 verification like a wrong password.
   * Audits `auth:login` / `auth:loginFailed`.
   */
  login(input: LoginInput, ctx: CallContext): Promise<LoginResult>;
  /** Revokes the caller's session. */
  logout(ctx: CallContext): Promise<{ message: string }>;
  me(ctx: CallContext): Promise<User>;
  /** Checks the current password, applies the policy, clears must-change, revokes the other sessions. */
  changePassword(input: ParsedInput<'auth:changePassword'>, ctx: CallContext): Promise<{ message: string }>;
  /**
   * First start (no user at all): creates `admin` with password `admin` and must-change set, or with
   * `initialPassword` (FRONTDESK_ADMIN_PASSWORD) and no forced change. Does nothing otherwise.
   */
  ensureFirstRunAdmin(initialPassword?: string): Promise<void>;
  /** True while an active admin still has to change its password (the LAN API stays closed). */
  defaultPasswordPending(): Promise<boolean>;
}

export interface UsersService {
  seedList(): Promise<CommandOutput<'users:seedList'>>;
  /** Seed 002's users are LAN booking users: always a `client` (an admin picks other roles in users:create). */
  seedCreate(input: ParsedInput<'users:seedCreate'>, ctx: CallContext): Promise<CommandOutput<'users:seedCreate'>>;
  list(): Promise<User[]>;
  create(input: ParsedInput<'users:create'>, ctx: CallContext): Promise<User>;
  /** Refuses (409) to leave the hotel without an active admin; deactivation revokes the sessions. */
  update(input: ParsedInput<'users:update'>, ctx: CallContext): Promise<User>;
  resetPassword(input: ParsedInput<'users:resetPassword'>, ctx: CallContext): Promise<User>;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Serialised as JSON with every key that looks like a secret (password, token, secret) removed. */
  detail?: unknown;
}

export interface AuditService {
  /** Appends one row, in the caller's transaction (if any). */
  record(ctx: CallContext, entry: AuditRecord): Promise<void>;
  list(query: ParsedInput<'audit:list'>): Promise<CommandOutput<'audit:list'>>;
}
