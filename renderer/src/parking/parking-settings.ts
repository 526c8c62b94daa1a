/** The parking's section of the settings screen (its words: parking-text.ts). */
import type { SettingsSection } from '../forms/settings-section';

export const parkingSettingsSection: SettingsSection = {
  id: 'parking',
  title: 'nav.parking',
  fields: [{ key: 'parkingMaxDays', kind: 'int', label: 'settings.parkingMaxDays' }],
};
