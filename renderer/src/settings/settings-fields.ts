/**
 * The settings form's logic over the sections' fields (forms/settings-section.ts): the draft as typed,
 * and whether a typed value is valid, judged by the contract's own `SettingsUpdateSchema` (one source
 * of truth) with messages in the desk's language. Pure.
 */
import { SettingsUpdateSchema, type Settings, type SettingsUpdate } from '../../../shared/contract/settings';
import type { SettingsField, SettingsKey } from '../forms/settings-section';
import type { Translate } from '../i18n/translate';

/**
 * A write-only field's draft: '' keeps what is stored (nothing is sent), CLEAR_SECRET removes it
 * (sends ''), anything else replaces it.
 */
export const CLEAR_SECRET = '\u0000clear';

/** Every field as typed: text, `true` / `false` for a switch, a comma-separated list for `multi`. */
export type SettingsDraft = Partial<Record<SettingsKey, string>>;

export function draftOf(s: Settings, fields: readonly SettingsField[]): SettingsDraft {
  const d: SettingsDraft = {};
  for (const f of fields) d[f.key] = f.kind === 'secret' ? '' : String(s[f.key as keyof Settings]);
  return d;
}

function valueOf(field: SettingsField, text: string): unknown {
  if (field.kind === 'int') return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (field.kind === 'bool') return text === 'true';
  if (field.kind === 'currency') return text.trim().toUpperCase();
  if (field.kind === 'secret') return text === CLEAR_SECRET ? '' : text;
  if (field.kind === 'multi') return text.split(',').filter((value) => value !== '');
  return ['url', 'text', 'zone', 'ip', 'host', 'email'].includes(field.kind) ? text.trim() : text;
}

function rangeOf(key: SettingsKey): { min: number; max: number } {
  const schema = SettingsUpdateSchema.shape[key].unwrap() as { minValue?: number | null; maxValue?: number | null };
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
export function settingsPatch(saved: Settings, draft: SettingsDraft, t: Translate, fields: readonly SettingsField[]): SettingsPatch {
  const patch: Record<string, unknown> = {};
  const errors: Partial<Record<SettingsKey, string>> = {};
  let changed = 0;
  for (const field of fields) {
    const text = draft[field.key] ?? '';
    // A write-only field left empty keeps what is stored.
    if (field.kind === 'secret' && text === '') continue;
    const value = valueOf(field, text);
    const before = saved[field.key as keyof Settings];
    if (field.kind !== 'secret' && value === before) continue;
    if (field.kind === 'multi' && String(value) === String(before)) continue;
    changed++;
    const parsed = SettingsUpdateSchema.shape[field.key].safeParse(value);
    if (parsed.success) patch[field.key] = parsed.data;
    else errors[field.key] = messageFor(field, t);
  }
  return { patch: patch as SettingsUpdate, errors, changed };
}
