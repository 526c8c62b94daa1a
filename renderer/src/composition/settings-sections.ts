/**
 * **The settings screen's registry: a domain's section is one line here** (forms/settings-section.ts),
 * in the order the screen shows them. What each setting takes, its default and its place in the API's
 * answers are the contract's own list (shared/contract/settings-sections.ts).
 */
import { appointmentsSettingsSection } from '../appointments/appointments-settings';
import { carsSettingsSection } from '../cars/cars-settings';
import type { SettingsField, SettingsSection } from '../forms/settings-section';
import { emailSettingsSection, integrationsSettingsSection, outboxSettingsSection } from '../outbox/outbox-settings';
import { printSettingsSection } from '../print/print-settings';
import { reportsSettingsSection } from '../reports/reports-settings';
import { hotelSettingsSection, lanSettingsSection } from '../settings/hotel-settings';
import { staysSettingsSection } from '../stays/stays-settings';

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  hotelSettingsSection,
  staysSettingsSection,
  appointmentsSettingsSection,
  reportsSettingsSection,
  printSettingsSection,
  integrationsSettingsSection,
  carsSettingsSection,
  outboxSettingsSection,
  lanSettingsSection,
  emailSettingsSection,
];

/** Every field of every section, in the screen's order. */
export const SETTINGS_FIELDS: readonly SettingsField[] = SETTINGS_SECTIONS.flatMap((section) => section.fields);
