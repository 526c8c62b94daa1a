/**
 * What a dictionary entry is: a text, or a count's forms picked by `Intl.PluralRules` in the
 * entry's language ("1 room", "2 rooms"; "1 værelse", "2 værelser"). English and Danish both use
 * `one` and `other`; `by` names the count's placeholder (`n` unless said).
 */
export interface PluralMessage {
  readonly by?: string;
  readonly one: string;
  readonly other: string;
}

export type Message = string | PluralMessage;

/** Another language's dictionary for `T`: the same keys, and a plural exactly where `T` has one. */
export type TranslationOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };

export function isPlural(message: Message): message is PluralMessage {
  return typeof message !== 'string';
}

/** Every text of an entry (both forms of a plural), for checks across languages. */
export function messageTexts(message: Message): string[] {
  return isPlural(message) ? [message.one, message.other] : [message];
}
