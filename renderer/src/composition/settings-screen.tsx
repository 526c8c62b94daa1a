/**
 * The settings screen over the sections of settings-sections.ts, with the panels a section shows
 * below its fields (where the host listens; the RabbitMQ link while the event broker is one).
 * The screen registry loads it in its own chunk.
 */
import { SettingsBrokerLine } from '../outbox/broker-line';
import { NetworkPanel } from '../settings/network-panel';
import { SettingsScreen, type SectionPanels } from '../settings/settings-screen';
import { SETTINGS_SECTIONS } from './settings-sections';

const PANELS: SectionPanels = { lan: NetworkPanel, integrations: SettingsBrokerLine };

export function ComposedSettingsScreen() {
  return <SettingsScreen sections={SETTINGS_SECTIONS} panels={PANELS} />;
}
