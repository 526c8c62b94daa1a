/**
 * The window starts in the desk's language, so what Chromium draws itself (a `<select>`'s list, a
 * number field's arrows, a context menu, the `Accept-Language` of the page) follows the UI rather
 * than the machine: Electron takes its locale from the `--lang` switch, which must be set before the
 * app is ready, long before the hotel's settings can be asked. So main remembers the hotel's
 * language (the UI's, unless a desk picked another) in a small file in the data folder, from every
 * `settings.changed` the host reports, and starts the next time in it. First start: Danish, the
 * hotel's default language, as the sign-in screen is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveEvent } from '../shared/contract/events';

export type UiLanguage = 'da' | 'en';

export const UI_LANGUAGE_FILE = 'ui-language';
const DEFAULT_LANGUAGE: UiLanguage = 'da';
/** Chromium's locale for each of the desk's languages: its English is British (24-hour clock, day first). */
const CHROMIUM_LOCALE: Record<UiLanguage, string> = { da: 'da', en: 'en-GB' };

function isUiLanguage(text: string): text is UiLanguage {
  return text === 'da' || text === 'en';
}

/** The remembered language, or Danish when none is (or the file is unreadable). */
export function readUiLanguage(dataDir: string): UiLanguage {
  try {
    const text = readFileSync(join(dataDir, UI_LANGUAGE_FILE), 'utf8').trim();
    return isUiLanguage(text) ? text : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function rememberUiLanguage(dataDir: string, language: UiLanguage): void {
  try {
    writeFileSync(join(dataDir, UI_LANGUAGE_FILE), `${language}\n`);
  } catch (error) {
    console.error('[desk] could not remember the UI language', error);
  }
}

export function chromiumLocale(language: UiLanguage): string {
  return CHROMIUM_LOCALE[language];
}

/** Whenever the host reports new settings, remembers their language for the next start. */
export function languageOfEvent(event: LiveEvent): UiLanguage | null {
  return event.type === 'settings.changed' && isUiLanguage(event.settings.locale) ? event.settings.locale : null;
}
