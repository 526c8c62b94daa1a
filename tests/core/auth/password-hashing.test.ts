import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, hashPassword, needsRehash, verifyPassword } from '../../../core/auth/password-hashing';

describe('password hashing', () => {
  it('uses argon2id with OWASP’s 7 MiB × 5 passes (equal to 19 MiB × 2), 1 lane, salted', async () => {
    const a = await hashPassword('Tide-pool lantern 42');
    const b = await hashPassword('Tide-pool lantern 42');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    expect(a).not.toBe(b);
    expect(parseOptions(a)).toMatchObject({ memoryCost: 7168, timeCost: 5, parallelism: 1 });
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 7168, timeCost: 5, parallelism: 1, algorithm: 2 });
    expect(a).not.toContain('Tide-pool');
  });

  it('verifies the right password only, and never throws on a damaged hash', async () => {
    const hashed = await hashPassword('Tide-pool lantern 42');
    expect(await verifyPassword(hashed, 'Tide-pool lantern 42')).toBe(true);
    expect(await verifyPassword(hashed, 'tide-pool lantern 42')).toBe(false);
    expect(await verifyPassword('not a hash', 'Tide-pool lantern 42')).toBe(false);
    expect(await verifyPassword('', '')).toBe(false);
  });

  it('says which hashes to make anew: other memory, passes, lanes or algorithm, or no PHC string', async () => {
    expect(needsRehash(await hashPassword('Tide-pool lantern 42'))).toBe(false);
    const other = (o: object) => hash('Tide-pool lantern 42', { ...ARGON2_OPTIONS, ...o });
    expect(needsRehash(await other({ memoryCost: 19_456, timeCost: 2 }))).toBe(true);
    expect(needsRehash(await other({ timeCost: 6 }))).toBe(true);
    expect(needsRehash(await other({ parallelism: 2 }))).toBe(true);
    expect(needsRehash(await other({ algorithm: 1 }))).toBe(true);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
