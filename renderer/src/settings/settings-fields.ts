/**
 * The settings form's fields: how each is edited, and whether a typed value is valid, judged by
 * the contract's own `SettingsUpdateSchema` (one source of truth) with messages in the desk's language.
 */
import { SettingsUpdateSchema, type Settings, type SettingsUpdate } from '../../../shared/contract/schemas';
import type { MessageKey, Translate } from '../i18n/translate';

/** The fields both read and written, and the write-only SMTP password. */
export type SettingsKey = (keyof Settings & keyof SettingsUpdate) | 'smtpPassword';
type Kind = 'text' | 'zone' | 'currency' | 'locale' | 'time' | 'int' | 'url' | 'bool' | 'ip' | 'host' | 'tls' | 'email' | 'secret' | 'eventTypes';

/**
 * A write-only field's draft: '' keeps what is stored (nothing is sent), CLEAR_SECRET removes it
 * (sends ''), anything else replaces it.
 */
export const CLEAR_SECRET = '\u0000clear';

export interface SettingsField {
  key: SettingsKey;
  kind: Kind;
  label: MessageKey;
  section: 'hotel' | 'stays' | 'integrations' | 'outbox' | 'lan' | 'email';
  /** An example value shown while the field is empty (not a default: nothing is sent for it). */
  placeholder?: string;
}

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  { key: 'hotelName', kind: 'text', label: 'settings.hotelName', section: 'hotel' },
  { key: 'timeZone', kind: 'zone', label: 'settings.timeZone', section: 'hotel' },
  { key: 'currency', kind: 'currency', label: 'settings.currency', section: 'hotel' },
  { key: 'locale', kind: 'locale', label: 'settings.locale', section: 'hotel' },
  { key: 'checkinTime', kind: 'time', label: 'settings.checkinTime', section: 'stays' },
  { key: 'checkoutTime', kind: 'time', label: 'settings.checkoutTime', section: 'stays' },
  { key: 'maxStayNights', kind: 'int', label: 'settings.maxStayNights', section: 'stays' },
  { key: 'billingServiceUrl', kind: 'url', label: 'settings.billingServiceUrl', section: 'integrations', placeholder: 'http://billing-service:5002' },
  { key: 'eventServiceUrl', kind: 'url', label: 'settings.eventServiceUrl', section: 'integrations', placeholder: 'http://event-broker:8080/events' },
  { key: 'outboxRetryHours', kind: 'int', label: 'settings.outboxRetryHours', section: 'outbox' },
  { key: 'outboxRetentionDays', kind: 'int', label: 'settings.outboxRetentionDays', section: 'outbox' },
  { key: 'lanEnabled', kind: 'bool', label: 'settings.lanEnabled', section: 'lan' },
  { key: 'lanHost', kind: 'ip', label: 'settings.lanHost', section: 'lan', placeholder: '0.0.0.0' },
  { key: 'lanPort', kind: 'int', label: 'settings.lanPort', section: 'lan' },
  { key: 'selfRegistration', kind: 'bool', label: 'settings.selfRegistration', section: 'lan' },
  { key: 'sessionHours', kind: 'int', label: 'settings.sessionHours', section: 'lan' },
  // E-mail delivery (issue 8 §5, platform).
  { key: 'smtpHost', kind: 'host', label: 'settings.smtpHost', section: 'email', placeholder: 'smtp.example.com' },
  { key: 'smtpPort', kind: 'int', label: 'settings.smtpPort', section: 'email' },
  { key: 'smtpTls', kind: 'tls', label: 'settings.smtpTls', section: 'email' },
  { key: 'smtpUser', kind: 'text', label: 'settings.smtpUser', section: 'email' },
  { key: 'smtpPassword', kind: 'secret', label: 'settings.smtpPassword', section: 'email' },
  { key: 'smtpFrom', kind: 'email', label: 'settings.smtpFrom', section: 'email', placeholder: 'desk@hotel.example' },
  // appointments (issue 8)
  { key: 'appointmentHoldMinutes', kind: 'int', label: 'settings.appointmentHoldMinutes', section: 'stays' },
  { key: 'appointmentReminderMinutes', kind: 'int', label: 'settings.appointmentReminderMinutes', section: 'stays' },
  { key: 'refundFullHours', kind: 'int', label: 'settings.refundFullHours', section: 'stays' },
  { key: 'refundPartialHours', kind: 'int', label: 'settings.refundPartialHours', section: 'stays' },
  { key: 'refundPartialPercent', kind: 'int', label: 'settings.refundPartialPercent', section: 'stays' },
  { key: 'paymentCheckoutUrl', kind: 'url', label: 'settings.paymentCheckoutUrl', section: 'integrations', placeholder: 'https://pay.example.com/checkout?ref={id}&amount={amount}' },
  { key: 'reportsOutOfOrderUnavailable', kind: 'bool', label: 'settings.reportsOutOfOrderUnavailable', section: 'stays' },
  // cars (issue 9 §2): which event types go to the event broker (drafted as a comma-separated list).
  { key: 'brokerEventTypes', kind: 'eventTypes', label: 'settings.brokerEventTypes', section: 'integrations' },
  // printing (issue 17 §2): the downtime pack's interval
  { key: 'downtimePackMinutes', kind: 'int', label: 'settings.downtimePackMinutes', section: 'stays' },
];

