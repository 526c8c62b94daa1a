/**
 * The first-run step (docs/stays-rules.md, "the time zone"): before a new hotel's first booking an
 * admin confirms or chooses its time zone, prefilled with the host's guess (the machine's zone, or
 * Europe/Copenhagen on a server running on UTC). It offers only what will work: once the hotel has
 * stays (booked over the API before anyone confirmed) the zone is fixed, so the step shows that zone
 * alone and only confirms it; a refusal that says so (a room block, a stay booked meanwhile) turns
 * the step into that too.
 */
import { useEffect, useState } from 'react';
import { isValidTimeZone } from '../../../shared/time-zones';
import { useT } from '../i18n/locale-store';
import { useSettingsStore } from '../settings/settings-store';
import { TransportError } from '../transport/transport';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { useStaysStore } from './stays-store';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The zone a refusal says is fixed (409 `stays.timeZoneFixed`), or null for any other error. */
function fixedZoneOf(e: unknown): string | null {
  if (!(e instanceof TransportError) || e.reason !== 'stays.timeZoneFixed') return null;
  const zone = e.params?.zone;
  return typeof zone === 'string' ? zone : null;
}


export function TimeZoneStep({ current }: { current: string }) {
  const t = useT();
  const [zone, setZone] = useState(current);
  const [locked, setLocked] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = isValidTimeZone(zone.trim());

  useEffect(() => {
    let live = true;
    void useStaysStore.getState().hasStays().then((has) => {
      if (!live) return;
      setLocked(has);
      if (has) setZone(current);
    });
    return () => {
      live = false;
    };
  }, [current]);

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await useSettingsStore.getState().update({ timeZone: zone.trim() });
    } catch (e) {
      const fixed = fixedZoneOf(e);
      if (fixed !== null) {
        setZone(fixed);
        setLocked(true);
      } else {
        setError(e);
      }
      setBusy(false);
    }
  };

  return (
    <div className="session-page" data-testid="time-zone-step" data-locked={locked === null ? undefined : String(locked)}>
      <form
        className="panel session-card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('tz.title')}</h1>
        {locked ? (
          <p data-testid="time-zone-locked">{t('tz.locked', { zone })}</p>
        ) : (
          <>
            <p>{t('tz.intro')}</p>
            <ErrorAlert error={error} testId="time-zone-error" />
            <Field label={t('tz.zone')} error={valid ? null : t('validation.timeZone')}>
              <input
                className="input"
                list="tz-step-zones"
                value={zone}
                onChange={(e) => setZone(e.target.value)}
                autoComplete="off"
                autoFocus
                data-testid="time-zone-input"
              />
            </Field>
            <datalist id="tz-step-zones">
              {timeZones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
        {locked ? <ErrorAlert error={error} testId="time-zone-error" /> : null}
        <div className="button-row button-row-start">
          <button type="submit" className="button button-primary" disabled={!valid || busy || locked === null} data-testid="time-zone-confirm">
            {t('tz.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
