/**
 * `upgradePasswordHash` (sign-in's new hash of the same password) never overwrites a password changed
 * meanwhile: it writes only over the hash it was made to replace. On this run's engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPasswordHash, insertUser, upgradePasswordHash } from '../../../db/queries/user-queries';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeEach(async () => (t = await createTestCore()));
afterEach(async () => await t.close());

describe('upgradePasswordHash', () => {
  it('replaces the hash it was made from, and not one changed since', async () => {
    const id = await insertUser(t.db, { username: 'eva', email: 'eva@hotel.test', passwordHash: 'old', role: 'staff', mustChangePassword: false, nowMs: 0 });
    await upgradePasswordHash(t.db, id, 'old', 'new');
    expect(await getPasswordHash(t.db, id)).toBe('new');
    await upgradePasswordHash(t.db, id, 'old', 'newer');
    expect(await getPasswordHash(t.db, id)).toBe('new');
  });
});
