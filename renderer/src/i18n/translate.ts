/**
 * The one place UI text comes from: pure lookup, plural forms by `Intl.PluralRules` and `{name}`
 * interpolation; no DOM, no React.
 */
import { da, en, type MessageKey } from './dictionaries';
import { isPlural, type Message, type TranslationOf } from './message';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const dictionaries: Record<Lang, TranslationOf<typeof en>> = { da, en };

/** BCP 47 tag for `Intl`: the hotel's language decides date and number formats. */
export const INTL_LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralForm(lang: Lang, count: number): 'one' | 'other' {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  // Danish and English know only these two for cardinals; anything else reads as `other`.
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** The text for these params: a plural's form for its count (`other` when the count is missing). */
function textOf(lang: Lang, message: Message, params: MessageParams | undefined): string {
  if (!isPlural(message)) return message;
  const count = Number(params?.[message.by ?? 'n']);
  return Number.isFinite(count) ? message[pluralForm(lang, count)] : message.other;
}

/**
 * `translate('en', 'board.floor', { n: 2 })` → "Floor 2"; `translate('da', 'rooms.count', { n: 1 })`
 * → "1 værelse". An unknown `{name}` stays visible on purpose.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = textOf(lang, dictionaries[lang][key] ?? en[key], params);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/** The `{name}` placeholders a text uses, sorted (the dictionary test compares them across languages). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
