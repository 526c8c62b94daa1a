/**
 * The one place UI text comes from: pure lookup, plural forms by `Intl.PluralRules` and `{name}`
 * interpolation; no DOM, no React. The words are the composition's (composition/dictionaries.ts
 * merges every domain's and installs them at start); their keys are typed through `Messages`, which
 * the composition fills in, so i18n imports no domain.
 */
import type { DomainText } from './domain-text';
import { isPlural, type Message } from './message';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Every English key with its message: empty here, extended by composition/dictionaries.ts
 * (`declare module '../i18n/translate' { interface Messages extends … }`), so a misspelt key does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Messages {}
export type MessageKey = keyof Messages & string;

type Dictionary = Record<string, Message>;
/** The installed words by language: one merged dictionary each, lazily loaded domains added later. */
export const dictionaries: Record<Lang, Readonly<Dictionary>> = { da: {}, en: {} };

/** Installs the merged dictionaries (composition/dictionaries.ts, once at start). */
export function installDictionaries(en: Dictionary, da: Dictionary): void {
  Object.assign(dictionaries.en, en);
  Object.assign(dictionaries.da, da);
}

/**
 * Adds a lazily loaded domain's words (its keys are typed by the composition all the same): the
 * module calls it when its chunk runs, before any of its screens renders.
 */
export function addLazyText(text: DomainText<object>): void {
  installDictionaries(text.en as Dictionary, text.da as Dictionary);
}

/** Whether the dictionaries have `key` (a refusal's `reason.<code>` may be one they do not know). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionaries.en, key);
}

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
  const text = textOf(lang, dictionaries[lang][key] ?? dictionaries.en[key] ?? key, params);
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
