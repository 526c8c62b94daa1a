import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, passwordProblems } from '../../../renderer/src/auth/password-rules';

describe('passwordProblems', () => {
  it('accepts a long enough new password typed twice', () => {
    expect(passwordProblems({ current: 'admin', next: 'reception-2026', repeat: 'reception-2026' })).toEqual({});
  });

  it('asks for the current password, a long enough new one, and the same one twice', () => {
    expect(passwordProblems({ current: '', next: 'short', repeat: 'shorter' })).toEqual({
      current: 'password.currentRequired',
      next: 'password.tooShort',
      repeat: 'password.mismatch',
    });
  });

  it('refuses the current password as the new one', () => {
    expect(passwordProblems({ current: 'reception-2026', next: 'reception-2026', repeat: 'reception-2026' })).toEqual({ next: 'password.sameAsCurrent' });
  });

  it('counts characters, not UTF-16 units, against the minimum', () => {
    const nineEmoji = '🔑'.repeat(MIN_PASSWORD_LENGTH - 1);
    expect(newPasswordProblem(nineEmoji)).toBe('password.tooShort');
    expect(newPasswordProblem(`${nineEmoji}x`)).toBeNull();
  });
});
