/** The stays' section of the settings screen (its words: stays-text.ts). */
import type { SettingsSection } from '../forms/settings-section';

export const staysSettingsSection: SettingsSection = {
  id: 'stays',
  title: 'settings.stays',
  fields: [
    { key: 'checkinTime', kind: 'time', label: 'settings.checkinTime' },
    { key: 'checkoutTime', kind: 'time', label: 'settings.checkoutTime' },
    { key: 'maxStayNights', kind: 'int', label: 'settings.maxStayNights' },
  ],
};
