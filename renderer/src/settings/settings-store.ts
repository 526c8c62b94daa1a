/** The hotel's settings: name, zone, currency, language, stay rules, integrations. */
import { create } from 'zustand';
import type { Settings, SettingsUpdate } from '../../../shared/contract/settings';
import { useLocaleStore } from '../i18n/lang-store';
import { transport } from '../transport/current-transport';
import { change } from '../stores/change';
import { useHotelStore } from '../stores/hotel-store';
import { registerRefresher } from '../stores/refreshers';
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

/** The hotel's language, zone and currency, for the stores that share them (the language, the formats). */
function follow(settings: Settings | null): void {
  useHotelStore.setState({ timeZone: settings?.timeZone ?? null, currency: settings?.currency ?? null });
  if (settings) useLocaleStore.getState().followHotel(settings.locale);
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      const settings = await transport().invoke('settings:get', {});
      set({ settings, error: null });
      follow(settings);
    } catch (e) {
      set({ error: e });
      throw e;
    }
  },
  async update(patch) {
    const settings = await change('settings:update', patch);
    set({ settings });
    follow(settings);
    return settings;
  },
  received(settings) {
    set({ settings });
    follow(settings);
  },
}));


declare module '../stores/refreshers' {
  interface RefreshTargets {
    settings: true;
  }
}

registerRefresher('settings', () => useSettingsStore.getState().load());
registerSessionReset(() => {
  useSettingsStore.setState({ settings: null, error: null });
  follow(null);
});
