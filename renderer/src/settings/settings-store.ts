/** The hotel's settings: name, zone, currency, language, stay rules, integrations. */
// Views this store reloads by name (their names are declared with their stores).
import type {} from './network-store';
import type {} from '../board/board-store';
import { create } from 'zustand';
import type { Settings, SettingsUpdate } from '../../../shared/contract/schemas';
import { localDate } from '../../../shared/time';
import { browserTimeZone } from '../format/browser-zone';
import { useLocaleStore } from '../i18n/lang-store';
import { transport } from '../transport/current-transport';
import { changeAndRefresh, registerRefresher } from '../stores/refresh-after-change';
import { registerSessionReset } from '../stores/session-data';

interface SettingsState {
  settings: Settings | null;
  error: unknown;
  load(): Promise<void>;
  /** Saves the changed fields; throws the refusal so the form can show it next to its fields. */
  update(patch: SettingsUpdate): Promise<Settings>;
  /** A settings.changed event from another desk. */
  received(settings: Settings): void;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      const settings = await transport().invoke('settings:get', {});
      set({ settings, error: null });
      useLocaleStore.getState().followHotel(settings.locale);
    } catch (e) {
      set({ error: e });
      throw e;
    }
  },
  async update(patch) {
    // The LAN switch and its address are settings: where the host listens follows them.
    const settings = await changeAndRefresh(() => transport().invoke('settings:update', patch), ['board', 'network']);
    set({ settings });
    useLocaleStore.getState().followHotel(settings.locale);
    return settings;
  },
  received(settings) {
    set({ settings });
    useLocaleStore.getState().followHotel(settings.locale);
  },
}));


declare module '../stores/refresh-after-change' {
  interface RefreshTargets {
    settings: true;
  }
}

registerRefresher('settings', () => useSettingsStore.getState().load());
registerSessionReset(() => useSettingsStore.setState({ settings: null, error: null }));

export function hotelZone(): string {
  return useSettingsStore.getState().settings?.timeZone ?? browserTimeZone();
}

/** Today's date at the hotel (not at this PC, which may sit in another zone). */
export function hotelToday(nowMs: number = Date.now()): string {
  try {
    return localDate(nowMs, hotelZone());
  } catch {
    return localDate(nowMs, browserTimeZone());
  }
}
