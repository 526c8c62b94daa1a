import { describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/src/i18n/error-text';
import { translate } from '../../../renderer/src/i18n/translate';
import { TransportError } from '../../../renderer/src/transport/transport';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

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

  it('translates a named refusal with its params, and names the stay in the way', () => {
    const e = new TransportError('ROOM_UNAVAILABLE', 'Room 206 is not available from 2026-11-22 to 2026-11-25', 409, undefined, {
      reason: 'stays.roomTakenByStay',
      params: { room: 206, from: '2026-11-22', to: '2026-11-25', stayId: 12, guest: 'Mette Hansen', stayFrom: '2026-11-20', stayTo: '2026-11-24' },
    });
    expect(errorText(e, da)).toBe('Ikke muligt: Værelse 206 er ikke ledigt fra 2026-11-22 til 2026-11-25: ophold #12 for Mette Hansen (2026-11-20 – 2026-11-24) er i vejen');
    expect(errorText(e, en)).toBe('Not possible: Room 206 is not available from 2026-11-22 to 2026-11-25: stay #12 for Mette Hansen (2026-11-20 – 2026-11-24) is in the way');
  });

  it('names a block in the way, with and without its reason', () => {
    const block = (reason: string, params: Record<string, string | number>) => new TransportError('ROOM_UNAVAILABLE', 'x', 409, undefined, { reason, params });
    const p = { room: 103, from: '2026-05-01', to: '2026-05-03', blockId: 4, blockFrom: '2026-04-30', blockTo: '2026-05-02' };
    expect(errorText(block('stays.roomBlockedFor', { ...p, blockReason: 'Vandskade' }), da)).toBe('Ikke muligt: Værelse 103 er ikke ledigt fra 2026-05-01 til 2026-05-03: det er spærret 2026-04-30 – 2026-05-02 (Vandskade)');
    expect(errorText(block('stays.roomBlocked', p), en)).toBe('Not possible: Room 103 is not available from 2026-05-01 to 2026-05-03: it is blocked 2026-04-30 – 2026-05-02');
  });

  it('translates the status and action a refused transition names, and plural forms by their count', () => {
    const e = new TransportError('ILLEGAL_TRANSITION', 'Cannot check in a stay that is checked out', 409, undefined, { reason: 'stays.illegalTransition', params: { action: 'check_in', status: 'checked_out' } });
    expect(errorText(e, da)).toBe(`Ikke muligt: Et ophold, der er ${translate('da', 'status.checked_out').toLowerCase()}, tillader ikke indtjekning`);
    expect(errorText(e, en)).toBe('Not possible: A stay that is checked out does not allow check-in');
    const cap = (capacity: number) => new TransportError('VALIDATION', 'x', 400, undefined, { reason: 'rooms.overCapacity', params: { room: 101, capacity, guests: 3 } });
    expect(errorText(cap(1), da)).toBe('Tjek oplysningerne: Værelse 101 har plads til højst 1 gæst');
    expect(errorText(cap(2), en)).toBe('Check the input: Room 101 sleeps at most 2 guests');
  });

  it('falls back to the server message when the reason is unknown or missing', () => {
    const unknown = new TransportError('CONFLICT', 'Something new', 409, undefined, { reason: 'stays.somethingNobodyTranslated', params: { a: 1 } });
    expect(errorText(unknown, da)).toBe('Ikke muligt: Something new');
    expect(errorText(new TransportError('NOT_FOUND', 'Stay 9 not found', 404, undefined, { reason: 'stays.notFound', params: { id: 9 } }), da)).toBe('Findes ikke: Ophold #9 findes ikke');
  });

  it('shows a plain Error by its message', () => {
    expect(errorText(new Error('boom'), en)).toBe('boom');
  });
});
