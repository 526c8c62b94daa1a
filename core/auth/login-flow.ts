/**
 * Sign-in: throttle, verify, open a session. **Order matters**: the attempt is counted (a synchronous
 * transaction) before argon2 runs, so a burst of parallel guesses meets the limit too; an unknown or
 * deactivated user costs one argon2 verification against a dummy hash, so the answer takes as long
 * as for a wrong password and the response and timing never tell which names exist.
 */
import { randomBytes } from 'node:crypto';
import { insertSession } from '../../db/queries/session-queries';
import { findUserForLogin, getUser, setLastLogin, upgradePasswordHash } from '../../db/queries/user-queries';
import type { LoginInput, LoginResult } from '../../shared/contract/auth';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import type { AuditService } from './auth-types';
import { throttleKeys, type LoginThrottle } from './login-throttle';
import { hashPassword, needsRehash, verifyPassword } from './password-hashing';
import { signToken } from './token-codec';
import { toUser } from './user-view';

export const BAD_CREDENTIALS_MESSAGE = 'Invalid username or password';
export const CLIENT_AT_DESK_MESSAGE = 'Clients sign in over the LAN, not at the desk';

export function createLogin(
  deps: CoreDeps,
  settings: SettingsService,
  audit: AuditService,
  secret: Buffer,
  throttle: LoginThrottle,
): (input: LoginInput, ctx: CallContext) => Promise<LoginResult> {
  const db = deps.db;
  let dummyHash: Promise<string> | undefined;

  const fail = (ctx: CallContext, username: string, reason: 'password' | 'throttled' | 'role') =>
    audit.record(ctx, { action: 'auth:loginFailed', entity: 'user', entityId: null, detail: { username, reason } });

  return async (input, ctx) => {
    // Made once, on the first sign-in, with the real parameters: it costs what a real hash costs.
    dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    // The name as typed, a NUL shown as U+FFFD: the throttle and the audit log store it, and no
    // database should hold a NUL (PostgreSQL's text cannot); no username holds either, so it fails.
    const typed = input.username.replaceAll('\u0000', '\uFFFD');
    const name = typed.trim().toLowerCase();
    const keys = throttleKeys(name, ctx);
    const retryAfterSeconds = await commit(deps, (c) => throttle.admit(keys, c.nowMs));
    if (retryAfterSeconds !== null) {
      await fail(ctx, typed, 'throttled');
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
        reason: 'auth.signInThrottled',
        params: { seconds: retryAfterSeconds },
      });
    }

    const found = await findUserForLogin(db, name);
    const ok = found?.active
      ? await verifyPassword(found.passwordHash, input.password)
      : (await verifyPassword(await dummyHash, input.password)) && false;
    if (!ok || !found) {
      await fail(ctx, typed, 'password');
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS_MESSAGE, { reason: 'auth.badCredentials' });
    }
    if (ctx.via === 'ipc' && found.role === 'client') {
      await commit(deps, async (c) => {
        await throttle.succeeded(keys, c.nowMs);
        await fail(ctx, typed, 'role');
      });
      throw new AppError('FORBIDDEN', CLIENT_AT_DESK_MESSAGE, { reason: 'auth.clientAtDesk' });
    }

    // A hash made with other parameters (an older release's) is made anew now that the password is known.
    const rehashed = needsRehash(found.passwordHash) ? await hashPassword(input.password) : undefined;
    const now = deps.clock();
    const expiresAt = now + settings.get().sessionHours * 3_600_000;
    const jti = randomBytes(16).toString('base64url');
    const user = await commit(deps, async (c) => {
      // Deactivated while argon2 ran: refused like any bad sign-in.
      const current = await getUser(db, found.id);
      if (!current?.active) return undefined;
      await throttle.succeeded(keys, c.nowMs);
      await insertSession(db, { id: jti, userId: current.id, createdAt: now, expiresAt, via: ctx.via, address: ctx.address ?? null });
      await setLastLogin(db, current.id, now);
      if (rehashed !== undefined) await upgradePasswordHash(db, current.id, found.passwordHash, rehashed);
      const actor = { userId: current.id, username: current.username, role: current.role, mustChangePassword: current.mustChangePassword };
      await audit.record({ ...ctx, actor, sessionId: jti }, { action: 'auth:login', entity: 'user', entityId: current.id });
      return { ...current, lastLoginAt: now };
    });
    if (!user) {
      await fail(ctx, typed, 'password');
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS_MESSAGE, { reason: 'auth.badCredentials' });
    }
    const zone = settings.get().timeZone;
    return {
      access_token: signToken({ sub: String(user.id), jti, iat: Math.floor(now / 1000), exp: Math.floor(expiresAt / 1000) }, secret),
      token_type: 'bearer',
      expires_at: formatInstant(expiresAt, zone),
      user: toUser(user, zone),
    };
  };
}
