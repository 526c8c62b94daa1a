/** The one place UI text comes from: pure lookup + `{name}` interpolation, no DOM, no React. */
import { da } from './da';
import { en, type MessageKey } from './en';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { da, en };

/** BCP 47 tag for `Intl`: the hotel's language decides date and number formats. */
export const INTL_LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `translate('en', 'board.floor', { n: 2 })` → "Floor 2". An unknown `{name}` stays visible on purpose. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[lang][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/** The `{name}` placeholders a message uses, sorted (the dictionary test compares them across languages). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
