/**
 * Sessions and the signed-in caller: turning a bearer token into a CallContext on every call, sign-in
 * (login-flow.ts), sign-out, the own password change, and the first-run admin. A token is only as
 * good as its session row: logout, deactivation and password changes revoke rows, and the role is
 * read from the users row each time, so every change takes effect on the next call.
 */
import { getSessionCaller, revokeSession, revokeUserSessions } from '../../db/queries/session-queries';
import {
  activeAdminMustChangePassword,
  countUsers,
  getPasswordHash,
  getUser,
  insertUser,
  setPasswordHash,
} from '../../db/queries/user-queries';
import { AppError } from '../../shared/errors';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import type { AuditService, AuthService } from './auth-types';
import { createLogin } from './login-flow';
import { createLoginThrottle, DEFAULT_THROTTLE_POLICY, throttleKeys, type ThrottlePolicy } from './login-throttle';
import { hashPassword, verifyPassword } from './password-hashing';
import { assertPasswordPolicy, passwordProblem } from './password-policy';
import { loadSigningSecret } from './signing-secret';
import { INVALID_SESSION_MESSAGE, verifyToken } from './token-codec';
import { toUser } from './user-view';

export { DEFAULT_THROTTLE_POLICY, maxEvaluationsPerHour, type ThrottlePolicy } from './login-throttle';

/** Seed 002's first-run account. */
export const FIRST_RUN_ADMIN = Object.freeze({ username: 'admin', email: 'admin@localhost', password: 'admin' });
const SYSTEM_CTX: CallContext = { actor: { userId: null, username: 'system', role: 'admin' }, via: 'internal' };

const invalidSession = () => new AppError('UNAUTHENTICATED', INVALID_SESSION_MESSAGE, { reason: 'auth.invalidSession' });

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over its deps, secret and throttle whose methods are each short
export async function createAuthService(
  deps: CoreDeps,
  settings: SettingsService,
  audit: AuditService,
  options: { throttle?: ThrottlePolicy } = {},
): Promise<AuthService> {
  const db = deps.db;
  // Read (or made) now, outside any batch transaction, so a rollback can never orphan the cached key.
  const secret = await loadSigningSecret(db);
  // One back-off for sign-in and the own password change: a wrong current password is a failed sign-in.
  const throttle = createLoginThrottle(db, options.throttle ?? DEFAULT_THROTTLE_POLICY);
  const login = createLogin(deps, settings, audit, secret, throttle);

  const signedInUser = async (ctx: CallContext) => {
    const user = ctx.actor.userId === null ? undefined : await getUser(db, ctx.actor.userId);
    if (!user?.active) throw invalidSession();
    return user;
  };

  return {
    async contextForToken(token, meta) {
      const now = deps.clock();
      const claims = verifyToken(token, secret, now);
      const s = await getSessionCaller(db, claims.jti);
      if (!s || String(s.userId) !== claims.sub || s.revokedAt !== null || s.expiresAt <= now || s.active !== 1) throw invalidSession();
      return {
        actor: { userId: s.userId, username: s.username, role: s.role, mustChangePassword: s.mustChangePassword === 1 },
        via: meta.via,
        sessionId: claims.jti,
        ...(meta.address === undefined ? {} : { address: meta.address }),
      };
    },

    login,

    async logout(ctx) {
      await commit(deps, async (c) => {
        if (ctx.sessionId) await revokeSession(db, ctx.sessionId, c.nowMs);
        await audit.record(ctx, { action: 'auth:logout', entity: 'user', entityId: ctx.actor.userId });
      });
      return { message: 'Logged out' };
    },

    async me(ctx) {
      return toUser(await signedInUser(ctx), settings.get().timeZone);
    },

    async changePassword(input, ctx) {
      const user = await signedInUser(ctx);
      await assertPasswordPolicy(input.newPassword, user.username);
      if (input.newPassword === input.currentPassword) throw new AppError('VALIDATION', 'The new password must differ from the current one', { reason: 'auth.samePassword' });
      // Counted before argon2 runs, in the sign-in's back-off (login-throttle.ts): a token is no
      // licence to guess the account's password faster than the sign-in page allows.
      const keys = throttleKeys(user.username, ctx);
      const fail = (reason: 'password' | 'throttled') =>
        audit.record(ctx, { action: 'auth:changePasswordFailed', entity: 'user', entityId: user.id, detail: { reason } });
      const retryAfterSeconds = await commit(deps, (c) => throttle.admit(keys, c.nowMs));
      if (retryAfterSeconds !== null) {
        await fail('throttled');
        throw new AppError('RATE_LIMITED', `Too many wrong passwords. Try again in ${retryAfterSeconds} seconds.`, {
          retryAfterSeconds,
          reason: 'auth.passwordThrottled',
          params: { seconds: retryAfterSeconds },
        });
      }
      if (!(await verifyPassword(await getPasswordHash(db, user.id) ?? '', input.currentPassword))) {
        await fail('password');
        throw new AppError('VALIDATION', 'The current password is wrong', { reason: 'auth.wrongCurrentPassword' });
      }
      const hashed = await hashPassword(input.newPassword);
      await commit(deps, async (c) => {
        await throttle.succeeded(keys, c.nowMs);
        await setPasswordHash(db, user.id, hashed, false, c.nowMs);
        const revoked = await revokeUserSessions(db, user.id, c.nowMs, ctx.sessionId ?? '');
        await audit.record(ctx, { action: 'auth:changePassword', entity: 'user', entityId: user.id, detail: { sessionsRevoked: revoked } });
      });
      return { message: 'Password changed' };
    },

    async ensureFirstRunAdmin(initialPassword) {
      if (await countUsers(db) > 0) return;
      if (initialPassword !== undefined) {
        const problem = await passwordProblem(initialPassword, FIRST_RUN_ADMIN.username);
        if (problem) throw new Error(`FRONTDESK_ADMIN_PASSWORD is not acceptable: ${problem}`);
      }
      const hashed = await hashPassword(initialPassword ?? FIRST_RUN_ADMIN.password);
      await commit(deps, async (c) => {
        if (await countUsers(db) > 0) return;
        const { username, email } = FIRST_RUN_ADMIN;
        const mustChangePassword = initialPassword === undefined;
        const id = await insertUser(db, { username, email, passwordHash: hashed, role: 'admin', mustChangePassword, nowMs: c.nowMs });
        await audit.record(SYSTEM_CTX, { action: 'users:create', entity: 'user', entityId: id, detail: { username, role: 'admin', firstRun: true, forcedChange: mustChangePassword } });
      });
    },

    async defaultPasswordPending() {
      return await activeAdminMustChangePassword(db);
    },
  };
}
