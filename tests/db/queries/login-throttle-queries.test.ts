import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { deleteThrottle, getThrottle, pruneThrottle, putThrottle } from '../../../db/queries/login-throttle-queries';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});
afterEach(() => close());

describe('login throttle queries', () => {
  it('puts, overwrites, reads and deletes a key', async () => {
    await putThrottle(db, { key: 'user:eva', failures: 1, lockedUntil: 0, updatedAt: 10 });
    await putThrottle(db, { key: 'user:eva', failures: 2, lockedUntil: 500, updatedAt: 20 });
    expect(await getThrottle(db, 'user:eva')).toEqual({ key: 'user:eva', failures: 2, lockedUntil: 500, updatedAt: 20 });
    await deleteThrottle(db, 'user:eva');
    expect(await getThrottle(db, 'user:eva')).toBeUndefined();
  });

  it('prunes idle keys but never a key that is still locked', async () => {
    await putThrottle(db, { key: 'old', failures: 1, lockedUntil: 0, updatedAt: 10 });
    await putThrottle(db, { key: 'old-but-locked', failures: 9, lockedUntil: 5000, updatedAt: 10 });
    await putThrottle(db, { key: 'recent', failures: 1, lockedUntil: 0, updatedAt: 900 });
    expect(await pruneThrottle(db, 100, 1000)).toBe(1);
    expect(await getThrottle(db, 'old')).toBeUndefined();
    expect(await getThrottle(db, 'old-but-locked')).toBeDefined();
    expect(await getThrottle(db, 'recent')).toBeDefined();
  });
});
