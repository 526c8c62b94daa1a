/** The printing's section of the settings screen: how often the downtime pack is written (its words: print-text.ts). */
import type { SettingsSection } from '../forms/settings-section';

export const printSettingsSection: SettingsSection = {
  id: 'print',
  title: 'settings.print',
  fields: [{ key: 'downtimePackMinutes', kind: 'int', label: 'settings.downtimePackMinutes' }],
};
