/** Settings saved at another desk arrive whole in the event. */
import type { LiveEntries } from '../stores/live-event-table';
import { useSettingsStore } from './settings-store';

export const settingsLive: LiveEntries = {
  'settings.changed': { receive: (e) => useSettingsStore.getState().received(e.settings) },
};
