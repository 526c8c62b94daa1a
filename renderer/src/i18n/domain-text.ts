/**
 * A domain's dictionary, English and Danish side by side in one file (`<domain>/<domain>-text.ts`).
 * The Danish half must have exactly the English keys, with a plural exactly where English has one:
 * a missing or extra key does not compile, in the domain's own file.
 */
import type { Message, TranslationOf } from './message';

export interface DomainText<E> {
  readonly en: E;
  readonly da: TranslationOf<E>;
}

export function domainText<const E extends Record<string, Message>>(en: E, da: TranslationOf<E>): DomainText<E> {
  return { en, da };
}
