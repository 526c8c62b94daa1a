/**
 * Users as the admin (and seed 002's `/users/`) manage them. Passwords are hashed first (async,
 * off the event loop), then each change is one `commit()` (core/commit.ts) that checks again
 * and writes the row, the session revocations and the audit row together — never an await inside.
 * The hotel always keeps an active admin: demoting or deactivating the last one is refused.
 */
import { markSessionsChanged, revokeUserSessions } from '../../db/queries/session-queries';
import {
  countActiveAdmins,
  getUser,
  insertUser,
  listSeedUsers,
  listUsers,
  setPasswordHash,
  updateUserProfile,
  usernameOrEmailTaken,
  type UserRecord,
} from '../../db/queries/user-queries';
import type { Role } from '../../shared/contract/roles';
import { AppError } from '../../shared/errors';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import type { AuditService, UsersService } from './auth-types';
import { hashPassword } from './password-hashing';
import { assertPasswordPolicy } from './password-policy';
import { toUser } from './user-view';

export const TAKEN_MESSAGE = 'Username or e-mail address already taken';
export const LAST_ADMIN_MESSAGE = 'The hotel must keep at least one active admin';

interface NewUser {
  username: string;
  email: string;
  password: string;
  role: Role;
}

export function createUsersService(deps: CoreDeps, settings: SettingsService, audit: AuditService): UsersService {
  const db = deps.db;
  const view = (r: UserRecord) => toUser(r, settings.get().timeZone);

  const requireUser = async (id: number): Promise<UserRecord> => {
    const user = await getUser(db, id);
    if (!user) throw new AppError('NOT_FOUND', `User ${id} not found`, { reason: 'users.notFound', params: { id } });
    return user;
  };

  const assertFree = async (username: string | null, email: string | null, exceptId?: number) => {
    if (await usernameOrEmailTaken(db, username, email, exceptId)) throw new AppError('CONFLICT', TAKEN_MESSAGE, { reason: 'users.taken' });
  };

  const createUser = async (u: NewUser, ctx: CallContext, action: 'users:create' | 'users:seedCreate'): Promise<UserRecord> => {
    await assertPasswordPolicy(u.password, u.username);
    await assertFree(u.username, u.email); // before the costly hash; checked again below
    const passwordHash = await hashPassword(u.password);
    return commit(deps, async (c) => {
      await assertFree(u.username, u.email);
      // An admin chose this password, so its owner changes it at the first sign-in; seed 002's
      // self-registered users chose their own.
      const mustChangePassword = action === 'users:create';
      const id = await insertUser(db, { ...u, passwordHash, mustChangePassword, nowMs: c.nowMs });
      await audit.record(ctx, { action, entity: 'user', entityId: id, detail: { username: u.username, email: u.email, role: u.role, ...(mustChangePassword ? { forcedChange: true } : {}) } });
      return (await getUser(db, id))!;
    });
  };

  return {
    seedList: () => listSeedUsers(db),

    async seedCreate(input, ctx) {
      if (input.password !== input.confirm_password) throw new AppError('VALIDATION', 'password and confirm_password do not match', { reason: 'users.passwordsDiffer' });
      const u = await createUser({ username: input.username, email: input.email_address, password: input.password, role: 'client' }, ctx, 'users:seedCreate');
      return { id: u.id, username: u.username, email: u.email };
    },

    list: async () => (await listUsers(db)).map(view),

    async create(input, ctx) {
      return view(await createUser(input, ctx, 'users:create'));
    },

    async update(input, ctx) {
      return view(
        await commit(deps, async (c) => {
          const before = await requireUser(input.id);
          const after = { email: input.email ?? before.email, role: input.role ?? before.role, active: input.active ?? before.active };
          if (after.email.toLowerCase() !== before.email.toLowerCase()) await assertFree(null, after.email, before.id);
          const wasAdmin = before.role === 'admin' && before.active;
          if (wasAdmin && (after.role !== 'admin' || !after.active) && await countActiveAdmins(db) <= 1) {
            throw new AppError('CONFLICT', LAST_ADMIN_MESSAGE, { reason: 'users.lastAdmin' });
          }
          const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof after] !== v));
          if (Object.keys(changes).length === 0) return before;
          const now = c.nowMs;
          await updateUserProfile(db, before.id, after, now);
          // A new role changes which live events the user's open feeds may carry.
          markSessionsChanged(db);
          // A deactivation or a new role ends the user's sessions at once: the next call signs in again, as the new role.
          const sessionsRevoked = after.active && after.role === before.role ? 0 : await revokeUserSessions(db, before.id, now);
          await audit.record(ctx, { action: 'users:update', entity: 'user', entityId: before.id, detail: { ...changes, sessionsRevoked } });
          return (await getUser(db, before.id))!;
        }),
      );
    },

    async resetPassword(input, ctx) {
      await assertPasswordPolicy(input.newPassword, (await requireUser(input.id)).username);
      const passwordHash = await hashPassword(input.newPassword);
      return view(
        await commit(deps, async (c) => {
          const user = await requireUser(input.id);
          const now = c.nowMs;
          await setPasswordHash(db, user.id, passwordHash, true, now);
          const sessionsRevoked = await revokeUserSessions(db, user.id, now);
          await audit.record(ctx, { action: 'users:resetPassword', entity: 'user', entityId: user.id, detail: { sessionsRevoked } });
          return (await getUser(db, user.id))!;
        }),
      );
    },
  };
}
