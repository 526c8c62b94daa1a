import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../../core/auth/common-passwords';
import { assertPasswordPolicy, passwordProblem } from '../../../core/auth/password-policy';
import { AppError } from '../../../shared/errors';

describe('the password policy', () => {
  it('accepts a long, uncommon password', async () => {
    expect(await passwordProblem('Tide-pool lantern 42', 'eva')).toBeNull();
    expect(await passwordProblem('x'.repeat(9) + 'ø', 'eva')).toBeNull();
  });

  it('wants 10 to 256 characters (counting characters, not UTF-16 units)', async () => {
    expect(await passwordProblem('Zq8#kLm2!', 'eva')).toBe('The password must be at least 10 characters long');
    expect(await passwordProblem('😀'.repeat(9), 'eva')).toBe('The password must be at least 10 characters long');
    expect(await passwordProblem('Zq8#kLm2!x'.repeat(25) + 'abcdef', 'eva')).toBeNull();
    expect(await passwordProblem('Zq8#kLm2!x'.repeat(25) + 'abcdefg', 'eva')).toBe('The password must be at most 256 characters long');
  });

  it('refuses the username, whatever the case', async () => {
    expect(await passwordProblem('Reception-Eva', 'reception-eva')).toBe('The password must not be the username');
  });

  it('refuses the most common passwords, case-insensitively', async () => {
    for (const pw of ['1234567890', 'qwertyuiop', 'password123', 'iloveyou123', 'PASSWORD123', 'QwertyUiop', 'basketball', 'manchester']) {
      expect(await passwordProblem(pw, 'eva'), pw).toBe('This password is one of the most common passwords; choose another');
    }
    expect(await isCommonPassword('123456')).toBe(true);
    expect(await isCommonPassword('Tide-pool lantern 42')).toBe(false);
  });

  it("keeps the list as one string, not the package's modules: Node's module cache holds none of them after a check", async () => {
    expect(await isCommonPassword('dragon')).toBe(true);
    expect(await isCommonPassword('dragon\nbaseball')).toBe(false); // two entries joined by a line break are not one
    expect(await isCommonPassword('ragon\nbasebal')).toBe(false);
    expect(Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('@zxcvbn-ts'))).toEqual([]);
  });

  it('rejects with AppError VALIDATION and the reason', async () => {
    const e = await assertPasswordPolicy('short', 'eva').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'The password must be at least 10 characters long' });
    await expect(assertPasswordPolicy('Tide-pool lantern 42', 'eva')).resolves.toBeUndefined();
  });
});
