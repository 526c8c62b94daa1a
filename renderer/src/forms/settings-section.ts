/**
 * A domain's section of the settings screen (issue 19 §3): its title and its fields, each with how it
 * is edited and its words (the domain's own dictionary). What a field takes is the contract's
 * (`SettingsUpdateSchema`, built from the domains' sections in shared/contract/settings-sections.ts);
 * the screen lists the sections its domains' entries name (renderer/src/composition/domains.ts).
 */
import type { Settings, SettingsUpdate } from '../../../shared/contract/settings';
import type { MessageKey, Translate } from '../i18n/translate';

/** Every setting an update takes (the write-only SMTP password among them). */
export type SettingsKey = keyof SettingsUpdate;

/**
 * How a field is edited: a text, number or switch, or one of the shared pickers (`zone`, `currency`,
 * `time`); `select` picks one of its `options`, `multi` any of them; `secret` is write-only.
 */
export type SettingsFieldKind = 'text' | 'zone' | 'currency' | 'time' | 'int' | 'url' | 'bool' | 'ip' | 'host' | 'email' | 'secret' | 'select' | 'multi';

export interface SettingsField {
  key: SettingsKey;
  kind: SettingsFieldKind;
  label: MessageKey;
  /** An example value shown while the field is empty (not a default: nothing is sent for it). */
  placeholder?: string;
  /** The words under the field. */
  hint?: MessageKey;
  /** A hint from live state (where the host listens now): a hook, called while the field renders. */
  useHint?: (draft: string, t: Translate) => string | undefined;
  /** `select`: its options with their words; `multi`: the values that may be chosen (shown as they are). */
  options?: readonly { value: string; label?: MessageKey }[];
  /** `secret`: whether one is stored (then the hint says so and a box removes it), and those words. */
  secret?: { isSet(saved: Settings): boolean; setHint: MessageKey; unsetHint: MessageKey; clear: MessageKey };
  /** Spans the form's width (a URL, a list of choices). */
  wide?: boolean;
}

export interface SettingsSection {
  /** Unique among the sections. */
  id: string;
  title: MessageKey;
  fields: readonly SettingsField[];
}
