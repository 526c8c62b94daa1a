import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import {
  activeAdminMustChangePassword,
  countActiveAdmins,
  countUsers,
  findUserForLogin,
  getPasswordHash,
  getUser,
  insertUser,
  listSeedUsers,
  listUsers,
  setLastLogin,
  setPasswordHash,
  updateUserProfile,
  usernameOrEmailTaken,
} from '../../../db/queries/user-queries';
import type { Role } from '../../../shared/contract/roles';
import { UNIQUE_REFUSAL } from '../../support/db-errors';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});
afterEach(() => close());

const add = (username: string, role: Role = 'staff', mustChangePassword = false) =>
  insertUser(db, { username, email: `${username}@hotel.test`, passwordHash: `$argon2id$${username}`, role, mustChangePassword, nowMs: 1000 });

describe('user queries', () => {
  it('inserts and reads a user without its hash; the hash only on request', async () => {
    const id = await add('Eva');
    expect(await getUser(db, id)).toEqual({
      id, username: 'Eva', email: 'Eva@hotel.test', role: 'staff', active: true, mustChangePassword: false, createdAt: 1000, lastLoginAt: null,
    });
    expect(await listUsers(db)).toEqual([await getUser(db, id)]);
    expect(await listSeedUsers(db)).toEqual([{ id, username: 'Eva', email: 'Eva@hotel.test' }]);
    expect(await getPasswordHash(db, id)).toBe('$argon2id$Eva');
    expect(await getUser(db, 99)).toBeUndefined();
  });

  it('finds the sign-in user regardless of case, with its hash', async () => {
    const id = await add('Eva');
    expect(await findUserForLogin(db, 'eVA')).toMatchObject({ id, username: 'Eva', passwordHash: '$argon2id$Eva' });
    expect(await findUserForLogin(db, 'eve')).toBeUndefined();
  });

  it('refuses a second username or e-mail differing only in case (unique indexes)', async () => {
    await add('Eva');
    await expect(insertUser(db, { username: 'EVA', email: 'x@y.z', passwordHash: 'h', role: 'staff', mustChangePassword: false, nowMs: 1 })).rejects.toThrow(UNIQUE_REFUSAL);
    await expect(insertUser(db, { username: 'x', email: 'EVA@HOTEL.TEST', passwordHash: 'h', role: 'staff', mustChangePassword: false, nowMs: 1 })).rejects.toThrow(UNIQUE_REFUSAL);
  });

  it('tells whether a name or e-mail is taken by someone else', async () => {
    const id = await add('Eva');
    expect(await usernameOrEmailTaken(db, 'EVA', 'new@hotel.test')).toBe(true);
    expect(await usernameOrEmailTaken(db, 'olaf', 'eva@HOTEL.test')).toBe(true);
    expect(await usernameOrEmailTaken(db, null, 'eva@hotel.test', id)).toBe(false);
    expect(await usernameOrEmailTaken(db, 'olaf', null)).toBe(false);
  });

  it('counts users, active admins, and admins on a default password', async () => {
    expect(await countUsers(db)).toBe(0);
    const a = await add('a', 'admin', true);
    await add('b', 'admin');
    await add('c', 'staff', true);
    expect(await countUsers(db)).toBe(3);
    expect(await countActiveAdmins(db)).toBe(2);
    expect(await activeAdminMustChangePassword(db)).toBe(true);
    await updateUserProfile(db, a, { email: 'a@hotel.test', role: 'admin', active: false }, 2000);
    expect(await countActiveAdmins(db)).toBe(1);
    expect(await activeAdminMustChangePassword(db)).toBe(false);
  });

  it('updates profile, password and last sign-in', async () => {
    const id = await add('eva');
    await updateUserProfile(db, id, { email: 'e@hotel.test', role: 'client', active: false }, 2000);
    await setPasswordHash(db, id, 'new-hash', true, 3000);
    await setLastLogin(db, id, 4000);
    expect(await getUser(db, id)).toMatchObject({ email: 'e@hotel.test', role: 'client', active: false, mustChangePassword: true, lastLoginAt: 4000 });
    expect(await getPasswordHash(db, id)).toBe('new-hash');
    expect(await db.get('SELECT updated_at AS u FROM users')).toEqual({ u: 3000 });
  });
});
