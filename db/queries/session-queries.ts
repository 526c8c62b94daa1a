/**
 * Sessions: one row per issued token (`id` = its `jti`). `getSessionCaller` is the hot path: every
 * signed-in request reads its session and user in one prepared lookup.
 */
import type { Role } from '../../shared/contract/roles';
import type { Db } from '../database';
import type { sessions } from '../schema';
import type { RowPick } from './row-types';

/** A new session as written (not revoked yet). */
export type NewSessionRow = RowPick<typeof sessions, 'id' | 'userId' | 'createdAt' | 'expiresAt' | 'via' | 'address'>;

/** A session with the current state of its user, read on every signed-in call. */
export interface SessionCaller {
  userId: number;
  expiresAt: number;
  revokedAt: number | null;
  username: string;
  role: Role;
  active: number;
  mustChangePassword: number;
}

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.run('INSERT INTO sessions (id, user_id, created_at, expires_at, via, address) VALUES (?, ?, ?, ?, ?, ?)', row.id, row.userId, row.createdAt, row.expiresAt, row.via, row.address);
}

export async function getSessionCaller(db: Db, sessionId: string): Promise<SessionCaller | undefined> {
  return await db.get<SessionCaller>(`SELECT s.user_id AS "userId", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", u.username, u.role, u.active,
            u.must_change_password AS "mustChangePassword"
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = +?`, sessionId);
}

/**
 * A counter per database that moves whenever a session may have ended or a user's role or standing
 * changed (a revocation, a user update), so long-lived listeners (the live feed) re-check their
 * sessions once per change instead of once per event. A bump inside a transaction that is rolled
 * back only causes one needless re-check.
 */
const sessionEpochs = new WeakMap<Db, number>();
export function sessionEpoch(db: Db): number {
  return sessionEpochs.get(db) ?? 0;
}
export function markSessionsChanged(db: Db): void {
  sessionEpochs.set(db, sessionEpoch(db) + 1);
}

/** Revokes one session; false when it was unknown or already revoked. */
export async function revokeSession(db: Db, sessionId: string, nowMs: number): Promise<boolean> {
  markSessionsChanged(db);
  return (await db.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', nowMs, sessionId)).changes === 1;
}

/** Revokes every live session of a user except `keepId` (pass '' to keep none); returns how many. */
export async function revokeUserSessions(db: Db, userId: number, nowMs: number, keepId = ''): Promise<number> {
  markSessionsChanged(db);
  return (await db.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?', nowMs, userId, keepId))
    .changes;
}
