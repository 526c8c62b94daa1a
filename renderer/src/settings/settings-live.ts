/**
 * Settings saved at another desk arrive whole in the event; where the host listens follows them (the
 * LAN switch and its address are settings), so the network panel reloads.
 */
import type { LiveEntries } from '../stores/live-event-table';
import type {} from './network-store';
import { useSettingsStore } from './settings-store';

export const settingsLive: LiveEntries = {
  'settings.changed': { receive: (e) => useSettingsStore.getState().received(e.settings), refresh: ['network'] },
};
