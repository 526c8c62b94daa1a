import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract/schemas';
import { draftOf, settingsPatch } from '../../../renderer/src/admin/settings-fields';
import { translate } from '../../../renderer/src/i18n/translate';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

const saved: Settings = {
  hotelName: 'Hotel Havnen', timeZone: 'Europe/Copenhagen', currency: 'DKK', locale: 'da', checkinTime: '14:00', checkoutTime: '12:00',
  maxStayNights: 30, billingServiceUrl: 'http://billing-service:5002', eventServiceUrl: '', outboxMaxAttempts: 10, outboxRetentionDays: 30,
};

describe('settingsPatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsPatch(saved, draftOf(saved), t)).toEqual({ patch: {}, errors: {}, changed: 0 });
  });

  it('sends only the changed fields, parsed to their types', () => {
    const draft = { ...draftOf(saved), maxStayNights: '60', currency: 'eur', eventServiceUrl: 'http://broker:8080/events' };
    expect(settingsPatch(saved, draft, t)).toEqual({
      patch: { maxStayNights: 60, currency: 'EUR', eventServiceUrl: 'http://broker:8080/events' },
      errors: {},
      changed: 3,
    });
  });

  it('explains each invalid field with the range from the contract', () => {
    const draft = { ...draftOf(saved), maxStayNights: '400', timeZone: 'Mars/Olympus', checkinTime: '25:00', billingServiceUrl: 'ftp://x' };
    const { errors, patch } = settingsPatch(saved, draft, t);
    expect(patch).toEqual({});
    expect(errors).toEqual({
      maxStayNights: 'Enter a whole number from 1 to 365',
      timeZone: 'Choose a time zone such as Europe/Copenhagen',
      checkinTime: 'Enter a time as HH:MM',
      billingServiceUrl: 'Enter an http(s) address, or leave it empty',
    });
  });

  it('lets an integration URL be cleared', () => {
    expect(settingsPatch(saved, { ...draftOf(saved), billingServiceUrl: '' }, t).patch).toEqual({ billingServiceUrl: '' });
  });
});
