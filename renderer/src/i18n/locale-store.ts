/**
 * The UI language. It follows the hotel's `locale` setting until someone at this desk picks a
 * language in the header; that choice is remembered on this machine. The hotel's language is
 * remembered too: the settings need a session, and the sign-in screen should already speak it.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { INTL_LOCALE, isLang, translate, type Lang, type Translate } from './translate';

const STORAGE_KEY = 'frontdesk.lang';
const HOTEL_KEY = 'frontdesk.hotelLang';

function storedLang(key: string): Lang | null {
  try {
    const v = window.localStorage.getItem(key);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

function remember(key: string, lang: Lang): void {
  try {
    window.localStorage.setItem(key, lang);
  } catch {
    // private mode or storage full: remembered for this session only
  }
}

interface LocaleState {
  lang: Lang;
  /** True once the desk chose a language itself; the hotel setting no longer overrides it. */
  chosen: boolean;
  choose(lang: Lang): void;
  followHotel(lang: Lang): void;
}

const initial = storedLang(STORAGE_KEY);

export const useLocaleStore = create<LocaleState>((set, get) => ({
  lang: initial ?? storedLang(HOTEL_KEY) ?? 'da',
  chosen: initial !== null,
  choose(lang) {
    remember(STORAGE_KEY, lang);
    set({ lang, chosen: true });
  },
  followHotel(lang) {
    remember(HOTEL_KEY, lang);
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
