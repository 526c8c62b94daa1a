/**
 * **Registry: every settings section, one line each** (shared/contract/settings-section.ts). The
 * settings' answer and update schemas (settings.ts), their defaults and the settings service are built
 * from this list; answers list the settings in its order. The renderer's form lists its own sections
 * (renderer/src/composition/settings-sections.ts).
 */
import { appointmentSettings } from './appointment-settings';
import { carSettings } from './car-settings';
import { hotelSettings, lanSettings } from './hotel-settings';
import { deliverySettings, emailSettings } from './outbox-settings';
import { printSettings } from './print-settings';
import { reportSettings } from './report-settings';
import { staySettings, stayRuleSettings } from './stay-settings';

export const SETTINGS_SECTIONS = [
  hotelSettings,
  staySettings,
  deliverySettings,
  lanSettings,
  appointmentSettings,
  reportSettings,
  carSettings,
  emailSettings,
  stayRuleSettings,
  printSettings,
] as const;
