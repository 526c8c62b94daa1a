/** The reports' section of the settings screen (its words: reports-nav-text.ts, which the first bundle holds). */
import type { SettingsSection } from '../forms/settings-section';

export const reportsSettingsSection: SettingsSection = {
  id: 'reports',
  title: 'nav.reports',
  fields: [{ key: 'reportsOutOfOrderUnavailable', kind: 'bool', label: 'settings.reportsOutOfOrderUnavailable' }],
};
