/**
 * Admin: the hotel's settings, one fieldset per domain's section (composition/settings-sections.ts, from domains.ts),
 * the LAN API's among them with where the host listens now. Only changed fields are sent; each invalid one says why beside it, and the host's refusal (the LAN
 * API stays closed while the default admin password is in use) above the form.
 */
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import type { Settings } from '../../../shared/contract/settings';
import type { SettingsField, SettingsSection } from '../forms/settings-section';
import { useIntlLocale, useT } from '../i18n/locale-store';
import { useSettingsStore } from './settings-store';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { draftOf, settingsPatch, type SettingsDraft } from './settings-fields';
import { SettingsInput } from './settings-input';
import { Page } from '../ui/page';

/** What a section shows below its fields, by the section's id (where the host listens, the broker's link). */
export type SectionPanels = Readonly<Record<string, ComponentType<{ saved: Settings }>>>;

interface SectionsProps {
  sections: readonly SettingsSection[];
  panels: SectionPanels;
}

/** The ISO 4217 codes the runtime knows, with their names in the desk's language: the currency field's suggestions. */
function currencies(locale: string): [string, string][] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => [code, names.of(code) ?? code]);
}

let timeZoneList: string[] | null = null;

/** Every zone the browser knows, for the zone field's suggestions: asked on first use, as it costs ~10 ms. */
function timeZones(): string[] {
  if (!timeZoneList) {
    try {
      timeZoneList = Intl.supportedValuesOf('timeZone');
    } catch {
      timeZoneList = [];
    }
  }
  return timeZoneList;
}

export function SettingsScreen(props: SectionsProps) {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);

  useEffect(() => {
    useSettingsStore.getState().load().catch(() => undefined);
  }, []);

  return (
    <Page titleId="settings-title" title={t('settings.title')} testId="settings-screen">
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} {...props} /> : loadError ? <ErrorAlert error={loadError} /> : <p className="muted">{t('common.loading')}</p>}
    </Page>
  );
}

interface RowProps {
  field: SettingsField;
  saved: Settings;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}

function SettingsRow({ field, saved, value, error, onChange }: RowProps) {
  const t = useT();
  // A row renders one field for its whole life (keyed by the field), so its hint hook is called every time or never.
  const liveHint = field.useHint?.(value, t);
  const hint = field.secret ? t(field.secret.isSet(saved) ? field.secret.setHint : field.secret.unsetHint) : (liveHint ?? (field.hint ? t(field.hint) : undefined));
  return (
    <Field label={t(field.label)} wide={field.wide} error={error ?? null} hint={hint} inline={field.kind === 'bool'}>
      <SettingsInput field={field} value={value} saved={saved} onChange={onChange} />
    </Field>
  );
}

function SettingsForm({ saved, sections, panels }: { saved: Settings } & SectionsProps) {
  const t = useT();
  const locale = useIntlLocale();
  const fields = useMemo(() => sections.flatMap((s) => s.fields), [sections]);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved, fields));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { patch, errors, changed } = useMemo(() => settingsPatch(saved, draft, t, fields), [saved, draft, t, fields]);
  const invalid = Object.keys(errors).length > 0;

  const submit = async () => {
    setSubmitted(true);
    if (invalid || changed === 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      await useSettingsStore.getState().update(patch);
      toast('success', t('settings.saved'));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <ErrorAlert error={error} testId="settings-error" />
      {submitted && invalid ? <ErrorAlert error={t('validation.fixFields')} testId="settings-invalid" /> : null}
      {sections.map((section) => {
        const Panel = panels[section.id];
        return (
          <fieldset key={section.id} className="panel fieldset settings-section">
            <legend>{t(section.title)}</legend>
            <div className="form-grid">
              {section.fields.map((field) => (
                <SettingsRow key={field.key} field={field} saved={saved} value={draft[field.key] ?? ''} error={errors[field.key]} onChange={(value) => setDraft({ ...draft, [field.key]: value })} />
              ))}
              {Panel ? <Panel saved={saved} /> : null}
            </div>
          </fieldset>
        );
      })}
      <datalist id="currencies">
        {currencies(locale).map(([code, name]) => (
          <option key={code} value={code}>{name}</option>
        ))}
      </datalist>
      <datalist id="time-zones">
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="button-row button-row-start sticky-actions">
        <button type="submit" className="button button-primary" disabled={busy || changed === 0} data-testid="settings-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" disabled={changed === 0} onClick={() => { setDraft(draftOf(saved, fields)); setSubmitted(false); setError(null); }}>
          {t('settings.reset')}
        </button>
        {changed === 0 ? <span className="muted">{t('settings.noChanges')}</span> : null}
      </div>
    </form>
  );
}
