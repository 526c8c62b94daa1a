import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/contract/auth-schemas';
import { HOUSEKEEPING_STATES } from '../../../shared/contract/schemas';
import { STAY_STATUSES } from '../../../shared/rules/stay-rules';
import { da } from '../../../renderer/src/i18n/da';
import { en } from '../../../renderer/src/i18n/en';
import { placeholders, translate, type MessageKey } from '../../../renderer/src/i18n/translate';

describe('UI dictionaries', () => {
  it('have exactly the same keys in Danish and English', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const dict of [da, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same {placeholders} for a key in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(da[key]), key).toEqual(placeholders(en[key]));
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

  it('leaves a placeholder without a value visible instead of dropping it', () => {
    expect(translate('en', 'board.floor')).toBe('Floor {n}');
    expect(translate('en', 'board.floor', {})).toBe('Floor {n}');
  });
});
