import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract/settings';
import { SETTINGS_FIELDS } from '../../../renderer/src/composition/settings-sections';
import { CLEAR_SECRET, draftOf as draftOfFields, settingsPatch as patchOfFields, type SettingsDraft } from '../../../renderer/src/settings/settings-fields';
import { translate } from '../../../renderer/src/i18n/translate';
import { defaultSettings } from '../../../core/settings/settings-service';
// The words, installed as main.tsx installs them.
import '../../../renderer/src/composition/dictionaries';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
// The form's fields are the sections' of the settings screen's registry.
const draftOf = (s: Settings) => draftOfFields(s, SETTINGS_FIELDS);
const settingsPatch = (s: Settings, d: SettingsDraft, tr: typeof t) => patchOfFields(s, d, tr, SETTINGS_FIELDS);

// The settings as saved: what these cases name, and every other setting at its default (a new one needs no line here).
const saved: Settings = {
  ...defaultSettings(),
  hotelName: 'Hotel Havnen', timeZone: 'Europe/Copenhagen', currency: 'DKK', locale: 'da', checkinTime: '14:00', checkoutTime: '12:00',
  maxStayNights: 30, billingServiceUrl: 'http://billing-service:5002', eventServiceUrl: '', outboxRetryHours: 72, outboxRetentionDays: 30,
  lanEnabled: false, lanHost: '0.0.0.0', lanPort: 8080, selfRegistration: false, sessionHours: 12, brokerEventTypes: [],
  smtpHost: '', smtpPort: 587, smtpTls: 'starttls', smtpUser: '', smtpPasswordSet: false, smtpFrom: '',
  // appointments (issue 8)
  appointmentHoldMinutes: 30, appointmentReminderMinutes: 60, refundFullHours: 48, refundPartialHours: 24, refundPartialPercent: 50, paymentCheckoutUrl: '', reportsOutOfOrderUnavailable: false,
  earlyCheckinMinutes: 360, departurePriceRule: 'booked', timeZoneConfirmed: true, downtimePackMinutes: 30,
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

describe('settingsPatch for the LAN API and sign-in', () => {
  it('reads the switches as booleans and sends only those that changed', () => {
    expect(draftOf(saved)).toMatchObject({ lanEnabled: 'false', selfRegistration: 'false', lanPort: '8080' });
    const draft = { ...draftOf(saved), lanEnabled: 'true', lanPort: '8443', sessionHours: '8' };
    expect(settingsPatch(saved, draft, t)).toEqual({ patch: { lanEnabled: true, lanPort: 8443, sessionHours: 8 }, errors: {}, changed: 3 });
  });

  it('takes an IPv4 or IPv6 address to listen on, and explains anything else', () => {
    expect(settingsPatch(saved, { ...draftOf(saved), lanHost: ' 192.168.1.20 ' }, t).patch).toEqual({ lanHost: '192.168.1.20' });
    expect(settingsPatch(saved, { ...draftOf(saved), lanHost: '::' }, t).patch).toEqual({ lanHost: '::' });
    expect(settingsPatch(saved, { ...draftOf(saved), lanHost: 'desk.local' }, t).errors).toEqual({ lanHost: 'Enter an IP address such as 0.0.0.0' });
  });

  it('keeps the port and the session length within the contract’s ranges', () => {
    const { errors, patch } = settingsPatch(saved, { ...draftOf(saved), lanPort: '80', sessionHours: '0' }, t);
    expect(patch).toEqual({});
    expect(errors).toEqual({ lanPort: 'Enter a whole number from 1024 to 65535', sessionHours: 'Enter a whole number from 1 to 720' });
  });

  it('sends the SMTP password only when typed (write-only), "" when it is to be removed, and checks the SMTP fields', () => {
    expect(settingsPatch(saved, draftOf(saved), t).patch).toEqual({});
    expect(draftOf({ ...saved, smtpPasswordSet: true }).smtpPassword).toBe('');
    const typed = { ...draftOf(saved), smtpHost: ' smtp.hotel.example ', smtpPort: '465', smtpTls: 'tls', smtpPassword: 'Relay-Secret-1', smtpFrom: 'desk@hotel.example' };
    expect(settingsPatch(saved, typed, t)).toEqual({
      patch: { smtpHost: 'smtp.hotel.example', smtpPort: 465, smtpTls: 'tls', smtpPassword: 'Relay-Secret-1', smtpFrom: 'desk@hotel.example' },
      errors: {},
      changed: 5,
    });
    expect(settingsPatch({ ...saved, smtpPasswordSet: true }, { ...draftOf(saved), smtpPassword: CLEAR_SECRET }, t).patch).toEqual({ smtpPassword: '' });
    const bad = settingsPatch(saved, { ...draftOf(saved), smtpHost: 'smtp host', smtpPort: '0', smtpFrom: 'desk', smtpPassword: 'a\nb' }, t);
    expect(bad.errors).toEqual({
      smtpHost: 'Enter a host name such as smtp.example.com, or leave it empty',
      smtpPort: 'Enter a whole number from 1 to 65535',
      smtpFrom: 'Enter an e-mail address such as desk@hotel.example, or leave it empty',
      smtpPassword: 'No line breaks or control characters',
    });
  });
});

describe('the event types the broker hears of (cars, issue 9 §2)', () => {
  it('drafts the list as text, sends the changed list, leaves an unchanged one out', async () => {
    const draft = draftOf;
    const patchOf = settingsPatch;
    const settings = { ...defaultSettings(), brokerEventTypes: ['car.added', 'car.rented'] as ('car.added' | 'car.rented')[] };
    const d = draft(settings);
    expect(d.brokerEventTypes).toBe('car.added,car.rented');
    const tr = ((k: string) => k) as never;
    expect(patchOf(settings, d, tr).patch).toEqual({});
    expect(patchOf(settings, { ...d, brokerEventTypes: 'car.rented' }, tr).patch).toEqual({ brokerEventTypes: ['car.rented'] });
    expect(patchOf(settings, { ...d, brokerEventTypes: '' }, tr).patch).toEqual({ brokerEventTypes: [] });
  });
});

describe('the fields’ placeholders', () => {
  it('each shows an example of its own field, which the field would accept (the checkout URL’s is no broker URL)', () => {
    const withPlaceholder = SETTINGS_FIELDS.filter((f) => f.placeholder !== undefined);
    expect(new Set(withPlaceholder.map((f) => f.placeholder)).size).toBe(withPlaceholder.length);
    const placeholder = (key: string) => SETTINGS_FIELDS.find((f) => f.key === key)?.placeholder;
    expect(placeholder('paymentCheckoutUrl')).toMatch(/^https:\/\/.*\{id\}.*\{amount\}/);
    expect(placeholder('eventServiceUrl')).toMatch(/broker/);
    for (const f of withPlaceholder) {
      const { errors } = settingsPatch(saved, { ...draftOf(saved), [f.key]: f.placeholder! }, t);
      expect(errors, f.key).toEqual({});
    }
  });
});
