/** The UI language for components (the store itself is lang-store.ts), and `<html lang>` kept in step. */
import { useMemo } from 'react';
import { useLocaleStore } from './lang-store';
import { INTL_LOCALE, translate, type Translate } from './translate';

export { currentT, useLocaleStore } from './lang-store';

useLocaleStore.subscribe((s) => {
  document.documentElement.lang = s.lang;
});
document.documentElement.lang = useLocaleStore.getState().lang;

export function useT(): Translate {
  const lang = useLocaleStore((s) => s.lang);
  return useMemo<Translate>(() => (key, params) => translate(lang, key, params), [lang]);
}

export function useIntlLocale(): string {
  return INTL_LOCALE[useLocaleStore((s) => s.lang)];
}
