/**
 * Admin: the hotel's settings, the LAN API's among them, with where the host listens now. Only
 * changed fields are sent; each invalid one says why beside it, and the host's refusal (the LAN
 * API stays closed while the default admin password is in use) above the form.
 */
import { useEffect, useMemo, useState } from 'react';
import { BROKER_EVENT_TYPES } from '../../../shared/contract/broker-events';
import type { Settings } from '../../../shared/contract/schemas';
import { useIntlLocale, useT } from '../i18n/locale-store';
import { useNetworkStore } from './network-store';
import { useSettingsStore } from './settings-store';
import { toast } from '../stores/toast-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { NetworkPanel } from './network-panel';
import { SettingsBrokerLine } from '../outbox/broker-line';
import { CLEAR_SECRET, draftOf, SETTINGS_FIELDS, settingsPatch, type SettingsDraft, type SettingsField } from './settings-fields';
import { TimeInput } from '../ui/time-input';
import { Page } from '../ui/page';

const SECTIONS = [
  { id: 'hotel', label: 'settings.hotel' },
  { id: 'stays', label: 'settings.stays' },
  { id: 'integrations', label: 'settings.integrations' },
  { id: 'outbox', label: 'settings.outboxSection' },
  { id: 'lan', label: 'settings.lanSection' },
  { id: 'email', label: 'settings.emailSection' },
] as const;

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

export function SettingsScreen() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);

  useEffect(() => {
    useSettingsStore.getState().load().catch(() => undefined);
  }, []);

  return (
    <Page titleId="settings-title" title={t('settings.title')} testId="settings-screen">
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} /> : loadError ? <ErrorAlert error={loadError} /> : <p className="muted">{t('common.loading')}</p>}
    </Page>
  );
}

