import { describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/src/i18n/error-text';
import { translate } from '../../../renderer/src/i18n/translate';
import { TransportError } from '../../../renderer/src/transport/transport';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const da = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('da', key, params);

describe('errorText', () => {
  it('keeps the server message of a 409 behind a translated lead', () => {
    const e = new TransportError('ROOM_UNAVAILABLE', 'Room 101 is not available', 409);
    expect(errorText(e, en)).toBe('Not possible: Room 101 is not available');
    expect(errorText(e, da)).toBe('Ikke muligt: Room 101 is not available');
  });

  it('says what kind of refusal a 400 and a 404 are', () => {
    expect(errorText(new TransportError('VALIDATION', 'guest name is required', 400), en)).toBe('Check the input: guest name is required');
    expect(errorText(new TransportError('NOT_FOUND', 'Stay 9 not found', 404), en)).toBe('Not found: Stay 9 not found');
  });

  it('replaces transport and server failures with a sentence of its own', () => {
    expect(errorText(new TransportError('NETWORK', 'fetch failed'), da)).toBe(translate('da', 'error.network'));
    expect(errorText(new TransportError('INTERNAL', 'Internal error', 500), en)).toBe(translate('en', 'error.server'));
  });

  it('says a 403 is not allowed and keeps the host’s reason', () => {
    expect(errorText(new TransportError('FORBIDDEN', 'Your role may not do this', 403), en)).toBe('Not allowed: Your role may not do this');
    expect(errorText(new TransportError('FORBIDDEN', 'Your role may not do this', 403), da)).toBe('Ikke tilladt: Your role may not do this');
  });

  it('names the forced password change and the back-off with its seconds', () => {
    expect(errorText(new TransportError('PASSWORD_CHANGE_REQUIRED', 'Change your password first', 403), en)).toBe(translate('en', 'error.passwordChange'));
    expect(errorText(new TransportError('RATE_LIMITED', 'Too many', 429, 42), en)).toBe('Too many attempts. Try again in 42 seconds.');
    expect(errorText(new TransportError('RATE_LIMITED', 'Too many', 429), da)).toBe(translate('da', 'error.rateLimitedSoon'));
  });

  it('shows a plain Error by its message', () => {
    expect(errorText(new Error('boom'), en)).toBe('boom');
  });
});
