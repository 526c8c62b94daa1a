import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { getSessionCaller, insertSession, revokeSession, revokeUserSessions } from '../../../db/queries/session-queries';
import { insertUser } from '../../../db/queries/user-queries';
import { FOREIGN_KEY_VIOLATION } from '../../support/db-errors';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
let eva: number;
let olaf: number;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
  eva = await insertUser(db, { username: 'eva', email: 'e@h.t', passwordHash: 'h', role: 'staff', mustChangePassword: true, nowMs: 0 });
  olaf = await insertUser(db, { username: 'olaf', email: 'o@h.t', passwordHash: 'h', role: 'client', mustChangePassword: false, nowMs: 0 });
});
afterEach(() => close());

const open = (id: string, userId: number) => insertSession(db, { id, userId, createdAt: 10, expiresAt: 1000, via: 'http', address: '10.0.0.1' });

describe('session queries', () => {
  it('reads a session with its user’s current name, role and flags', async () => {
    await open('s1', eva);
    expect(await getSessionCaller(db, 's1')).toEqual({ userId: eva, expiresAt: 1000, revokedAt: null, username: 'eva', role: 'staff', active: 1, mustChangePassword: 1 });
    expect(await getSessionCaller(db, 'nope')).toBeUndefined();
  });

  it('revokes one session once', async () => {
    await open('s1', eva);
    expect(await revokeSession(db, 's1', 50)).toBe(true);
    expect(await revokeSession(db, 's1', 60)).toBe(false);
    expect((await getSessionCaller(db, 's1'))!.revokedAt).toBe(50);
  });

  it('revokes a user’s live sessions, keeping one if asked, and no one else’s', async () => {
    await open('a', eva);
    await open('b', eva);
    await open('c', eva);
    await open('o', olaf);
    await revokeSession(db, 'c', 5);
    expect(await revokeUserSessions(db, eva, 50, 'a')).toBe(1);
    expect((await getSessionCaller(db, 'a'))!.revokedAt).toBeNull();
    expect((await getSessionCaller(db, 'b'))!.revokedAt).toBe(50);
    expect((await getSessionCaller(db, 'c'))!.revokedAt).toBe(5);
    expect(await revokeUserSessions(db, eva, 60)).toBe(1);
    expect((await getSessionCaller(db, 'o'))!.revokedAt).toBeNull();
  });

  it('refuses a session for a user that does not exist', async () => {
    await expect(open('x', 999)).rejects.toThrow(FOREIGN_KEY_VIOLATION);
  });
});
