import { describe, expect, it } from 'vitest';
import { translate, type MessageParams } from '../../../renderer/src/i18n/translate';
import { confirmationOf } from '../../../renderer/src/users/user-confirm';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

const en = (key: Parameters<typeof translate>[1], params?: MessageParams) => translate('en', key, params);
const da = (key: Parameters<typeof translate>[1], params?: MessageParams) => translate('da', key, params);
const eva = { username: 'Eva', role: 'staff' as const, active: true };

describe('confirmationOf', () => {
  it('asks before a role change, in English and Danish', () => {
    expect(confirmationOf(eva, { role: 'client' }, en)).toEqual({ text: 'Change Eva’s role to client?', yes: 'Change role' });
    expect(confirmationOf(eva, { role: 'client' }, da)).toEqual({ text: 'Skift rollen for Eva til klient?', yes: 'Skift rolle' });
  });

  it('asks before a deactivation, saying the sessions end now', () => {
    expect(confirmationOf(eva, { active: false }, en)).toEqual({ text: 'Deactivate Eva? Eva is signed out everywhere now.', yes: 'Deactivate' });
    expect(confirmationOf(eva, { active: false }, da)).toEqual({ text: 'Deaktivér Eva? Eva bliver logget ud alle steder nu.', yes: 'Deaktivér' });
  });

  it('asks nothing to activate, or for the role the user already has', () => {
    expect(confirmationOf({ ...eva, active: false }, { active: true }, en)).toBeNull();
    expect(confirmationOf(eva, { role: 'staff' }, en)).toBeNull();
  });
});
