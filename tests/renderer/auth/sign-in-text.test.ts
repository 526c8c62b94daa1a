import { describe, expect, it } from 'vitest';
import { signInErrorText } from '../../../renderer/src/auth/sign-in-text';
import { translate } from '../../../renderer/src/i18n/translate';
import { TransportError } from '../../../renderer/src/transport/transport';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const da = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('da', key, params);

describe('signInErrorText', () => {
  it('says "wrong username or password" for a 401, whichever of the two was wrong', () => {
    expect(signInErrorText(new TransportError('UNAUTHENTICATED', 'Invalid credentials', 401), en, false)).toBe('Wrong username or password.');
    expect(signInErrorText(new TransportError('UNAUTHENTICATED', 'Invalid credentials', 401), da, true)).toBe('Forkert brugernavn eller adgangskode.');
  });

  it('names the seconds of the back-off when the host sent them', () => {
    expect(signInErrorText(new TransportError('RATE_LIMITED', 'Too many attempts', 429, 30), en, false)).toBe('Too many failed attempts. Try again in 30 seconds.');
    expect(signInErrorText(new TransportError('RATE_LIMITED', 'Too many attempts', 429), en, false)).toBe(translate('en', 'signIn.rateLimitedSoon'));
  });

  it('tells a client at the desk that its account is for the LAN', () => {
    expect(signInErrorText(new TransportError('FORBIDDEN', 'Clients cannot sign in at the desk', 403), en, true)).toBe(translate('en', 'signIn.deskOnly'));
  });

  it('shows any other refusal as the desk shows refusals', () => {
    expect(signInErrorText(new TransportError('NETWORK', 'offline'), en, false)).toBe(translate('en', 'error.network'));
    expect(signInErrorText(new TransportError('VALIDATION', 'username is required', 400), en, false)).toBe('Check the input: username is required');
  });
});
