import { describe, expect, it } from 'vitest';
import { userFieldProblems } from '../../../renderer/src/users/user-fields';

describe('userFieldProblems', () => {
  it('accepts what the contract accepts', () => {
    expect(userFieldProblems({ username: 'anna.s', email: 'anna@hotel.dk' })).toEqual({});
  });

  it('explains a username the contract refuses and a malformed e-mail', () => {
    expect(userFieldProblems({ username: 'an', email: 'anna' })).toEqual({ username: 'users.usernameInvalid', email: 'validation.email' });
    expect(userFieldProblems({ username: 'anna smith', email: 'anna@hotel.dk' })).toEqual({ username: 'users.usernameInvalid' });
  });
});
