/** The settings screen's sections of the settings platform itself: the hotel, and the LAN API with sign-in. */
import type { SettingsSection } from '../forms/settings-section';
import type { Translate } from '../i18n/translate';
import { useNetworkStore } from './network-store';

export const hotelSettingsSection: SettingsSection = {
  id: 'hotel',
  title: 'settings.hotel',
  fields: [
    { key: 'hotelName', kind: 'text', label: 'settings.hotelName' },
    { key: 'timeZone', kind: 'zone', label: 'settings.timeZone' },
    { key: 'currency', kind: 'currency', label: 'settings.currency' },
    { key: 'locale', kind: 'select', label: 'settings.locale', options: [{ value: 'da', label: 'lang.da' }, { value: 'en', label: 'lang.en' }] },
  ],
};

/** The host may listen elsewhere than the setting says (started with --port): the port field says so. */
function usePortNow(draft: string, t: Translate): string | undefined {
  const listeningPort = useNetworkStore((s) => s.status?.listening?.port ?? null);
  return listeningPort !== null && String(listeningPort) !== draft ? t('settings.portNow', { port: listeningPort }) : undefined;
}

export const lanSettingsSection: SettingsSection = {
  id: 'lan',
  title: 'settings.lanSection',
  fields: [
    { key: 'lanEnabled', kind: 'bool', label: 'settings.lanEnabled' },
    { key: 'lanHost', kind: 'ip', label: 'settings.lanHost', placeholder: '0.0.0.0', hint: 'settings.lanHostHint' },
    { key: 'lanPort', kind: 'int', label: 'settings.lanPort', useHint: usePortNow },
    { key: 'selfRegistration', kind: 'bool', label: 'settings.selfRegistration' },
    { key: 'sessionHours', kind: 'int', label: 'settings.sessionHours' },
  ],
};
