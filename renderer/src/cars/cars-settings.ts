/** The cars' section of the settings screen: which fleet events go to the event broker (issue 9 §2; its words: cars-text.ts). */
import { BROKER_EVENT_TYPES } from '../../../shared/contract/broker-events';
import type { SettingsSection } from '../forms/settings-section';

export const carsSettingsSection: SettingsSection = {
  id: 'cars',
  title: 'nav.cars',
  fields: [{ key: 'brokerEventTypes', kind: 'multi', label: 'settings.brokerEventTypes', options: BROKER_EVENT_TYPES.map((value) => ({ value })), wide: true }],
};