/** Every field as typed: text, and `true` / `false` for a switch. */
export type SettingsDraft = Record<SettingsKey, string>;

export function draftOf(s: Settings): SettingsDraft {
  const d = {} as SettingsDraft;
  for (const f of SETTINGS_FIELDS) d[f.key] = f.key === 'smtpPassword' ? '' : String(s[f.key]);
  return d;
}

function valueOf(field: SettingsField, text: string): unknown {
  if (field.kind === 'int') return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (field.kind === 'bool') return text === 'true';
  if (field.kind === 'currency') return text.trim().toUpperCase();
  if (field.kind === 'secret') return text === CLEAR_SECRET ? '' : text;
  if (field.kind === 'eventTypes') return text.split(',').filter((type) => type !== '');
  return ['url', 'text', 'zone', 'ip', 'host', 'email'].includes(field.kind) ? text.trim() : text;
}

function rangeOf(key: SettingsKey): { min: number; max: number } {
  const schema = SettingsUpdateSchema.shape[key as keyof SettingsUpdate].unwrap() as { minValue?: number | null; maxValue?: number | null };
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 0 };
}

function messageFor(field: SettingsField, t: Translate): string {
  switch (field.kind) {
    case 'int': return t('validation.range', rangeOf(field.key));
    case 'url': return t('validation.url');
    case 'time': return t('validation.time');
    case 'currency': return t('validation.currency');
    case 'zone': return t('validation.timeZone');
    case 'ip': return t('validation.ip');
    case 'host': return t('validation.smtpHost');
    case 'email': return t('validation.emailOrEmpty');
    case 'secret': return t('validation.plainText');
    default: return t('validation.required', { field: t(field.label) });
  }
}

export interface SettingsPatch {
  patch: SettingsUpdate;
  errors: Partial<Record<SettingsKey, string>>;
  changed: number;
}

/** The fields that differ from the saved settings, parsed, plus a message for each invalid one. */
export function settingsPatch(saved: Settings, draft: SettingsDraft, t: Translate): SettingsPatch {
  const patch: Record<string, unknown> = {};
  const errors: Partial<Record<SettingsKey, string>> = {};
  let changed = 0;
  for (const field of SETTINGS_FIELDS) {
    // A write-only field left empty keeps what is stored.
    if (field.kind === 'secret' && draft[field.key] === '') continue;
    const value = valueOf(field, draft[field.key]);
    if (field.kind !== 'secret' && value === saved[field.key as keyof Settings]) continue;
    if (field.kind === 'eventTypes' && String(value) === String(saved[field.key as keyof Settings])) continue;
    changed++;
    const parsed = SettingsUpdateSchema.shape[field.key as keyof SettingsUpdate].safeParse(value);
    if (parsed.success) patch[field.key] = parsed.data;
    else errors[field.key] = messageFor(field, t);
  }
  return { patch: patch as SettingsUpdate, errors, changed };
}
