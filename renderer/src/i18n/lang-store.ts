/**
 * The UI language. It follows the hotel's `locale` setting until someone at this desk picks a
 * language in the header; that choice is remembered on this machine. The hotel's language is
 * remembered too: the settings need a session, and the sign-in screen should already speak it.
 * No React and no DOM types (storage is reached through `globalThis`), so stores that follow the
 * language are tested in Node; the hooks and `<html lang>` are in locale-store.ts.
 */
import { create } from 'zustand';
import { HOTEL_LANG_KEY, LANG_KEY, langStorage, startLang, storedLang } from './stored-lang';
import { translate, type Lang, type Translate } from './translate';

function remember(key: string, lang: Lang): void {
  try {
    langStorage()?.setItem(key, lang);
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

export const useLocaleStore = create<LocaleState>((set, get) => ({
  lang: startLang(),
  chosen: storedLang(LANG_KEY) !== null,
  choose(lang) {
    remember(LANG_KEY, lang);
    set({ lang, chosen: true });
  },
  followHotel(lang) {
    remember(HOTEL_LANG_KEY, lang);
    if (!get().chosen) set({ lang });
  },
}));

/** The translator in the current language, for stores and other code outside React. */
export function currentT(): Translate {
  const { lang } = useLocaleStore.getState();
  return (key, params) => translate(lang, key, params);
}