function SettingsForm({ saved }: { saved: Settings }) {
  const t = useT();
  const locale = useIntlLocale();
  // The host may listen elsewhere than the setting says (started with --port): the field says so.
  const listeningPort = useNetworkStore((s) => s.status?.listening?.port ?? null);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { patch, errors, changed } = useMemo(() => settingsPatch(saved, draft, t), [saved, draft, t]);
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

  const input = (field: SettingsField) => {
    const common = {
      className: 'input',
      value: draft[field.key],
      onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [field.key]: e.target.value }),
      'data-testid': `settings-${field.key}`,
    };
    switch (field.kind) {
      case 'bool':
        return (
          <input
            type="checkbox"
            className="switch"
            checked={draft[field.key] === 'true'}
            onChange={(e) => setDraft({ ...draft, [field.key]: String(e.target.checked) })}
            data-testid={`settings-${field.key}`}
          />
        );
      case 'ip': return <input autoComplete="off" spellCheck={false} placeholder={field.placeholder} {...common} />;
      case 'host': return <input autoComplete="off" spellCheck={false} placeholder={field.placeholder} {...common} />;
      case 'email': return <input type="email" autoComplete="off" placeholder={field.placeholder} {...common} />;
      case 'tls':
        return (
          <select {...common}>
            <option value="starttls">{t('settings.smtpTls.starttls')}</option>
            <option value="tls">{t('settings.smtpTls.tls')}</option>
            <option value="none">{t('settings.smtpTls.none')}</option>
          </select>
        );
      case 'secret':
        // Write-only: never filled from the host (it never sends it); empty keeps the stored one.
        return (
          <>
            <input
              {...common}
              type="password"
              autoComplete="new-password"
              value={draft[field.key] === CLEAR_SECRET ? '' : draft[field.key]}
              disabled={draft[field.key] === CLEAR_SECRET}
              placeholder={saved.smtpPasswordSet ? '••••••••' : ''}
            />
            {saved.smtpPasswordSet ? (
              <span className="choice">
                <input
                  type="checkbox"
                  checked={draft[field.key] === CLEAR_SECRET}
                  onChange={(e) => setDraft({ ...draft, [field.key]: e.target.checked ? CLEAR_SECRET : '' })}
                  aria-label={t('settings.smtpPasswordClear')}
                  data-testid={`settings-${field.key}-clear`}
                />
                <span>{t('settings.smtpPasswordClear')}</span>
              </span>
            ) : null}
          </>
        );
      case 'locale':
        return (
          <select {...common}>
            <option value="da">{t('lang.da')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        );
      case 'eventTypes': {
        // cars (issue 9 §2): one checkbox per event type the broker may hear of.
        const chosen = new Set(draft[field.key].split(',').filter((type) => type !== ''));
        const toggle = (type: string, on: boolean) => {
          if (on) chosen.add(type);
          else chosen.delete(type);
          setDraft({ ...draft, [field.key]: BROKER_EVENT_TYPES.filter((x) => chosen.has(x)).join(',') });
        };
        return (
          <span className="choice-list" data-testid={`settings-${field.key}`}>
            {BROKER_EVENT_TYPES.map((type) => (
              <span key={type} className="choice">
                <input type="checkbox" checked={chosen.has(type)} onChange={(e) => toggle(type, e.target.checked)} aria-label={type} data-testid={`settings-broker-${type}`} />
                <code>{type}</code>
              </span>
            ))}
          </span>
        );
      }
      case 'time': return <TimeInput value={draft[field.key]} onChange={(v) => setDraft({ ...draft, [field.key]: v })} testId={`settings-${field.key}`} />;
      case 'int': return <input type="number" inputMode="numeric" {...common} />;
      case 'zone': return <input list="time-zones" autoComplete="off" {...common} />;
      case 'currency': return <input list="currencies" maxLength={3} autoComplete="off" style={{ textTransform: 'uppercase' }} {...common} />;
      case 'url': return <input type="url" placeholder={field.placeholder} {...common} />;
      default: return <input {...common} />;
    }
  };

  const hintFor = (field: SettingsField): string | undefined => {
    if (field.kind === 'url') return t('settings.urlHint');
    if (field.kind === 'ip') return t('settings.lanHostHint');
    // The host may listen elsewhere than the setting says (started with --port): the field says so.
    if (field.key === 'lanPort' && listeningPort !== null && String(listeningPort) !== draft.lanPort) return t('settings.portNow', { port: listeningPort });
    if (field.key === 'smtpHost') return t('settings.smtpHostHint');
    if (field.key === 'smtpUser') return t('settings.smtpUserHint');
    if (field.key === 'smtpFrom') return t('settings.smtpFromHint');
    if (field.key === 'smtpPassword') return t(saved.smtpPasswordSet ? 'settings.smtpPasswordSet' : 'settings.smtpPasswordNotSet');
    return undefined;
  };

  return (
    <form className="settings-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <ErrorAlert error={error} testId="settings-error" />
      {submitted && invalid ? <ErrorAlert error={t('validation.fixFields')} testId="settings-invalid" /> : null}
      {SECTIONS.map((section) => (
        <fieldset key={section.id} className="panel fieldset settings-section">
          <legend>{t(section.label)}</legend>
          <div className="form-grid">
            {SETTINGS_FIELDS.filter((f) => f.section === section.id).map((field) => (
              <Field
                key={field.key}
                label={t(field.label)}
                wide={field.kind === 'url' || field.kind === 'eventTypes'}
                error={errors[field.key] ?? null}
                hint={hintFor(field)}
                inline={field.kind === 'bool'}
              >
                {input(field)}
              </Field>
            ))}
            {section.id === 'lan' ? <NetworkPanel /> : null}
            {section.id === 'integrations' ? <SettingsBrokerLine eventServiceUrl={saved.eventServiceUrl} /> : null}
          </div>
        </fieldset>
      ))}
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
        <button type="button" className="button" disabled={changed === 0} onClick={() => { setDraft(draftOf(saved)); setSubmitted(false); setError(null); }}>
          {t('settings.reset')}
        </button>
        {changed === 0 ? <span className="muted">{t('settings.noChanges')}</span> : null}
      </div>
    </form>
  );
}
