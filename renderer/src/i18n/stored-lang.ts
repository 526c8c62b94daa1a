/**
 * The UI language this desk remembers (lang-store.ts keeps it): its own choice, else the hotel's,
 * else Danish. Plain storage reads, no zustand: the boot script reads it too (i18n/warm-intl.ts).
 */
import { isLang, type Lang } from './translate';

/** The language someone at this desk picked in the header. */
export const LANG_KEY = 'frontdesk.lang';
/** The hotel's language, remembered from its settings for the next start. */
export const HOTEL_LANG_KEY = 'frontdesk.hotelLang';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Through globalThis: no DOM types, so the stores that use it are tested in Node. */
export const langStorage = (): KeyValueStorage | undefined => (globalThis as { localStorage?: KeyValueStorage }).localStorage;

export function storedLang(key: string): Lang | null {
  try {
    const v = langStorage()?.getItem(key);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

/** The language the desk starts in. */
export function startLang(): Lang {
  return storedLang(LANG_KEY) ?? storedLang(HOTEL_LANG_KEY) ?? 'da';
}
