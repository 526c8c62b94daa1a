/**
 * The users table. `UserRecord` is what services see (no hash); the hash is read only by
 * `getPasswordHash…` for the one verification that needs it. Usernames and e-mails are compared with
 * `lower()`, written exactly as in the unique indexes so SQLite uses them.
 */
import type { Role } from '../../shared/contract/roles';
import type { Db } from '../database';
import type { users } from '../schema';
import { columnList, type RowPick } from './row-types';

export interface UserRecord {
  id: number;
  username: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  /** Epoch ms. */
  createdAt: number;
  lastLoginAt: number | null;
}

/**
 * A new user as the service hands it over: schema fields (its flag a JS boolean here, written as 1/0)
 * plus `nowMs`, the instant written to `created_at` and `updated_at`.
 */
export type NewUserRow = Pick<typeof users.$inferSelect, 'username' | 'email' | 'passwordHash' | 'role' | 'mustChangePassword'> & { nowMs: number };

const USER_PROPS = ['id', 'username', 'email', 'role', 'active', 'mustChangePassword', 'createdAt', 'lastLoginAt'] as const;

/** A user as read (flags 1/0), before `toRecord` maps it to a `UserRecord`. */
type RawUser = RowPick<typeof users, (typeof USER_PROPS)[number]>;

const USER_COLUMNS = columnList<typeof users>(USER_PROPS);

function toRecord(r: RawUser | undefined): UserRecord | undefined {
  return r && { ...r, active: r.active === 1, mustChangePassword: r.mustChangePassword === 1 };
}

export async function insertUser(db: Db, row: NewUserRow): Promise<number> {
  return db.insert(`INSERT INTO users (username, email, password_hash, role, active, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`, row.username, row.email, row.passwordHash, row.role, row.mustChangePassword ? 1 : 0, row.nowMs, row.nowMs);
}

export async function getUser(db: Db, id: number): Promise<UserRecord | undefined> {
  return toRecord(await db.get<RawUser>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, id));
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.all<RawUser>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`)).map((r) => toRecord(r)!);
}

/** Seed 002's `GET /users/` rows. */
export async function listSeedUsers(db: Db): Promise<{ id: number; username: string; email: string }[]> {
  return await db.all<{ id: number; username: string; email: string }>('SELECT id, username, email FROM users ORDER BY id');
}

/** The user and its hash, by username regardless of case (sign-in). */
export async function findUserForLogin(db: Db, username: string): Promise<(UserRecord & { passwordHash: string }) | undefined> {
  const r = await db.get<RawUser & { passwordHash: string }>(`SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower(?)`, username);
  return r && { ...toRecord(r)!, passwordHash: r.passwordHash };
}

export async function getPasswordHash(db: Db, id: number): Promise<string | undefined> {
  return (await db.get<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = ?', id))?.h;
}

/** Whether another user (not `exceptId`) has this username or e-mail, regardless of case. */
export async function usernameOrEmailTaken(db: Db, username: string | null, email: string | null, exceptId = 0): Promise<boolean> {
  return (
    await db.get(`SELECT 1 FROM users WHERE (lower(username) = lower(?) OR lower(email) = lower(?)) AND id <> ? LIMIT 1`, username, email, exceptId) !== undefined
  );
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1`))!.n;
}

/** An active admin still on a default or reset password. */
export async function activeAdminMustChangePassword(db: Db): Promise<boolean> {
  return (
    await db.get(`SELECT 1 FROM users WHERE role = 'admin' AND active = 1 AND must_change_password = 1 LIMIT 1`) !== undefined
  );
}

export async function updateUserProfile(db: Db, id: number, patch: { email: string; role: Role; active: boolean }, nowMs: number): Promise<void> {
  await db.run('UPDATE users SET email = ?, role = ?, active = ?, updated_at = ? WHERE id = ?', patch.email, patch.role, patch.active ? 1 : 0, nowMs, id);
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string, mustChange: boolean, nowMs: number): Promise<void> {
  await db.run('UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?', passwordHash, mustChange ? 1 : 0, nowMs, id);
}

/**
 * The same password's hash made anew (new parameters, core/auth/password-hashing.ts), only if the
 * stored hash is still `was`: a password changed meanwhile is never overwritten. Not a change of the
 * user (its `updated_at` and must-change flag stay).
 */
export async function upgradePasswordHash(db: Db, id: number, was: string, passwordHash: string): Promise<void> {
  await db.run('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?', passwordHash, id, was);
}

export async function setLastLogin(db: Db, id: number, nowMs: number): Promise<void> {
  await db.run('UPDATE users SET last_login_at = ? WHERE id = ?', nowMs, id);
}
