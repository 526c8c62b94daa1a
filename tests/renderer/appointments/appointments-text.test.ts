import { describe, expect, it } from 'vitest';
import * as contract from '../../../shared/contract/appointments';
import { appointmentsNavText } from '../../../renderer/src/appointments/appointments-nav-text';
import { appointmentsText } from '../../../renderer/src/appointments/appointments-text';
import * as vocabulary from '../../../renderer/src/appointments/vocabulary';
import { DOMAIN_TEXTS } from '../../../renderer/src/composition/dictionaries';
import { isPlural, messageTexts } from '../../../renderer/src/i18n/message';
import { placeholders, translate, type MessageKey } from '../../../renderer/src/i18n/translate';

describe('the appointments words', () => {
  it('load with the screens: not in the first bundle’s dictionaries, and no key of another domain', () => {
    const firstBundle = new Set(DOMAIN_TEXTS.flatMap((d) => Object.keys(d.en)));
    for (const key of Object.keys(appointmentsText.en)) expect(firstBundle.has(key), key).toBe(false);
    for (const key of Object.keys(appointmentsNavText.en)) expect(firstBundle.has(key), key).toBe(true);
  });

  it('have the same keys, plurals and {placeholders} in Danish and English, none empty', () => {
    for (const text of [appointmentsText, appointmentsNavText]) {
      expect(Object.keys(text.da).sort()).toEqual(Object.keys(text.en).sort());
      for (const [key, message] of Object.entries(text.en)) {
        const danish = (text.da as Record<string, typeof message>)[key]!;
        expect(isPlural(danish), key).toBe(isPlural(message));
        const forms = [...messageTexts(message), ...messageTexts(danish)];
        for (const form of forms) {
          expect(form.trim(), key).not.toBe('');
          expect(placeholders(form), key).toEqual(placeholders(forms[0]!));
        }
      }
    }
  });

  it('join the dictionaries once their module ran, in both languages', () => {
    expect(translate('da', 'appt.status.no_show' as MessageKey)).toBe('Udeblevet');
    expect(translate('en', 'appt.willMake' as MessageKey, { n: 16 })).toBe('This makes 16 new timeslots.');
    expect(translate('da', 'appt.willMake' as MessageKey, { n: 1 })).toBe('Det giver 1 ny tid.');
  });

  it('name every status, payment state, method, kind, room type and weekday of the contract', () => {
    const keys = new Set(Object.keys(appointmentsText.en));
    for (const s of contract.APPOINTMENT_STATUSES) expect(keys.has(`appt.status.${s}`), s).toBe(true);
    for (const s of contract.PAYMENT_STATUSES) expect(keys.has(`appt.payment.${s}`), s).toBe(true);
    for (const m of contract.PAYMENT_METHODS) expect(keys.has(`appt.method.${m}`), m).toBe(true);
    for (const k of contract.APPOINTMENT_KINDS) expect(keys.has(`appt.kind.${k}`), k).toBe(true);
    for (const r of contract.SERVICE_ROOM_TYPES) expect(keys.has(`appt.roomType.${r}`), r).toBe(true);
    for (const d of contract.WEEKDAYS) expect(keys.has(`appt.weekday.${d}`) && keys.has(`appt.weekdayShort.${d}`), d).toBe(true);
  });

  it("offer exactly the contract's word lists (kept as plain data so the screens do not load zod)", () => {
    expect(vocabulary.PAYMENT_METHODS).toEqual(contract.PAYMENT_METHODS);
    expect(vocabulary.APPOINTMENT_STATUSES).toEqual(contract.APPOINTMENT_STATUSES);
    expect(vocabulary.APPOINTMENT_KINDS).toEqual(contract.APPOINTMENT_KINDS);
    expect(vocabulary.SERVICE_ROOM_TYPES).toEqual(contract.SERVICE_ROOM_TYPES);
    expect(vocabulary.WEEKDAYS).toEqual(contract.WEEKDAYS);
  });
});
