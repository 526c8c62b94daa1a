import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../../../core/auth/password-hashing';

describe('password hashing', () => {
  it('uses argon2id with OWASP’s parameters (19 MiB, 2 passes, 1 lane), salted', async () => {
    const a = await hashPassword('Tide-pool lantern 42');
    const b = await hashPassword('Tide-pool lantern 42');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(parseOptions(a)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 });
    expect(a).not.toContain('Tide-pool');
  });

  it('verifies the right password only, and never throws on a damaged hash', async () => {
    const hashed = await hashPassword('Tide-pool lantern 42');
    expect(await verifyPassword(hashed, 'Tide-pool lantern 42')).toBe(true);
    expect(await verifyPassword(hashed, 'tide-pool lantern 42')).toBe(false);
    expect(await verifyPassword('not a hash', 'Tide-pool lantern 42')).toBe(false);
    expect(await verifyPassword('', '')).toBe(false);
  });
});
