/**
 * **The dictionaries**: the common words (i18n/en.ts, da.ts: the shell, errors, statuses,
 * validation; i18n/refusal-text.ts) and every domain's `<domain>-text.ts` as the renderer's domain
 * list names them (domains.ts: a domain's words are in its entry), merged into one dictionary per
 * language, installed for `translate`, their keys typed (`Messages`). The key set is English's; the
 * types refuse a Danish dictionary that misses a key, and a test refuses a key two domains both define.
 */
import type { appointmentsText } from '../appointments/appointments-text';
import { da as commonDa } from '../i18n/da';
import type { DomainText } from '../i18n/domain-text';
import { en as commonEn } from '../i18n/en';
import { refusalText } from '../i18n/refusal-text';
import type { Message, TranslationOf } from '../i18n/message';
import { installDictionaries } from '../i18n/translate';
import type { reportsText } from '../reports/reports-text';
import { partOf, type PartOf } from './domains';

export const DOMAIN_TEXTS = [{ en: commonEn, da: commonDa }, refusalText, ...partOf('text')] as readonly DomainText<object>[];

/**
 * Dictionaries that arrive with their screens' chunk instead of the first bundle: their keys are typed
 * here (a type-only import), and the module adds its text with `addLazyText` when the chunk runs,
 * before any of its screens renders.
 */
type LazyTexts = typeof appointmentsText | typeof reportsText;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type English = UnionToIntersection<typeof commonEn | (typeof refusalText)['en'] | PartOf<'text'>['en'] | LazyTexts['en']>;

function merge<L extends 'en' | 'da'>(lang: L): Record<string, unknown> {
  return Object.assign({}, ...DOMAIN_TEXTS.map((d) => d[lang]));
}

type EnglishMessages = { readonly [K in keyof English]: English[K] };
export const en = merge('en') as EnglishMessages;
export const da = merge('da') as TranslationOf<typeof en>;

installDictionaries(en as Record<string, Message>, da as Record<string, Message>);

declare module '../i18n/translate' {
  // The keys `translate` takes: every domain's, English's set (declaration merging needs the interface).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends EnglishMessages {}
}
