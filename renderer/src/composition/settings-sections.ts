/// <reference types="vite/client" />
/**
 * **The settings screen's sections** (forms/settings-section.ts), as the renderer's domain list
 * names them (domains.ts: a domain's section is in its entry), in the order the screen shows them.
 * Only the settings screen's chunk imports this file, and the sections with it (Vite's eager glob
 * import of every `<folder>/<name>-settings.ts`), so they stay out of the first bundle. What each
 * setting takes, its default and its place in the API's answers are the contract's own list
 * (shared/contract/domains.ts).
 */
import type { SettingsField, SettingsSection } from '../forms/settings-section';
import { partOf } from './domains';

const SECTION_MODULES = import.meta.glob<Record<string, SettingsSection>>('../*/*-settings.ts', { eager: true });

export const SETTINGS_SECTIONS: readonly SettingsSection[] = partOf('settings').map(({ module, section }) => {
  const found = SECTION_MODULES[`../${module}.ts`]?.[section];
  if (!found) throw new Error(`No settings section ${section} in renderer/src/${module}.ts`);
  return found;
});

/** Every field of every section, in the screen's order. */
export const SETTINGS_FIELDS: readonly SettingsField[] = SETTINGS_SECTIONS.flatMap((section) => section.fields);
