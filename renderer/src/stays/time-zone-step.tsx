/**
 * The first-run step (docs/stays-rules.md, "the time zone"): before a new hotel's first booking an
 * admin confirms or chooses its time zone, prefilled with this machine's zone (only a default). Once
 * the hotel has stays the zone is fixed: the host refuses a change and says why.
 */
import { useState } from 'react';
import { isValidTimeZone } from '../../../shared/time';
import { useT } from '../i18n/locale-store';
import { useSettingsStore } from '../settings/settings-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function TimeZoneStep({ current }: { current: string }) {
  const t = useT();
  const [zone, setZone] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = isValidTimeZone(zone.trim());

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await useSettingsStore.getState().update({ timeZone: zone.trim() });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="session-page" data-testid="time-zone-step">
      <form
        className="panel session-card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('tz.title')}</h1>
        <p>{t('tz.intro')}</p>
        <ErrorAlert error={error} testId="time-zone-error" />
        <Field label={t('tz.zone')} error={valid ? null : t('validation.timeZone')}>
          <input className="input" list="tz-step-zones" value={zone} onChange={(e) => setZone(e.target.value)} autoComplete="off" autoFocus data-testid="time-zone-input" />
        </Field>
        <datalist id="tz-step-zones">
          {timeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="button-row button-row-start">
          <button type="submit" className="button button-primary" disabled={!valid || busy} data-testid="time-zone-confirm">
            {t('tz.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
