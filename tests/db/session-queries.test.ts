import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../db/open-database';
import { getSessionCaller, insertSession, revokeSession, revokeUserSessions } from '../../db/queries/session-queries';
import { insertUser } from '../../db/queries/user-queries';

let dir: string;
let db: Sqlite;
let eva: number;
let olaf: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-sessions-'));
  db = (await openDatabase({ file: join(dir, 'frontdesk.db') })).sqlite;
  eva = await insertUser(db, { username: 'eva', email: 'e@h.t', passwordHash: 'h', role: 'staff', mustChangePassword: true, nowMs: 0 });
  olaf = await insertUser(db, { username: 'olaf', email: 'o@h.t', passwordHash: 'h', role: 'client', mustChangePassword: false, nowMs: 0 });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (id: string, userId: number) => insertSession(db, { id, userId, createdAt: 10, expiresAt: 1000, via: 'http', address: '10.0.0.1' });

describe('session queries', () => {
  it('reads a session with its user’s current name, role and flags', async () => {
    await open('s1', eva);
    expect(await getSessionCaller(db, 's1')).toEqual({ userId: eva, expiresAt: 1000, revokedAt: null, username: 'eva', role: 'staff', active: 1, mustChangePassword: 1 });
    expect(await getSessionCaller(db, 'nope')).toBeUndefined();
  });

  it('looks the session up by primary key (the hot path)', () => {
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = +?')
      .all('s1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)/);
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
    await expect(open('x', 999)).rejects.toThrow(/FOREIGN KEY/);
  });
});
