/**
 * The UI language. It follows the hotel's `locale` setting until someone at this desk picks a
 * language in the header; that choice is remembered on this machine.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { INTL_LOCALE, isLang, translate, type Lang, type Translate } from './translate';

const STORAGE_KEY = 'frontdesk.lang';

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

interface LocaleState {
  lang: Lang;
  /** True once the desk chose a language itself; the hotel setting no longer overrides it. */
  chosen: boolean;
  choose(lang: Lang): void;
  followHotel(lang: Lang): void;
}

const initial = storedLang();

export const useLocaleStore = create<LocaleState>((set, get) => ({
  lang: initial ?? 'da',
  chosen: initial !== null,
  choose(lang) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode or storage full: the choice lasts for this session only
    }
    set({ lang, chosen: true });
  },
  followHotel(lang) {
    if (!get().chosen) set({ lang });
  },
}));

useLocaleStore.subscribe((s) => {
  document.documentElement.lang = s.lang;
});
document.documentElement.lang = useLocaleStore.getState().lang;

export function useT(): Translate {
  const lang = useLocaleStore((s) => s.lang);
  return useMemo<Translate>(() => (key, params) => translate(lang, key, params), [lang]);
}

export function currentT(): Translate {
  const { lang } = useLocaleStore.getState();
  return (key, params) => translate(lang, key, params);
}

export function useIntlLocale(): string {
  return INTL_LOCALE[useLocaleStore((s) => s.lang)];
}
