/**
 * The users table. `UserRecord` is what services see (no hash); the hash is read only by
 * `getPasswordHash…` for the one verification that needs it. Usernames and e-mails are compared with
 * `lower()`, written exactly as in the unique indexes so SQLite uses them.
 */
import type { Role } from '../../shared/contract/auth-schemas';
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

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

export interface NewUserRow {
  username: string;
  email: string;
  passwordHash: string;
  role: Role;
  mustChangePassword: boolean;
  nowMs: number;
}

type RawUser = Omit<UserRecord, 'active' | 'mustChangePassword'> & { active: number; mustChangePassword: number };

const USER_COLUMNS = `id, username, email, role, active, must_change_password AS mustChangePassword,
  created_at AS createdAt, last_login_at AS lastLoginAt`;

function toRecord(r: RawUser | undefined): UserRecord | undefined {
  return r && { ...r, active: r.active === 1, mustChangePassword: r.mustChangePassword === 1 };
}

export function insertUser(db: Sqlite, row: NewUserRow): number {
  const r = prepared(
    db,
    `INSERT INTO users (username, email, password_hash, role, active, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(row.username, row.email, row.passwordHash, row.role, row.mustChangePassword ? 1 : 0, row.nowMs, row.nowMs);
  return Number(r.lastInsertRowid);
}

export function getUser(db: Sqlite, id: number): UserRecord | undefined {
  return toRecord(prepared<RawUser>(db, `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id));
}

export function listUsers(db: Sqlite): UserRecord[] {
  return prepared<RawUser>(db, `SELECT ${USER_COLUMNS} FROM users ORDER BY id`).all().map((r) => toRecord(r)!);
}

/** Seed 002's `GET /users/` rows. */
export function listSeedUsers(db: Sqlite): { id: number; username: string; email: string }[] {
  return prepared<{ id: number; username: string; email: string }>(db, 'SELECT id, username, email FROM users ORDER BY id').all();
}

/** The user and its hash, by username regardless of case (sign-in). */
export function findUserForLogin(db: Sqlite, username: string): (UserRecord & { passwordHash: string }) | undefined {
  const r = prepared<RawUser & { passwordHash: string }>(
    db,
    `SELECT ${USER_COLUMNS}, password_hash AS passwordHash FROM users WHERE lower(username) = lower(?)`,
  ).get(username);
  return r && { ...toRecord(r)!, passwordHash: r.passwordHash };
}

export function getPasswordHash(db: Sqlite, id: number): string | undefined {
  return prepared<{ h: string }>(db, 'SELECT password_hash AS h FROM users WHERE id = ?').get(id)?.h;
}

/** Whether another user (not `exceptId`) has this username or e-mail, regardless of case. */
export function usernameOrEmailTaken(db: Sqlite, username: string | null, email: string | null, exceptId = 0): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM users WHERE (lower(username) = lower(?) OR lower(email) = lower(?)) AND id <> ? LIMIT 1`,
    ).get(username, email, exceptId) !== undefined
  );
}

export function countUsers(db: Sqlite): number {
  return prepared<{ n: number }>(db, 'SELECT count(*) AS n FROM users').get()!.n;
}

export function countActiveAdmins(db: Sqlite): number {
  return prepared<{ n: number }>(db, `SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1`).get()!.n;
}

/** An active admin still on a default or reset password. */
export function activeAdminMustChangePassword(db: Sqlite): boolean {
  return (
    prepared(db, `SELECT 1 FROM users WHERE role = 'admin' AND active = 1 AND must_change_password = 1 LIMIT 1`).get() !== undefined
  );
}

export function updateUserProfile(db: Sqlite, id: number, patch: { email: string; role: Role; active: boolean }, nowMs: number): void {
  prepared(db, 'UPDATE users SET email = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
    patch.email,
    patch.role,
    patch.active ? 1 : 0,
    nowMs,
    id,
  );
}

export function setPasswordHash(db: Sqlite, id: number, passwordHash: string, mustChange: boolean, nowMs: number): void {
  prepared(db, 'UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?').run(
    passwordHash,
    mustChange ? 1 : 0,
    nowMs,
    id,
  );
}

export function setLastLogin(db: Sqlite, id: number, nowMs: number): void {
  prepared(db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(nowMs, id);
}
