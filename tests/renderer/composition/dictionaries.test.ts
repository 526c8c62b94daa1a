import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/contract/roles';
import { HOUSEKEEPING_STATES } from '../../../shared/contract/rooms';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { da, DOMAIN_TEXTS, en } from '../../../renderer/src/composition/dictionaries';
import { isPlural, messageTexts } from '../../../renderer/src/i18n/message';
import { placeholders, translate, type MessageKey } from '../../../renderer/src/i18n/translate';

describe('UI dictionaries', () => {
  it("merge every domain's dictionary, no key defined by two domains", () => {
    const seen = new Map<string, number>();
    DOMAIN_TEXTS.forEach((domain, i) => {
      expect(Object.keys(domain.da).sort(), `domain ${i}`).toEqual(Object.keys(domain.en).sort());
      for (const key of Object.keys(domain.en)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, i);
      }
    });
    expect(seen.size).toBe(Object.keys(en).length);
  });

  it('have exactly the same keys in Danish and English', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const dict of [da, en]) {
      for (const [key, message] of Object.entries(dict)) for (const text of messageTexts(message)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same {placeholders} for a key in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const forms = [...messageTexts(en[key]), ...messageTexts(da[key])].map(placeholders);
      for (const form of forms) expect(form, key).toEqual(forms[0]);
    }
  });

  it('count by a placeholder every plural form uses, and are plural in both languages alike', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const message = en[key];
      expect(isPlural(da[key]), key).toBe(isPlural(message));
      if (!isPlural(message)) continue;
      for (const text of [...messageTexts(message), ...messageTexts(da[key])]) expect(placeholders(text), key).toContain(message.by ?? 'n');
    }
  });

  it('name every stay status and housekeeping state', () => {
    const keys = new Set(Object.keys(en));
    for (const s of STAY_STATUSES) expect(keys.has(`status.${s}`), s).toBe(true);
    for (const h of HOUSEKEEPING_STATES) {
      expect(keys.has(`hk.${h}`), h).toBe(true);
      expect(keys.has(`hk.short.${h}`), h).toBe(true);
    }
  });

  it('name every role, with a hint for the new-user form', () => {
    const keys = new Set(Object.keys(en));
    for (const r of ROLES) {
      expect(keys.has(`role.${r}`), r).toBe(true);
      expect(keys.has(`users.roleHint.${r}`), r).toBe(true);
    }
  });

  it('are actually translated: Danish differs from English for the status names', () => {
    for (const s of STAY_STATUSES) expect(da[`status.${s}`]).not.toBe(en[`status.${s}`]);
  });
});

describe('translate', () => {
  it('fills {placeholders} in the chosen language', () => {
    expect(translate('en', 'board.floor', { n: 2 })).toBe('Floor 2');
    expect(translate('da', 'board.floor', { n: 2 })).toBe('2. etage');
    expect(translate('da', 'booking.created', { name: 'Ida', room: 101 })).toBe('Ophold booket for Ida, værelse 101');
  });

  it('says one or many by the language\'s plural rules', () => {
    expect(translate('en', 'rooms.count', { n: 1 })).toBe('1 room');
    expect(translate('en', 'rooms.count', { n: 2 })).toBe('2 rooms');
    expect(translate('en', 'rooms.count', { n: 0 })).toBe('0 rooms');
    expect(translate('da', 'rooms.count', { n: 1 })).toBe('1 værelse');
    expect(translate('da', 'rooms.count', { n: 2 })).toBe('2 værelser');
    expect(translate('da', 'users.count', { n: 1 })).toBe('1 aktiv bruger');
    expect(translate('da', 'users.count', { n: 3 })).toBe('3 aktive brugere');
    expect(translate('en', 'users.count', { n: 1 })).toBe('1 active user');
    expect(translate('da', 'booking.freeRooms', { n: 1 })).toBe('1 ledigt værelse i perioden');
    expect(translate('en', 'export.saved', { path: '/tmp/a.csv', rows: 1 })).toBe('Saved to /tmp/a.csv (1 row)');
    expect(translate('da', 'export.saved', { path: '/tmp/a.csv', rows: 2 })).toBe('Gemt i /tmp/a.csv (2 rækker)');
    expect(translate('en', 'error.rateLimited', { seconds: 1 })).toBe('Too many attempts. Try again in 1 second.');
  });

  it('uses the many form when the count is missing', () => {
    expect(translate('en', 'rooms.count')).toBe('{n} rooms');
  });

  it('leaves a placeholder without a value visible instead of dropping it', () => {
    expect(translate('en', 'board.floor')).toBe('Floor {n}');
    expect(translate('en', 'board.floor', {})).toBe('Floor {n}');
  });
});
